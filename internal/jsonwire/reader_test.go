package jsonwire

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	smithytime "github.com/aws/smithy-go/time"
	"github.com/google/go-cmp/cmp"
)

// decodeAny reads any value into the shapes encoding/json produces, so the
// Reader can be compared with the standard library.
func decodeAny(r *Reader) any {
	switch {
	case r.Null():
		return nil
	case r.NextIsString():
		return r.String()
	}
	r.skipSpace()
	if r.err != nil || r.pos >= len(r.data) {
		r.syntax("unexpected end of JSON input")
		return nil
	}
	switch c := r.data[r.pos]; {
	case c == '{':
		m := map[string]any{}
		for it := r.Object(); r.More(&it); {
			key := r.Key()
			m[key] = decodeAny(r)
		}
		return m
	case c == '[':
		list := []any{}
		for it := r.Array(); r.More(&it); {
			list = append(list, decodeAny(r))
		}
		return list
	case c == 't' || c == 'f':
		return r.Bool()
	default:
		return r.Float64()
	}
}

func TestReaderAgreesWithEncodingJSON(t *testing.T) {
	t.Parallel()
	docs := []string{
		`{}`, `[]`, `null`, `{"a":1,"b":[true,false,null],"c":{"d":"e"}}`,
		`{"esc":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}`, `{"lone":"\ud800x","pair":"\ud800\udc00"}`,
		` { "spaced" : [ 1 , 2 ] } `, `{"n":-0.5e+10,"m":0,"k":1E2}`, `"\u2028"`, `{"a":1,"a":2}`,
		"{\"raw\":\"caf\xc3\xa9 bad\xff\"}",
	}
	for _, doc := range docs {
		var want any
		if err := json.Unmarshal([]byte(doc), &want); err != nil {
			t.Fatalf("encoding/json rejects %s: %v", doc, err)
		}
		var r Reader
		r.Reset(doc)
		got := decodeAny(&r)
		if r.Err() != nil {
			t.Errorf("Reader rejects %s: %v", doc, r.Err())
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-encoding/json +Reader):\n%s", doc, diff)
		}
	}
}

func TestReaderRejectsMalformedJSON(t *testing.T) {
	t.Parallel()
	docs := []string{
		`{`, `{"a"`, `{"a":}`, `{"a":1,}`, `{,"a":1}`, `{"a":1 "b":2}`, `[1,]`, `[1 2]`, `{"a":tru}`,
		`{"a":nul}`, `{"a":01}`, `{"a":1.}`, `{"a":1e}`, `{"a":-}`, `{"a":"\x"}`, `{"a":"\u12"}`,
		"{\"a\":\"ctl\x01\"}", `<html>`, `{"a":"unterminated`, `{1:2}`, strings.Repeat("[", 20000),
	}
	for _, doc := range docs {
		var r Reader
		r.Reset(doc)
		r.Skip()
		if r.Err() == nil {
			t.Errorf("Skip accepted malformed %q", doc)
		}
	}
}

// TestSkipFlat checks the flat scan where the walk's answer is known: how
// far a value reaches, the last member name inside it, and the depth bound.
func TestSkipFlat(t *testing.T) {
	t.Parallel()
	deep := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	for _, tc := range []struct {
		name, doc string
		end       int    // offset after the skipped value; -1 for an error
		key       string // Key after the skip
	}{
		{"object", `{"a":1,"b":[true,null]} ,`, 23, "b"},
		{"escaped name", `{"x":{"\u00e9t\u00e9":"v"}}`, 27, "été"},
		{"empty", `{ }x`, 3, "outer"},
		{"array of objects", `[{"a":{}},{"b":0}]`, 18, "b"},
		{"nested 1000 deep", deep(1000), 6001, "a"},
		{"nested at the bound", deep(maxDepth), 6*maxDepth + 1, "a"},
		{"nested past the bound", deep(maxDepth + 1), -1, ""},
		{"malformed deep inside", deep(500)[:2999] + "x" + deep(500)[3000:], -1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r Reader
			r.Reset(tc.doc)
			r.key = "outer"
			r.Skip()
			if tc.end < 0 {
				if r.Err() == nil {
					t.Fatalf("Skip accepted %q", tc.doc)
				}
				return
			}
			if r.Err() != nil || r.pos != tc.end || r.Key() != tc.key {
				t.Fatalf("Skip ends at %d with key %q, error %v; want %d and %q", r.pos, r.Key(), r.Err(), tc.end, tc.key)
			}
		})
	}
}

