package main

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// generate writes the files of the service.
func (g *generator) generate() error {
	if err := g.enums(); err != nil {
		return err
	}
	if err := g.errorsFile(); err != nil {
		return err
	}
	if err := g.operationShapes(); err != nil {
		return err
	}
	return g.structs()
}

// typesPath is the path of a file of the service's types package.
func (g *generator) typesPath(file string) string {
	return g.svc.Name + "/types/" + file
}

// describe returns the overlay's description of the shape, or an error
// naming the shape that lacks one.
func (g *generator) describe(name string) (string, error) {
	d, ok := g.svc.Describe[name]
	if !ok {
		return "", fmt.Errorf("overlay.go has no description of %s", name)
	}
	if !strings.HasPrefix(d, name+" ") {
		return "", fmt.Errorf("the description of %s must start with its name", name)
	}
	return d, nil
}

// sortedShapes returns the shapes for which keep is true, by name.
func (g *generator) sortedShapes(keep func(*smithymodel.Shape) bool) []*smithymodel.Shape {
	var list []*smithymodel.Shape
	for _, s := range g.m.Shapes {
		if keep(s) {
			list = append(list, s)
		}
	}
	sort.Slice(list, func(i, j int) bool { return smithymodel.Name(list[i].ID) < smithymodel.Name(list[j].ID) })
	return list
}

// enums writes types/enums.go: every enum shape of the model.
func (g *generator) enums() error {
	enums := g.sortedShapes(func(s *smithymodel.Shape) bool { return s.Type == "enum" })
	for _, s := range g.m.Shapes {
		if s.Type == "intEnum" || (s.Type == "string" && s.Traits.Has("smithy.api#enum")) {
			return fmt.Errorf("%s: the generator does not handle %s enums", s.ID, s.Type)
		}
	}
	var b bytes.Buffer
	b.WriteString("package types\n")
	for _, s := range enums {
		name := smithymodel.Name(s.ID)
		desc, err := g.describe(name)
		if err != nil {
			return err
		}
		values := s.EnumValues()
		fmt.Fprintf(&b, "\n%s", comment(desc+" The model lists "+count(len(values), "value")+
			"; a value the service sends that is not among them is kept as it is."))
		fmt.Fprintf(&b, "type %s string\n\n", name)
		fmt.Fprintf(&b, "// The values of %s in the model, in model order.\nconst (\n", name)
		for _, v := range values {
			fmt.Fprintf(&b, "\t%s%s %s = %s\n", name, enumConstName(v.Name), name, strconv.Quote(v.Value))
		}
		b.WriteString(")\n\n")
		b.WriteString(comment("Values returns the values the model lists for " + name + ", in model order."))
		fmt.Fprintf(&b, "func (%s) Values() []%s {\n\treturn []%s{\n", name, name, name)
		for _, v := range values {
			fmt.Fprintf(&b, "\t\t%s,\n", strconv.Quote(v.Value))
		}
		b.WriteString("\t}\n}\n")
	}
	return g.emit(g.typesPath("enums.go"), &b)
}

