package kit

import (
	"encoding/base64"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// Neutral converts a value of our types or of the official types to a
// form that compares across packages: structs become maps of their
// exported fields (ResultMetadata left out), pointers their targets,
// times RFC 3339 strings in UTC followed by the name of their time zone
// ("UTC", "Local"), named scalars their underlying value,
// and a value held in an interface a map naming its dynamic type, so
// that union members compare by type as well as by content. Nil and
// empty slices and maps stay distinct.
func Neutral(v any) any {
	return neutral(reflect.ValueOf(v))
}

var timeType = reflect.TypeFor[time.Time]()

func neutral(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.Type() == timeType {
		t := v.Interface().(time.Time)
		return t.UTC().Format(time.RFC3339Nano) + " " + t.Location().String()
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return neutral(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return map[string]any{"$type": DynamicName(v.Elem().Type()), "$value": neutral(v.Elem())}
	case reflect.Struct:
		out := map[string]any{}
		for i := range v.NumField() {
			field := v.Type().Field(i)
			if field.IsExported() && field.Name != "ResultMetadata" {
				out[field.Name] = neutral(v.Field(i))
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "base64:" + base64.StdEncoding.EncodeToString(v.Bytes())
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = neutral(v.Index(i))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = neutral(it.Value())
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return v.Type().String() + " (not compared)"
}

// DynamicName names a type without its package path ("*types.Tag"), so
// that our types and the official ones name alike.
func DynamicName(t reflect.Type) string {
	s := t.String()
	if i := strings.LastIndex(s, "/"); i >= 0 {
		prefix := s[:strings.IndexFunc(s, func(r rune) bool { return r != '*' && r != '[' && r != ']' })]
		s = prefix + s[i+1:]
	}
	return s
}

// CheckAllowed fails t for every difference whose Key is not in allow,
// and for every allow entry no difference used, so that the list names
// exactly the deliberate differences. An entry "*.M" matches the key
// "T.M" of any type T.
func CheckAllowed(t testing.TB, diffs []ShapeDiff, allow map[string]string) {
	t.Helper()
	used := map[string]bool{}
	for _, d := range diffs {
		if _, ok := allow[d.Key]; ok {
			used[d.Key] = true
			continue
		}
		if _, member, found := strings.Cut(d.Key, "."); found {
			if _, ok := allow["*."+member]; ok {
				used["*."+member] = true
				continue
			}
		}
		t.Errorf("difference: %s", d)
	}
	keys := make([]string, 0, len(allow))
	for k := range allow {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !used[k] {
			t.Errorf("allow-list entry %q matches no difference: remove it", k)
		}
	}
}