func TestTypedReads(t *testing.T) {
	t.Parallel()
	var r Reader
	r.Reset(`{"s":"x","i":2147483647,"b":true,"f":1.5,"t":1.7672256E9,"n":null,"u":{"deep":[1,{"x":null}]}}`)
	var got struct {
		S *string
		I *int32
		B *bool
		F *float64
		T *time.Time
		N *string
	}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "s":
			got.S = r.StringPtr()
		case "i":
			got.I = r.Int32Ptr()
		case "b":
			got.B = r.BoolPtr()
		case "f":
			got.F = r.Float64Ptr()
		case "t":
			got.T = r.EpochSecondsPtr()
		case "n":
			got.N = r.StringPtr()
		default:
			r.Skip()
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if *got.S != "x" || *got.I != math.MaxInt32 || !*got.B || *got.F != 1.5 || got.N != nil {
		t.Errorf("unexpected values %+v", got)
	}
	if want := time.Unix(1767225600, 0).UTC(); !got.T.Equal(want) {
		t.Errorf("timestamp = %v, want %v", got.T, want)
	}
}

// TestEmptyByStyle checks which documents are empty in each style: white
// space alone is in the Classic style, and is not in the Schema style,
// where only a document of no bytes is.
func TestEmptyByStyle(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		doc             string
		classic, schema bool
	}{
		{"", true, true},
		{" \n\t\r", true, false},
		{" {}", false, false},
		{"null", false, false},
	} {
		for style, want := range map[Style]bool{Classic: c.classic, Schema: c.schema} {
			var r Reader
			r.Reset(c.doc)
			r.SetStyle(style)
			if got := r.Empty(); got != want {
				t.Errorf("style %d, %q: Empty() = %v, want %v", style, c.doc, got, want)
			}
		}
	}
}

// TestFloatNamedValues checks the strings a float may be written as,
// matched in any case as the official clients match them.
func TestFloatNamedValues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		doc  string
		want float64 // NaN: NaN
		ok   bool
	}{
		{`"NaN"`, math.NaN(), true},
		{`"nan"`, math.NaN(), true},
		{`"Infinity"`, math.Inf(1), true},
		{`"INFINITY"`, math.Inf(1), true},
		{`"-Infinity"`, math.Inf(-1), true},
		{`"-iNfInItY"`, math.Inf(-1), true},
		{`"\u004EaN"`, math.NaN(), true},
		{`"Inf"`, 0, false},
		{`"+Infinity"`, 0, false},
		{`" NaN"`, 0, false},
		{`"1.5"`, 0, false},
	}
	for _, c := range cases {
		var r Reader
		r.Reset(c.doc)
		got := r.Float64()
		switch {
		case !c.ok:
			if r.Err() == nil {
				t.Errorf("Float64 of %s = %v, want an error", c.doc, got)
			}
		case r.Err() != nil:
			t.Errorf("Float64 of %s: %v", c.doc, r.Err())
		case math.IsNaN(c.want) != math.IsNaN(got) || !math.IsNaN(c.want) && got != c.want:
			t.Errorf("Float64 of %s = %v, want %v", c.doc, got, c.want)
		}
	}
}

func TestTypeMismatchesAreErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		doc  string
		read func(*Reader)
	}{
		{`5`, func(r *Reader) { _ = r.String() }},
		{`"5"`, func(r *Reader) { r.Int32Ptr() }},
		{`1.5`, func(r *Reader) { r.Int32Ptr() }},
		{`1e2`, func(r *Reader) { r.Int64Ptr() }},
		{`2147483648`, func(r *Reader) { r.Int32Ptr() }},
		{`99999999999999999999`, func(r *Reader) { r.Int64Ptr() }},
		{`"true"`, func(r *Reader) { r.BoolPtr() }},
		{`"1767225600"`, func(r *Reader) { r.EpochSecondsPtr() }},
		{`"NaN"`, func(r *Reader) { r.EpochSecondsPtr() }},
		{`[]`, func(r *Reader) { r.Object() }},
		{`{}`, func(r *Reader) { r.Array() }},
		{`1e400`, func(r *Reader) { r.Float64Ptr() }},
	}
	for _, c := range cases {
		var r Reader
		r.Reset(c.doc)
		c.read(&r)
		if r.Err() == nil {
			t.Errorf("reading %s with the wrong type gave no error", c.doc)
		}
	}
}