// enumConstName turns an enum member name into the suffix of its Go
// constant as the official clients spell it: each run of letters and
// digits between separators starts with a capital; a run written all in
// one case is lowered after its first letter.
func enumConstName(member string) string {
	var out strings.Builder
	for _, part := range strings.FieldsFunc(member, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if part == strings.ToUpper(part) || part == strings.ToLower(part) {
			part = strings.ToLower(part)
		}
		out.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return out.String()
}

// structs writes types/types.go: the structures the operation's input,
// output and errors reach, other than those three kinds themselves.
func (g *generator) structs() error {
	op := g.m.Operation()
	if op == nil {
		return fmt.Errorf("the model has no single operation")
	}
	list := g.sortedShapes(func(s *smithymodel.Shape) bool {
		return s.Type == "structure" && s.ID != op.Input && s.ID != op.Output && !s.Traits.Has(smithymodel.TraitError)
	})
	if len(list) == 0 {
		return nil
	}
	var body bytes.Buffer
	imports := map[string]bool{}
	for _, s := range list {
		if err := g.structDecl(&body, s, imports); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString("package types\n")
	writeImports(&b, imports)
	b.Write(body.Bytes())
	return g.emit(g.typesPath("types.go"), &b)
}

// writeImports writes the import block of imports: the standard library
// first, then the others.
func writeImports(b *bytes.Buffer, imports map[string]bool) {
	if len(imports) == 0 {
		return
	}
	var groups [3][]string // standard library, others, this module
	for path := range imports {
		switch {
		case strings.HasPrefix(path, "github.com/awssnap/awssnap/"):
			groups[2] = append(groups[2], path)
		case strings.Contains(path, "."):
			groups[1] = append(groups[1], path)
		default:
			groups[0] = append(groups[0], path)
		}
	}
	b.WriteString("\nimport (\n")
	first := true
	for _, group := range groups {
		if len(group) == 0 {
			continue
		}
		if !first {
			b.WriteString("\n")
		}
		first = false
		sort.Strings(group)
		for _, p := range group {
			fmt.Fprintf(b, "\t%q\n", p)
		}
	}
	b.WriteString(")\n")
}

// structDecl writes one structure with its doc comments and, for a
// sensitive structure or one with sensitive members, the methods that
// keep them out of prints, logs and JSON.
func (g *generator) structDecl(b *bytes.Buffer, s *smithymodel.Shape, imports map[string]bool) error {
	name := smithymodel.Name(s.ID)
	desc, err := g.describe(name)
	if err != nil {
		return err
	}
	if err := g.structBody(b, s, name, desc, "", imports); err != nil {
		return err
	}
	g.redaction(b, s, name, imports)
	return nil
}

// sensitiveFields returns the Go names of the sensitive members of s.
func (g *generator) sensitiveFields(s *smithymodel.Shape) []string {
	var redacted []string
	for _, mem := range orderedMembers(s) {
		if _, ok := g.m.Trait(mem, smithymodel.TraitSensitive); ok {
			redacted = append(redacted, exported(mem.Name))
		}
	}
	return redacted
}

// structBody writes the doc comment and declaration of structure s as the
// Go type name; prefix qualifies the types package's names.
func (g *generator) structBody(b *bytes.Buffer, s *smithymodel.Shape, name, desc, prefix string, imports map[string]bool) error {
	redacted := g.sensitiveFields(s)
	switch {
	case s.Traits.Has(smithymodel.TraitSensitive):
		desc += " The whole structure is sensitive: it prints as \"*** sensitive ***\"."
	case len(redacted) > 0:
		desc += " Its sensitive members are redacted wherever it prints: " + strings.Join(redacted, ", ") + "."
	}
	fmt.Fprintf(b, "\n%stype %s struct {\n", comment(desc), name)
	for _, mem := range orderedMembers(s) {
		typ, err := g.goType(mem, false, prefix, imports)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", name, mem.Name, err)
		}
		fmt.Fprintf(b, "\n%s\t%s %s\n", indent(comment(g.memberDoc(name, mem))), exported(mem.Name), typ)
	}
	b.WriteString("}\n")
	return nil
}

// redaction writes, for a sensitive structure or one with sensitive
// members, the methods that keep them out of prints, logs and JSON.
func (g *generator) redaction(b *bytes.Buffer, s *smithymodel.Shape, name string, imports map[string]bool) {
	redacted := g.sensitiveFields(s)
	switch {
	case s.Traits.Has(smithymodel.TraitSensitive):
		imports["fmt"], imports["io"], imports["log/slog"] = true, true, true
		imports["github.com/awssnap/awssnap/internal/redact"] = true
		fmt.Fprintf(b, `
// Format prints the placeholder whatever the verb: %[1]s is sensitive.
func (%[1]s) Format(f fmt.State, _ rune) { io.WriteString(f, redact.Placeholder) }

// String returns the placeholder: %[1]s is sensitive.
func (%[1]s) String() string { return redact.Placeholder }

// LogValue returns the placeholder: %[1]s is sensitive.
func (%[1]s) LogValue() slog.Value { return slog.StringValue(redact.Placeholder) }

// MarshalJSON writes the placeholder as a JSON string: %[1]s is sensitive.
func (%[1]s) MarshalJSON() ([]byte, error) { return redact.JSON(nil) }
`, name)
	case len(redacted) > 0:
		imports["fmt"], imports["log/slog"] = true, true
		imports["github.com/awssnap/awssnap/internal/redact"] = true
		fields := strings.Join(redacted, ", ")
		quoted := `"` + strings.Join(redacted, `", "`) + `"`
		fmt.Fprintf(b, `
// Format prints the value as fmt does, with %[2]s redacted.
func (v %[1]s) Format(f fmt.State, verb rune) { redact.Format(f, verb, v, %[3]s) }

// String returns the value as %%v prints it, with %[2]s redacted.
func (v %[1]s) String() string { return fmt.Sprint(v) }

// LogValue returns the value as a slog group, with %[2]s redacted.
func (v %[1]s) LogValue() slog.Value { return redact.LogValue(v, %[3]s) }

// MarshalJSON writes the value as encoding/json does, with %[2]s redacted.
func (v %[1]s) MarshalJSON() ([]byte, error) { return redact.JSON(v, %[3]s) }
`, name, fields, quoted)
	}
}

// orderedMembers returns the members in the official clients' field
// order: the required members by name, then the others by name.
func orderedMembers(s *smithymodel.Shape) []*smithymodel.Member {
	members := append([]*smithymodel.Member(nil), s.Members...)
	sort.SliceStable(members, func(i, j int) bool {
		ri, rj := members[i].Traits.Has(smithymodel.TraitRequired), members[j].Traits.Has(smithymodel.TraitRequired)
		if ri != rj {
			return ri
		}
		return members[i].Name < members[j].Name
	})
	return members
}

// goType returns the Go type of a member; elem is true for list and map
// elements, which are values rather than pointers.
func (g *generator) goType(mem *smithymodel.Member, elem bool, prefix string, imports map[string]bool) (string, error) {
	t := g.m.Shape(mem.Target)
	if t == nil {
		return "", fmt.Errorf("no shape %s", mem.Target)
	}
	ptr := "*"
	if elem || (mem.Traits.Has("smithy.api#default") && !mem.Traits.Has("smithy.api#clientOptional")) {
		ptr = ""
	}
	switch t.Type {
	case "structure":
		return ptr + prefix + smithymodel.Name(t.ID), nil
	case "enum":
		return prefix + smithymodel.Name(t.ID), nil
	case "string":
		return ptr + "string", nil
	case "boolean":
		return ptr + "bool", nil
	case "integer":
		return ptr + "int32", nil
	case "long":
		return ptr + "int64", nil
	case "float":
		return ptr + "float32", nil
	case "double":
		return ptr + "float64", nil
	case "timestamp":
		imports["time"] = true
		return ptr + "time.Time", nil
	case "blob":
		return "[]byte", nil
	case "list":
		e, err := g.goType(t.Member, true, prefix, imports)
		return "[]" + e, err
	case "map":
		e, err := g.goType(t.Value, true, prefix, imports)
		return "map[string]" + e, err
	}
	return "", fmt.Errorf("the generator does not handle %s shapes (%s)", t.Type, t.ID)
}

// memberDoc states what the model says of a member: its wire name, its
// kind and its constraints.
func (g *generator) memberDoc(structName string, mem *smithymodel.Member) string {
	field := exported(mem.Name)
	t := g.m.Shape(mem.Target)
	var facts []string
	facts = append(facts, fmt.Sprintf("%s is the %q member of %s, %s.", field, mem.Name, structName, g.kind(t)))
	if mem.Traits.Has(smithymodel.TraitRequired) {
		facts = append(facts, "The model requires it.")
	}
	if mem.Traits.Has(smithymodel.TraitHTTPLabel) {
		facts = append(facts, "It is sent in the request path.")
	}
	if mem.Traits.Has(smithymodel.TraitIdempotencyToken) {
		facts = append(facts, "The model marks it an idempotency token.")
	}
	if f := g.constraints(mem, t); f != "" {
		facts = append(facts, f)
	}
	if _, ok := g.m.Trait(mem, smithymodel.TraitSensitive); ok {
		facts = append(facts, "It is sensitive.")
	}
	return strings.Join(facts, " ")
}

// kind names the model type of a shape in a few words.
func (g *generator) kind(t *smithymodel.Shape) string {
	switch t.Type {
	case "structure":
		return "a " + smithymodel.Name(t.ID)
	case "enum":
		return "a " + smithymodel.Name(t.ID) + " value"
	case "list":
		return "a list of " + plural(g.kind(g.m.Shape(t.Member.Target)))
	case "map":
		return "a map to " + plural(g.kind(g.m.Shape(t.Value.Target)))
	case "timestamp":
		return "a time"
	case "integer", "long":
		return "an integer"
	}
	return "a " + t.Type
}

func plural(kind string) string {
	kind = strings.TrimPrefix(strings.TrimPrefix(kind, "a "), "an ")
	if strings.HasSuffix(kind, "s") {
		return kind
	}
	return kind + "s"
}

// constraints states the length, range and pattern of a member.
func (g *generator) constraints(mem *smithymodel.Member, t *smithymodel.Shape) string {
	var facts []string
	var length smithymodel.Length
	if g.m.DecodeTrait(mem, smithymodel.TraitLength, &length) {
		unit := "characters"
		switch t.Type {
		case "list":
			unit = "items"
		case "map":
			unit = "entries"
		case "blob":
			unit = "bytes"
		}
		facts = append(facts, "Length: "+bounds(intPtr(length.Min), intPtr(length.Max))+" "+unit+".")
	}
	var rng smithymodel.Range
	if g.m.DecodeTrait(mem, smithymodel.TraitRange, &rng) {
		facts = append(facts, "Range: "+bounds(floatPtr(rng.Min), floatPtr(rng.Max))+".")
	}
	var pattern string
	if g.m.DecodeTrait(mem, smithymodel.TraitPattern, &pattern) {
		facts = append(facts, "Pattern: "+pattern+" (ECMAScript).")
	}
	return strings.Join(facts, " ")
}

func intPtr(p *int) *string {
	if p == nil {
		return nil
	}
	s := strconv.Itoa(*p)
	return &s
}

func floatPtr(p *float64) *string {
	if p == nil {
		return nil
	}
	s := strconv.FormatFloat(*p, 'f', -1, 64)
	return &s
}

func bounds(lo, hi *string) string {
	switch {
	case lo != nil && hi != nil:
		return *lo + " to " + *hi
	case lo != nil:
		return "at least " + *lo
	case hi != nil:
		return "at most " + *hi
	}
	return "any"
}

// exported returns the Go field name of a member.
func exported(name string) string {
	return strings.ToUpper(name[:1]) + name[1:]
}

// comment wraps text as a // comment of lines up to about 80 columns.
func comment(text string) string {
	var b strings.Builder
	line := "//"
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > 78 && line != "//" {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + word
	}
	b.WriteString(line + "\n")
	return b.String()
}

func indent(text string) string {
	lines := strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n")
	return "\t" + strings.Join(lines, "\t") + "\n"
}

func count(n int, unit string) string {
	if n == 1 {
		return "one " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// errorsFile writes types/errors.go: a typed error for every error shape
// of the model, in the official clients' layout (Message and
// ErrorCodeOverride first, then the other members in model order).
func (g *generator) errorsFile() error {
	list := g.sortedShapes(func(s *smithymodel.Shape) bool {
		return s.Type == "structure" && s.Traits.Has(smithymodel.TraitError)
	})
	imports := map[string]bool{}
	var body bytes.Buffer
	for _, s := range list {
		if err := g.errorDecl(&body, s, imports); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString("package types\n\nimport (\n")
	for _, p := range []string{"time"} {
		if imports[p] {
			fmt.Fprintf(&b, "\t%q\n\n", p)
		}
	}
	b.WriteString("\tsmithy \"github.com/aws/smithy-go\"\n)\n")
	b.Write(body.Bytes())
	b.WriteString(`
func message(m *string) string {
	if m == nil {
		return ""
	}
	return *m
}

func code(override *string, name string) string {
	if override == nil {
		return name
	}
	return *override
}
`)
	return g.emit(g.typesPath("errors.go"), &b)
}

// errorDecl writes one typed error and its smithy.APIError methods.
func (g *generator) errorDecl(b *bytes.Buffer, s *smithymodel.Shape, imports map[string]bool) error {
	name := smithymodel.Name(s.ID)
	desc, err := g.describe(name)
	if err != nil {
		return err
	}
	var kind string
	s.Traits.Decode(smithymodel.TraitError, &kind)
	fault := map[string]string{"client": "FaultClient", "server": "FaultServer"}[kind]
	if fault == "" {
		return fmt.Errorf("%s: error trait %q is neither client nor server", name, kind)
	}
	facts := []string{desc, "The model calls it a " + kind + " error"}
	var status int
	if s.Traits.Decode(smithymodel.TraitHTTPError, &status) {
		facts[1] += fmt.Sprintf(" with HTTP status %d", status)
	}
	facts[1] += "."
	var retry struct {
		Throttling bool `json:"throttling"`
	}
	if s.Traits.Decode("smithy.api#retryable", &retry) {
		if retry.Throttling {
			facts = append(facts, "It marks it retryable as a throttling error.")
		} else {
			facts = append(facts, "It marks it retryable.")
		}
	}
	fmt.Fprintf(b, "\n%stype %s struct {\n\t// Message is the service's description of the failure.\n\tMessage *string\n\n"+
		"\t// ErrorCodeOverride, when set, is the code the service sent in place of %s.\n\tErrorCodeOverride *string\n",
		comment(strings.Join(facts, " ")), name, name)
	for _, mem := range s.Members {
		if strings.EqualFold(mem.Name, "message") {
			continue
		}
		typ, err := g.goType(mem, false, "", imports)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", name, mem.Name, err)
		}
		fmt.Fprintf(b, "\n%s\t%s %s\n", indent(comment(g.memberDoc(name, mem))), exported(mem.Name), typ)
	}
	fmt.Fprintf(b, `}

// Error returns the code and message.
func (e *%[1]s) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *%[1]s) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns %[2]q, or the code the service sent instead.
func (e *%[1]s) ErrorCode() string {
	if e == nil {
		return %[2]q
	}
	return code(e.ErrorCodeOverride, %[2]q)
}

// ErrorFault returns smithy.%[4]s: the model calls it a %[3]s error.
func (e *%[1]s) ErrorFault() smithy.ErrorFault { return smithy.%[4]s }
`, name, name, kind, fault)
	return nil
}

// operationShapes writes <service>/api_op_<Operation>_shapes.go: the
// operation's input and output structures.
func (g *generator) operationShapes() error {
	op := g.m.Operation()
	opName := smithymodel.Name(op.ID)
	imports := map[string]bool{"github.com/aws/smithy-go/middleware": true}
	var body bytes.Buffer
	for _, io := range []struct{ id, suffix, role string }{{op.Input, "Input", "input"}, {op.Output, "Output", "output"}} {
		s := g.m.Shape(io.id)
		if s == nil {
			return fmt.Errorf("%s: no %s shape %s", opName, io.role, io.id)
		}
		name := opName + io.suffix
		desc := fmt.Sprintf("%s is the %s of %s.", name, io.role, opName)
		if err := g.structBody(&body, s, name, desc, "types.", imports); err != nil {
			return err
		}
		if io.role == "output" {
			body.Truncate(body.Len() - len("}\n"))
			body.WriteString("\n\t// ResultMetadata holds the metadata of the call, such as the request ID.\n\tResultMetadata middleware.Metadata\n}\n")
		}
		g.redaction(&body, s, name, imports)
	}
	if strings.Contains(body.String(), "types.") {
		imports["github.com/awssnap/awssnap/"+g.svc.Name+"/types"] = true
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n", g.svc.Name)
	writeImports(&b, imports)
	b.Write(body.Bytes())
	return g.emit(fmt.Sprintf("%s/api_op_%s_shapes.go", g.svc.Name, opName), &b)
}
