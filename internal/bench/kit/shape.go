package kit

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Pair is one of our types and the official type it must match.
type Pair struct {
	Ours, Official reflect.Type
	// Name names the pair in differences; the official type's name when
	// empty.
	Name string
}

// PairOf returns the Pair of O (ours) and F (official).
func PairOf[O, F any]() Pair {
	return Pair{Ours: reflect.TypeFor[O](), Official: reflect.TypeFor[F]()}
}

// ShapeDiff is one difference between our types and the official ones.
// Key names the type and member the difference is about, independent of
// the path that reached it, so that an allow-list can name it.
type ShapeDiff struct {
	Key    string // e.g. "Snapshot.DataTiering: kind"
	Path   string // how the walk reached it, e.g. "CopySnapshotOutput.Snapshot.DataTiering"
	Detail string
}

func (d ShapeDiff) String() string { return d.Key + " (at " + d.Path + "): " + d.Detail }

// EnumValues returns the Values() of an enum type, or nil when t has none.
type EnumValues func(t reflect.Type) []string

// CompareShapes walks each pair and every type reachable from it (fields,
// elements, map keys and values, function parameters) and reports where
// ours and the official ones differ: exported field names, their order and
// kinds, type names, exported method sets, enum Values() as sets, and for
// error types ErrorCode() and ErrorFault() of the zero value. Types outside
// the two service packages (time.Time, middleware.Metadata, ...) must be
// identical. Unexported fields are not compared.
func CompareShapes(pairs ...Pair) Shapes {
	w := &shapeWalker{seen: map[[2]reflect.Type]bool{}}
	for _, p := range pairs {
		name := p.Name
		if name == "" {
			name = typeName(p.Official)
		}
		w.compare(p.Ours, p.Official, name, name)
	}
	return Shapes{Diffs: w.diffs, Enums: w.enums}
}

// Shapes is the result of CompareShapes.
type Shapes struct {
	Diffs []ShapeDiff
	// Enums are the enum types reached (types with a Values method), for
	// CompareEnumConstants.
	Enums []Pair
}

type shapeWalker struct {
	seen  map[[2]reflect.Type]bool
	diffs []ShapeDiff
	enums []Pair
}

func (w *shapeWalker) add(key, path, format string, args ...any) {
	w.diffs = append(w.diffs, ShapeDiff{Key: key, Path: path, Detail: fmt.Sprintf(format, args...)})
}

// isService reports whether t is declared in one of the compared service
// packages (ours or the official one), as opposed to a shared dependency.
func isService(t reflect.Type) bool {
	p := t.PkgPath()
	return strings.HasPrefix(p, "github.com/awssnap/awssnap/") || strings.HasPrefix(p, "github.com/aws/aws-sdk-go-v2/service/")
}

func typeName(t reflect.Type) string {
	if t.Name() != "" {
		return t.Name()
	}
	return t.String()
}

// compare compares o and f, reached by path; key names where they are
// used (a type, or a type's field) in the differences about the pair
// itself, whereas differences inside a named type are keyed by its name.
func (w *shapeWalker) compare(o, f reflect.Type, path, key string) {
	if (o.Name() != "" && !isService(o)) || (f.Name() != "" && !isService(f)) {
		if o != f {
			w.add(key+": type", path, "ours is %v, official is %v", o, f)
		}
		return
	}
	if o.Name() != f.Name() {
		w.add(key+": type name", path, "ours is named %q (%v), official %q (%v)", o.Name(), o, f.Name(), f)
	}
	if o.Kind() != f.Kind() {
		w.add(key+": kind", path, "ours is a %v (%v), official a %v (%v)", o.Kind(), o, f.Kind(), f)
		return
	}
	pair := [2]reflect.Type{o, f}
	if w.seen[pair] {
		return
	}
	w.seen[pair] = true
	if f.Name() != "" {
		key = f.Name()
	}
	if o.Name() != "" {
		w.compareMethods(o, f, path)
		w.compareEnum(o, f, path)
		w.compareError(o, f, path)
	}
	switch f.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		w.compare(o.Elem(), f.Elem(), path+elemSuffix(f.Kind()), key+elemSuffix(f.Kind()))
	case reflect.Map:
		w.compare(o.Key(), f.Key(), path+"{key}", key+"{key}")
		w.compare(o.Elem(), f.Elem(), path+"{}", key+"{}")
	case reflect.Struct:
		w.compareStruct(o, f, path, key)
	case reflect.Func:
		w.compareFunc(o, f, path, key)
	case reflect.Interface:
		w.compareInterface(o, f, path, key)
	}
}

