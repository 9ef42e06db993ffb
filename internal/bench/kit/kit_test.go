package kit

import (
	"strings"
	"testing"
	"time"
)

func TestCompareJSON(t *testing.T) {
	t.Parallel()
	tags := []string{"tags"}
	cases := []struct {
		name, ours, official string
		unordered            [][]string
		wantErr              string // "" for equal
	}{
		{name: "identical", ours: `{"a":1,"b":[true,null,"x"]}`, official: `{"a":1,"b":[true,null,"x"]}`},
		{name: "scalar differs", ours: `{"a":1}`, official: `{"a":2}`, wantErr: "at /\"a\""},
		{name: "escape differs", ours: `{"a":"\u00e9"}`, official: `{"a":"é"}`, wantErr: "at /\"a\""},
		{name: "member order", ours: `{"a":1,"b":2}`, official: `{"b":2,"a":1}`, wantErr: "member order"},
		{name: "map order allowed", ours: `{"tags":{"a":"1","b":"2"}}`, official: `{"tags":{"b":"2","a":"1"}}`, unordered: [][]string{tags}},
		{name: "map sorted by the keys, not their escapes", ours: `{"tags":{"\"0":"1","1":"2"}}`, official: `{"tags":{"1":"2","\"0":"1"}}`, unordered: [][]string{tags}},
		{name: "names read the same, values paired", ours: `{"tags":{"\ufffd":"","\ufffd":"0"}}`, official: `{"tags":{"\ufffd":"0","\ufffd":""}}`, unordered: [][]string{tags}},
		{name: "names read the same, values differ", ours: `{"tags":{"\ufffd":"1","\ufffd":"0"}}`, official: `{"tags":{"\ufffd":"0","\ufffd":""}}`, unordered: [][]string{tags}, wantErr: "at /\"tags\""},
		{name: "our map unsorted", ours: `{"tags":{"b":"2","a":"1"}}`, official: `{"tags":{"a":"1","b":"2"}}`, unordered: [][]string{tags}, wantErr: "not sorted"},
		{name: "map value differs", ours: `{"tags":{"a":"1","b":"3"}}`, official: `{"tags":{"b":"2","a":"1"}}`, unordered: [][]string{tags}, wantErr: "at /\"tags\"/\"b\""},
		{name: "only the named path is unordered", ours: `{"x":{"a":1,"b":2}}`, official: `{"x":{"b":2,"a":1}}`, unordered: [][]string{tags}, wantErr: "member order"},
		{name: "wildcard path", ours: `[{"m":{"a":1,"b":2}}]`, official: `[{"m":{"b":2,"a":1}}]`, unordered: [][]string{{"*", "m"}}},
		{name: "array length", ours: `[1,2]`, official: `[1]`, wantErr: "array"},
		{name: "invalid", ours: `{"a":`, official: `{}`, wantErr: "ours"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := CompareJSON(tc.ours, tc.official, tc.unordered...)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

// The types below stand for ours and the official ones; kit's own package
// path counts as a service package.
type (
	oursEnum     string
	officialEnum string
	oursShape    struct {
		A *string
		B []oursEnum
		C map[string]*time.Time
		D int32
	}
	officialShape struct {
		A *string
		B []officialEnum
		C map[string]*time.Time
		D int64
		E bool
	}
)

func (oursEnum) Values() []oursEnum         { return []oursEnum{"x", "y"} }
func (officialEnum) Values() []officialEnum { return []officialEnum{"y", "z"} }

func TestCompareShapes(t *testing.T) {
	t.Parallel()
	shapes := CompareShapes(Pair{Ours: typeOf[oursShape](), Official: typeOf[officialShape](), Name: "Shape"})
	var keys []string
	for _, d := range shapes.Diffs {
		keys = append(keys, d.Key)
	}
	got := strings.Join(keys, "\n")
	for _, want := range []string{
		"Shape: type name",
		"officialShape.E: missing",
		"officialShape.B[]: type name",
		"officialEnum: Values()",
		"officialShape.D: type",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no difference %q in:\n%s", want, got)
		}
	}
	if len(shapes.Enums) != 1 {
		t.Errorf("enums %v", shapes.Enums)
	}
}

func TestNeutral(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 1, 1, 0, 0, 0, 123e6, time.FixedZone("x", 3600))
	type inner struct{ V any }
	got := Neutral(&struct {
		S      *string
		T      *time.Time
		L      []int
		N      []int
		M      map[string]bool
		I      inner
		hidden int
	}{T: &at, L: []int{}, I: inner{V: &inner{}}})
	want := map[string]any{
		"S": nil, "T": "2025-12-31T23:00:00.123Z x", "L": []any{}, "N": nil, "M": nil,
		"I": map[string]any{"V": map[string]any{"$type": "*kit.inner", "$value": map[string]any{"V": nil}}},
	}
	if g, w := fmtAny(got), fmtAny(want); g != w {
		t.Errorf("got  %s\nwant %s", g, w)
	}
}

// TestPaired runs a variant with three times the other's work against it
// and checks that each ran at least b.N times, the faster more often, and
// that their ratio shows which is slower, by a factor far from 1 either
// way.
func TestPaired(t *testing.T) {
	spin := func(n int) func() error {
		return func() error {
			x := 0
			for i := range n * 2000 {
				x += i ^ x>>3
			}
			sink = x
			return nil
		}
	}
	var calls [2]int
	var n int
	result := testing.Benchmark(func(b *testing.B) {
		calls = [2]int{}
		n = b.N
		slow, fast := spin(3), spin(1)
		Paired(b,
			Variant{Name: "slow", Call: func() error { calls[0]++; return slow() }},
			Variant{Name: "fast", Call: func() error { calls[1]++; return fast() }})
	})
	if calls[0] < n || calls[1] <= calls[0] {
		t.Errorf("calls %v, want at least %d, the second more", calls, n)
	}
	ratio := result.Extra["slow/fast"]
	if ratio < 1.5 || ratio > 6 {
		t.Errorf("slow/fast = %.2f, want about 3", ratio)
	}
	if result.Extra["slow-ns/op"] <= result.Extra["fast-ns/op"] {
		t.Errorf("slow %.0f ns/op, fast %.0f", result.Extra["slow-ns/op"], result.Extra["fast-ns/op"])
	}
}

// sink keeps the spinning of TestPaired from being optimised away.
var sink int
