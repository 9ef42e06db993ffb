package jsonwire

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	smithyio "github.com/aws/smithy-go/io"
)

// decoderSnapshot is what the official clients keep of body: the end of
// what encoding/json's Decoder read of it, through a ring buffer, while
// decoding its first value into Go maps.
func decoderSnapshot(body string) []byte {
	var buf [1024]byte
	ring := smithyio.NewRingBuffer(buf[:])
	decoder := json.NewDecoder(io.TeeReader(strings.NewReader(body), ring))
	decoder.UseNumber()
	var shape any
	_ = decoder.Decode(&shape)
	var snapshot bytes.Buffer
	_, _ = io.Copy(&snapshot, ring)
	return snapshot.Bytes()
}

// TestSnapshot compares Snapshot with what encoding/json's Decoder read
// through the official clients' ring buffer, for bodies that end, break
// off or go wrong before, at and after each of the Decoder's first reads
// (512, 1536 and 3584 bytes), and short ones.
func TestSnapshot(t *testing.T) {
	bodies := []string{`{}`, `{"a":1}`, ` {"a":"b"} trailing`, `{"a":`, `<html>`, `[1,2]`, `"s"`, `{"a":1}}`, `{"a":"\x01"}`, ``}
	for _, size := range []int{500, 510, 511, 512, 513, 1100, 1534, 1535, 1536, 1537, 3583, 3584, 3585, 5000} {
		// An object whose closing brace is byte size-1.
		whole := `{"a":"` + strings.Repeat("x", size-8) + `"}`
		bodies = append(bodies, whole, whole+"  ", whole[:size-1], whole[:size/2]+"!"+whole[size/2+1:],
			whole[:size-2]+`x}`, strings.Replace(whole, `"a"`, `"a" `, 1)+`{"b":1}`,
			// A syntax error at byte size, then more bytes.
			`{"a":"`+strings.Repeat("x", size-8)+`",?`+strings.Repeat(" ", 600))
	}
	for _, body := range bodies {
		if got, want := Snapshot(body), decoderSnapshot(body); !bytes.Equal(got, want) {
			t.Errorf("body of %d bytes %.40q...: Snapshot keeps %d bytes %.40q..., the Decoder %d bytes %.40q...",
				len(body), body, len(got), got, len(want), want)
		}
	}
}
