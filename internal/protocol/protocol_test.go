package protocol

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"strings"
	"testing"
)

// TestRequestPathAndBody checks a restJson1 request whose path and body
// share the request's storage: each keeps its bytes whatever their
// lengths, and neither writes into the other when it outgrows its room;
// the payload hash and the reader are the body's.
func TestRequestPathAndBody(t *testing.T) {
	for _, pathLen := range []int{1, 100, 127, 128, 129, 400} {
		for _, bodyLen := range []int{0, 10, 383, 384, 385, 600} {
			r := NewRESTJSON("POST").NewRequest()
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
