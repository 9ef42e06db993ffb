// Package validate checks operation inputs against the constraints of the
// service model before anything is sent.
//
// A Checker walks one input and collects every violation, each naming the
// member path (Tags[3].Key), the rule and the limit. Violations come back
// together as one smithy.InvalidParamsError value, the error the official
// clients return for missing required members, so code that inspects
// validation errors ports unchanged.
//
// Rules are declared once per model shape as package-level values (regular
// expressions compile when the package loads) and follow Smithy semantics:
// patterns are not implicitly anchored, and lengths of strings count Unicode
// scalar values, not bytes.
package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aws/smithy-go"
)

// Mode selects how much of the model's constraints a call checks.
type Mode int

const (
	// Full checks every constraint of the model: required members, lengths,
	// patterns, ranges, enums and collection sizes. It is the default.
	Full Mode = iota
	// RequiredOnly checks required members only, as the official clients do.
	RequiredOnly
	// Off checks nothing. Path labels are still escaped and must still be
	// non-empty, because an empty label cannot form a request.
	Off
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case Full:
		return "full"
	case RequiredOnly:
		return "required-only"
	case Off:
		return "off"
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// Pattern is a model pattern with its matcher. Most patterns compile as
// they are; patterns that Go's RE2 engine cannot compile (negative
// look-ahead) are given an exact rewrite in Go.
type Pattern struct {
	// Source is the pattern as the model writes it, shown in messages.
	Source string
	match  func(string) bool
}

// MustPattern compiles a model pattern that RE2 accepts as written. A
// pattern that is a plain sequence of ASCII classes (see simplePattern) is
// matched without the regexp engine, with the same result.
func MustPattern(source string) *Pattern {
	re := regexp.MustCompile(source)
	if simple, ok := compileSimple(source); ok {
		return &Pattern{Source: source, match: simple.match}
	}
	return &Pattern{Source: source, match: re.MatchString}
}

// PatternFunc declares a model pattern matched by a Go function, for
// patterns RE2 cannot compile. The function must accept exactly the strings
// the model's pattern accepts.
func PatternFunc(source string, match func(string) bool) *Pattern {
	return &Pattern{Source: source, match: match}
}

// Match reports whether s matches the pattern anywhere, as Smithy specifies
// (a pattern is anchored only by its own ^ and $).
func (p *Pattern) Match(s string) bool { return p.match(s) }

// String is a rule for a string member: length bounds in Unicode scalar
// values and a pattern. Zero values mean "no constraint".
type String struct {
	MinLen, MaxLen int  // MaxLen applies when HasMax is set
	HasMax         bool // whether MaxLen is a constraint
	Pattern        *Pattern
	Sensitive      bool // keep the value out of messages
}

// Enum is a rule for an enum member: the closed set of model values.
type Enum struct{ Values []string }

// Size is a rule for the number of items in a list or entries in a map.
type Size struct {
	Min, Max int
	HasMax   bool
}

// Range is a rule for a number member. A nil bound is no constraint.
type Range struct{ Min, Max *float64 }

// Checker collects the violations found in one input. The zero value is
// not usable; call New. A Checker allocates nothing until it finds a
// violation.
type Checker struct {
	mode   Mode
	params smithy.InvalidParamsError
	path   [8]pathPart
	depth  int
}

type pathPart struct {
	name  string
	index int // -1 for a member name
	key   string
	isKey bool
}

// New returns a Checker for the input shape named context (for example
// "CopySnapshotInput"), which prefixes every reported field path.
func New(context string, mode Mode) Checker {
	return Checker{mode: mode, params: smithy.InvalidParamsError{Context: context}}
}

// Mode returns the mode the Checker runs in.
func (c *Checker) Mode() Mode { return c.mode }

// Full reports whether constraints beyond required members are checked.
func (c *Checker) Full() bool { return c.mode == Full }

// Enter descends into the structure member name; Leave comes back out.
func (c *Checker) Enter(name string) { c.push(pathPart{name: name, index: -1}) }

// EnterIndex descends into item i of the list member name.
func (c *Checker) EnterIndex(name string, i int) { c.push(pathPart{name: name, index: i}) }

// EnterKey descends into the entry with the given key of the map member name.
func (c *Checker) EnterKey(name, key string) {
	c.push(pathPart{name: name, index: -1, key: key, isKey: true})
}

// Leave undoes the last Enter, EnterIndex or EnterKey.
func (c *Checker) Leave() {
	if c.depth > 0 {
		c.depth--
	}
}

func (c *Checker) push(p pathPart) {
	if c.depth < len(c.path) {
		c.path[c.depth] = p
	}
	c.depth++
}

// Required records a violation when a required member is absent.
func (c *Checker) Required(member string, present bool) {
	if c.mode == Off || present {
		return
	}
	c.add(&Violation{field: c.field(member), Rule: "required", problem: "is required but was not set"})
}

// RequiredString checks a required string member and, in full mode, its rule.
func (c *Checker) RequiredString(member string, v *string, rule *String) {
	c.Required(member, v != nil)
	c.String(member, v, rule)
}

// String checks an optional string member against rule (full mode only).
func (c *Checker) String(member string, v *string, rule *String) {
	if v == nil || c.mode != Full || rule == nil {
		return
	}
	c.StringValue(member, *v, rule)
}

// StringValue checks a string value against rule (full mode only).
func (c *Checker) StringValue(member string, v string, rule *String) {
	if c.mode != Full {
		return
	}
	// A string of len(v) bytes holds from len(v)/4, rounded up, to len(v)
	// characters (an invalid byte counts as one): when those bounds already
	// satisfy the rule, the characters need not be counted.
	if (len(v)+3)/4 < rule.MinLen || rule.HasMax && len(v) > rule.MaxLen {
		n := utf8.RuneCountInString(v)
		switch {
		case n < rule.MinLen:
			c.add(&Violation{field: c.field(member), Rule: "length", problem: fmt.Sprintf(
				"has length %d, less than the minimum %d", n, rule.MinLen)})
		case rule.HasMax && n > rule.MaxLen:
			c.add(&Violation{field: c.field(member), Rule: "length", problem: fmt.Sprintf(
				"has length %d, more than the maximum %d", n, rule.MaxLen)})
		}
	}
	if rule.Pattern != nil && !rule.Pattern.Match(v) {
		c.add(&Violation{field: c.field(member), Rule: "pattern", problem: describeValue(v, rule.Sensitive) +
			" does not match the pattern " + rule.Pattern.Source})
	}
}

// EnumValue checks a set enum member against the model's values (full mode
// only). An empty value means "not set" and is left to Required.
func (c *Checker) EnumValue(member string, v string, rule *Enum) {
	if c.mode != Full || v == "" {
		return
	}
	for _, allowed := range rule.Values {
		if v == allowed {
			return
		}
	}
	c.add(&Violation{field: c.field(member), Rule: "enum", problem: fmt.Sprintf(
		"value %q is not one of %s", truncate(v), strings.Join(rule.Values, ", "))})
}

// Size checks the item count of a set list or map member (full mode only).
func (c *Checker) Size(member string, n int, set bool, rule *Size) {
	if c.mode != Full || !set {
		return
	}
	switch {
	case n < rule.Min:
		c.add(&Violation{field: c.field(member), Rule: "size", problem: fmt.Sprintf(
			"has %d items, fewer than the minimum %d", n, rule.Min)})
	case rule.HasMax && n > rule.Max:
		c.add(&Violation{field: c.field(member), Rule: "size", problem: fmt.Sprintf(
			"has %d items, more than the maximum %d", n, rule.Max)})
	}
}

// Number checks a set number member against rule (full mode only).
func (c *Checker) Number(member string, v float64, rule *Range) {
	if c.mode != Full {
		return
	}
	switch {
	case rule.Min != nil && v < *rule.Min:
		c.add(&Violation{field: c.field(member), Rule: "range", problem: fmt.Sprintf(
			"is %v, less than the minimum %v", v, *rule.Min)})
	case rule.Max != nil && v > *rule.Max:
		c.add(&Violation{field: c.field(member), Rule: "range", problem: fmt.Sprintf(
			"is %v, more than the maximum %v", v, *rule.Max)})
	}
}

// Err returns the collected violations as one smithy.InvalidParamsError
// value, as the official clients' validators do (so errors.As with a
// smithy.InvalidParamsError target works the same), or nil when there are
// none.
func (c *Checker) Err() error {
	if c.params.Len() == 0 {
		return nil
	}
	return c.params
}

func (c *Checker) add(v *Violation) { c.params.Add(v) }

// field renders the current path plus member, e.g. Tags[3].Key.
func (c *Checker) field(member string) string {
	var b strings.Builder
	for i := 0; i < c.depth && i < len(c.path); i++ {
		p := c.path[i]
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.name)
		switch {
		case p.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(p.index))
			b.WriteByte(']')
		case p.isKey:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(truncate(p.key)))
			b.WriteByte(']')
		}
	}
	if member != "" {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(member)
	}
	return b.String()
}

