package conformance_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// knownTraits are the traits these tests understand (or that have no
// bearing on the Go types or the wire). A trait outside this list fails
// TestModelHasOnlyKnownTraits, so nothing new in a model goes unchecked.
var knownTraits = map[string]bool{
	smithymodel.TraitRequired: true, smithymodel.TraitLength: true, smithymodel.TraitRange: true,
	smithymodel.TraitPattern: true, smithymodel.TraitEnumValue: true, smithymodel.TraitError: true,
	smithymodel.TraitHTTPError: true, smithymodel.TraitHTTP: true, smithymodel.TraitHTTPLabel: true,
	smithymodel.TraitIdempotencyToken: true, smithymodel.TraitSensitive: true,
	"smithy.api#documentation": true, "smithy.api#input": true, "smithy.api#output": true,
	"smithy.api#retryable": true, "smithy.api#idempotent": true, "smithy.api#notProperty": true,
	"smithy.api#xmlName": true, "smithy.api#title": true, "smithy.api#cors": true,
	"smithy.api#paginated": true, "smithy.api#xmlNamespace": true, "smithy.api#examples": true,
	"aws.protocols#awsQueryError": true, "aws.api#service": true, "aws.auth#sigv4": true,
	"aws.api#controlPlane": true, "aws.iam#conditionKeys": true, "aws.iam#iamAction": true,
	"aws.iam#defineConditionKeys": true, "aws.iam#supportedPrincipalTypes": true,
	"aws.endpoints#dualStackOnlyEndpoints": true, "aws.endpoints#standardRegionalEndpoints": true,
	"smithy.rules#endpointRuleSet": true, "smithy.rules#staticContextParams": true,
	// Each service's endpoints_test.go runs the model's endpoint tests.
	"smithy.rules#endpointTests": true,
	// MemoryDB offers Smithy RPC v2 CBOR beside awsJson1_1; the wire tests
	// check the client against the model's aws.protocols trait.
	"smithy.protocols#rpcv2Cbor": true,
	"aws.protocols#awsJson1_0":   true, "aws.protocols#awsJson1_1": true, "aws.protocols#restJson1": true,
}

// knownTypes are the shape types the Go type checks and generators handle.
var knownTypes = map[string]bool{
	"service": true, "operation": true, "structure": true, "list": true, "map": true, "string": true,
	"enum": true, "integer": true, "long": true, "boolean": true, "timestamp": true,
}

func TestModelHasOnlyKnownTraits(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		for _, id := range sortedKeys(f.model.Shapes) {
			s := f.model.Shapes[id]
			if !knownTypes[s.Type] {
				t.Errorf("shape %s has type %s, which these tests do not handle", id, s.Type)
			}
			traits := []smithymodel.Traits{s.Traits}
			for _, m := range append(members(s), s.Members...) {
				traits = append(traits, m.Traits)
			}
			for _, tr := range traits {
				for trait := range tr {
					if !knownTraits[trait] {
						t.Errorf("shape %s uses trait %s, which these tests do not check", id, trait)
					}
				}
			}
		}
	})
}

// TestShapes checks every structure, enum and error of the operation's
// closure against the Go types: field names, field types, field order, no
// extra exported fields, enum values and constants.
func TestShapes(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		n := checkShapes(t, f, f.errorTypes(t), parseConsts(t, f.typesPkg))
		t.Logf("%s: checked %s", f.name, n)
	})
}

// errorTypes maps each error shape to the Go type its response decodes to
// through the real client.
func (f *fixture) errorTypes(t *testing.T) map[string]reflect.Type {
	types := map[string]reflect.Type{}
	for _, s := range f.errorShapes() {
		if typ := f.errorType(t, s); typ != nil {
			types[s.ID] = typ
		}
	}
	return types
}

// checkShapes checks the input, the output, the errors (as the decoded
// types errTypes) and everything they reach; consts are the constants of
// the types package.
func checkShapes(t reporter, f *fixture, errTypes map[string]reflect.Type, consts map[string]map[string]string) counts {
	c := &shapeChecker{t: t, f: f, seen: map[string]bool{}, counts: counts{}, consts: consts}
	c.structure(f.op.Input, f.input, "input")
	c.structure(f.op.Output, f.output, "output")
	roots := []string{f.op.Input, f.op.Output}
	for _, s := range f.errorShapes() {
		roots = append(roots, s.ID)
		typ := errTypes[s.ID]
		if typ == nil {
			continue
		}
		if typ.Name() != smithymodel.Name(s.ID) || typ.PkgPath() != f.typesPkg {
			t.Errorf("error %s decodes to %v, want %s.%s", s.ID, typ, f.typesPkg, smithymodel.Name(s.ID))
		}
		c.structure(s.ID, typ, "error")
	}
	for _, s := range f.closure(roots...) {
		if (s.Type == "structure" || s.Type == "enum") && !c.seen[s.ID] {
			t.Errorf("%s %s of the operation's closure was not checked", s.Type, s.ID)
		}
	}
	return c.counts
}

