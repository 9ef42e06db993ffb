package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/validate"
)

// operationFiles writes the model-derived parts of the operation beside its
// hand-written client method: <service>/api_op_<Operation>_validate.go
// (the constraint rules, the functions that check them and the input's
// Validate method) and <service>/api_op_<Operation>_errors.go (the typed
// errors the operation can return).
func (g *generator) operationFiles() error {
	if err := g.validation(); err != nil {
		return err
	}
	if err := g.errorRegistry(); err != nil {
		return err
	}
	return g.operationDecl()
}

// checker collects the declarations of the validation file while it walks
// the input shape.
type checker struct {
	g       *generator
	rules   bytes.Buffer      // the rule variables, in order of first use
	funcs   bytes.Buffer      // the validate<Shape> functions after the input's
	ruleKey map[string]string // rule variable -> the key and sensitivity it stands for
	done    map[string]bool   // structures and maps whose function is written
	checks  map[string]bool   // memo of hasChecks
	needReq map[string]bool   // memo of hasRequired
	imports map[string]bool   // import paths the file needs
	facts   struct {
		sensitive bool
		maps      []string
	} // what the Validate doc mentions
}

// validation writes <service>/api_op_<Operation>_validate.go.
func (g *generator) validation() error {
	op := g.m.Operation()
	opName := smithymodel.Name(op.ID)
	input := g.m.Shape(op.Input)
	if input == nil {
		return fmt.Errorf("%s: no input shape %s", opName, op.Input)
	}
	inName := opName + "Input"
	c := &checker{g: g, ruleKey: map[string]string{}, done: map[string]bool{}, checks: map[string]bool{},
		needReq: map[string]bool{}, imports: map[string]bool{}}
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n", g.svc.Name)
	var body bytes.Buffer
	token := g.requiredToken(input)
	switch {
	case !c.hasChecks(input, map[string]bool{}):
		fmt.Fprintf(&body, "\n%sfunc (in *%s) Validate() error {\n\treturn nil\n}\n", comment(
			"Validate checks the input against the constraints of the model. The model states none for "+inName+
				", so Validate always returns nil; it exists so that every input of this library can be checked the same way, a nil one included."),
			inName)
	default:
		c.imports["github.com/awssnap/awssnap/internal/validate"] = true
		var fn bytes.Buffer
		if err := c.structFunc(&fn, input, inName, false, token); err != nil {
			return err
		}
		entry := "validate" + inName
		if token != nil {
			entry = "check" + inName
		}
		doc := "Validate checks the input against every constraint of the model and returns all violations at once as a smithy.InvalidParamsError."
		if c.facts.sensitive {
			doc += " Values of sensitive members never appear in its messages."
		}
		for _, m := range c.facts.maps {
			doc += fmt.Sprintf(` A violation of a key or value of %[1]s is reported at the path %[1]s["<key>"], keys in sorted order.`, m)
		}
		args := ""
		if token != nil {
			tok := exported(token.Name)
			doc += fmt.Sprintf(" It checks what a call would send: a nil %s is not reported, because the call fills it before checking.", tok)
			args = ", true"
		}
		doc += " A nil input is checked as an empty one."
		fmt.Fprintf(&body, "\n%sfunc (in *%s) Validate() error {\n\tif in == nil {\n\t\tin = &%s{}\n\t}\n"+
			"\tcheck := validate.New(%q, validate.Full)\n\t%s(in, &check%s)\n\treturn check.Err()\n}\n",
			comment(doc), inName, inName, inName, entry, args)
		if c.rules.Len() > 0 {
			body.WriteString("\n// The constraints of the model's shapes, in the order the checks use them.\nvar (\n")
			body.Write(c.rules.Bytes())
			body.WriteString(")\n")
		}
		if token != nil {
			tok := exported(token.Name)
			fmt.Fprintf(&body, "\n%sfunc validate%s(in *%s, c *validate.Checker) {\n\tcheck%s(in, c, false)\n}\n",
				comment(fmt.Sprintf("validate%s checks the input as a call sends it, with %s filled.", inName, tok)), inName, inName, inName)
		}
		body.Write(fn.Bytes())
		body.Write(c.funcs.Bytes())
	}
	writeImports(&b, c.imports)
	b.Write(body.Bytes())
	return g.emit(fmt.Sprintf("%s/api_op_%s_validate.go", g.svc.Name, opName), &b)
}

// requiredToken returns the required idempotency token member of the
// input, which a call fills before checking, or nil.
func (g *generator) requiredToken(input *smithymodel.Shape) *smithymodel.Member {
	for _, mem := range input.Members {
		if mem.Traits.Has(smithymodel.TraitIdempotencyToken) && mem.Traits.Has(smithymodel.TraitRequired) {
			return mem
		}
	}
	return nil
}