// Violation is one broken constraint. It implements smithy.InvalidParamError,
// so it carries the input shape name as its context, like the official
// required-member errors.
type Violation struct {
	// Rule names the broken constraint: required, length, pattern, enum,
	// size or range.
	Rule    string
	field   string
	context string
	nested  string
	problem string
}

// Error describes the violation: the field path, then what is wrong, e.g.
// "CopySnapshotInput.TargetBucket: value "a b" does not match the pattern
// ^[A-Za-z0-9._-]+$". A missing required member reads like the official
// client's message: "missing required field, CopySnapshotInput.Name.".
func (v *Violation) Error() string {
	if v.Rule == "required" {
		return "missing required field, " + v.Field() + "."
	}
	return v.Field() + ": " + v.problem
}

// Field returns the full path of the member, prefixed by the input shape.
func (v *Violation) Field() string {
	parts := make([]string, 0, 3)
	for _, p := range []string{v.context, v.nested, v.field} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// Path returns the member path inside the input, e.g. Tags[3].Key.
func (v *Violation) Path() string { return v.field }

// SetContext sets the input shape name.
func (v *Violation) SetContext(ctx string) { v.context = ctx }

// AddNestedContext prefixes the path with an enclosing member.
func (v *Violation) AddNestedContext(ctx string) {
	if v.nested == "" {
		v.nested = ctx
		return
	}
	v.nested = ctx + "." + v.nested
}

func describeValue(v string, sensitive bool) string {
	if sensitive {
		return "value (sensitive, " + strconv.Itoa(utf8.RuneCountInString(v)) + " characters)"
	}
	return "value " + strconv.Quote(truncate(v))
}

// truncate shortens long values in messages.
func truncate(s string) string {
	const max = 64
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	return string(runes[:max]) + "…"
}

// Valid reports whether v satisfies the rule, as StringValue would find
// it, without recording anything.
func (r *String) Valid(v string) bool {
	if r.MinLen > 0 || r.HasMax {
		n := utf8.RuneCountInString(v)
		if n < r.MinLen || r.HasMax && n > r.MaxLen {
			return false
		}
	}
	return r.Pattern == nil || r.Pattern.Match(v)
}
