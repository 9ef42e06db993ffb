package jsonwire

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FuzzReaderMatchesEncodingJSON reads the first value of arbitrary
// documents with the Reader and with encoding/json's Decoder (which, like
// the official clients' deserializers, reads one value and leaves the
// rest): both accept or both reject, and what they accept they read the
// same. The Decoder keeps numbers as text, as the map-based official
// clients do, and they are converted after: a number that a later value of
// the same member replaced is never converted, so its range is no error.
func FuzzReaderMatchesEncodingJSON(f *testing.F) {
	for _, doc := range []string{
		`{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}`, `"\ud83d\ude00\u2028"`, "\"caf\xc3\xa9 \xff\"",
		`{"a":1,"a":2}`, ` [ ] `, `1 2`, `{"a":1}x`, `-0`, `1e400`, `01`, `"\x"`, "\"\x01\"", "\t\n\r{}",
		"\f{}", `{"a" : 1 , }`, ``,
	} {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var want any
		decoder := json.NewDecoder(strings.NewReader(doc))
		decoder.UseNumber()
		wantErr := decoder.Decode(&want)
		if wantErr == nil {
			want, wantErr = numbersToFloats(want)
		}
		var r Reader
		r.Reset(doc)
		got := decodeAny(&r)
		gotErr := r.Err()
		if (gotErr == nil) != (wantErr == nil) {
			if wantErr == nil && strings.Contains(gotErr.Error(), "nest") {
				return // the Reader bounds nesting more tightly
			}
			t.Fatalf("document %q: Reader error %v, encoding/json error %v", doc, gotErr, wantErr)
		}
		if wantErr != nil {
			if errors.Is(wantErr, io.EOF) != r.Empty() && !r.Empty() {
				t.Fatalf("document %q: encoding/json sees no value, the Reader does", doc)
			}
			return
		}
		if !reflect.DeepEqual(got, want) && !cmp.Equal(got, want, cmp.Comparer(sameFloat)) {
			t.Fatalf("document %q (-encoding/json +Reader):\n%s", doc, cmp.Diff(want, got))
		}
	})
}

// numbersToFloats converts the json.Numbers in v to float64 as
// encoding/json does, failing on a number out of range.
func numbersToFloats(v any) (any, error) {
	switch v := v.(type) {
	case json.Number:
		return v.Float64()
	case map[string]any:
		for k, e := range v {
			f, err := numbersToFloats(e)
			if err != nil {
				return nil, err
			}
			v[k] = f
		}
	case []any:
		for i, e := range v {
			f, err := numbersToFloats(e)
			if err != nil {
				return nil, err
			}
			v[i] = f
		}
	}
	return v, nil
}

