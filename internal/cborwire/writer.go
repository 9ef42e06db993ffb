// Package cborwire writes and reads the CBOR (RFC 8949) bodies of the Smithy
// RPC v2 CBOR protocol.
//
// The Writer lays out structures exactly as the official Go clients do:
// indefinite-length maps and lists closed by a break byte, definite-length
// text strings with the shortest head, timestamps as tag 1 around a float64
// of epoch seconds. The Reader accepts what the protocol allows a service to
// send (definite or indefinite lengths, chunked strings, half, single and
// double floats, null and undefined) and never panics, whatever its input.
package cborwire

import (
	"encoding/binary"
	"math"
	"time"
)

// Major types of the initial byte.
const (
	majorUint   = 0
	majorNegInt = 1
	majorBytes  = 2
	majorText   = 3
	majorList   = 4
	majorMap    = 5
	majorTag    = 6
	majorSimple = 7
)

// Initial bytes with a fixed meaning.
const (
	beginMap    = 0xbf // map of indefinite length
	beginList   = 0x9f // list of indefinite length
	breakByte   = 0xff // end of an indefinite-length item
	simpleFalse = 0xf4
	simpleTrue  = 0xf5
	simpleNull  = 0xf6
	simpleUndef = 0xf7
	float16Head = 0xf9
	float32Head = 0xfa
	float64Head = 0xfb
	tagEpoch    = 1
)

// Writer appends CBOR items to a buffer. Its zero value is ready to use.
type Writer struct {
	buf []byte
}

// SetBuffer makes the Writer append to buf[:0], so a caller can provide
// storage of its own.
func (w *Writer) SetBuffer(buf []byte) { w.buf = buf[:0] }

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.buf }

// BeginMap starts a map (or structure) of indefinite length; End closes it.
func (w *Writer) BeginMap() { w.buf = append(w.buf, beginMap) }

// BeginList starts a list of indefinite length; End closes it.
func (w *Writer) BeginList() { w.buf = append(w.buf, beginList) }

// End closes the innermost map or list.
func (w *Writer) End() { w.buf = append(w.buf, breakByte) }

// String writes a text string.
func (w *Writer) String(s string) {
	w.head(majorText, uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// Key writes the name of a map member; the member's value follows.
func (w *Writer) Key(name string) { w.String(name) }

// StringMember writes the member name and the string when v is not nil.
func (w *Writer) StringMember(name string, v *string) {
	if v == nil {
		return
	}
	w.String(name)
	w.String(*v)
}

// Int writes an integer.
func (w *Writer) Int(v int64) {
	if v >= 0 {
		w.head(majorUint, uint64(v))
		return
	}
	w.head(majorNegInt, uint64(-(v + 1)))
}

// Bool writes true or false.
func (w *Writer) Bool(v bool) {
	if v {
		w.buf = append(w.buf, simpleTrue)
		return
	}
	w.buf = append(w.buf, simpleFalse)
}

// Null writes null.
func (w *Writer) Null() { w.buf = append(w.buf, simpleNull) }

// Float64 writes a double-precision float.
func (w *Writer) Float64(v float64) {
	w.buf = append(w.buf, float64Head)
	w.buf = binary.BigEndian.AppendUint64(w.buf, math.Float64bits(v))
}

// Time writes a timestamp as tag 1 around epoch seconds, kept to the
// millisecond.
func (w *Writer) Time(t time.Time) {
	w.head(majorTag, tagEpoch)
	w.Float64(float64(t.UnixMilli()) / 1e3)
}

// head writes an initial byte with the shortest encoding of arg.
func (w *Writer) head(major byte, arg uint64) {
	m := major << 5
	switch {
	case arg < 24:
		w.buf = append(w.buf, m|byte(arg))
	case arg <= math.MaxUint8:
		w.buf = append(w.buf, m|24, byte(arg))
	case arg <= math.MaxUint16:
		w.buf = binary.BigEndian.AppendUint16(append(w.buf, m|25), uint16(arg))
	case arg <= math.MaxUint32:
		w.buf = binary.BigEndian.AppendUint32(append(w.buf, m|26), uint32(arg))
	default:
		w.buf = binary.BigEndian.AppendUint64(append(w.buf, m|27), arg)
	}
}
