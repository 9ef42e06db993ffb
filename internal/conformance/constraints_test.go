package conformance_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// validGen builds input wire data that satisfies every constraint of the
// model: pattern samples, lengths inside their bounds, ranges, enum values,
// lists and maps of two (within their size bounds).
type validGen struct {
	t reporter
	f *fixture
}

func (v *validGen) value(mem *smithymodel.Member, n int) any {
	s := v.f.model.Shape(mem.Target)
	switch s.Type {
	case "string":
		return v.str(mem, n)
	case "enum":
		return s.EnumValues()[0].Value
	case "integer", "long":
		return v.integer(mem)
	case "boolean":
		return true
	case "timestamp":
		return stamp(1767225600123)
	case "list":
		items := make([]any, v.count(mem, 2))
		for i := range items {
			items[i] = v.value(s.Member, i)
		}
		return items
	case "map":
		return v.entries(s, v.count(mem, 2))
	case "structure":
		obj := map[string]any{}
		for _, m := range s.Members {
			obj[m.Name] = v.value(m, n)
		}
		return obj
	}
	v.t.Fatalf("no valid value for shape type %s", s.Type)
	return nil
}

// entries returns n map entries with distinct valid keys.
func (v *validGen) entries(s *smithymodel.Shape, n int) map[string]any {
	m := make(map[string]any, n)
	for i := 0; len(m) < n; i++ {
		if i > 10*n+100 {
			v.t.Fatalf("map %s: cannot make %d distinct valid keys", s.ID, n)
		}
		m[v.str(s.Key, i)] = v.value(s.Value, len(m))
	}
	return m
}

// count clamps want to the member's length trait.
func (v *validGen) count(mem *smithymodel.Member, want int) int {
	var l smithymodel.Length
	if v.f.model.DecodeTrait(mem, smithymodel.TraitLength, &l) {
		if l.Min != nil && want < *l.Min {
			want = *l.Min
		}
		if l.Max != nil && want > *l.Max {
			want = *l.Max
		}
	}
	return want
}

func (v *validGen) integer(mem *smithymodel.Member) int64 {
	var r smithymodel.Range
	if v.f.model.DecodeTrait(mem, smithymodel.TraitRange, &r) {
		if r.Min != nil {
			return int64(*r.Min)
		}
		if r.Max != nil && *r.Max < 1 {
			return int64(*r.Max)
		}
	}
	return 1
}

// str returns the n-th valid string for the member: its pattern's samples
// first, then letter sequences (distinct for distinct n).
func (v *validGen) str(mem *smithymodel.Member, n int) string {
	l, pattern := v.f.stringRules(mem)
	var candidates []string
	samples := patternSamples[pattern].match
	if n < len(samples) {
		candidates = append(candidates, samples[n])
	}
	name := letters(n)
	candidates = append(candidates, name)
	for _, s := range samples {
		candidates = append(candidates, s+name)
		if len(s) > len(name) {
			candidates = append(candidates, s[:len(s)-len(name)]+name)
		}
	}
	for _, c := range candidates {
		if l.Min != nil {
			c = strings.Repeat("a", max(0, *l.Min-utf8.RuneCountInString(c))) + c
		}
		if v.f.validString(v.t, mem, c) {
			return c
		}
	}
	v.t.Fatalf("no valid value #%d for %s (pattern %q)", n, mem.Target, pattern)
	return ""
}

// letters spells n in base 26 with the letters a-z (a is zero), so left
// padding with a keeps distinct values distinct.
func letters(n int) string {
	s := string(rune('a' + n%26))
	for n /= 26; n > 0; n /= 26 {
		s = string(rune('a'+n%26)) + s
	}
	return s
}

// stringRules returns the member's effective length and pattern traits.
func (f *fixture) stringRules(mem *smithymodel.Member) (smithymodel.Length, string) {
	var l smithymodel.Length
	var pattern string
	f.model.DecodeTrait(mem, smithymodel.TraitLength, &l)
	f.model.DecodeTrait(mem, smithymodel.TraitPattern, &pattern)
	return l, pattern
}

// validString reports whether s satisfies the member's length and pattern.
func (f *fixture) validString(t reporter, mem *smithymodel.Member, s string) bool {
	l, pattern := f.stringRules(mem)
	n := utf8.RuneCountInString(s)
	if l.Min != nil && n < *l.Min || l.Max != nil && n > *l.Max {
		return false
	}
	return pattern == "" || ecma(t, pattern).MatchString(s)
}

// site is one place in the input that constraints apply to: a structure
// member, the element of a list, or the key or value of a map entry.
type site struct {
	kind      string // "member", "element", "key" or "value"
	path      []any  // member names, list indices, mapKey{} or mapValue{}
	display   string // the path Validate reports (for map entries, without the key)
	mem       *smithymodel.Member
	shape     *smithymodel.Shape
	sensitive bool
}