func sameFloat(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

// FuzzTypedReads reads an arbitrary value with each typed accessor: each
// either fails or returns what encoding/json reads from the same value.
func FuzzTypedReads(f *testing.F) {
	for _, doc := range []string{`2147483647`, `-2147483649`, `1.5`, `1e2`, `9223372036854775807`, `true`, `"s"`, `null`, `1.7672256E9`} {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var want any
		if err := json.NewDecoder(strings.NewReader(doc)).Decode(&want); err != nil {
			return
		}
		read := func(f func(*Reader) any) (any, bool) {
			var r Reader
			r.Reset(doc)
			v := f(&r)
			return v, r.Err() == nil
		}
		if v, ok := read(func(r *Reader) any { return r.StringPtr() }); ok && !reflect.DeepEqual(deref(v), want) {
			t.Fatalf("StringPtr(%q) = %v, encoding/json reads %v", doc, deref(v), want)
		}
		if v, ok := read(func(r *Reader) any { return r.BoolPtr() }); ok && !reflect.DeepEqual(deref(v), want) {
			t.Fatalf("BoolPtr(%q) = %v, encoding/json reads %v", doc, deref(v), want)
		}
		var i32 *int32
		if err := decodeFirst(doc, &i32); err == nil {
			if v, ok := read(func(r *Reader) any { return r.Int32Ptr() }); ok && !reflect.DeepEqual(v, i32) {
				t.Fatalf("Int32Ptr(%q) = %v, encoding/json reads %v", doc, deref(v), deref(i32))
			}
		} else if _, ok := read(func(r *Reader) any { return r.Int32Ptr() }); ok && want != nil {
			t.Fatalf("Int32Ptr(%q) accepted what encoding/json refuses: %v", doc, err)
		}
		var i64 *int64
		if err := decodeFirst(doc, &i64); err == nil {
			if v, ok := read(func(r *Reader) any { return r.Int64Ptr() }); ok && !reflect.DeepEqual(v, i64) {
				t.Fatalf("Int64Ptr(%q) = %v, encoding/json reads %v", doc, deref(v), deref(i64))
			}
		} else if _, ok := read(func(r *Reader) any { return r.Int64Ptr() }); ok && want != nil {
			t.Fatalf("Int64Ptr(%q) accepted what encoding/json refuses: %v", doc, err)
		}
		if v, ok := read(func(r *Reader) any { return r.Float64Ptr() }); ok && !reflect.DeepEqual(deref(v), want) {
			t.Fatalf("Float64Ptr(%q) = %v, encoding/json reads %v", doc, deref(v), want)
		}
		// String and EpochSeconds give the zero value for null.
		if v, ok := read(func(r *Reader) any { return r.String() }); ok {
			if s, isString := want.(string); !(isString && v == s || want == nil && v == "") {
				t.Fatalf("String(%q) = %q, encoding/json reads %v", doc, v, want)
			}
		}
		if v, ok := read(func(r *Reader) any { return r.EpochSeconds() }); ok {
			f, isNumber := want.(float64)
			if !(isNumber && v == EpochSecondsTime(f) || want == nil && v == time.Time{}) {
				t.Fatalf("EpochSeconds(%q) = %v, encoding/json reads %v", doc, v, want)
			}
		}
	})
}

// decodeFirst reads the first value of doc into v, as the official
// clients' deserializers do.
func decodeFirst(doc string, v any) error {
	return json.NewDecoder(strings.NewReader(doc)).Decode(v)
}

// deref returns what the pointer v points to, or nil.
func deref(v any) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil
	}
	return rv.Elem().Interface()
}

// FuzzSkipFlatMatchesWalk skips arbitrary values at arbitrary depths with
// the flat scan and with the value-by-value walk, in both styles: the
// Reader ends in the same state either way, the same error included.
func FuzzSkipFlatMatchesWalk(f *testing.F) {
	for _, doc := range []string{
		`{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}`, `{"k\u00e9y":{"x":[]}}`, "{\"\xff\":1}", `[[[[]]]]`,
		`{"a":1,}`, `[1 2]`, `{"a":nul}`, `{"a":"\u12"}`, ` { "a" : [ ] , "b" : { } } `, `[01]`, `{"a"`,
	} {
		f.Add(doc, uint16(0))
		f.Add(doc, uint16(maxDepth-2))
	}
	f.Fuzz(func(t *testing.T, doc string, depth uint16) {
		for _, style := range []Style{Classic, Schema} {
			var flat, walk Reader
			for _, r := range []*Reader{&flat, &walk} {
				r.Reset(doc)
				r.SetStyle(style)
				r.key = "outer"
			}
			d := int(depth) % (maxDepth + 2)
			flat.skip(d, true)
			walk.skip(d, false)
			if flat.pos != walk.pos || flat.key != walk.key || flat.begun != walk.begun ||
				!reflect.DeepEqual(flat.err, walk.err) {
				t.Fatalf("style %v, depth %d, document %q: flat scan ends at %d, key %q, error %v; walk at %d, key %q, error %v",
					style, d, doc, flat.pos, flat.key, flat.err, walk.pos, walk.key, walk.err)
			}
		}
	})
}
