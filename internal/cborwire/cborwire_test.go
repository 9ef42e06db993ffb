package cborwire

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// TestWriterHeads checks the shortest-head encoding of strings and
// integers at every boundary against smithy-go's encoder.
func TestWriterHeads(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 23, 24, 255, 256, 65535, 65536} {
		var w Writer
		s := strings.Repeat("x", n)
		w.String(s)
		if want := smithycbor.Encode(smithycbor.String(s)); !bytes.Equal(w.Bytes(), want) {
			t.Errorf("string of %d bytes: % x, want % x", n, w.Bytes()[:min(len(w.Bytes()), 9)], want[:min(len(want), 9)])
		}
	}
	for _, v := range []int64{0, 23, 24, 255, 256, 65535, 65536, math.MaxUint32, math.MaxUint32 + 1, math.MaxInt64,
		-1, -24, -25, -256, -257, -65537, math.MinInt64} {
		var w Writer
		w.Int(v)
		var want []byte
		if v >= 0 {
			want = smithycbor.Encode(smithycbor.Uint(v))
		} else {
			want = smithycbor.Encode(smithycbor.NegInt(uint64(-(v + 1)) + 1))
		}
		if !bytes.Equal(w.Bytes(), want) {
			t.Errorf("int %d: % x, want % x", v, w.Bytes(), want)
		}
	}
}

