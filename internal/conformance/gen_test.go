package conformance_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// stamp is a generated timestamp in milliseconds since the epoch; it goes on
// the wire as epoch seconds with a fraction, the JSON protocols' default.
type stamp int64

// MarshalJSON writes the epoch seconds with a millisecond fraction.
func (s stamp) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("%d.%03d", int64(s)/1000, int64(s)%1000)), nil
}

// generator builds fully populated wire data for a shape: every member
// set, lists of two items, maps of two entries, timestamps with millisecond
// fractions, enum values from the model. Objects are map[string]any keyed by
// member name, so the data doubles as the expected JSON.
type generator struct {
	m *smithymodel.Model
	n int
}

func (g *generator) value(id, name string) any {
	s := g.m.Shape(id)
	if s == nil {
		return nil
	}
	g.n++
	switch s.Type {
	case "string":
		return fmt.Sprintf("%s-%d é😀 \"q\" \\ / \n\t<&>", name, g.n)
	case "enum":
		values := s.EnumValues()
		return values[g.n%len(values)].Value
	case "integer":
		return int64(math.MaxInt32 - g.n)
	case "long":
		return int64(1<<53 + 1 + g.n)
	case "boolean":
		return g.n%2 == 1
	case "timestamp":
		return stamp(1767225600000 + int64(g.n)*1001 + 123)
	case "list":
		return []any{g.value(s.Member.Target, name), g.value(s.Member.Target, name)}
	case "map":
		return map[string]any{
			fmt.Sprintf("%s-key-%d", name, g.n):   g.value(s.Value.Target, name),
			fmt.Sprintf("%s-key-%d-b", name, g.n): g.value(s.Value.Target, name),
		}
	case "structure":
		obj := make(map[string]any, len(s.Members))
		for _, m := range s.Members {
			obj[m.Name] = g.value(m.Target, m.Name)
		}
		return obj
	}
	return nil
}

// assign stores wire data w of shape id into dst the way a decoder fills
// the Go types: pointers for scalars and structures outside collections,
// values inside them, enum types for enums.
func (f *fixture) assign(dst reflect.Value, id string, w any) error {
	s := f.model.Shape(id)
	if s == nil {
		return fmt.Errorf("shape %s is not in the model", id)
	}
	if dst.Kind() == reflect.Pointer && s.Type != "list" && s.Type != "map" {
		elem := reflect.New(dst.Type().Elem())
		if err := f.assign(elem.Elem(), id, w); err != nil {
			return err
		}
		dst.Set(elem)
		return nil
	}
	switch v := w.(type) {
	case string:
		if dst.Kind() == reflect.String {
			dst.SetString(v)
			return nil
		}
	case int64:
		if dst.CanInt() {
			dst.SetInt(v)
			return nil
		}
	case bool:
		if dst.Kind() == reflect.Bool {
			dst.SetBool(v)
			return nil
		}
	case stamp:
		if dst.Type() == reflect.TypeFor[time.Time]() {
			dst.Set(reflect.ValueOf(time.UnixMilli(int64(v)).UTC()))
			return nil
		}
	case []any:
		return f.assignList(dst, s, v)
	case map[string]any:
		if s.Type == "map" {
			return f.assignMap(dst, s, v)
		}
		return f.assignStruct(dst, s, v)
	}
	return fmt.Errorf("shape %s (%s) cannot be stored in Go type %v", smithymodel.Name(id), s.Type, dst.Type())
}

func (f *fixture) assignList(dst reflect.Value, s *smithymodel.Shape, items []any) error {
	if dst.Kind() != reflect.Slice {
		return fmt.Errorf("list %s cannot be stored in Go type %v", smithymodel.Name(s.ID), dst.Type())
	}
	list := reflect.MakeSlice(dst.Type(), len(items), len(items))
	for i, item := range items {
		if err := f.assign(list.Index(i), s.Member.Target, item); err != nil {
			return err
		}
	}
	dst.Set(list)
	return nil
}

func (f *fixture) assignMap(dst reflect.Value, s *smithymodel.Shape, entries map[string]any) error {
	if dst.Kind() != reflect.Map || dst.Type().Key().Kind() != reflect.String {
		return fmt.Errorf("map %s cannot be stored in Go type %v", smithymodel.Name(s.ID), dst.Type())
	}
	m := reflect.MakeMapWithSize(dst.Type(), len(entries))
	for k, item := range entries {
		elem := reflect.New(dst.Type().Elem()).Elem()
		if err := f.assign(elem, s.Value.Target, item); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), elem)
	}
	dst.Set(m)
	return nil
}

func (f *fixture) assignStruct(dst reflect.Value, s *smithymodel.Shape, obj map[string]any) error {
	if dst.Kind() != reflect.Struct {
		return fmt.Errorf("structure %s cannot be stored in Go type %v", smithymodel.Name(s.ID), dst.Type())
	}
	for _, m := range s.Members {
		w, ok := obj[m.Name]
		if !ok {
			continue
		}
		field := dst.FieldByName(goName(m.Name))
		if !field.IsValid() {
			return fmt.Errorf("%v has no field %s for member %s.%s", dst.Type(), goName(m.Name), smithymodel.Name(s.ID), m.Name)
		}
		if err := f.assign(field, m.Target, w); err != nil {
			return fmt.Errorf("%s.%s: %w", smithymodel.Name(s.ID), m.Name, err)
		}
	}
	return nil
}

// build returns a pointer to a new value of typ holding the wire data w of
// shape id.
func (f *fixture) build(typ reflect.Type, id string, w any) (reflect.Value, error) {
	v := reflect.New(typ)
	return v, f.assign(v.Elem(), id, w)
}

// normalJSON parses JSON into generic values with numbers kept exact.
func normalJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// wireJSON renders generated wire data as normalJSON would read it back.
func wireJSON(w any) (any, error) {
	data, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	return normalJSON(data)
}

// numbersByValue compares JSON numbers by value, so 1.5 equals 1.50 and
// 1.767225600123E9 equals 1767225600.123.
var numbersByValue = cmp.Comparer(func(a, b json.Number) bool {
	x, okX := new(big.Rat).SetString(string(a))
	y, okY := new(big.Rat).SetString(string(b))
	return okX && okY && x.Cmp(y) == 0
})

// exportedOnly ignores unexported fields and the output's ResultMetadata.
var exportedOnly = cmp.FilterPath(func(p cmp.Path) bool {
	sf, ok := p.Last().(cmp.StructField)
	if !ok {
		return false
	}
	name := sf.Name()
	return name == "ResultMetadata" || name[0] < 'A' || name[0] > 'Z'
}, cmp.Ignore())