// constraintTraits are the traits that make a rule; the generator refuses
// the ones it does not check rather than skip them.
var constraintTraits = []string{smithymodel.TraitLength, smithymodel.TraitPattern, smithymodel.TraitRange}

// unsupportedTraits are constraint traits no generated check covers yet.
var unsupportedTraits = []string{"smithy.api#uniqueItems", "smithy.api#enum"}

// hasChecks reports whether validating a value of shape s can report
// anything: a required member or a constraint anywhere below it.
func (c *checker) hasChecks(s *smithymodel.Shape, visiting map[string]bool) bool {
	if v, ok := c.checks[s.ID]; ok {
		return v
	}
	if visiting[s.ID] {
		return false
	}
	visiting[s.ID] = true
	defer delete(visiting, s.ID)
	found := false
	for _, mem := range c.g.children(s) {
		if mem.Traits.Has(smithymodel.TraitRequired) || c.memberRuled(mem) {
			found = true
			break
		}
		if t := c.g.m.Shape(mem.Target); t != nil && c.hasChecks(t, visiting) {
			found = true
			break
		}
	}
	c.checks[s.ID] = found
	return found
}

// hasRequired reports whether validating a value of shape s can report a
// missing required member, which every mode but Off checks.
func (c *checker) hasRequired(s *smithymodel.Shape, visiting map[string]bool) bool {
	if v, ok := c.needReq[s.ID]; ok {
		return v
	}
	if visiting[s.ID] {
		return false
	}
	visiting[s.ID] = true
	defer delete(visiting, s.ID)
	found := false
	for _, mem := range c.g.children(s) {
		if mem.Traits.Has(smithymodel.TraitRequired) {
			found = true
			break
		}
		if t := c.g.m.Shape(mem.Target); t != nil && c.hasRequired(t, visiting) {
			found = true
			break
		}
	}
	c.needReq[s.ID] = found
	return found
}

// children returns the members of a structure, the member of a list, or
// the key and value of a map.
func (g *generator) children(s *smithymodel.Shape) []*smithymodel.Member {
	switch s.Type {
	case "structure":
		return s.Members
	case "list":
		return []*smithymodel.Member{s.Member}
	case "map":
		return []*smithymodel.Member{s.Key, s.Value}
	}
	return nil
}

// memberRuled reports whether the member's value has a rule of its own:
// a length, pattern or range, or an enum's closed set of values.
func (c *checker) memberRuled(mem *smithymodel.Member) bool {
	for _, id := range constraintTraits {
		if _, ok := c.g.m.Trait(mem, id); ok {
			return true
		}
	}
	t := c.g.m.Shape(mem.Target)
	return t != nil && t.Type == "enum"
}