func TestEpochSecondsMatchesSmithyParse(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{0, 1, 1.5, -1.5, 1767225600.123, 1767225600.9999, 946845296.123, 1e-9, 9.3e18, 1e300, -1e300, 0.001, 4294967296.0005} {
		want := smithytime.ParseEpochSeconds(v)
		if got := EpochSecondsTime(v); !got.Equal(want) {
			t.Errorf("EpochSecondsTime(%v) = %v, smithy-go gives %v", v, got, want)
		}
	}
}

func FuzzEpochSecondsMatchesSmithyParse(f *testing.F) {
	f.Add(1767225600.123)
	f.Add(-0.5)
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return // not a JSON number
		}
		if got, want := EpochSecondsTime(v), smithytime.ParseEpochSeconds(v); !got.Equal(want) {
			t.Fatalf("EpochSecondsTime(%v) = %v, smithy-go gives %v", v, got, want)
		}
	})
}

func FuzzReaderNeverPanics(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `"\ud800"`, `[`, `{"a":1e999}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		var r Reader
		r.Reset(doc)
		decodeAny(&r)
		r.Reset(doc)
		r.Skip()
		var std any
		if stdErr := json.Unmarshal([]byte(doc), &std); stdErr == nil && r.Err() != nil && !strings.Contains(r.Err().Error(), "out of range") {
			// The Reader only skips the first value; encoding/json also
			// rejects trailing data, so only check documents it accepts.
			t.Fatalf("Skip rejects %q, which encoding/json accepts: %v", doc, r.Err())
		}
	})
}

func BenchmarkReadObject(b *testing.B) {
	doc := `{"Name":"snap-a-copy","Status":"creating","Source":"manual","ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/x","Port":6379,"T":1767225600.5,"Unknown":{"x":[1,2,3]}}`
	b.ReportAllocs()
	for b.Loop() {
		var r Reader
		r.Reset(doc)
		for it := r.Object(); r.More(&it); {
			switch r.Key() {
			case "Name", "Status", "Source", "ARN":
				r.StringPtr()
			case "Port":
				r.Int32Ptr()
			case "T":
				r.EpochSecondsPtr()
			default:
				r.Skip()
			}
		}
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
	}
}

// benchSnapshot mirrors BenchmarkReadObject's document for encoding/json.
type benchSnapshot struct {
	Name, Status, Source, ARN *string
	Port                      *int32
	T                         *float64
}

// BenchmarkReadObjectEncodingJSON decodes the same document with
// encoding/json into a tagged struct, the alternative the Reader replaces.
func BenchmarkReadObjectEncodingJSON(b *testing.B) {
	doc := []byte(`{"Name":"snap-a-copy","Status":"creating","Source":"manual","ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/x","Port":6379,"T":1767225600.5,"Unknown":{"x":[1,2,3]}}`)
	b.ReportAllocs()
	for b.Loop() {
		var v benchSnapshot
		if err := json.Unmarshal(doc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCountElements counts the rest of an array from each element in
// turn, without consuming anything, and reports -1 for a malformed rest.
func TestCountElements(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body string
		want []int // from the first element, the second, ...
	}{
		{`[1]`, []int{1}},
		{`[1, "a,]" , {"k":[1,2]}, [[]], null]`, []int{5, 4, 3, 2, 1}},
		{` [ {} , {} ] `, []int{2, 1}},
		{`[1, 2,]`, []int{-1, -1}},
		{`[1 2]`, []int{-1}},
		{`[1, {"a":}]`, []int{-1}},
		{`[1, 2`, []int{-1, -1}},
	}
	for _, tt := range cases {
		var r Reader
		r.Reset(tt.body)
		var got []int
		for it := r.Array(); r.More(&it) && len(got) < len(tt.want); {
			before := r.pos
			got = append(got, r.CountElements(it))
			if r.pos != before || r.err != nil {
				t.Fatalf("%s: CountElements moved the reader or failed it: %v", tt.body, r.err)
			}
			r.Skip()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: counts (-want +got):\n%s", tt.body, diff)
		}
	}
}

// TestUnread checks the count of bytes not read yet as a document is read.
func TestUnread(t *testing.T) {
	t.Parallel()
	var r Reader
	r.Reset(`{"a":"xyz","b":[1,2]}`)
	var got []int
	for it := r.Object(); r.More(&it); {
		got = append(got, r.Unread())
		r.Skip()
	}
	got = append(got, r.Unread())
	if diff := cmp.Diff([]int{16, 6, 0}, got); diff != "" {
		t.Errorf("unread bytes (-want +got):\n%s", diff)
	}
}

// record is a small decoded shape for the style tests.
type record struct {
	Name  *string
	When  *time.Time
	Inner *record
	Tags  []string
}

// decodeRecord reads a record; a nested null is nil, as the generated
// decoders read nested structures.
func decodeRecord(r *Reader) *record {
	if r.Null() {
		return nil
	}
	return decodeRecordObject(r)
}

// decodeRecordObject reads a record as the generated decoders read an
// output, without looking for null first.
func decodeRecordObject(r *Reader) *record {
	v := &record{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "name":
			v.Name = r.StringPtr()
		case "when":
			v.When = r.EpochSecondsPtr()
		case "inner":
			v.Inner = decodeRecord(r)
		case "tags":
			v.Tags = nil
			for it := r.Array(); r.More(&it); {
				v.Tags = append(v.Tags, r.String())
			}
		default:
			r.Skip()
		}
	}
	return v
}

// TestStyles checks how each style reads repeated members, nulls, invalid
// UTF-8 and timestamps written as strings, as the official clients of
// each style do (the clients themselves are compared in internal/bench).
func TestStyles(t *testing.T) {
	t.Parallel()
	name := func(s string) *record { return &record{Name: &s} }
	inf := EpochSecondsTime(math.Inf(1))
	cases := []struct {
		doc             string
		classic, schema *record // nil: an error
	}{
		{`{"name":5,"name":"a"}`, name("a"), nil},
		{`{"inner":{"name":true},"inner":{"tags":["x"]}}`, &record{Inner: &record{Tags: []string{"x"}}}, nil},
		{`{"inner":{"name":1,"name":"b"},"tags":{},"tags":["t"]}`, &record{Inner: name("b"), Tags: []string{"t"}}, nil},
		{`{"name":"a","name":5}`, nil, nil},
		{`{"name":5,"tags":[],"name":6}`, nil, nil},
		{`{"name":5,"name":"a","inner":{"name":[]}}`, nil, nil},
		{`{"name":5,"name":null}`, &record{}, nil},
		{`{"name":"a","name":null}`, &record{}, name("a")},
		{`{"inner":{"name":"a"},"inner":null,"tags":["t"],"tags":null}`, &record{}, &record{Inner: name("a"), Tags: []string{"t"}}},
		{`null`, &record{}, nil},
		{"{\"name\":\"a\xffb\"}", name("a\uFFFDb"), name("a\xffb")},
		{"{\"name\":\"a\xff\\n\"}", name("a\uFFFD\n"), name("a\uFFFD\n")},
		{`{"when":"Infinity"}`, nil, &record{When: &inf}},
		{`{"when":"iNFINITY"}`, nil, &record{When: &inf}},
		{`{"when":"-infinity"}`, nil, &record{When: ptrTo(EpochSecondsTime(math.Inf(-1)))}},
		{`{"when":"\u0049nfinity"}`, nil, &record{When: &inf}},
		{`{"when":"NaN"}`, nil, nil},
		{`{"when":"nan"}`, nil, nil},
		{`{"when":"Inf"}`, nil, nil},
		{`{"when":"soon","when":1}`, &record{When: ptrTo(EpochSecondsTime(1))}, nil},
		{`{"name":5,"name":"a",}`, nil, nil},
		{`{"name":5 "name":"a"}`, nil, nil},
	}
	for _, tc := range cases {
		for _, style := range []struct {
			name  string
			style Style
			want  *record
		}{{"Classic", Classic, tc.classic}, {"Schema", Schema, tc.schema}} {
			var r Reader
			r.Reset(tc.doc)
			r.SetStyle(style.style)
			got := decodeRecordObject(&r)
			if style.want == nil {
				if r.Err() == nil {
					t.Errorf("%s %q: got %+v, want an error", style.name, tc.doc, got)
				}
				continue
			}
			if r.Err() != nil {
				t.Errorf("%s %q: %v", style.name, tc.doc, r.Err())
				continue
			}
			if diff := cmp.Diff(style.want, got); diff != "" {
				t.Errorf("%s %q (-want +got):\n%s", style.name, tc.doc, diff)
			}
		}
	}
}

func ptrTo[T any](v T) *T { return &v }

// TestRoom checks that a list built with Room holds every element, that a
// short list is made once, and that a long list is sized once for the rest
// of its array (to the allocator's size class).
func TestRoom(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, firstRoom - 1, firstRoom, growAfter, growAfter + 1, 1000} {
		items := make([]string, n)
		for i := range items {
			items[i] = `{"a":[1,{"b":null}],"c":"]"}`
		}
		doc := "[" + strings.Join(items, " , ") + "]"
		var r Reader
		r.Reset(doc)
		var list []int
		grown := 0
		for it := r.Array(); r.More(&it); {
			before := cap(list)
			list = Room(&r, &it, list)
			if cap(list) != before {
				grown++
			}
			list = append(list, len(list))
			r.Skip()
		}
		if r.Err() != nil || len(list) != n {
			t.Fatalf("%d elements: got %d, %v", n, len(list), r.Err())
		}
		if n > 0 && n <= firstRoom && (grown != 1 || cap(list) != firstRoom) {
			t.Errorf("%d elements: grown %d times by Room, cap %d", n, grown, cap(list))
		}
		if n > growAfter && (grown != 2 || cap(list) > n+n/16+64) {
			t.Errorf("%d elements: grown %d times by Room, cap %d", n, grown, cap(list))
		}
	}
	var r Reader
	r.Reset(`[` + strings.Repeat(`1,`, 100) + `{"a":}]`)
	n := 0
	for it := r.Array(); r.More(&it); {
		_ = Room(&r, &it, make([]int, growAfter))
		r.Skip()
		n++
	}
	if r.Err() == nil || n != 101 {
		t.Errorf("a malformed array: %d elements, error %v", n, r.Err())
	}
}

// BenchmarkSkip skips values of the shapes that an unknown member or a
// list count meets: deep nesting, a long array of tiny objects (skipped
// whole, and counted element by element as Room does), a wide object of
// every type.
func BenchmarkSkip(b *testing.B) {
	tiny := "[" + strings.Repeat("{},", 100000) + "{}]"
	wide := `{` + strings.Repeat(`"name":"value","n":-1.5e3,"t":true,"z":null,"l":[1,2],"o":{"k":"v"},`, 50) + `"end":0}`
	skip := func(r *Reader) { r.Skip() }
	count := func(r *Reader) {
		it := r.Array()
		if r.More(&it) && r.CountElements(it) != 100001 {
			r.syntax("miscounted")
		}
	}
	for _, bc := range []struct {
		name, doc string
		read      func(*Reader)
	}{
		{"deep-1000", strings.Repeat(`{"a":`, 1000) + "1" + strings.Repeat("}", 1000), skip},
		{"tiny-objects", tiny, skip},
		{"count-tiny-objects", tiny, count},
		{"wide-object", wide, skip},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.doc)))
			b.ReportAllocs()
			var r Reader
			for b.Loop() {
				r.Reset(bc.doc)
				bc.read(&r)
				if r.Err() != nil {
					b.Fatal(r.Err())
				}
			}
		})
	}
}

// plainRunByByte is plainRun one byte at a time.
func plainRunByByte(data string, p int) int {
	for p < len(data) && plain[data[p]] {
		p++
	}
	return p
}

func TestPlainRun(t *testing.T) {
	t.Parallel()
	// Every byte value at every position of a word, after plain runs of
	// every length around the eight bytes read at once.
	for c := range 256 {
		for before := range 20 {
			for _, after := range []string{"", "a", "abcdefghijklmnop"} {
				data := strings.Repeat("x", before) + string([]byte{byte(c)}) + after
				for start := range min(len(data), 3) {
					if got, want := plainRun(data, start), plainRunByByte(data, start); got != want {
						t.Fatalf("plainRun(%q, %d) = %d, want %d", data, start, got, want)
					}
				}
			}
		}
	}
}

func FuzzPlainRun(f *testing.F) {
	f.Add("abcdefgh\"ijklmnop", 0)
	f.Add("abcdefghijklmn\x1fop", 1)
	f.Add("\x80\x7f\x20\x21\x22\x5b\x5c\x5d", 0)
	f.Fuzz(func(t *testing.T, data string, start int) {
		if start < 0 || start > len(data) {
			return
		}
		if got, want := plainRun(data, start), plainRunByByte(data, start); got != want {
			t.Fatalf("plainRun(%q, %d) = %d, want %d", data, start, got, want)
		}
	})
}

// numberToken reports whether s is exactly one JSON number.
func numberToken(s string) bool {
	end, _, _, _ := scanNumber(s, 0)
	return end == len(s) && end > 0
}

// integerToken reports whether the number token s has neither fraction nor
// exponent.
func integerToken(s string) bool {
	_, integral, _, _ := scanNumber(s, 0)
	return integral
}

// exactFloat is floatAt on a whole number token: it answers only when
// floatAt converts all of the token.
func exactFloat(token string) (float64, bool) {
	v, end, ok := floatAt(token, 0)
	return v, ok && end == len(token)
}

// checkNumberFastPaths compares exactFloat and shortInt on a number token
// with strconv, which they stand in for: the same float64, bit for bit,
// whenever exactFloat answers, and the same int64 whenever shortInt does.
func checkNumberFastPaths(t *testing.T, token string) {
	t.Helper()
	if f, ok := exactFloat(token); ok {
		want, err := strconv.ParseFloat(token, 64)
		if err != nil || math.Float64bits(f) != math.Float64bits(want) {
			t.Fatalf("exactFloat(%q) = %v (%#x), ParseFloat = %v (%#x), %v", token, f, math.Float64bits(f), want, math.Float64bits(want), err)
		}
	}
	if !integerToken(token) {
		return
	}
	if n, ok := shortInt(token); ok {
		want, err := strconv.ParseInt(token, 10, 64)
		if err != nil || n != want {
			t.Fatalf("shortInt(%q) = %d, ParseInt = %d, %v", token, n, want, err)
		}
	}
}

// checkFloatAt checks floatAt on any text: when it answers, scanNumber ends
// the number where floatAt does, and ParseFloat gives the same float64.
func checkFloatAt(t *testing.T, data string) {
	t.Helper()
	f, end, ok := floatAt(data, 0)
	if !ok {
		return
	}
	if want, _, _, _ := scanNumber(data, 0); end != want {
		t.Fatalf("floatAt(%q) ends at %d, scanNumber at %d", data, end, want)
	}
	want, err := strconv.ParseFloat(data[:end], 64)
	if err != nil || math.Float64bits(f) != math.Float64bits(want) {
		t.Fatalf("floatAt(%q) = %v (%#x), ParseFloat = %v (%#x), %v", data, f, math.Float64bits(f), want, math.Float64bits(want), err)
	}
}

func TestNumberFastPaths(t *testing.T) {
	t.Parallel()
	tokens := []string{
		"0", "-0", "0.0", "-0.0", "0e5", "-0E-400", "1", "-1", "20", "1.5", "-1.50",
		"0.1", "0.000123", "1767225600.123", "1.7672256E9", "1.7672256123e9", "1e22", "1e23",
		"1e-22", "1e-23", "123456789012345e22", "1234567890123456e22", "9007199254740991",
		"4503599627370495", "4503599627370496", "4503599627370495.5", "0.4503599627370495",
		"123456789012345678", "-123456789012345678", "1234567890123456789", "99999999999999999999",
		"1e308", "1e309", "1e-324", "5e-324", "1e+2", "1E+002", "1e0001", "2.5e-3", "3.0e37",
		"1e37", "1e38", "1000000000000000e22", "10000000000000000e21",
	}
	for _, token := range tokens {
		if !numberToken(token) {
			t.Fatalf("%q is not a number token", token)
		}
		checkNumberFastPaths(t, token)
		// Followed by what may end a number, or make it malformed.
		for _, after := range []string{"", ",", "}", " ", ".", ".x", "e", "E+", "e-x", "-", "x"} {
			checkFloatAt(t, token+after)
		}
	}
	// Tokens of every shape around the limits: digits on both sides of the
	// point, exponents either side of ±22, mantissas either side of 2^52.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		if rng.IntN(2) == 0 {
			b.WriteByte('-')
		}
		b.WriteString(strconv.FormatUint(rng.Uint64()>>rng.IntN(64), 10))
		if rng.IntN(2) == 0 {
			b.WriteByte('.')
			b.WriteString(strconv.FormatUint(rng.Uint64()>>rng.IntN(64), 10))
		}
		if rng.IntN(2) == 0 {
			b.WriteString([]string{"e", "E", "e+", "e-", "E-"}[rng.IntN(5)])
			b.WriteString(strconv.Itoa(rng.IntN(60)))
		}
		if token := b.String(); numberToken(token) {
			checkNumberFastPaths(t, token)
		}
	}
	// The fast paths answer the common shapes; the rest go to strconv.
	for token, want := range map[string]bool{"1767225600.123": true, "1.7672256E9": true, "20": true, "1e23": true, "9007199254740991": false, "1e0001": false} {
		if _, got := exactFloat(token); got != want {
			t.Errorf("exactFloat(%q) answered %v, want %v", token, got, want)
		}
	}
	if _, ok := shortInt("1234567890123456789"); ok {
		t.Error("shortInt answered for 19 digits")
	}
}

func FuzzNumberFastPaths(f *testing.F) {
	for _, seed := range []string{"0", "-0.0", "1767225600.123", "1.7672256E9", "1e-22", "123456789012345e22", "4503599627370495", "-123456789012345678"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, token string) {
		checkFloatAt(t, token)
		if numberToken(token) {
			checkNumberFastPaths(t, token)
		}
	})
}

// TestSlab hands out values across several chunks and checks that each
// pointer keeps its own value, and that Expect sizes the next chunk.
// TestStringChunks checks how StringPtr sizes the chunks of strings:
// whatever the density of strings in the document, the slots made exceed
// the strings read by at most half plus a small margin, in a few chunks,
// and every pointer reads its own string.
func TestStringChunks(t *testing.T) {
	for _, tt := range []struct {
		strings, padding int // string members, and bytes of other members between them
	}{
		{1, 0}, {9, 0}, {9, 200}, {40, 10}, {150, 30}, {150, 60}, {150, 300}, {3000, 0}, {3000, 50}, {20000, 5},
	} {
		var doc strings.Builder
		doc.WriteString("[")
		for i := range tt.strings {
			if i > 0 {
				doc.WriteString(",")
			}
			fmt.Fprintf(&doc, `{"n":%q,"pad":%q}`, strconv.Itoa(i), strings.Repeat("x", tt.padding))
		}
		doc.WriteString("]")
		var r Reader
		r.Reset(doc.String())
		var ptrs []*string
		slots, chunks := 0, 0
		it := r.Array()
		for r.More(&it) {
			item := r.Object()
			for r.More(&item) {
				if r.Key() != "n" {
					r.Skip()
					continue
				}
				full := r.strings.used == len(r.strings.chunk)
				ptrs = append(ptrs, r.StringPtr())
				if full {
					slots, chunks = slots+len(r.strings.chunk), chunks+1
				}
			}
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		for i, p := range ptrs {
			if *p != strconv.Itoa(i) {
				t.Fatalf("%+v: string %d reads %q", tt, i, *p)
			}
		}
		if slots > tt.strings+tt.strings/2+16 || chunks > 3+tt.strings/1024 {
			t.Errorf("%+v: %d slots in %d chunks for %d strings", tt, slots, chunks, tt.strings)
		}
	}
}

func TestSlab(t *testing.T) {
	var s Slab[int]
	s.Expect(5)
	var ptrs []*int
	for i := range 1000 {
		ptrs = append(ptrs, s.ptr(i))
		if i == 0 && len(s.chunk) != 5 {
			t.Fatalf("first chunk holds %d values after Expect(5)", len(s.chunk))
		}
	}
	*ptrs[3] = -1
	for i, p := range ptrs {
		want := i
		if i == 3 {
			want = -1
		}
		if *p != want {
			t.Fatalf("value %d reads %d, want %d", i, *p, want)
		}
	}
	if p := s.New(); *p != 0 {
		t.Fatalf("New gives %d, want 0", *p)
	}
}

// TestUseSpace checks that a reader given space puts its first strings and
// timestamps there, and the rest in chunks of its own, with the same values
// either way.
func TestUseSpace(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"s":[`)
	for i := range 12 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"s%d"`, i)
	}
	b.WriteString(`],"t":[1,2,3]}`)
	var r Reader
	r.Reset(b.String())
	var space Space
	r.UseSpace(&space)
	var ss []*string
	var ts []*time.Time
	for it := r.Object(); r.More(&it); {
		for list := r.Array(); r.More(&list); {
			if r.Key() == "s" {
				ss = append(ss, r.StringPtr())
			} else {
				ts = append(ts, r.EpochSecondsPtr())
			}
		}
	}
	if err := r.Err(); err != nil || len(ss) != 12 || len(ts) != 3 {
		t.Fatalf("%d strings, %d timestamps, %v", len(ss), len(ts), err)
	}
	for i, s := range ss {
		if *s != fmt.Sprintf("s%d", i) {
			t.Errorf("string %d is %q", i, *s)
		}
		if inSpace := i < len(space.Strings); (s == &space.Strings[i%len(space.Strings)]) != inSpace {
			t.Errorf("string %d in the space: %v, want %v", i, !inSpace, inSpace)
		}
	}
	for i, ts := range ts {
		if !ts.Equal(time.Unix(int64(i+1), 0)) {
			t.Errorf("timestamp %d is %v", i, ts)
		}
		if inSpace := i < len(space.Times); (ts == &space.Times[i%len(space.Times)]) != inSpace {
			t.Errorf("timestamp %d in the space: %v, want %v", i, !inSpace, inSpace)
		}
	}
}

// TestUnescapedStringsKept reads many strings with escapes, some whose
// decoded form outgrows their escaped length (invalid UTF-8, one byte
// becoming three), and checks every string once all are read: the decoded
// strings share chunks, and none may be written over by a later one.
func TestUnescapedStringsKept(t *testing.T) {
	var values []string
	for i := range 60 {
		v := strings.Repeat(`a\"b`, i%7) + fmt.Sprint(i)
		switch i % 5 {
		case 1:
			v += strings.Repeat("\xff", i) // each becomes U+FFFD
		case 2:
			v += strings.Repeat(`\u00e9`, i*3)
		}
		values = append(values, `"`+v+`"`)
	}
	// Last, where little is left to read, one that outgrows its room.
	values = append(values, `"`+strings.Repeat("\xff", 400)+`"`)
	doc := "[" + strings.Join(values, ",") + "]"
	var want []string
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	var r Reader
	r.Reset(doc)
	r.SetStyle(Classic)
	var got []string
	for it := r.Array(); r.More(&it); {
		got = append(got, r.String())
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("strings differ from encoding/json's (-want +got):\n%s", diff)
	}
}

// TestNestingBoundMatchesEncodingJSON checks that a document's objects and
// arrays are counted from its first, as encoding/json counts them: a
// member a decoder skips inside the document's object fails exactly when
// the whole document has more than maxDepth of them open at once.
func TestNestingBoundMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	objects := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	for _, total := range []int{maxDepth - 1, maxDepth, maxDepth + 1, maxDepth + 2} {
		for name, doc := range map[string]string{
			"arrays in a member":  `{"x":` + arrays(total-1) + `,"y":1}`,
			"objects in a member": `{"x":` + objects(total-1) + `,"y":1}`,
			"arrays in an array":  `{"x":[` + arrays(total-2) + `],"y":1}`,
		} {
			wantErr := json.Unmarshal([]byte(doc), new(any)) != nil
			var r Reader
			r.Reset(doc)
			it := r.Object()
			for r.More(&it) {
				r.Skip()
			}
			if gotErr := r.Err() != nil; gotErr != wantErr {
				t.Errorf("%s, %d open at most: Reader error %v, encoding/json fails %t", name, total, r.Err(), wantErr)
			}
		}
	}
}