// TestWriterDocument writes a nested document and reads it back with
// smithy-go's decoder.
func TestWriterDocument(t *testing.T) {
	t.Parallel()
	var w Writer
	w.BeginMap()
	w.StringMember("a", ptr("é漢😀"))
	w.StringMember("absent", nil)
	w.Key("list")
	w.BeginList()
	w.Int(-3)
	w.Bool(true)
	w.Bool(false)
	w.Null()
	w.Float64(1.5)
	w.End()
	w.Key("when")
	w.Time(time.UnixMilli(1767225600123))
	w.End()
	got, err := smithycbor.Decode(w.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := smithycbor.Map{
		"a":    smithycbor.String("é漢😀"),
		"list": smithycbor.List{smithycbor.NegInt(3), smithycbor.Bool(true), smithycbor.Bool(false), &smithycbor.Nil{}, smithycbor.Float64(1.5)},
		"when": &smithycbor.Tag{ID: 1, Value: smithycbor.Float64(1767225600.123)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if w.Bytes()[0] != 0xbf || w.Bytes()[len(w.Bytes())-1] != 0xff {
		t.Errorf("the map is not of indefinite length: % x", w.Bytes())
	}
}

func ptr[T any](v T) *T { return &v }

// TestReaderTypedReads reads each kind of item through the typed
// accessors.
func TestReaderTypedReads(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, hex string
		read      func(r *Reader) any
		want      any
		fails     bool
	}{
		{"short string", "6161", func(r *Reader) any { return r.String() }, "a", false},
		{"chunked string", "7f6161626263ff", func(r *Reader) any { return r.String() }, "abc", false},
		{"null string", "f6", func(r *Reader) any { return r.StringPtr() }, (*string)(nil), false},
		{"undefined string", "f7", func(r *Reader) any { return r.StringPtr() }, (*string)(nil), false},
		{"int as string", "01", func(r *Reader) any { return r.String() }, "", true},
		{"byte string as string", "4161", func(r *Reader) any { return r.String() }, "", true},
		{"truncated string", "6561", func(r *Reader) any { return r.String() }, "", true},
		{"huge length", "7bffffffffffffffff", func(r *Reader) any { return r.String() }, "", true},
		{"int32 max", "1a7fffffff", func(r *Reader) any { return *r.Int32Ptr() }, int32(math.MaxInt32), false},
		{"int32 min", "3a7fffffff", func(r *Reader) any { return *r.Int32Ptr() }, int32(math.MinInt32), false},
		{"int32 overflow", "1a80000000", func(r *Reader) any { return r.Int32Ptr() }, (*int32)(nil), true},
		{"int64 overflow", "1bffffffffffffffff", func(r *Reader) any { return r.Int64() }, int64(0), true},
		{"float as int", "fb3ff8000000000000", func(r *Reader) any { return r.Int32Ptr() }, (*int32)(nil), true},
		{"half float", "f93e00", func(r *Reader) any { return r.Float64() }, 1.5, false},
		{"single float", "fa3fc00000", func(r *Reader) any { return r.Float64() }, 1.5, false},
		{"negative int as float", "3863", func(r *Reader) any { return r.Float64() }, -100.0, false},
		{"time float", "c1fb41da556e4007df3b", func(r *Reader) any { return *r.TimePtr() }, time.UnixMilli(1767225600123), false},
		{"time int", "c11a6955b900", func(r *Reader) any { return *r.TimePtr() }, time.Unix(1767225600, 0), false},
		{"time wrong tag", "c01a6955b900", func(r *Reader) any { return r.TimePtr() }, (*time.Time)(nil), true},
		{"time untagged", "1a6955b900", func(r *Reader) any { return r.TimePtr() }, (*time.Time)(nil), true},
		{"time string", "c16161", func(r *Reader) any { return r.TimePtr() }, (*time.Time)(nil), true},
		{"empty", "", func(r *Reader) any { return r.String() }, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var r Reader
			r.Reset(mustHex(t, tc.hex))
			got := tc.read(&r)
			if (r.Err() != nil) != tc.fails {
				t.Fatalf("error %v, want failure %v", r.Err(), tc.fails)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func mustHex(t *testing.T, s string) string {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReaderContainers walks definite and indefinite maps and lists, and
// skips what it does not read.
func TestReaderContainers(t *testing.T) {
	t.Parallel()
	doc := smithycbor.Encode(smithycbor.Map{
		"keep": smithycbor.List{smithycbor.String("x"), &smithycbor.Nil{}, smithycbor.String("y")},
		"skip": smithycbor.Map{"n": &smithycbor.Tag{ID: 1, Value: smithycbor.Float32(1)}, "b": smithycbor.Slice{1, 2},
			"l": smithycbor.List{smithycbor.Bool(true), smithycbor.Float64(2), smithycbor.NegInt(1), &smithycbor.Undefined{}}},
	})
	indefinite := []byte{0xbf, 0x64, 'k', 'e', 'e', 'p', 0x9f, 0x61, 'x', 0xf6, 0x61, 'y', 0xff,
		0x64, 's', 'k', 'i', 'p', 0xbf, 0x61, 'a', 0x9f, 0x01, 0x5f, 0x41, 0x00, 0xff, 0xff, 0xff, 0xff}
	for name, body := range map[string][]byte{"definite": doc, "indefinite": indefinite} {
		t.Run(name, func(t *testing.T) {
			var r Reader
			r.Reset(string(body))
			var got []*string
			for it := r.Map(); r.More(&it); {
				switch r.Key() {
				case "keep":
					for item := r.List(); r.More(&item); {
						got = append(got, r.StringPtr())
					}
				default:
					r.Skip()
				}
			}
			if r.Err() != nil {
				t.Fatal(r.Err())
			}
			if diff := cmp.Diff([]*string{ptr("x"), nil, ptr("y")}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestReaderWrappedCounts checks counts the official decoder keeps in an
// int: a structure counted from 2^63 on ends at once, one counted 2^64-1
// (-1) runs to a break, and a skipped map counted 2^62 holds no items
// (twice the count wraps to a negative int), where a count that fits and
// exceeds the data is an error.
func TestReaderWrappedCounts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		hex     string
		members []string
		fails   bool
	}{
		{"bb8000000000000000" + "6161f6", nil, false},                  // 2^63: no members, the rest ignored
		{"bbffffffffffffffff" + "616101" + "ff", []string{"a"}, false}, // -1: read to the break
		{"a1" + "6161" + "bb4000000000000000", []string{"a"}, false},   // a skipped map of 2^62 entries
		{"a1" + "6161" + "bb0000000000000002", nil, true},              // 2 entries that are not there
		{"bb7fffffffffffffff" + "6161f6", nil, true},                   // 2^63-1 members that are not there
	}
	for _, c := range cases {
		var r Reader
		r.Reset(mustHex(t, c.hex))
		var members []string
		for it := r.Map(); r.More(&it); {
			members = append(members, r.Key())
			r.Skip()
		}
		if (r.Err() != nil) != c.fails || (!c.fails && !slices.Equal(members, c.members)) {
			t.Errorf("%s: members %q, error %v; want %q, failing %v", c.hex, members, r.Err(), c.members, c.fails)
		}
	}
}

// TestReaderNullMember checks that a member whose value is null or
// undefined is passed over, so a member repeated with null keeps its
// earlier value, as the official decoder reads a structure.
func TestReaderNullMember(t *testing.T) {
	t.Parallel()
	var r Reader
	r.Reset(mustHex(t, "a4"+"61616178"+"6161f6"+"6162f7"+"616301"))
	var keys []string
	var a *string
	for it := r.Map(); r.More(&it); {
		keys = append(keys, r.Key())
		if r.Key() == "a" {
			a = r.StringPtr()
		} else {
			r.Skip()
		}
	}
	if r.Err() != nil || !slices.Equal(keys, []string{"a", "c"}) || a == nil || *a != "x" {
		t.Errorf("members %q, a %v, error %v; want [a c], a x", keys, a, r.Err())
	}
}

// TestReaderMalformed checks that broken items are errors, not panics,
// where the official decoder's skipping finds them: a missing item, a
// count or length beyond the data, a reserved argument. Like it, Skip
// passes over an item of indefinite length that lacks its break at the
// end of the data, a chunk of another type, a map key of any type and a
// reserved simple value.
func TestReaderMalformed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		hex   string
		fails bool
	}{
		{"bf6161", true}, {"a1", true}, {"a16161", true}, {"81", true}, {"1c", true}, {"c1", true}, {"5a00000005", true},
		{"bf", false}, {"9f01", false}, {"bf01ff", false}, {"bf6161ffff", false}, {"5f01ff", false}, {"7f4161ff", false},
		{"fc", false}, {"f8", false}, {"fb00", false},
	} {
		var r Reader
		r.Reset(mustHex(t, c.hex))
		r.Skip()
		if (r.Err() != nil) != c.fails {
			t.Errorf("%s: error %v, want failing %v", c.hex, r.Err(), c.fails)
		}
	}
	var r Reader
	r.Reset(mustHex(t, "bf01ff"))
	for it := r.Map(); r.More(&it); {
		r.Skip()
	}
	if r.Err() == nil {
		t.Error("a map with an integer key was read as a structure")
	}
	deep := strings.Repeat("\x81", maxDepth+10) + "\x01"
	r.Reset(deep)
	r.Skip()
	if r.Err() == nil {
		t.Error("nesting beyond the bound was accepted")
	}
}

// FuzzReader skips arbitrary input: it never panics, and whatever smithy-go's
// decoder accepts, the Reader accepts too (apart from nesting beyond its
// bound, and a declared length longer than the data, which smithy-go
// misreads when it overflows an int).
func FuzzReader(f *testing.F) {
	for _, h := range []string{"bf6161ff", "a26161f66162c1fb41da556e4007df3b", "7f6161ff", "9f01020304ff", "f93e00", "3863"} {
		b, _ := hex.DecodeString(h)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var r Reader
		r.Reset(string(body))
		r.Skip()
		_, err := smithycbor.Decode(body)
		if err == nil && r.Err() != nil && !strings.Contains(r.Err().Error(), "nested") &&
			!strings.Contains(r.Err().Error(), "length exceeds") {
			t.Fatalf("% x: smithy-go decodes it, the Reader fails: %v", body, r.Err())
		}
	})
}

// TestUseSpace checks that a reader given space puts its first strings and
// timestamps there, and the rest in chunks of its own.
func TestUseSpace(t *testing.T) {
	var w Writer
	w.BeginMap()
	w.Key("s")
	w.BeginList()
	for i := range 10 {
		w.String(fmt.Sprint("s", i))
	}
	w.End()
	w.Key("t")
	w.BeginList()
	for i := range 3 {
		w.Time(time.Unix(int64(i+1), 0))
	}
	w.End()
	w.End()
	var r Reader
	r.Reset(string(w.Bytes()))
	var space jsonwire.Space
	r.UseSpace(&space)
	var ss []*string
	var ts []*time.Time
	for it := r.Map(); r.More(&it); {
		key := r.Key()
		for list := r.List(); r.More(&list); {
			if key == "s" {
				ss = append(ss, r.StringPtr())
			} else {
				ts = append(ts, r.TimePtr())
			}
		}
	}
	if err := r.Err(); err != nil || len(ss) != 10 || len(ts) != 3 {
		t.Fatalf("%d strings, %d timestamps, %v", len(ss), len(ts), err)
	}
	for i, s := range ss {
		if want := fmt.Sprint("s", i); *s != want || (s == &space.Strings[i%len(space.Strings)]) != (i < len(space.Strings)) {
			t.Errorf("string %d: %q, in the space %v", i, *s, s == &space.Strings[i%len(space.Strings)])
		}
	}
	for i, ts := range ts {
		if !ts.Equal(time.Unix(int64(i+1), 0)) || (ts == &space.Times[i%len(space.Times)]) != (i < len(space.Times)) {
			t.Errorf("timestamp %d: %v, in the space %v", i, ts, ts == &space.Times[i%len(space.Times)])
		}
	}
}

// TestTimeMatchesSmithy reads timestamps as smithy-go's CBOR conversion
// (AsTime, the same arithmetic as the official shape deserializer) reads
// them: the same instant, in the same time zone, out-of-range floats
// included.
func TestTimeMatchesSmithy(t *testing.T) {
	t.Parallel()
	for _, h := range []string{
		"c11a6955b900",         // whole seconds
		"c13a6955b8ff",         // before 1970
		"c1fb41da556e4007df3b", // milliseconds
		"c1fbbff0024dd2f1a9fc", // -1.0005: truncated towards zero
		"c1fb4230303030303030", // year 4173, past what nanoseconds hold
		"c1fb7ff0000000000000", // +Inf
		"c1fb7ff8000000000000", // NaN
		"c1f93e00",             // half float
	} {
		data := mustHex(t, h)
		v, err := smithycbor.Decode([]byte(data))
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		want, err := smithycbor.AsTime(v)
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		var r Reader
		r.Reset(data)
		got := r.TimePtr()
		if r.Err() != nil || !got.Equal(want) || got.Location() != want.Location() {
			t.Errorf("%s: got %v (%v), want %v", h, got, r.Err(), want)
		}
	}
}