// checkOrder returns the members of structure s in the order they are
// checked: the overlay's order for the structure first, then the model's.
func (g *generator) checkOrder(s *smithymodel.Shape) ([]*smithymodel.Member, error) {
	first := g.svc.CheckOrder[smithymodel.Name(s.ID)]
	var out []*smithymodel.Member
	listed := map[string]bool{}
	for _, name := range first {
		found := false
		for _, mem := range s.Members {
			if mem.Name == name {
				out = append(out, mem)
				listed[name], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("overlay.go orders a member %s that %s lacks", name, s.ID)
		}
	}
	for _, mem := range s.Members {
		if !listed[mem.Name] {
			out = append(out, mem)
		}
	}
	return out, nil
}

// structFunc writes the function that checks a structure. The function of
// the input with a required idempotency token takes a third argument
// saying whether an unset token goes unreported.
func (c *checker) structFunc(b *bytes.Buffer, s *smithymodel.Shape, goName string, sensitive bool, token *smithymodel.Member) error {
	sensitive = sensitive || s.Traits.Has(smithymodel.TraitSensitive)
	members, err := c.g.checkOrder(s)
	if err != nil {
		return err
	}
	name, param, args := "validate"+goName, goName, ""
	if token != nil {
		name, args = "check"+goName, ", tokenUnset bool"
	}
	if s.ID != c.g.m.Operation().Input {
		param = "types." + goName
		c.imports["github.com/awssnap/awssnap/"+c.g.svc.Name+"/types"] = true
	}
	var body bytes.Buffer
	for _, mem := range members {
		if err := c.member(&body, mem, sensitive, token); err != nil {
			return fmt.Errorf("%s.%s: %w", goName, mem.Name, err)
		}
	}
	doc := fmt.Sprintf("%s checks the members of %s: ", name, goName)
	if len(c.g.svc.CheckOrder[smithymodel.Name(s.ID)]) > 0 {
		doc += "those overlay.go orders first, then the others in model order."
	} else {
		doc += "in model order, the order of the official client's required-member checks."
	}
	if token != nil {
		doc += fmt.Sprintf(" With tokenUnset, a nil %s is not reported missing.", exported(token.Name))
	}
	fmt.Fprintf(b, "\n%sfunc %s(in *%s, c *validate.Checker%s) {\n%s}\n", comment(doc), name, param, args, body.Bytes())
	return nil
}

// member writes the checks of one member of a structure.
func (c *checker) member(b *bytes.Buffer, mem *smithymodel.Member, sensitive bool, token *smithymodel.Member) error {
	t := c.g.m.Shape(mem.Target)
	if t == nil {
		return fmt.Errorf("no shape %s", mem.Target)
	}
	for _, id := range unsupportedTraits {
		if _, ok := c.g.m.Trait(mem, id); ok {
			return fmt.Errorf("the generator does not check %s", id)
		}
	}
	field := exported(mem.Name)
	v := "in." + field
	required := mem.Traits.Has(smithymodel.TraitRequired)
	if required && mem.Traits.Has("smithy.api#default") && !mem.Traits.Has("smithy.api#clientOptional") {
		return fmt.Errorf("a required member with a default value is always set; the generator does not check it")
	}
	present := v + " != nil"
	if token != nil && mem == token {
		present = "tokenUnset || " + present
	}
	switch t.Type {
	case "string":
		rule, err := c.rule(mem, t, sensitive)
		if err != nil {
			return err
		}
		switch {
		case required && rule != "" && token != nil && mem == token:
			fmt.Fprintf(b, "\tc.Required(%q, %s)\n\tc.String(%q, %s, %s)\n", field, present, field, v, rule)
		case required && rule != "":
			fmt.Fprintf(b, "\tc.RequiredString(%q, %s, %s)\n", field, v, rule)
		case required:
			fmt.Fprintf(b, "\tc.Required(%q, %s)\n", field, present)
		case rule != "":
			fmt.Fprintf(b, "\tc.String(%q, %s, %s)\n", field, v, rule)
		}
		return nil
	case "enum":
		if required {
			fmt.Fprintf(b, "\tc.Required(%q, %s != \"\")\n", field, v)
		}
		rule, err := c.rule(mem, t, sensitive)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "\tc.EnumValue(%q, string(%s), %s)\n", field, v, rule)
		return nil
	case "list", "map":
		if required {
			fmt.Fprintf(b, "\tc.Required(%q, %s)\n", field, present)
		}
		if _, ok := c.g.m.Trait(mem, smithymodel.TraitPattern); ok {
			return fmt.Errorf("a pattern on a %s", t.Type)
		}
		rule, err := c.rule(mem, t, sensitive)
		if err != nil {
			return err
		}
		if rule != "" {
			fmt.Fprintf(b, "\tc.Size(%q, len(%s), %s != nil, %s)\n", field, v, v, rule)
		}
		sensitive = sensitive || t.Traits.Has(smithymodel.TraitSensitive) || mem.Traits.Has(smithymodel.TraitSensitive)
		if t.Type == "list" {
			return c.listItems(b, field, v, t, sensitive)
		}
		return c.mapEntries(b, field, v, t, sensitive)
	case "structure":
		if required {
			fmt.Fprintf(b, "\tc.Required(%q, %s)\n", field, present)
		}
		if !c.hasChecks(t, map[string]bool{}) {
			return nil
		}
		sensitive = sensitive || mem.Traits.Has(smithymodel.TraitSensitive)
		fn, err := c.structRef(t, sensitive)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "\tif %s != nil {\n\t\tc.Enter(%q)\n\t\t%s(%s, c)\n\t\tc.Leave()\n\t}\n", v, field, fn, v)
		return nil
	case "boolean", "timestamp", "blob", "document":
		if c.memberRuled(mem) {
			return fmt.Errorf("the generator does not check constraints on %s members", t.Type)
		}
		if required {
			fmt.Fprintf(b, "\tc.Required(%q, %s)\n", field, present)
		}
		return nil
	}
	return fmt.Errorf("the generator does not check %s members", t.Type)
}