type shapeChecker struct {
	t      reporter
	f      *fixture
	seen   map[string]bool
	consts map[string]map[string]string // Go type → constant name → value
	counts counts
}

// structure checks a structure shape against the struct type typ; role is
// "input", "output", "error" or "" for nested structures.
func (c *shapeChecker) structure(id string, typ reflect.Type, role string) {
	if c.seen[id] {
		return
	}
	c.seen[id] = true
	s := c.f.model.Shape(id)
	name := smithymodel.Name(id)
	if typ.Kind() != reflect.Struct {
		c.t.Errorf("structure %s: Go type %v is not a struct", name, typ)
		return
	}
	c.counts[strings.TrimSpace(role+" structures")]++
	modelled := map[string]bool{}
	for _, m := range s.Members {
		c.counts["members"]++
		field, ok := typ.FieldByName(goName(m.Name))
		where := name + "." + m.Name
		if !ok {
			c.t.Errorf("%s: %v has no field %s", where, typ, goName(m.Name))
			continue
		}
		modelled[field.Name] = true
		c.check(where, m.Target, field.Type, false)
	}
	for i := 0; i < typ.NumField(); i++ {
		field := typ.Field(i)
		if !field.IsExported() || modelled[field.Name] {
			continue
		}
		c.extraField(name, role, typ, field)
	}
	if want, got := fieldOrder(s, role), exportedFields(typ); !slices.Equal(want, got) {
		c.t.Errorf("structure %s: field order of %v differs from the official generator's (-want +got):\n%s",
			name, typ, cmp.Diff(want, got))
	}
}

// extraField reports an exported field the model lacks, except the
// conventions of the official types: ResultMetadata on outputs, Message
// and ErrorCodeOverride on errors.
func (c *shapeChecker) extraField(name, role string, typ reflect.Type, field reflect.StructField) {
	ptrString := reflect.TypeFor[*string]()
	switch {
	case role == "output" && field.Name == "ResultMetadata":
		if field.Type != reflect.TypeFor[middleware.Metadata]() {
			c.t.Errorf("%s.ResultMetadata has type %v, want middleware.Metadata", typ, field.Type)
		}
	case role == "error" && (field.Name == "ErrorCodeOverride" || field.Name == "Message"):
		if field.Type != ptrString {
			c.t.Errorf("%s.%s has type %v, want *string", typ, field.Name, field.Type)
		}
	default:
		c.t.Errorf("structure %s: %v has exported field %s that the model lacks", name, typ, field.Name)
	}
}

// check compares the Go type got with what the official generator makes of
// shape id: pointers for scalars and structures outside collections, values
// inside lists and maps, enum types for enums.
func (c *shapeChecker) check(where, id string, got reflect.Type, inCollection bool) {
	s := c.f.model.Shape(id)
	if s == nil {
		c.t.Errorf("%s: target %s is not in the model", where, id)
		return
	}
	scalar := map[string]reflect.Type{
		"string": reflect.TypeFor[string](), "integer": reflect.TypeFor[int32](), "long": reflect.TypeFor[int64](),
		"boolean": reflect.TypeFor[bool](), "timestamp": reflect.TypeFor[time.Time](),
		"float": reflect.TypeFor[float32](), "double": reflect.TypeFor[float64](),
	}
	switch s.Type {
	case "enum":
		if got.Kind() != reflect.String || got.Name() != smithymodel.Name(id) || got.PkgPath() != c.f.typesPkg {
			c.t.Errorf("%s: Go type %v, want %s.%s (a string enum type, not a pointer)", where, got, c.f.typesPkg, smithymodel.Name(id))
			return
		}
		c.enum(s, got)
	case "list":
		if got.Kind() != reflect.Slice {
			c.t.Errorf("%s: Go type %v, want a slice", where, got)
			return
		}
		c.check(where+"[]", s.Member.Target, got.Elem(), true)
	case "map":
		if got.Kind() != reflect.Map || got.Key() != reflect.TypeFor[string]() {
			c.t.Errorf("%s: Go type %v, want map[string]...", where, got)
			return
		}
		c.check(where+"{}", s.Value.Target, got.Elem(), true)
	case "structure":
		elem := got
		if !inCollection {
			if got.Kind() != reflect.Pointer {
				c.t.Errorf("%s: Go type %v, want *%s", where, got, smithymodel.Name(id))
				return
			}
			elem = got.Elem()
		}
		if elem.Name() != smithymodel.Name(id) || elem.PkgPath() != c.f.typesPkg {
			c.t.Errorf("%s: Go type %v, want %s.%s", where, got, c.f.typesPkg, smithymodel.Name(id))
			return
		}
		c.structure(id, elem, "")
	default:
		want, ok := scalar[s.Type]
		if !ok {
			c.t.Errorf("%s: shape type %s is not handled", where, s.Type)
			return
		}
		if !inCollection {
			want = reflect.PointerTo(want)
		}
		if got != want {
			c.t.Errorf("%s: Go type %v, want %v", where, got, want)
		}
	}
}

