// Package redact keeps the values of @sensitive members out of everything
// that renders a value: the fmt verbs, String methods, log/slog with any
// handler, and encoding/json (which slog's JSON handler uses for values in
// slices, maps and structures), at every depth.
//
// A type with sensitive members declares four one-line methods that name
// them:
//
//	func (v T) Format(f fmt.State, verb rune)   { redact.Format(f, verb, v, "Name") }
//	func (v T) String() string                  { return fmt.Sprint(v) }
//	func (v T) LogValue() slog.Value            { return redact.LogValue(v, "Name") }
//	func (v T) MarshalJSON() ([]byte, error)    { return redact.JSON(v, "Name") }
//
// A type that is sensitive as a whole renders Placeholder instead.
package redact

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// Placeholder is printed in place of a sensitive value.
const Placeholder = "*** sensitive ***"

// Format writes the struct v to f as fmt prints a struct for verb, with
// its flags, width and precision applied to every field, except that the
// fields named in sensitive print as Placeholder. One difference from
// fmt: a field that points to a structure prints as &{...}, as fmt prints
// a pointer at the top level, where fmt would print the address. A value
// that is not a struct prints as Placeholder.
func Format(f fmt.State, verb rune, v any, sensitive ...string) {
	value := reflect.ValueOf(v)
	if value.Kind() != reflect.Struct {
		io.WriteString(f, Placeholder)
		return
	}
	goSyntax := verb == 'v' && f.Flag('#')
	names := verb == 'v' && (goSyntax || f.Flag('+'))
	format := fmt.FormatString(f, verb)
	typ := value.Type()
	if goSyntax {
		io.WriteString(f, typ.String())
	}
	io.WriteString(f, "{")
	for i := range typ.NumField() {
		if i > 0 {
			if goSyntax {
				io.WriteString(f, ", ")
			} else {
				io.WriteString(f, " ")
			}
		}
		field := typ.Field(i)
		if names {
			io.WriteString(f, field.Name+":")
		}
		if slices.Contains(sensitive, field.Name) {
			io.WriteString(f, Placeholder)
			continue
		}
		fmt.Fprintf(f, format, value.Field(i))
	}
	io.WriteString(f, "}")
}

// LogValue returns the struct v as a slog group of its set exported
// fields, with pointers followed, the fields named in sensitive replaced by
// Placeholder, and nested values that implement slog.LogValuer left to
// their own LogValue. Unset (nil) fields are left out.
func LogValue(v any, sensitive ...string) slog.Value {
	value := reflect.ValueOf(v)
	if value.Kind() != reflect.Struct {
		return slog.AnyValue(v)
	}
	typ := value.Type()
	attrs := make([]slog.Attr, 0, typ.NumField())
	for i := range typ.NumField() {
		field, fieldValue := typ.Field(i), value.Field(i)
		if !field.IsExported() || isNil(fieldValue) {
			continue
		}
		if slices.Contains(sensitive, field.Name) {
			attrs = append(attrs, slog.String(field.Name, Placeholder))
			continue
		}
		attrs = append(attrs, slog.Attr{Key: field.Name, Value: logValue(fieldValue)})
	}
	return slog.GroupValue(attrs...)
}

var timeType = reflect.TypeFor[time.Time]()

// logValue converts one field value; sensitive members inside it are
// redacted by their own types' LogValue methods.
func logValue(v reflect.Value) slog.Value {
	if !v.CanInterface() {
		return slog.AnyValue(nil)
	}
	if valuer, ok := v.Interface().(slog.LogValuer); ok {
		return slog.AnyValue(valuer)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return slog.AnyValue(nil)
		}
		return logValue(v.Elem())
	case reflect.String:
		return slog.StringValue(v.String())
	case reflect.Bool:
		return slog.BoolValue(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return slog.Int64Value(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return slog.Uint64Value(v.Uint())
	case reflect.Float32, reflect.Float64:
		return slog.Float64Value(v.Float())
	case reflect.Struct:
		if v.Type() == timeType {
			return slog.TimeValue(v.Interface().(time.Time))
		}
		return LogValue(v.Interface())
	case reflect.Slice, reflect.Array:
		return listValue(v)
	case reflect.Map:
		return mapValue(v)
	}
	return slog.AnyValue(v.Interface())
}

// mapValue converts a map to a group keyed by the map's keys, in order, each value going through logValue, so that no handler
// renders the map itself, values with sensitive members included.
func mapValue(v reflect.Value) slog.Value {
	keys := v.MapKeys()
	attrs := make([]slog.Attr, 0, len(keys))
	for _, key := range keys {
		attrs = append(attrs, slog.Attr{Key: fmt.Sprint(key.Interface()), Value: logValue(v.MapIndex(key))})
	}
	slices.SortFunc(attrs, func(a, b slog.Attr) int { return cmp.Compare(a.Key, b.Key) })
	return slog.GroupValue(attrs...)
}

// sensitiveJSON is Placeholder as a JSON string.
var sensitiveJSON = []byte(strconv.Quote(Placeholder))

// JSON returns the struct v as encoding/json encodes a struct without
// field tags or embedded fields (its exported fields in order, under their
// Go names), except that the set fields named in sensitive are written as
// the string Placeholder; nested values go through their own MarshalJSON.
// A value that is not a struct is written as Placeholder.
func JSON(v any, sensitive ...string) ([]byte, error) {
	value := reflect.ValueOf(v)
	if value.Kind() != reflect.Struct {
		return sensitiveJSON, nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	typ := value.Type()
	for i := range typ.NumField() {
		field, fieldValue := typ.Field(i), value.Field(i)
		if !field.IsExported() {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(field.Name))
		b.WriteByte(':')
		if slices.Contains(sensitive, field.Name) && !isNil(fieldValue) {
			b.Write(sensitiveJSON)
			continue
		}
		data, err := json.Marshal(fieldValue.Interface())
		if err != nil {
			return nil, err
		}
		b.Write(data)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// listValue converts a list: a list of scalars stays a list; a list of
// structures becomes a group keyed by index, so that each item goes
// through logValue and keeps its sensitive members out.
func listValue(v reflect.Value) slog.Value {
	switch v.Type().Elem().Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return slog.AnyValue(v.Interface())
	}
	attrs := make([]slog.Attr, v.Len())
	for i := range v.Len() {
		attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: logValue(v.Index(i))}
	}
	return slog.GroupValue(attrs...)
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return v.IsNil()
	}
	return false
}