// listItems writes the checks of each item of a list.
func (c *checker) listItems(b *bytes.Buffer, field, v string, list *smithymodel.Shape, sensitive bool) error {
	item := list.Member
	t := c.g.m.Shape(item.Target)
	if t == nil {
		return fmt.Errorf("no shape %s", item.Target)
	}
	switch t.Type {
	case "string", "enum":
		rule, err := c.rule(item, t, sensitive)
		if err != nil || rule == "" {
			return err
		}
		check := fmt.Sprintf("c.StringValue(\"\", item, %s)", rule)
		if t.Type == "enum" {
			check = fmt.Sprintf("c.EnumValue(\"\", string(item), %s)", rule)
		}
		fmt.Fprintf(b, "\tif c.Full() {\n\t\tfor i, item := range %s {\n\t\t\tc.EnterIndex(%q, i)\n\t\t\t%s\n\t\t\tc.Leave()\n\t\t}\n\t}\n",
			v, field, check)
		return nil
	case "structure":
		if !c.hasChecks(t, map[string]bool{}) {
			return nil
		}
		fn, err := c.structRef(t, sensitive)
		if err != nil {
			return err
		}
		loop := fmt.Sprintf("for i := range %s {\n\t\tc.EnterIndex(%q, i)\n\t\t%s(&%s[i], c)\n\t\tc.Leave()\n\t}\n", v, field, fn, v)
		if c.hasRequired(t, map[string]bool{}) {
			b.WriteString("\t" + loop)
		} else {
			fmt.Fprintf(b, "\tif c.Full() {\n\t%s\t}\n", strings.ReplaceAll(loop, "\n\t", "\n\t\t"))
		}
		return nil
	}
	if c.hasChecks(t, map[string]bool{}) || c.memberRuled(item) {
		return fmt.Errorf("the generator does not check items of %s shapes in lists", t.Type)
	}
	return nil
}

// mapEntries writes the checks of each entry of a map of strings. Entries
// are reported in sorted key order, so that messages are reproducible;
// a map whose entries are all valid is confirmed without sorting, which
// allocates nothing.
func (c *checker) mapEntries(b *bytes.Buffer, field, v string, m *smithymodel.Shape, sensitive bool) error {
	kt, vt := c.g.m.Shape(m.Key.Target), c.g.m.Shape(m.Value.Target)
	if kt == nil || vt == nil {
		return fmt.Errorf("map %s: missing key or value shape", m.ID)
	}
	if kt.Type != "string" || vt.Type != "string" {
		if c.hasChecks(vt, map[string]bool{}) || c.memberRuled(m.Key) || c.memberRuled(m.Value) {
			return fmt.Errorf("the generator checks maps of strings to strings only, not %s", m.ID)
		}
		return nil
	}
	keyRule, err := c.rule(m.Key, kt, sensitive)
	if err != nil {
		return err
	}
	valueRule, err := c.rule(m.Value, vt, sensitive)
	if err != nil {
		return err
	}
	if keyRule == "" && valueRule == "" {
		return nil
	}
	if _, ok := c.g.m.Trait(m.Key, smithymodel.TraitSensitive); ok || sensitive {
		return fmt.Errorf("map %s: a violation names its key, which is sensitive", m.ID)
	}
	fn := "validate" + smithymodel.Name(m.ID)
	fmt.Fprintf(b, "\t%s(%q, %s, c)\n", fn, field, v)
	c.facts.maps = append(c.facts.maps, field)
	if c.done[fn] {
		return nil
	}
	c.done[fn] = true
	c.imports["maps"], c.imports["slices"] = true, true
	var valid, checks []string
	if keyRule != "" {
		valid = append(valid, fmt.Sprintf("!%s.Valid(key)", keyRule))
		checks = append(checks, fmt.Sprintf("\t\tc.StringValue(\"\", key, %s)\n", keyRule))
	}
	if valueRule != "" {
		valid = append(valid, fmt.Sprintf("!%s.Valid(value)", valueRule))
		checks = append(checks, fmt.Sprintf("\t\tc.StringValue(\"\", entries[key], %s)\n", valueRule))
	}
	value := "value"
	if valueRule == "" {
		value = "_"
	}
	fmt.Fprintf(&c.funcs, "\n%sfunc %s(member string, entries map[string]string, c *validate.Checker) {\n"+
		"\tif !c.Full() {\n\t\treturn\n\t}\n\tvalid := true\n\tfor key, %s := range entries {\n\t\tif %s {\n\t\t\tvalid = false\n\t\t\tbreak\n\t\t}\n\t}\n"+
		"\tif valid {\n\t\treturn\n\t}\n\tfor _, key := range slices.Sorted(maps.Keys(entries)) {\n\t\tc.EnterKey(member, key)\n%s\t\tc.Leave()\n\t}\n}\n",
		comment(fmt.Sprintf("%s checks every entry of a %s map, reporting violations in sorted key order so that messages are reproducible. A map whose entries are all valid is confirmed without sorting, which allocates nothing.",
			fn, smithymodel.Name(m.ID))), fn, value, strings.Join(valid, " || "), strings.Join(checks, ""))
	return nil
}

// structRef returns the name of the function that checks structure t,
// writing it the first time.
func (c *checker) structRef(t *smithymodel.Shape, sensitive bool) (string, error) {
	name := smithymodel.Name(t.ID)
	fn := "validate" + name
	key := fn + "/" + strconv.FormatBool(sensitive || t.Traits.Has(smithymodel.TraitSensitive))
	if c.done[key] {
		return fn, nil
	}
	if c.done[fn] {
		return "", fmt.Errorf("%s is reached both inside and outside a sensitive value; the generator writes one function per structure", name)
	}
	c.done[fn], c.done[key] = true, true
	var b bytes.Buffer
	if err := c.structFunc(&b, t, name, sensitive, nil); err != nil {
		return "", err
	}
	c.funcs.Write(b.Bytes())
	return fn, nil
}

