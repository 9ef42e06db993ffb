package protocol

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"strings"
	"testing"
	"unsafe"
)

// TestRequestPathAndBody checks a restJson1 request whose path and body
// share the request's storage: each keeps its bytes whatever their
// lengths, and neither writes into the other when it outgrows its room;
// the payload hash and the reader are the body's.
func TestRequestPathAndBody(t *testing.T) {
	// The storage sizes NewRequest picks after a request of each length.
	for _, before := range []int{-1, 50, 200, 500, 2000} {
		b := NewRESTJSON("POST")
		if before >= 0 {
			b.Measure(jsonRequest(b, before))
		}
		testPathAndBody(t, b.NewRequest)
	}
	testPathAndBody(t, func() *Request { return new(Request) }) // no storage at all
}

// jsonRequest returns a request of b whose body is an object with one
// string member, of n bytes in all.
func jsonRequest(b *Binding, n int) *Request {
	r := b.NewRequest()
	r.Body.BeginObject()
	r.Body.Key("v")
	r.Body.String(strings.Repeat("x", max(n-len(`{"v":""}`), 0)))
	r.Body.EndObject()
	return r
}

func testPathAndBody(t *testing.T, newRequest func() *Request) {
	t.Helper()
	for _, pathLen := range []int{1, 100, 127, 128, 129, 400} {
		for _, bodyLen := range []int{0, 10, 111, 112, 113, 359, 360, 361, 383, 384, 385, 600, 615, 616, 617, 1700} {
			r := newRequest()
			label := strings.Repeat("a b", pathLen/3+1)[:pathLen]
			r.PathLiteral("/graphs/")
			r.PathLabel("Id", &label)
			r.PathLiteral("/snapshots")
			value := strings.Repeat("x", bodyLen)
			r.Body.BeginObject()
			r.Body.Key("v")
			r.Body.String(value)
			r.Body.EndObject()
			path, rawPath := r.Path()
			wantRaw := "/graphs/" + strings.ReplaceAll(label, " ", "%20") + "/snapshots"
			if unescaped, _ := url.PathUnescape(wantRaw); path != unescaped || rawPath != wantRaw {
				t.Errorf("path of %d, body of %d: path %q, %q", pathLen, bodyLen, path, rawPath)
			}
			want := `{"v":"` + value + `"}`
			if got := string(r.Payload()); got != want {
				t.Errorf("path of %d, body of %d: body %.40q…, want %.40q…", pathLen, bodyLen, got, want)
			}
			if sum := sha256.Sum256([]byte(want)); r.PayloadHash() != hex.EncodeToString(sum[:]) {
				t.Errorf("path of %d, body of %d: payload hash %s", pathLen, bodyLen, r.PayloadHash())
			}
			if read, err := io.ReadAll(r.Reader()); err != nil || string(read) != want {
				t.Errorf("path of %d, body of %d: the reader gave %.40q…, %v", pathLen, bodyLen, read, err)
			}
		}
	}
}

// TestRequestStorage checks that a request's storage is sized from the
// last request of its binding: after a request of n bytes, the next one of
// n bytes is built in a single allocation, whatever n up to the largest
// size, and each size fills the allocator's size class it is made for.
func TestRequestStorage(t *testing.T) {
	for _, n := range []int{8, 100, 240, 241, 488, 700, 744, 1500, 1768} {
		b := NewAWSJSON(AWSJSON11, "Service.Operation")
		b.Measure(jsonRequest(b, n))
		if got := len(jsonRequest(b, n).Payload()); got != n {
			t.Fatalf("a request of %d bytes has %d", n, got)
		}
		value := strings.Repeat("x", n-len(`{"v":""}`))
		allocs := testing.AllocsPerRun(20, func() {
			r := b.NewRequest()
			r.Body.BeginObject()
			r.Body.Key("v")
			r.Body.String(value)
			r.Body.EndObject()
		})
		if allocs != 1 {
			t.Errorf("after a request of %d bytes, the next costs %v allocations, want 1", n, allocs)
		}
	}
	for _, c := range []struct {
		size, class uintptr
	}{
		{unsafe.Sizeof(requestIn512{}), 512},
		{unsafe.Sizeof(requestIn768{}), 768},
		{unsafe.Sizeof(requestIn1024{}), 1024},
		{unsafe.Sizeof(requestIn2048{}), 2048},
	} {
		size := c.size
		if size > 512 {
			size += 8 // the allocator's header of a larger object with pointers
		}
		if size > c.class || size+64 <= c.class {
			t.Errorf("a request of %d bytes for the size class of %d", c.size, c.class)
		}
	}
}

// TestPathLabelErrorOrder checks which label a path with several unusable
// ones fails on: the first missing or empty one, as the official
// serializers fail, and a dot segment, which only ours refuses, when there
// is none of those.
func TestPathLabelErrorOrder(t *testing.T) {
	empty, dot, dots, ok := "", ".", "..", "x"
	for _, c := range []struct {
		labels []*string
		want   string
	}{
		{[]*string{&dot, &empty}, "input member b must not be empty"},
		{[]*string{&dots, nil}, "input member b must not be empty"},
		{[]*string{&empty, &dot}, "input member a must not be empty"},
		{[]*string{&dot, &dots}, `input member a must not be "." or "..": it would change the request path`},
		{[]*string{&ok, &dots}, `input member b must not be "." or "..": it would change the request path`},
		{[]*string{nil, &empty}, "input member a must not be empty"},
	} {
		r := NewRESTJSON("POST").NewRequest()
		r.PathLiteral("/")
		r.PathLabel("a", c.labels[0])
		r.PathLiteral("/")
		r.PathLabel("b", c.labels[1])
		if err := r.Err(); err == nil || err.Error() != c.want {
			t.Errorf("labels %q, %q: error %v, want %q", deref(c.labels[0]), deref(c.labels[1]), err, c.want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