// enum checks Values() and the constants of an enum type.
func (c *shapeChecker) enum(s *smithymodel.Shape, typ reflect.Type) {
	if c.seen[s.ID] {
		return
	}
	c.seen[s.ID] = true
	c.counts["enums"]++
	var want []string
	for _, v := range s.EnumValues() {
		want = append(want, v.Value)
		c.counts["enum values"]++
		constName := typ.Name() + enumConstSuffix(v.Name)
		got, ok := c.consts[typ.Name()][constName]
		switch {
		case !ok:
			c.t.Errorf("enum %s: constant %s (%q) is missing", typ.Name(), constName, v.Value)
		case got != v.Value:
			c.t.Errorf("enum %s: constant %s = %q, want %q", typ.Name(), constName, got, v.Value)
		}
	}
	values := reflect.Zero(typ).MethodByName("Values")
	if !values.IsValid() {
		c.t.Errorf("enum %s has no Values method", typ.Name())
		return
	}
	out := values.Call(nil)
	if len(out) != 1 || out[0].Kind() != reflect.Slice || out[0].Type().Elem() != typ {
		c.t.Errorf("enum %s: Values() does not return []%s", typ.Name(), typ.Name())
		return
	}
	var got []string
	for i := 0; i < out[0].Len(); i++ {
		got = append(got, out[0].Index(i).String())
	}
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		c.t.Errorf("enum %s: Values() differs from the model (-want +got):\n%s", typ.Name(), diff)
	}
}

// enumConstSuffix is the constant name suffix the official generator makes
// of an enum member name: US_EAST_1 → UsEast1, LoadBalancer → LoadBalancer.
func enumConstSuffix(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part == "" {
			continue
		}
		if strings.ToUpper(part) == part {
			part = strings.ToLower(part)
		}
		b.WriteString(goName(part))
	}
	return b.String()
}

// fieldOrder is the official generator's field order: for structures the
// required members sorted by name, then the others sorted by name; for
// errors Message, ErrorCodeOverride and then the other members in model
// order; ResultMetadata closes an output.
func fieldOrder(s *smithymodel.Shape, role string) []string {
	var order []string
	if role == "error" {
		order = append(order, "Message", "ErrorCodeOverride")
		for _, m := range s.Members {
			if !strings.EqualFold(m.Name, "message") {
				order = append(order, goName(m.Name))
			}
		}
		return order
	}
	var req, opt []string
	for _, m := range s.Members {
		if required(m) {
			req = append(req, goName(m.Name))
		} else {
			opt = append(opt, goName(m.Name))
		}
	}
	byName := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	slices.SortFunc(req, byName)
	slices.SortFunc(opt, byName)
	order = append(req, opt...)
	if role == "output" {
		order = append(order, "ResultMetadata")
	}
	return order
}

func exportedFields(typ reflect.Type) []string {
	var names []string
	for i := 0; i < typ.NumField(); i++ {
		if typ.Field(i).IsExported() {
			names = append(names, typ.Field(i).Name)
		}
	}
	return names
}

// parseConsts reads the string constants of the package at importPath from
// its source: Go type → constant name → value.
func parseConsts(t *testing.T, importPath string) map[string]map[string]string {
	t.Helper()
	return parseConstsIn(t, filepath.Join("..", "..", filepath.FromSlash(strings.TrimPrefix(importPath, module))))
}

// parseConstsIn reads the string constants of the Go files in dir.
func parseConstsIn(t *testing.T, dir string) map[string]map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	consts := map[string]map[string]string{}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		parsed, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range parsed.Decls {
			collectConsts(decl, consts)
		}
	}
	return consts
}

func collectConsts(decl ast.Decl, consts map[string]map[string]string) {
	gen, ok := decl.(*ast.GenDecl)
	if !ok || gen.Tok != token.CONST {
		return
	}
	for _, spec := range gen.Specs {
		vs := spec.(*ast.ValueSpec)
		typ, ok := vs.Type.(*ast.Ident)
		if !ok {
			continue
		}
		for i, name := range vs.Names {
			if i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			value, err := strconv.Unquote(lit.Value)
			if err != nil {
				continue
			}
			if consts[typ.Name] == nil {
				consts[typ.Name] = map[string]string{}
			}
			consts[typ.Name][name.Name] = value
		}
	}
}

// errorType returns the Go type an error response for shape s decodes to
// through the real client, or nil (and a test error) when it is not a
// typed error.
func (f *fixture) errorType(t *testing.T, s *smithymodel.Shape) reflect.Type {
	t.Helper()
	err := f.decodeError(t, s, errorForm{name: "__type"}, map[string]any{})
	if err == nil {
		return nil
	}
	typ := reflect.TypeOf(err)
	if typ.Kind() != reflect.Pointer || typ.Elem().Kind() != reflect.Struct {
		t.Errorf("error %s decodes to %v, want a pointer to a struct", s.ID, typ)
		return nil
	}
	return typ.Elem()
}