// rule returns the variable holding the rule of a member's value, writing
// its declaration the first time, or "" when the model constrains the
// value in no way.
func (c *checker) rule(mem *smithymodel.Member, t *smithymodel.Shape, sensitive bool) (string, error) {
	if !c.memberRuled(mem) {
		return "", nil
	}
	key, base := smithymodel.Name(t.ID), smithymodel.Name(t.ID)
	for _, id := range constraintTraits {
		if _, ok := mem.Traits[id]; ok {
			key, base = c.structOf(mem)+"$"+mem.Name, c.structOf(mem)+exported(mem.Name)
		}
	}
	sensitive = sensitive || t.Traits.Has(smithymodel.TraitSensitive) || mem.Traits.Has(smithymodel.TraitSensitive)
	name, ok := c.g.svc.RuleNames[key]
	if !ok {
		name = lowerCamel(goInitialisms(base)) + "Rule"
	}
	want := key + "/" + strconv.FormatBool(sensitive)
	if have, ok := c.ruleKey[name]; ok {
		if have != want {
			return "", fmt.Errorf("rule %s stands for both %s and %s", name, have, want)
		}
		return name, nil
	}
	c.ruleKey[name] = want
	var decl string
	switch t.Type {
	case "enum":
		c.imports["github.com/awssnap/awssnap/"+c.g.svc.Name+"/types"] = true
		enum := smithymodel.Name(t.ID)
		var values []string
		for _, v := range t.EnumValues() {
			values = append(values, fmt.Sprintf("string(types.%s%s)", enum, enumConstName(v.Name)))
		}
		if sensitive {
			return "", fmt.Errorf("enum %s is sensitive, and an enum violation shows its value", enum)
		}
		decl = fmt.Sprintf("&validate.Enum{Values: []string{%s}}", strings.Join(values, ", "))
	case "string":
		var fields []string
		var length smithymodel.Length
		if c.g.m.DecodeTrait(mem, smithymodel.TraitLength, &length) {
			if length.Min != nil && *length.Min > 0 {
				fields = append(fields, fmt.Sprintf("MinLen: %d", *length.Min))
			}
			if length.Max != nil {
				fields = append(fields, fmt.Sprintf("MaxLen: %d, HasMax: true", *length.Max))
			}
		}
		var pattern string
		if c.g.m.DecodeTrait(mem, smithymodel.TraitPattern, &pattern) {
			p, err := c.g.pattern(pattern)
			if err != nil {
				return "", err
			}
			fields = append(fields, "Pattern: "+p)
		}
		if _, ok := c.g.m.Trait(mem, smithymodel.TraitRange); ok {
			return "", fmt.Errorf("a range on a string")
		}
		if sensitive {
			fields = append(fields, "Sensitive: true")
			c.facts.sensitive = true
		}
		decl = fmt.Sprintf("&validate.String{%s}", strings.Join(fields, ", "))
	case "list", "map":
		var length smithymodel.Length
		if !c.g.m.DecodeTrait(mem, smithymodel.TraitLength, &length) {
			return "", fmt.Errorf("a %s with a constraint other than its length", t.Type)
		}
		var fields []string
		if length.Min != nil && *length.Min > 0 {
			fields = append(fields, fmt.Sprintf("Min: %d", *length.Min))
		}
		if length.Max != nil {
			fields = append(fields, fmt.Sprintf("Max: %d, HasMax: true", *length.Max))
		}
		decl = fmt.Sprintf("&validate.Size{%s}", strings.Join(fields, ", "))
	default:
		return "", fmt.Errorf("the generator does not check constraints on %s shapes", t.Type)
	}
	fmt.Fprintf(&c.rules, "\t%s = %s\n", name, decl)
	return name, nil
}

// structOf returns the name of the structure (or list or map) a member
// belongs to.
func (c *checker) structOf(mem *smithymodel.Member) string {
	for _, s := range c.g.m.Shapes {
		for _, m := range c.g.children(s) {
			if m == mem {
				return smithymodel.Name(s.ID)
			}
		}
	}
	return "unknown"
}

