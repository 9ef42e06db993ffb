package jsonwire

import (
	"bytes"
	"errors"
	"io"

	smithyio "github.com/aws/smithy-go/io"
)

// Snapshot returns what the official clients keep of a JSON body they
// decode with encoding/json's Decoder when decoding fails, in
// smithy.DeserializationError's Snapshot: the last 1024 bytes (see Tail)
// of what the Decoder had read when it found the end of the body's first
// value, or the problem before that end. The Decoder reads into a buffer
// of 512 bytes, and grows it to twice its size and 512 more whenever it is
// full, so it has read 512, 1536, 3584, ... bytes of a longer body.
func Snapshot(body string) []byte {
	var r Reader
	r.Reset(body)
	r.SetStyle(Classic)
	r.Skip()
	need := r.pos
	var syntax *Error
	if errors.As(r.err, &syntax) {
		need = syntax.Offset + 1
	} else if r.err != nil {
		need = len(body)
	}
	read := 512
	for read < need {
		read = 2*read + 512
	}
	return Tail(body[:min(read, len(body))])
}

// Tail returns the last 1024 bytes of data, as the official clients'
// ring buffer (smithy-go's io.RingBuffer of 1024 bytes) keeps them.
func Tail(data string) []byte {
	var buf [1024]byte
	ring := smithyio.NewRingBuffer(buf[:])
	_, _ = ring.Write([]byte(data))
	var snapshot bytes.Buffer
	_, _ = io.Copy(&snapshot, ring)
	return snapshot.Bytes()
}