type (
	mapKey   struct{}
	mapValue struct{}
)

// shown returns the path Validate reports for the site once value is set.
func (s *site) shown(baseline map[string]any, value any) string {
	switch s.kind {
	case "key":
		return s.display + keyIndex(value.(string))
	case "value":
		m := walk(baseline, s.path[:len(s.path)-1]).(map[string]any)
		return s.display + keyIndex(sortedKeys(m)[0])
	}
	return s.display
}

// keyIndex renders a map key the way the validate package puts it in a
// path: quoted, cut to 64 runes.
func keyIndex(key string) string {
	if utf8.RuneCountInString(key) > 64 {
		key = string([]rune(key)[:64]) + "…"
	}
	return "[" + strconv.Quote(key) + "]"
}

// sites lists every place in the input closure, depth first.
func (f *fixture) sites(baseline map[string]any) []*site {
	var out []*site
	var visit func(s *smithymodel.Shape, path []any, display string, sensitive bool)
	visit = func(s *smithymodel.Shape, path []any, display string, sensitive bool) {
		for _, m := range s.Members {
			target := f.model.Shape(m.Target)
			p := append(slices.Clip(path), m.Name)
			d := join(display, goName(m.Name))
			sens := sensitive || target.Traits.Has(smithymodel.TraitSensitive)
			out = append(out, &site{kind: "member", path: p, display: d, mem: m, shape: target, sensitive: sens})
			out = append(out, f.inner(target, p, d, sens, baseline, visit)...)
		}
	}
	visit(f.model.Shape(f.op.Input), nil, "", false)
	return out
}

// inner returns the sites inside a member's target: the structure's
// members, a list element (index 1, or 0 for a list of one), map entries.
func (f *fixture) inner(target *smithymodel.Shape, p []any, d string, sens bool, baseline map[string]any,
	visit func(*smithymodel.Shape, []any, string, bool)) []*site {
	switch target.Type {
	case "structure":
		visit(target, p, d, sens)
	case "list":
		items, _ := walk(baseline, p).([]any)
		if len(items) == 0 {
			return nil
		}
		i := min(1, len(items)-1)
		elem := f.model.Shape(target.Member.Target)
		ep := append(slices.Clip(p), i)
		ed := fmt.Sprintf("%s[%d]", d, i)
		esens := sens || elem.Traits.Has(smithymodel.TraitSensitive)
		sites := []*site{{kind: "element", path: ep, display: ed, mem: target.Member, shape: elem, sensitive: esens}}
		if elem.Type == "structure" {
			visit(elem, ep, ed, esens)
		}
		return sites
	case "map":
		return []*site{
			{kind: "key", path: append(slices.Clip(p), mapKey{}), display: d, mem: target.Key,
				shape: f.model.Shape(target.Key.Target), sensitive: sens},
			{kind: "value", path: append(slices.Clip(p), mapValue{}), display: d, mem: target.Value,
				shape: f.model.Shape(target.Value.Target), sensitive: sens},
		}
	}
	return nil
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// walk follows path into wire data.
func walk(w any, path []any) any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			w = w.(map[string]any)[p]
		case int:
			w = w.([]any)[p]
		case mapValue:
			m := w.(map[string]any)
			w = m[sortedKeys(m)[0]]
		}
	}
	return w
}

// clone deep-copies wire data.
func clone(w any) any {
	switch v := w.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, item := range v {
			out[k] = clone(item)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = clone(item)
		}
		return out
	}
	return w
}

// with returns a copy of baseline with value stored at the site (or the
// member removed when remove is set).
func with(baseline map[string]any, s *site, value any, remove bool) map[string]any {
	root := clone(baseline).(map[string]any)
	parent := walk(root, s.path[:len(s.path)-1])
	switch last := s.path[len(s.path)-1].(type) {
	case string:
		if remove {
			delete(parent.(map[string]any), last)
		} else {
			parent.(map[string]any)[last] = value
		}
	case int:
		parent.([]any)[last] = value
	case mapKey:
		m := parent.(map[string]any)
		first := sortedKeys(m)[0]
		entry := m[first]
		delete(m, first)
		m[value.(string)] = entry
	case mapValue:
		m := parent.(map[string]any)
		m[sortedKeys(m)[0]] = value
	}
	return root
}

// constraintRun checks one service's input constraints.
type constraintRun struct {
	t        reporter
	f        *fixture
	gen      *validGen
	baseline map[string]any
	srv      *testutil.Server
	n        counts
}