// ecmaOnly returns the first part of a pattern whose meaning may differ
// between Smithy's ECMAScript dialect and Go's RE2, or that RE2 lacks: a
// dot outside a class (ECMAScript's also refuses \r, U+2028 and U+2029),
// a negated class or escape (ECMAScript counts UTF-16 code units), a
// Unicode-aware escape, a group with flags or look-around, or a non-ASCII
// character. It returns "" when RE2 reads the pattern as ECMAScript does.
func ecmaOnly(source string) string {
	inClass := false
	for i := 0; i < len(source); i++ {
		switch ch := source[i]; {
		case ch >= 0x80:
			return "a non-ASCII character"
		case ch == '\\' && i+1 < len(source):
			i++
			if strings.IndexByte("sSWDbBuUpPcx0123456789kK", source[i]) >= 0 {
				return source[i-1 : i+1]
			}
		case inClass:
			inClass = ch != ']'
		case ch == '[':
			inClass = true
			if i+1 < len(source) && source[i+1] == '^' {
				return "[^"
			}
		case ch == '.':
			return "."
		case ch == '(' && i+1 < len(source) && source[i+1] == '?':
			return "(?"
		}
	}
	return ""
}

// pattern returns the Go expression of a model pattern: the overlay's
// hand-written matcher, or the pattern compiled by RE2 when RE2 reads it
// as ECMAScript does.
func (g *generator) pattern(source string) (string, error) {
	if name, ok := g.svc.Patterns[source]; ok {
		return name, nil
	}
	if part := ecmaOnly(source); part != "" {
		return "", fmt.Errorf("pattern %s: %s may not mean in RE2 what it means in ECMAScript; give it a hand-written matcher in patterns.go and overlay.go",
			source, part)
	}
	if _, err := regexp.Compile(source); err != nil {
		return "", fmt.Errorf("pattern %s: %w", source, err)
	}
	runs, ok := validate.CompileSimple(source)
	if !ok {
		return fmt.Sprintf("validate.MustPattern(%s)", "`"+source+"`"), nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "validate.SimplePattern(%s", "`"+source+"`")
	for _, r := range runs {
		fmt.Fprintf(&b, ",\n\tvalidate.Run{Ranges: %s, Min: %d, Max: %d}", strconv.Quote(r.Ranges), r.Min, r.Max)
	}
	b.WriteString(")")
	return b.String(), nil
}

// goInitialisms spells the word Id as Go spells it, ID.
func goInitialisms(name string) string {
	var out strings.Builder
	for i := 0; i < len(name); i++ {
		if name[i] == 'I' && i+1 < len(name) && name[i+1] == 'd' &&
			(i+2 == len(name) || name[i+2] < 'a' || name[i+2] > 'z') {
			out.WriteString("ID")
			i++
			continue
		}
		out.WriteByte(name[i])
	}
	return out.String()
}

// lowerCamel lowers the leading capital, or the leading initialism, of a
// name: DomainID becomes domainID, KMSKey kmsKey.
func lowerCamel(name string) string {
	n := 0
	for n < len(name) && 'A' <= name[n] && name[n] <= 'Z' {
		n++
	}
	if n > 1 && n < len(name) {
		n--
	}
	return strings.ToLower(name[:n]) + name[n:]
}

