// Package jsonwire writes and reads the JSON documents of the AWS JSON
// protocols (awsJson1_0, awsJson1_1 and restJson1).
//
// The Writer produces the same bytes as smithy-go's JSON encoder, which the
// official clients use: the same string escaping (control characters as
// \u00XX, U+2028 and U+2029 escaped, invalid UTF-8 replaced by U+FFFD, <, >
// and & left raw) and the same number formatting. It appends to one byte
// slice and allocates nothing else.
//
// The Reader decodes a response body held in memory without building an
// intermediate tree: a service decoder asks it for the member it expects next.
// Strings without escapes are returned as substrings of the body, so a
// decoded output shares the body's memory instead of copying every value.
package jsonwire

import (
	"math"
	"math/bits"
	"strconv"
	"time"
	"unicode/utf8"
)

// Style selects between the two string escapings of smithy-go, so each
// service's bodies match those of its official client byte for byte.
type Style int

const (
	// Classic is the escaping of smithy-go's encoding/json encoder, used by
	// the clients generated with serializers.go (Neptune Analytics,
	// DataZone, and MemoryDB before v1.43.0): DEL (0x7F) is written raw and invalid UTF-8 as
	// the escape \ufffd.
	Classic Style = iota
	// Schema is the escaping of smithy-go's schema-based shape serializer,
	// used by the newer generated clients (Lightsail, Partner Central,
	// MemoryDB):
	// DEL is escaped as \u007f and invalid UTF-8 is written as the raw
	// bytes of U+FFFD.
	Schema
)

// Writer appends one JSON document to a byte slice.
//
// Object members are written with Key followed by one value; array elements
// are written as consecutive values. The Writer inserts the commas.
type Writer struct {
	buf       []byte
	needComma bool
	style     Style
}

// SetStyle selects the string escaping.
func (w *Writer) SetStyle(style Style) { w.style = style }

// NewWriter returns a Writer whose buffer starts with the given capacity.
func NewWriter(capacity int) *Writer {
	return &Writer{buf: make([]byte, 0, capacity)}
}

// SetBuffer makes the Writer append to buf.
func (w *Writer) SetBuffer(buf []byte) { w.buf = buf }

// Grow makes room for n more bytes.
func (w *Writer) Grow(n int) {
	if cap(w.buf)-len(w.buf) < n {
		grown := make([]byte, len(w.buf), len(w.buf)+n)
		copy(grown, w.buf)
		w.buf = grown
	}
}

// Reset empties the Writer, keeping its buffer.
func (w *Writer) Reset() {
	w.buf = w.buf[:0]
	w.needComma = false
}

// Bytes returns the document written so far.
func (w *Writer) Bytes() []byte { return w.buf }

func (w *Writer) separate() {
	if w.needComma {
		w.buf = append(w.buf, ',')
	}
}

// BeginObject writes '{'.
func (w *Writer) BeginObject() {
	w.separate()
	w.buf = append(w.buf, '{')
	w.needComma = false
}

// EndObject writes '}'.
func (w *Writer) EndObject() {
	w.buf = append(w.buf, '}')
	w.needComma = true
}

// BeginArray writes '['.
func (w *Writer) BeginArray() {
	w.separate()
	w.buf = append(w.buf, '[')
	w.needComma = false
}

// EndArray writes ']'.
func (w *Writer) EndArray() {
	w.buf = append(w.buf, ']')
	w.needComma = true
}

// Key writes a member name that needs no escaping (a model member name)
// and the colon that follows it.
func (w *Writer) Key(name string) {
	w.separate()
	w.buf = append(w.buf, '"')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '"', ':')
	w.needComma = false
}

// MapKey writes an arbitrary map key, escaped, and the colon that follows it.
func (w *Writer) MapKey(key string) {
	w.separate()
	w.buf = appendQuoted(w.buf, key, w.style)
	w.buf = append(w.buf, ':')
	w.needComma = false
}

// String writes a JSON string.
func (w *Writer) String(v string) {
	w.separate()
	w.buf = appendQuoted(w.buf, v, w.style)
	w.needComma = true
}

// StringMember writes the member name with the value *v when v is set, and
// nothing when it is nil (unset members are left out of request bodies).
func (w *Writer) StringMember(name string, v *string) {
	if v != nil {
		w.Key(name)
		w.String(*v)
	}
}

// Bool writes true or false.
func (w *Writer) Bool(v bool) {
	w.separate()
	w.buf = strconv.AppendBool(w.buf, v)
	w.needComma = true
}

// Int writes an integer.
func (w *Writer) Int(v int64) {
	w.separate()
	w.buf = strconv.AppendInt(w.buf, v, 10)
	w.needComma = true
}

// Float writes a finite number the way smithy-go does: plain notation for
// magnitudes in [1e-6, 1e21), exponent notation outside it. NaN and the
// infinities, which JSON numbers cannot carry, are written as the strings
// "NaN", "Infinity" and "-Infinity", as the AWS JSON protocols specify.
func (w *Writer) Float(v float64) {
	w.separate()
	switch {
	case math.IsNaN(v):
		w.buf = append(w.buf, `"NaN"`...)
	case math.IsInf(v, 1):
		w.buf = append(w.buf, `"Infinity"`...)
	case math.IsInf(v, -1):
		w.buf = append(w.buf, `"-Infinity"`...)
	default:
		w.buf = appendFloat(w.buf, v)
	}
	w.needComma = true
}

// EpochSeconds writes a timestamp as epoch seconds with millisecond
// precision, the default JSON timestamp format of the AWS protocols.
func (w *Writer) EpochSeconds(t time.Time) {
	ms := t.UnixNano() / int64(time.Millisecond)
	w.Float(float64(ms) / 1e3)
}

// Raw writes bytes that already form a JSON value.
func (w *Writer) Raw(value []byte) {
	w.separate()
	w.buf = append(w.buf, value...)
	w.needComma = true
}

func appendFloat(dst []byte, v float64) []byte {
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, v, format, -1, 64)
	if format == 'e' {
		// Write e-09 as e-9, as smithy-go and ECMAScript do.
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a quoted JSON string with smithy-go's escaping
// in the given style.
func appendQuoted(dst []byte, s string, style Style) []byte {
	dst = append(dst, '"')
	// Adding del to a byte sets the high bit of 0x7F, which the schema
	// style escapes and the classic style writes raw.
	var del uint64
	if style == Schema {
		del = ones
	}
	start := 0
	for i := 0; i < len(s); {
		// Whole words of bytes written as they are are passed over at
		// once; the bytes of the last partial word go one by one.
		for ; i+8 <= len(s); i += 8 {
			w := word(s, i)
			if special := careBytes(w) | (w+del)&highs; special != 0 {
				i += bits.TrailingZeros64(special) / 8
				break
			}
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && (b != 0x7f || style == Classic) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			if style == Schema {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			} else {
				dst = append(dst, `\ufffd`...)
			}
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
