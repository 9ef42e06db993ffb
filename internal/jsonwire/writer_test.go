package jsonwire

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/google/go-cmp/cmp"
)

// smithyString encodes s with smithy-go's encoder, the one the official
// clients use.
func smithyString(s string) string {
	enc := smithyjson.NewEncoder()
	enc.Value.String(s)
	return enc.String()
}

func TestStringMatchesSmithyEncoder(t *testing.T) {
	t.Parallel()
	cases := []string{
		"", "plain", `quote " and backslash \`, "new\nline\ttab\rreturn", "\x00\x01\x1f\x7f",
		"<html>&amp;</html>", "slash / stays", "üñíçødé 雪 😀", "\u2028\u2029", "bad \xff utf8 \xc3",
		"\b\f", "emoji \U0001F600 and \ufeff",
	}
	for _, s := range cases {
		w := NewWriter(0)
		w.String(s)
		if diff := cmp.Diff(smithyString(s), string(w.Bytes())); diff != "" {
			t.Errorf("String(%q) differs from smithy-go (-want +got):\n%s", s, diff)
		}
	}
}

func FuzzStringMatchesSmithyEncoder(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\u2028", "\xff", "\x00", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := NewWriter(0)
		w.String(s)
		if want := smithyString(s); string(w.Bytes()) != want {
			t.Fatalf("String(%q) = %s, smithy-go writes %s", s, w.Bytes(), want)
		}
		var r Reader
		r.Reset(string(w.Bytes()))
		got := r.String()
		if r.Err() != nil {
			t.Fatalf("reading back %s: %v", w.Bytes(), r.Err())
		}
		if want := smithyRoundTrip(s); got != want {
			t.Fatalf("round trip of %q gave %q, want %q", s, got, want)
		}
	})
}

// quotedByRune is appendQuoted written rune by rune from the escaping rules
// of the two styles, without passing over plain words: the reference the
// word-at-a-time string writer is compared with.
func quotedByRune(s string, style Style) string {
	b := []byte{'"'}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20, r == 0x7f && style == Schema, r == '\u2028', r == '\u2029':
			b = fmt.Appendf(b, `\u%04x`, r)
		case r == utf8.RuneError && size == 1 && style == Schema:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(append(b, '"'))
}

func TestQuotedMatchesRuneByRune(t *testing.T) {
	t.Parallel()
	// Every byte value at every position of a word, after plain runs of
	// every length around the eight bytes passed over at once, then a plain
	// tail or one that needs escapes again.
	for c := range 256 {
		for before := range 20 {
			for _, after := range []string{"", "a", "abcdefghijklmnop", "\"\x7f\xc3\xa9\u2028 tail of a string"} {
				s := strings.Repeat("x", before) + string([]byte{byte(c)}) + after
				for _, style := range []Style{Classic, Schema} {
					if got, want := string(appendQuoted(nil, s, style)), quotedByRune(s, style); got != want {
						t.Fatalf("appendQuoted(%q, %d) = %s, want %s", s, style, got, want)
					}
				}
			}
		}
	}
}

func FuzzQuotedMatchesRuneByRune(f *testing.F) {
	f.Add("plain words and \"quotes\" \x7f and \xff\xfe bytes")
	f.Add("\u2028\u2029 \U0001F600 \x00\x1f")
	f.Fuzz(func(t *testing.T, s string) {
		for _, style := range []Style{Classic, Schema} {
			if got, want := string(appendQuoted(nil, s, style)), quotedByRune(s, style); got != want {
				t.Fatalf("appendQuoted(%q, %d) = %s, want %s", s, style, got, want)
			}
		}
	})
}

// smithyRoundTrip is what a string becomes after encoding: invalid UTF-8
// bytes turn into U+FFFD.
func smithyRoundTrip(s string) string {
	out := []rune{}
	for _, r := range s {
		out = append(out, r)
	}
	return string(out)
}

func TestDocumentStructure(t *testing.T) {
	t.Parallel()
	w := NewWriter(0)
	w.BeginObject()
	w.Key("A")
	w.String("x")
	w.Key("List")
	w.BeginArray()
	w.Int(1)
	w.BeginObject()
	w.EndObject()
	w.BeginArray()
	w.EndArray()
	w.Bool(false)
	w.EndArray()
	w.Key("Map")
	w.BeginObject()
	w.MapKey("k\"ey")
	w.Float(1.5)
	w.EndObject()
	w.Key("T")
	w.EpochSeconds(time.Unix(1767225600, 123456789))
	w.EndObject()
	want := `{"A":"x","List":[1,{},[],false],"Map":{"k\"ey":1.5},"T":1767225600.123}`
	if diff := cmp.Diff(want, string(w.Bytes())); diff != "" {
		t.Errorf("document (-want +got):\n%s", diff)
	}
}

func TestFloatMatchesSmithyEncoder(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 1.5e-6, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, 1767225600.123} {
		enc := smithyjson.NewEncoder()
		enc.Double(v)
		w := NewWriter(0)
		w.Float(v)
		if diff := cmp.Diff(enc.String(), string(w.Bytes())); diff != "" {
			t.Errorf("Float(%v) differs from smithy-go (-want +got):\n%s", v, diff)
		}
	}
	w := NewWriter(0)
	w.BeginArray()
	w.Float(math.NaN())
	w.Float(math.Inf(1))
	w.Float(math.Inf(-1))
	w.EndArray()
	if got, want := string(w.Bytes()), `["NaN","Infinity","-Infinity"]`; got != want {
		t.Errorf("non-finite floats = %s, want %s", got, want)
	}
}

func TestEpochSecondsMatchesSmithy(t *testing.T) {
	t.Parallel()
	for _, tm := range []time.Time{
		time.Unix(0, 0), time.Unix(1767225600, 0), time.Unix(1767225600, 999999999), time.Unix(-1, 500000000),
		time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		enc := smithyjson.NewEncoder()
		enc.Double(smithytime.FormatEpochSeconds(tm))
		w := NewWriter(0)
		w.EpochSeconds(tm)
		if diff := cmp.Diff(enc.String(), string(w.Bytes())); diff != "" {
			t.Errorf("EpochSeconds(%v) (-want +got):\n%s", tm, diff)
		}
	}
}

func TestSchemaStyle(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"del \x7f":       `"del \u007f"`,
		"bad \xff byte":  "\"bad \uFFFD byte\"",
		"\u2028 \n \x01": `"\u2028 \n \u0001"`,
		"<&> / é":        `"<&> / é"`,
	}
	for in, want := range cases {
		w := NewWriter(0)
		w.SetStyle(Schema)
		w.String(in)
		if got := string(w.Bytes()); got != want {
			t.Errorf("Schema String(%q) = %s, want %s", in, got, want)
		}
	}
}

// benchTags are the tags of the request body the write benchmarks encode.
var benchTags = [][2]string{{"team", "storage"}, {"cost-center", "cc-1234"}, {"environment", "production"}}

// writeBenchBody writes a CopySnapshot-like request body: names, a key,
// a bucket and a list of tags.
func writeBenchBody(w *Writer) {
	w.BeginObject()
	w.Key("KmsKeyId")
	w.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	w.Key("SourceSnapshotName")
	w.String("nightly-snapshot-2026-12-06")
	w.Key("Tags")
	w.BeginArray()
	for _, tag := range benchTags {
		w.BeginObject()
		w.Key("Key")
		w.String(tag[0])
		w.Key("Value")
		w.String(tag[1])
		w.EndObject()
	}
	w.EndArray()
	w.Key("TargetBucket")
	w.String("example-snapshot-exports")
	w.Key("TargetSnapshotName")
	w.String("nightly-snapshot-2026-12-06-copy")
	w.EndObject()
}

// smithyBenchBody writes the same body with smithy-go's encoder, the way
// the official clients' serializers do.
func smithyBenchBody() []byte {
	enc := smithyjson.NewEncoder()
	obj := enc.Object()
	obj.Key("KmsKeyId").String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	obj.Key("SourceSnapshotName").String("nightly-snapshot-2026-12-06")
	tags := obj.Key("Tags").Array()
	for _, tag := range benchTags {
		t := tags.Value().Object()
		t.Key("Key").String(tag[0])
		t.Key("Value").String(tag[1])
		t.Close()
	}
	tags.Close()
	obj.Key("TargetBucket").String("example-snapshot-exports")
	obj.Key("TargetSnapshotName").String("nightly-snapshot-2026-12-06-copy")
	obj.Close()
	return enc.Bytes()
}

// BenchmarkWriteObject writes a request body into a new 512-byte buffer,
// as a client writes each request's body into that request's storage.
func BenchmarkWriteObject(b *testing.B) {
	w := NewWriter(512)
	writeBenchBody(w)
	if want := smithyBenchBody(); string(w.Bytes()) != string(want) {
		b.Fatalf("body %s, smithy-go writes %s", w.Bytes(), want)
	}
	b.SetBytes(int64(len(w.Bytes())))
	b.ReportAllocs()
	for b.Loop() {
		writeBenchBody(NewWriter(512))
	}
}

// BenchmarkWriteObjectSmithy writes the same body with smithy-go's encoder.
func BenchmarkWriteObjectSmithy(b *testing.B) {
	b.SetBytes(int64(len(smithyBenchBody())))
	b.ReportAllocs()
	for b.Loop() {
		smithyBenchBody()
	}
}