// errorRegistry writes <service>/api_op_<Operation>_errors.go: the
// registry of the typed errors the operation can return, the operation's
// errors and the service's common ones, by code.
func (g *generator) errorRegistry() error {
	op := g.m.Operation()
	opName := smithymodel.Name(op.ID)
	seen := map[string]bool{}
	for _, id := range append(append([]string(nil), op.Errors...), g.m.Service().Errors...) {
		seen[id] = true
	}
	list := g.sortedShapes(func(s *smithymodel.Shape) bool { return seen[s.ID] })
	imports := map[string]bool{
		"github.com/awssnap/awssnap/internal/apierror":        true,
		"github.com/awssnap/awssnap/internal/jsonwire":        true,
		"github.com/awssnap/awssnap/" + g.svc.Name + "/types": true,
	}
	var body bytes.Buffer
	for _, s := range list {
		name := smithymodel.Name(s.ID)
		var others []string
		for _, mem := range s.Members {
			if !strings.EqualFold(mem.Name, "message") {
				others = append(others, mem.Name)
			}
		}
		switch {
		case len(others) == 0:
			fmt.Fprintf(&body, "\t{Code: %q, Decode: func(r *jsonwire.Reader) error {\n\t\treturn &types.%s{Message: apierror.DecodeMessage(r)}\n\t}},\n",
				name, name)
		case g.svc.ErrorMembersDecoder != "":
			fields := []string{"Message: m.message"}
			for _, o := range others {
				fields = append(fields, fmt.Sprintf("%s: m.%s", exported(o), strings.ToLower(o[:1])+o[1:]))
			}
			fmt.Fprintf(&body, "\t{Code: %q, Decode: func(r *jsonwire.Reader) error {\n\t\tm := %s(r)\n\t\treturn &types.%s{%s}\n\t}},\n",
				name, g.svc.ErrorMembersDecoder, name, strings.Join(fields, ", "))
		default:
			fmt.Fprintf(&body, "\t{Code: %q, Decode: decode%s},\n", name, name)
		}
	}
	if !strings.Contains(body.String(), "jsonwire.") {
		delete(imports, "github.com/awssnap/awssnap/internal/jsonwire")
	}
	if !strings.Contains(body.String(), "types.") {
		delete(imports, "github.com/awssnap/awssnap/"+g.svc.Name+"/types")
	}
	var b bytes.Buffer
	doc := fmt.Sprintf("errorRegistry lists the typed errors of %s by code: the %s the model lists for the operation", opName, count(len(op.Errors), "error"))
	if extra := len(list) - len(op.Errors); extra > 0 {
		doc += fmt.Sprintf(", plus %s the service declares for all its operations", count(extra, "error"))
	}
	doc += ". An error carrying only a message is decoded here; one with other members by its own decoder, decode<Error>."
	if g.svc.ErrorMembersDecoder != "" {
		doc = fmt.Sprintf("errorRegistry lists the typed errors of %s by code. Every error carries the same members, read by %s.", opName, g.svc.ErrorMembersDecoder)
	}
	fmt.Fprintf(&b, "\n%svar errorRegistry = apierror.Registry{\n%s}\n", comment(doc), body.Bytes())
	if g.m.Service().Traits.Has("smithy.protocols#rpcv2Cbor") {
		imports["github.com/awssnap/awssnap/internal/cborwire"] = true
		fmt.Fprintf(&b, "\n%svar cborErrorRegistry = apierror.CBORRegistry{\n", comment(
			"cborErrorRegistry lists the same typed errors for responses in Smithy RPC v2 CBOR."))
		for _, s := range list {
			name := smithymodel.Name(s.ID)
			if len(s.Members) != 1 || !strings.EqualFold(s.Members[0].Name, "message") {
				return fmt.Errorf("%s: the generator decodes CBOR errors that carry only a message", name)
			}
			fmt.Fprintf(&b, "\t{Code: %q, Decode: func(r *cborwire.Reader) error {\n\t\treturn &types.%s{Message: apierror.DecodeCBORMessage(r)}\n\t}},\n",
				name, name)
		}
		b.WriteString("}\n")
	}
	var file bytes.Buffer
	fmt.Fprintf(&file, "package %s\n", g.svc.Name)
	writeImports(&file, imports)
	file.Write(b.Bytes())
	return g.emit(fmt.Sprintf("%s/api_op_%s_errors.go", g.svc.Name, opName), &file)
}