// validate builds the input from wire data and returns its violations.
func (r *constraintRun) validate(w map[string]any) ([]violation, []*validate.Violation, any) {
	r.t.Helper()
	in, err := r.f.build(r.f.input, r.f.op.Input, w)
	if err != nil {
		r.t.Fatal(err)
	}
	vs, raw, err := violations(in.Interface().(interface{ Validate() error }).Validate())
	if err != nil {
		r.t.Fatal(err)
	}
	return vs, raw, in.Interface()
}

// expectation is what setting one value at a site must give.
type expectation struct {
	value  any
	remove bool   // unset the member instead
	rule   string // the rule under test
	want   bool   // {path, rule} must be reported; otherwise it must not
	clean  bool   // nothing at all may be reported
	client bool   // a rejection is also sent through the client
	desc   string
}

// expect sets the value at the site and checks Validate's verdict. With
// e.client, a rejection also goes through the real client, which must fail
// with the same violation without sending anything.
func (r *constraintRun) expect(s *site, e expectation) {
	r.t.Helper()
	vs, raw, in := r.validate(with(r.baseline, s, e.value, e.remove))
	path := s.shown(r.baseline, e.value)
	got := slices.Contains(vs, violation{path, e.rule})
	switch {
	case e.want && !got:
		r.t.Errorf("%s: want violation {%s %s}, Validate reported %v", e.desc, path, e.rule, vs)
	case !e.want && got:
		r.t.Errorf("%s: Validate reported {%s %s}, want none", e.desc, path, e.rule)
	case e.clean && len(vs) > 0:
		r.t.Errorf("%s: want a valid input, Validate reported %v", e.desc, vs)
	}
	r.checkSecrecy(s, e.value, raw, e.desc)
	if e.want && got && e.client {
		r.viaClient(in, violation{path, e.rule}, e.desc)
	}
}

// checkSecrecy fails when a violation message repeats a sensitive value.
func (r *constraintRun) checkSecrecy(s *site, value any, raw []*validate.Violation, desc string) {
	text, ok := value.(string)
	if !s.sensitive || !ok || len(text) < 4 {
		return
	}
	for _, v := range raw {
		if strings.Contains(strings.ReplaceAll(v.Error(), v.Field(), ""), text) {
			r.t.Errorf("%s: the message %q repeats the sensitive value", desc, v.Error())
		}
	}
}

// viaClient checks the real client refuses the input with the violation.
func (r *constraintRun) viaClient(in any, want violation, desc string) {
	r.t.Helper()
	r.n["client rejections"]++
	_, err := r.f.call(context.Background(), callOptions{endpoint: r.srv.Endpoint(), mode: validate.Full}, in)
	vs, _, verr := violations(err)
	if verr != nil || !slices.Contains(vs, want) {
		r.t.Errorf("%s through the client: want violation %v, got %v (%v)", desc, want, vs, err)
	}
}

// TestConstraints derives from the model, for every constraint reachable
// from the input, the values at and just past its bounds and checks
// Validate's verdict, field path and rule; required and optional members;
// enum values; and every pattern against its sample pool, with the ECMA
// matcher deciding the expected verdict.
func TestConstraints(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		srv := testutil.NewServer(t)
		n := checkConstraints(t, f, srv)
		if sent := srv.Count(); sent != 0 {
			t.Errorf("the client sent %d requests for invalid inputs, want 0", sent)
		}
		t.Logf("%s: checked %s", f.name, n)
	})
}

// checkConstraints runs every constraint case of the service's input;
// rejections also go through a client of srv.
func checkConstraints(t reporter, f *fixture, srv *testutil.Server) counts {
	r := &constraintRun{t: t, f: f, gen: &validGen{t: t, f: f}, srv: srv, n: counts{}}
	r.baseline = r.gen.value(&smithymodel.Member{Name: "input", Target: f.op.Input}, 0).(map[string]any)
	if vs, _, _ := r.validate(r.baseline); len(vs) > 0 {
		t.Fatalf("the fully populated valid input is rejected: %v", vs)
	}
	for _, s := range f.sites(r.baseline) {
		r.n["sites"]++
		r.site(s)
	}
	return r.n
}

func (r *constraintRun) site(s *site) {
	if s.kind == "member" {
		r.requiredness(s)
	}
	switch s.shape.Type {
	case "string":
		r.lengths(s)
		r.patterns(s)
	case "enum":
		r.enum(s)
	case "integer", "long":
		r.ranges(s)
	case "list", "map":
		if s.kind == "member" {
			r.sizes(s)
		}
	}
}