func elemSuffix(k reflect.Kind) string {
	if k == reflect.Pointer {
		return ""
	}
	return "[]"
}

func exportedFields(t reflect.Type) []reflect.StructField {
	var fields []reflect.StructField
	for i := range t.NumField() {
		if field := t.Field(i); field.IsExported() {
			fields = append(fields, field)
		}
	}
	return fields
}

func (w *shapeWalker) compareStruct(o, f reflect.Type, path, key string) {
	of, ff := exportedFields(o), exportedFields(f)
	names := func(fields []reflect.StructField) []string {
		out := make([]string, len(fields))
		for i, field := range fields {
			out[i] = field.Name
		}
		return out
	}
	on, fn := names(of), names(ff)
	for _, field := range ff {
		if !slices.Contains(on, field.Name) {
			w.add(key+"."+field.Name+": missing", path, "official field %s %v is not in ours", field.Name, field.Type)
		}
	}
	for _, field := range of {
		if !slices.Contains(fn, field.Name) {
			w.add(key+"."+field.Name+": extra", path, "our field %s %v is not in the official type", field.Name, field.Type)
		}
	}
	common := func(all, other []string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return !slices.Contains(other, n) })
	}
	if oc, fc := common(on, fn), common(fn, on); !slices.Equal(oc, fc) {
		w.add(key+": field order", path, "ours %v, official %v", oc, fc)
	}
	for _, field := range ff {
		if ofield, ok := o.FieldByName(field.Name); ok && ofield.IsExported() {
			if ofield.Anonymous != field.Anonymous {
				w.add(key+"."+field.Name+": embedding", path, "embedded: ours %v, official %v", ofield.Anonymous, field.Anonymous)
			}
			w.compare(ofield.Type, field.Type, path+"."+field.Name, key+"."+field.Name)
		}
	}
}

func (w *shapeWalker) compareFunc(o, f reflect.Type, path, key string) {
	if o.NumIn() != f.NumIn() || o.NumOut() != f.NumOut() || o.IsVariadic() != f.IsVariadic() {
		w.add(key+": signature", path, "ours %v, official %v", o, f)
		return
	}
	for i := range f.NumIn() {
		at := fmt.Sprintf("(in %d)", i)
		w.compare(o.In(i), f.In(i), path+at, key+at)
	}
	for i := range f.NumOut() {
		at := fmt.Sprintf("(out %d)", i)
		w.compare(o.Out(i), f.Out(i), path+at, key+at)
	}
}

// compareMethods compares the exported method sets of T and *T by name:
// a method missing or extra in ours, or one declared on the pointer in
// ours but on the value in the official type (so a T value no longer
// satisfies an interface). Methods are not walked further: their
// signatures use the types the fields do.
func (w *shapeWalker) compareMethods(o, f reflect.Type, path string) {
	if f.Kind() == reflect.Interface {
		return
	}
	name := typeName(f)
	oP, fP := methodNames(reflect.PointerTo(o)), methodNames(reflect.PointerTo(f))
	oV, fV := methodNames(o), methodNames(f)
	for _, m := range fP {
		switch {
		case !slices.Contains(oP, m):
			w.add(name+"."+m+"(): missing", path, "official %v has method %s, ours does not", f, m)
		case slices.Contains(fV, m) && !slices.Contains(oV, m):
			w.add(name+"."+m+"(): receiver", path, "official %s has a value receiver, ours a pointer receiver", m)
		}
	}
	for _, m := range oP {
		if !slices.Contains(fP, m) {
			w.add(name+"."+m+"(): extra", path, "our %v has method %s, the official type does not", o, m)
		}
	}
}

func methodNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumMethod() {
		names = append(names, t.Method(i).Name)
	}
	return names
}

// compareEnum compares the Values() of two enum types as sets.
func (w *shapeWalker) compareEnum(o, f reflect.Type, path string) {
	ov, fv := enumValues(o), enumValues(f)
	if ov == nil && fv == nil {
		return
	}
	w.enums = append(w.enums, Pair{Ours: o, Official: f})
	sort.Strings(ov)
	sort.Strings(fv)
	if !slices.Equal(ov, fv) {
		w.add(typeName(f)+": Values()", path, "ours %q, official %q", ov, fv)
	}
}

func enumValues(t reflect.Type) []string {
	if t.Kind() != reflect.String {
		return nil
	}
	m, ok := t.MethodByName("Values")
	if !ok || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 {
		return nil
	}
	values := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
	out := make([]string, values.Len())
	for i := range out {
		out[i] = values.Index(i).String()
	}
	return out
}

// compareError compares ErrorCode() and ErrorFault() of the zero values of
// two error types (called on a new *T).
func (w *shapeWalker) compareError(o, f reflect.Type, path string) {
	if f.Kind() != reflect.Struct {
		return
	}
	oe, ook := reflect.New(o).Interface().(smithy.APIError)
	fe, fok := reflect.New(f).Interface().(smithy.APIError)
	if ook != fok {
		w.add(typeName(f)+": smithy.APIError", path, "*T implements smithy.APIError: ours %v, official %v", ook, fok)
		return
	}
	if !fok {
		return
	}
	if oe.ErrorCode() != fe.ErrorCode() {
		w.add(typeName(f)+": ErrorCode()", path, "ours %q, official %q", oe.ErrorCode(), fe.ErrorCode())
	}
	if oe.ErrorFault() != fe.ErrorFault() {
		w.add(typeName(f)+": ErrorFault()", path, "ours %v, official %v", oe.ErrorFault(), fe.ErrorFault())
	}
	if oe.Error() != fe.Error() {
		w.add(typeName(f)+": Error()", path, "zero value: ours %q, official %q", oe.Error(), fe.Error())
	}
}

// compareInterface compares the exported methods of two interface types
// and their signatures.
func (w *shapeWalker) compareInterface(o, f reflect.Type, path, key string) {
	for i := range f.NumMethod() {
		m := f.Method(i)
		if !m.IsExported() {
			continue
		}
		om, ok := o.MethodByName(m.Name)
		if !ok {
			w.add(key+"."+m.Name+"(): missing", path, "official interface %v has method %s, ours does not", f, m.Name)
			continue
		}
		w.compareFunc(om.Type, m.Type, path+"."+m.Name, key+"."+m.Name)
	}
	for i := range o.NumMethod() {
		if m := o.Method(i); m.IsExported() {
			if _, ok := f.MethodByName(m.Name); !ok {
				w.add(key+"."+m.Name+"(): extra", path, "our interface %v has method %s, the official one does not", o, m.Name)
			}
		}
	}
}

// CompareProtocols fails t unless ours and official name the same
// protocol. (Their types may differ: see the README on Options.Protocol.)
func CompareProtocols(t *testing.T, ours, official smithyhttp.ClientProtocol) {
	t.Helper()
	if ours == nil || official == nil || ours.ID() != official.ID() {
		t.Errorf("the protocol is %T %v, the official client's %T %v", ours, ours, official, official)
	}
}