// operationDecl writes <service>/api_op_<Operation>_operation.go: the
// transport.Operation value the client method calls, with the binding of
// the model's protocol, the generated codecs, checks and error registry,
// the idempotency token and what the model says of idempotency and
// sensitive bodies. A model that also lists rpcv2Cbor gets the operation
// in that protocol as the default, as the official client sends it, and
// in the model's other protocol as a variant that Options.Protocol
// selects.
func (g *generator) operationDecl() error {
	op := g.m.Operation()
	svc := g.m.Service()
	opName := smithymodel.Name(op.ID)
	in, out := opName+"Input", opName+"Output"
	input, output := g.m.Shape(op.Input), g.m.Shape(op.Output)
	varName := strings.ToLower(opName[:1]) + opName[1:]
	imports := map[string]bool{
		"github.com/awssnap/awssnap/internal/protocol":  true,
		"github.com/awssnap/awssnap/internal/transport": true,
	}
	c := &checker{g: g, checks: map[string]bool{}}
	validates := c.hasChecks(input, map[string]bool{})

	type field struct{ name, value string }
	var binding, bindingDoc string
	switch proto := svc.Protocol(); proto {
	case "restJson1":
		var http smithymodel.HTTP
		if !op.Traits.Decode(smithymodel.TraitHTTP, &http) || http.Method == "" {
			return fmt.Errorf("%s has no http trait", opName)
		}
		binding = fmt.Sprintf("protocol.NewRESTJSON(%q)", http.Method)
	case "awsJson1_0", "awsJson1_1":
		kind := map[string]string{"awsJson1_0": "protocol.AWSJSON10", "awsJson1_1": "protocol.AWSJSON11"}[proto]
		binding = fmt.Sprintf("protocol.NewAWSJSON(%s, %q)", kind, smithymodel.Name(svc.ID)+"."+opName)
		if g.svc.SchemaJSON {
			binding += ".WithJSONStyle(jsonwire.Schema)"
			imports["github.com/awssnap/awssnap/internal/jsonwire"] = true
			bindingDoc = "Strings are escaped and read as the official client's schema-based serializers do"
		}
		if g.svc.ExactErrorCodes {
			binding += ".WithExactErrorCodes()"
			bindingDoc += ", and error codes match the registry exactly, case included"
		}
		if bindingDoc != "" {
			bindingDoc += "."
		}
	default:
		return fmt.Errorf("the generator does not declare operations in %q", proto)
	}

	// common are the fields of the operation in every protocol.
	var common []field
	add := func(name, value string) { common = append(common, field{name, value}) }
	if validates {
		add("Validate", "validate"+in)
	}
	add("InputName", strconv.Quote(in))
	for _, mem := range input.Members {
		if mem.Traits.Has(smithymodel.TraitIdempotencyToken) {
			add("Token", fmt.Sprintf("func(in *%s) **string { return &in.%s }", in, exported(mem.Name)))
		}
	}
	idempotent := op.Traits.Has("smithy.api#idempotent") || op.Traits.Has("smithy.api#readonly")
	var idempotentDoc string
	switch {
	case g.svc.Idempotent != "" && idempotent:
		return fmt.Errorf("overlay.go calls %s idempotent, which the model already says", opName)
	case g.svc.Idempotent != "":
		idempotent, idempotentDoc = true, g.svc.Idempotent
	}
	if idempotent {
		add("Idempotent", "true")
	}
	if g.reachesSensitive(input, map[string]bool{}) {
		add("SensitiveInput", "true")
	}
	if g.reachesSensitive(output, map[string]bool{}) {
		add("SensitiveOutput", "true")
	}

	jsonFields := []field{{"Service", "service"}, {"Name", strconv.Quote(opName)}, {"Binding", binding}}
	if svc.Protocol() == "restJson1" {
		jsonFields = append(jsonFields, field{"Path", "path" + opName})
	}
	jsonFields = append(jsonFields, field{"Encode", "encode" + in}, field{"Decode", "decode" + out})
	jsonFields = append(jsonFields, common...)
	jsonFields = append(jsonFields, field{"Errors", "errorRegistry"})

	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n", g.svc.Name)
	writeImports(&b, imports)
	writeOp := func(doc, name string, fields []field) {
		fmt.Fprintf(&b, "\n%svar %s = &transport.Operation[%s, %s]{\n", comment(doc), name, in, out)
		for _, f := range fields {
			fmt.Fprintf(&b, "\t%s: %s,\n", f.name, f.value)
		}
		b.WriteString("}\n")
	}
	doc := func(name, proto string) string {
		d := fmt.Sprintf("%s declares the %s operation in %s.", name, opName, proto)
		if bindingDoc != "" && proto == svc.Protocol() {
			d += " " + bindingDoc
		}
		if idempotentDoc != "" {
			d += " " + idempotentDoc
		}
		return d
	}
	if !svc.Traits.Has("smithy.protocols#rpcv2Cbor") {
		writeOp(doc(varName, svc.Protocol()), varName, jsonFields)
		return g.emit(fmt.Sprintf("%s/api_op_%s_operation.go", g.svc.Name, opName), &b)
	}
	jsonName, cborBinding := varName+"JSON", varName+"CBOR"
	cborFields := []field{
		{"Service", "service"}, {"Name", strconv.Quote(opName)}, {"Binding", cborBinding},
		{"Encode", "encode" + in + "CBOR"},
	}
	cborFields = append(cborFields, common...)
	cborFields = append(cborFields,
		field{"CBOR", fmt.Sprintf("&transport.CBORCodec[%s]{Decode: decode%sCBOR, Errors: cborErrorRegistry}", out, out)},
		field{"Protocols", fmt.Sprintf("&protocol.Chooser{Bindings: []*protocol.Binding{%s, %s.Binding}}", cborBinding, jsonName)},
		field{"Variants", fmt.Sprintf("[]*transport.Operation[%s, %s]{%s}", in, out, jsonName)})
	writeOp(doc(varName, "Smithy RPC v2 CBOR")+fmt.Sprintf(" It is the default, as for the official client; "+
		"Options.Protocol selects %s instead.", jsonName), varName, cborFields)
	fmt.Fprintf(&b, "\n%svar %s = protocol.NewRPCv2CBOR(%q, %q)\n",
		comment(fmt.Sprintf("%s is the Smithy RPC v2 CBOR binding of %s.", cborBinding, opName)), cborBinding, smithymodel.Name(svc.ID), opName)
	writeOp(doc(jsonName, svc.Protocol()), jsonName, jsonFields)
	return g.emit(fmt.Sprintf("%s/api_op_%s_operation.go", g.svc.Name, opName), &b)
}

// reachesSensitive reports whether a value of shape s can hold a member
// the model marks @sensitive.
func (g *generator) reachesSensitive(s *smithymodel.Shape, visiting map[string]bool) bool {
	if s == nil || visiting[s.ID] {
		return false
	}
	if s.Traits.Has(smithymodel.TraitSensitive) {
		return true
	}
	visiting[s.ID] = true
	defer delete(visiting, s.ID)
	for _, mem := range g.children(s) {
		if mem.Traits.Has(smithymodel.TraitSensitive) || g.reachesSensitive(g.m.Shape(mem.Target), visiting) {
			return true
		}
	}
	return false
}