// requiredness removes the member: required members are reported (except
// idempotency tokens, which the client fills), optional ones are not.
func (r *constraintRun) requiredness(s *site) {
	desc := "unset " + s.display
	switch {
	case !required(s.mem):
		r.n["optional members"]++
		r.expect(s, expectation{remove: true, rule: "required", clean: true, desc: desc})
	case s.mem.Traits.Has(smithymodel.TraitIdempotencyToken):
		r.n["idempotency tokens"]++
		r.expect(s, expectation{remove: true, rule: "required", clean: true,
			desc: desc + " (idempotency token, filled by the client)"})
	default:
		r.n["required members"]++
		r.expect(s, expectation{remove: true, rule: "required", want: true, client: true, desc: desc})
	}
}

// fillers are the runes boundary strings are made of; multi-byte ones
// prove lengths count runes, not bytes.
var fillers = []string{"😀", "é", "a"}

func (r *constraintRun) lengths(s *site) {
	l, pattern := r.f.stringRules(s.mem)
	if l.Min == nil && l.Max == nil {
		return
	}
	lo := 0
	if l.Min != nil {
		lo = *l.Min
	}
	for _, filler := range fillers {
		at := []int{lo}
		if l.Max != nil {
			at = append(at, *l.Max)
		}
		for _, n := range at {
			value := strings.Repeat(filler, n)
			r.n["length cases"]++
			full := pattern == "" || ecma(r.t, pattern).MatchString(value)
			r.expect(s, expectation{value: value, rule: "length", clean: full,
				desc: fmt.Sprintf("%s of %d×%q", s.display, n, filler)})
		}
		past := []int{}
		if lo > 0 {
			past = append(past, lo-1)
		}
		if l.Max != nil {
			past = append(past, *l.Max+1)
		}
		for _, n := range past {
			r.n["length cases"]++
			r.expect(s, expectation{value: strings.Repeat(filler, n), rule: "length", want: true, client: true,
				desc: fmt.Sprintf("%s of %d×%q", s.display, n, filler)})
		}
	}
}

func (r *constraintRun) patterns(s *site) {
	_, pattern := r.f.stringRules(s.mem)
	if pattern == "" {
		return
	}
	re := ecma(r.t, pattern)
	listed := patternSamples[pattern].noMatch
	for _, sample := range samplePool(pattern) {
		r.n["pattern samples"]++
		match := re.MatchString(sample)
		desc := fmt.Sprintf("%s = %q (pattern %s, matches: %v)", s.display, sample, pattern, match)
		r.expect(s, expectation{value: sample, rule: "pattern", want: !match, client: slices.Contains(listed, sample), desc: desc})
	}
}

func (r *constraintRun) enum(s *site) {
	for _, v := range s.shape.EnumValues() {
		r.n["enum cases"]++
		r.expect(s, expectation{value: v.Value, rule: "enum", clean: true, desc: fmt.Sprintf("%s = %q", s.display, v.Value)})
	}
	r.n["enum cases"]++
	r.expect(s, expectation{value: "NotAModelValue", rule: "enum", want: true, client: true, desc: s.display + " outside the enum"})
}

func (r *constraintRun) ranges(s *site) {
	var rg smithymodel.Range
	if !r.f.model.DecodeTrait(s.mem, smithymodel.TraitRange, &rg) {
		return
	}
	limit := float64(math.MaxInt64)
	if s.shape.Type == "integer" {
		limit = math.MaxInt32
	}
	check := func(v float64, ok bool) {
		if math.Abs(v) > limit {
			return
		}
		r.n["range cases"]++
		r.expect(s, expectation{value: int64(v), rule: "range", want: !ok, clean: ok, client: true, desc: fmt.Sprintf("%s = %v", s.display, v)})
	}
	if rg.Min != nil {
		check(*rg.Min, true)
		check(*rg.Min-1, false)
	}
	if rg.Max != nil {
		check(*rg.Max, true)
		check(*rg.Max+1, false)
	}
}

func (r *constraintRun) sizes(s *site) {
	var l smithymodel.Length
	if !r.f.model.DecodeTrait(s.mem, smithymodel.TraitLength, &l) {
		return
	}
	lo := 0
	if l.Min != nil {
		lo = *l.Min
	}
	collection := func(n int) any {
		if s.shape.Type == "map" {
			return r.gen.entries(s.shape, n)
		}
		items := make([]any, n)
		for i := range items {
			items[i] = r.gen.value(s.shape.Member, i)
		}
		return items
	}
	type sizeCase struct {
		n  int
		ok bool
	}
	cases := []sizeCase{{lo, true}}
	if lo > 0 {
		cases = append(cases, sizeCase{lo - 1, false})
	}
	if l.Max != nil {
		cases = append(cases, sizeCase{*l.Max, true}, sizeCase{*l.Max + 1, false})
	}
	for _, c := range cases {
		r.n["size cases"]++
		r.expect(s, expectation{value: collection(c.n), rule: "size", want: !c.ok, clean: c.ok, client: true,
			desc: fmt.Sprintf("%s with %d items", s.display, c.n)})
	}
}
