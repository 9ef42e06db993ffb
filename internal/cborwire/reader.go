package cborwire

import (
	"fmt"
	"math"
	"time"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// maxDepth bounds the nesting of skipped values, which are skipped by
// recursion: the official decoder recurses without a bound, so a deep
// enough body exhausts its stack; the bound is encoding/json's.
const maxDepth = 10000

// Error reports a body that is not the CBOR the decoder expects: malformed
// or truncated CBOR, or an item whose type does not match the model.
type Error struct {
	Offset int // byte offset in the body where the problem was found
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("%s (offset %d)", e.Msg, e.Offset) }

// Reader decodes one CBOR item held in a string.
//
// Errors are sticky: after the first problem every method returns zero
// values and Err reports it, so decoders need no error checks between
// members. Data after the first item is ignored, as the official clients
// ignore it.
type Reader struct {
	data string
	pos  int
	key  string
	err  error

	strings jsonwire.Slab[string]
	int32s  jsonwire.Slab[int32]
	times   jsonwire.Slab[time.Time]
}

// Reset prepares the Reader to decode data.
func (r *Reader) Reset(data string) { *r = Reader{data: data} }

// UseSpace has the Reader put its first strings and timestamps in space,
// if not nil, as jsonwire.Reader.UseSpace does; call it after Reset.
func (r *Reader) UseSpace(space *jsonwire.Space) {
	if space != nil {
		r.strings, r.times = jsonwire.SlabOf(space.Strings[:]), jsonwire.SlabOf(space.Times[:])
	}
}

// Err returns the first problem found, or nil.
func (r *Reader) Err() error { return r.err }

// Empty reports whether the body holds no bytes at all.
func (r *Reader) Empty() bool { return len(r.data) == 0 }

// Key returns the name of the member the last call to More advanced to.
func (r *Reader) Key() string { return r.key }

// Iter tracks the position inside one map or list.
type Iter struct {
	open      bool
	isMap     bool
	remaining int // items left of a definite-length item; -1 when indefinite
}

// Map starts reading a map or structure. For null or undefined it returns
// an Iter that yields nothing; for any other item it records an error.
func (r *Reader) Map() Iter { return r.begin(majorMap, "map") }

// List starts reading a list. For null or undefined it returns an Iter
// that yields nothing; for any other item it records an error.
func (r *Reader) List() Iter { return r.begin(majorList, "list") }

func (r *Reader) begin(major byte, kind string) Iter {
	if r.Null() || r.err != nil {
		return Iter{}
	}
	if !r.more() {
		return Iter{}
	}
	if r.data[r.pos]>>5 != major {
		r.mismatch(kind)
		return Iter{}
	}
	if r.data[r.pos]&0x1f == 31 {
		r.pos++
		return Iter{open: true, isMap: major == majorMap, remaining: -1}
	}
	n := r.argument()
	if r.err != nil {
		return Iter{}
	}
	// The official decoder keeps the count in an int: from 2^63 on it
	// wraps to a negative count, which ends the item at once, except -1,
	// which reads as an indefinite length.
	switch count := int(n); {
	case count == -1:
		return Iter{open: true, isMap: major == majorMap, remaining: -1}
	case count < 0:
		return Iter{open: true, isMap: major == majorMap}
	}
	if n > uint64(len(r.data)-r.pos) { // every item takes at least a byte
		r.fail("length exceeds the remaining data")
		return Iter{}
	}
	return Iter{open: true, isMap: major == majorMap, remaining: int(n)}
}

// More advances it to the next member or element. For a map it reads the
// member name (see Key); the caller then reads exactly one value. A member
// whose value is null or undefined is passed over, as the official
// decoder passes over such a member of a structure, so a member repeated
// with null keeps its earlier value. It returns false at the end of the
// map or list, or on error.
func (r *Reader) More(it *Iter) bool {
	for r.next(it) {
		if !it.isMap || !r.Null() {
			return true
		}
	}
	return false
}

// next advances it to the next member or element, as More does, null
// values included.
func (r *Reader) next(it *Iter) bool {
	if !it.open || r.err != nil {
		return false
	}
	if it.remaining < 0 {
		if !r.more() {
			return false
		}
		if r.data[r.pos] == breakByte {
			r.pos++
			it.open = false
			return false
		}
	} else {
		if it.remaining == 0 {
			it.open = false
			return false
		}
		it.remaining--
	}
	if !it.isMap {
		return true
	}
	r.key = r.text("map key")
	return r.err == nil
}

// Null consumes a null or undefined and reports whether there was one.
func (r *Reader) Null() bool {
	if r.err != nil || r.pos >= len(r.data) {
		return false
	}
	if c := r.data[r.pos]; c == simpleNull || c == simpleUndef {
		r.pos++
		return true
	}
	return false
}

// String reads a text string; null gives "".
func (r *Reader) String() string {
	if r.Null() || r.err != nil {
		return ""
	}
	return r.text("text string")
}

// StringPtr reads a text string; null gives nil.
func (r *Reader) StringPtr() *string {
	if r.Null() || r.err != nil {
		return nil
	}
	s := r.text("text string")
	if r.err != nil {
		return nil
	}
	p := r.strings.New()
	*p = s
	return p
}

// Int64 reads an integer; null gives 0. A float is an error, as it is for
// the official clients.
func (r *Reader) Int64() int64 {
	if r.Null() || r.err != nil || !r.more() {
		return 0
	}
	switch r.data[r.pos] >> 5 {
	case majorUint:
		v := r.argument()
		if v > math.MaxInt64 {
			r.fail("integer exceeds the int64 range")
			return 0
		}
		return int64(v)
	case majorNegInt:
		v := r.argument()
		if v > math.MaxInt64 {
			r.fail("integer exceeds the int64 range")
			return 0
		}
		return -1 - int64(v)
	}
	r.mismatch("integer")
	return 0
}

// Int32Ptr reads an integer that must fit in an int32; null gives nil.
func (r *Reader) Int32Ptr() *int32 {
	if r.Null() || r.err != nil {
		return nil
	}
	start := r.pos
	v := r.Int64()
	if r.err != nil {
		return nil
	}
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.err = &Error{Offset: start, Msg: fmt.Sprintf("integer %d exceeds the int32 range", v)}
		return nil
	}
	p := r.int32s.New()
	*p = int32(v)
	return p
}

// Float64 reads a float of any width, or an integer; null gives 0.
func (r *Reader) Float64() float64 {
	if r.Null() || r.err != nil || !r.more() {
		return 0
	}
	switch c := r.data[r.pos]; {
	case c>>5 == majorUint:
		return float64(r.argument())
	case c>>5 == majorNegInt:
		return -1 - float64(r.argument())
	case c == float16Head:
		if b, ok := r.take(1, 2); ok {
			return float64(math.Float32frombits(float16to32(be16(b))))
		}
	case c == float32Head:
		if b, ok := r.take(1, 4); ok {
			return float64(math.Float32frombits(be32(b)))
		}
	case c == float64Head:
		if b, ok := r.take(1, 8); ok {
			return math.Float64frombits(be64(b))
		}
	default:
		r.mismatch("number")
	}
	return 0
}

// TimePtr reads a timestamp (tag 1 around epoch seconds, an integer or a
// float kept to the millisecond); null gives nil.
func (r *Reader) TimePtr() *time.Time {
	if r.Null() || r.err != nil || !r.more() {
		return nil
	}
	if r.data[r.pos]>>5 != majorTag {
		r.mismatch("timestamp (tag 1)")
		return nil
	}
	start := r.pos
	if tag := r.argument(); r.err == nil && tag != tagEpoch {
		r.err = &Error{Offset: start, Msg: fmt.Sprintf("timestamp has tag %d, want 1", tag)}
	}
	if r.err != nil || !r.more() {
		return nil
	}
	// As the official shape deserializer converts them: whole seconds, or
	// a float truncated to the millisecond by Go's own conversion (out of
	// range, what the platform makes of it), in the Local time zone.
	var t time.Time
	switch r.data[r.pos] >> 5 {
	case majorUint, majorNegInt:
		t = time.Unix(r.Int64(), 0)
	case majorSimple:
		// Of the simple values, only floats are epoch seconds: null and
		// undefined are not, as they are elsewhere.
		if c := r.data[r.pos]; c != float16Head && c != float32Head && c != float64Head {
			r.mismatch("epoch seconds")
			break
		}
		t = time.UnixMilli(int64(r.Float64() * 1e3))
	default:
		r.mismatch("epoch seconds")
	}
	if r.err != nil {
		return nil
	}
	p := r.times.New()
	*p = t
	return p
}

// Skip reads and discards one item of any type, as the official decoder
// skips an unknown member: it checks the arguments and lengths it reads,
// but not what a chunk of a string holds, and it steps over a simple
// value (of 1, 3, 5 or 9 bytes, where the one-byte extension 0xf8 counts
// as none), a break or a reserved value without looking, and stops at the
// end of the data, where an item of indefinite length lacks its break.
func (r *Reader) Skip() { r.skip(0) }

func (r *Reader) skip(depth int) {
	if r.err != nil || !r.more() {
		return
	}
	if depth > maxDepth {
		r.fail("items nested too deeply")
		return
	}
	c := r.data[r.pos]
	major, minor := c>>5, c&0x1f
	switch {
	case major == majorUint || major == majorNegInt:
		r.argument()
	case (major == majorBytes || major == majorText) && minor == 31:
		r.skipToBreak(1, depth)
	case major == majorBytes || major == majorText:
		r.bytes(major, "string")
	case (major == majorList || major == majorMap) && minor == 31:
		r.skipToBreak(1+int(major-majorList), depth)
	case major == majorList || major == majorMap:
		r.skipItems(major, depth)
	case major == majorTag:
		if r.argument(); r.err == nil {
			r.skip(depth + 1)
		}
	default:
		extra := 0
		switch minor {
		case 25:
			extra = 2
		case 26:
			extra = 4
		case 27:
			extra = 8
		}
		r.pos = min(r.pos+1+extra, len(r.data))
	}
}

// skipToBreak skips the items of an item of indefinite length, per items
// at a time (two for a map), up to its break or the end of the data.
func (r *Reader) skipToBreak(per, depth int) {
	r.pos++
	for r.err == nil && r.pos < len(r.data) && r.data[r.pos] != breakByte {
		for range per {
			r.skip(depth + 1)
		}
	}
	r.pos = min(r.pos+1, len(r.data))
}

// skipItems skips a list or map of definite length as the official
// decoder does: it skips the count, or twice the count for a map, of
// items, computed in an int, so that a count from 2^62 on may wrap to
// none, or to a few.
func (r *Reader) skipItems(major byte, depth int) {
	items := int(r.argument())
	if major == majorMap {
		items *= 2
	}
	if r.err != nil || items <= 0 {
		return
	}
	if uint64(items) > uint64(len(r.data)-r.pos) { // every item takes at least a byte
		r.fail("length exceeds the remaining data")
		return
	}
	for ; items > 0 && r.err == nil; items-- {
		r.skip(depth + 1)
	}
}

// text reads a text string, definite or chunked.
func (r *Reader) text(kind string) string {
	if !r.more() {
		return ""
	}
	if r.data[r.pos]>>5 != majorText {
		r.mismatch(kind)
		return ""
	}
	return r.bytes(majorText, kind)
}

// bytes reads a byte or text string of the given major type; the chunks
// of an indefinite-length string are joined.
func (r *Reader) bytes(major byte, kind string) string {
	if r.data[r.pos]&0x1f != 31 {
		n := r.argument()
		if r.err != nil {
			return ""
		}
		if n > uint64(len(r.data)-r.pos) {
			r.fail("length exceeds the remaining data")
			return ""
		}
		s := r.data[r.pos : r.pos+int(n)]
		r.pos += int(n)
		return s
	}
	r.pos++
	var joined []byte
	for {
		if !r.more() {
			return ""
		}
		if r.data[r.pos] == breakByte {
			r.pos++
			return string(joined)
		}
		if r.data[r.pos]>>5 != major || r.data[r.pos]&0x1f == 31 {
			r.mismatch("chunk of a " + kind)
			return ""
		}
		joined = append(joined, r.bytes(major, kind)...)
		if r.err != nil {
			return ""
		}
	}
}

// argument reads the initial byte at pos and returns its argument.
func (r *Reader) argument() uint64 {
	minor := r.data[r.pos] & 0x1f
	switch {
	case minor < 24:
		r.pos++
		return uint64(minor)
	case minor == 24:
		if b, ok := r.take(1, 1); ok {
			return uint64(b[0])
		}
	case minor == 25:
		if b, ok := r.take(1, 2); ok {
			return uint64(be16(b))
		}
	case minor == 26:
		if b, ok := r.take(1, 4); ok {
			return uint64(be32(b))
		}
	case minor == 27:
		if b, ok := r.take(1, 8); ok {
			return be64(b)
		}
	default:
		r.fail(fmt.Sprintf("unexpected additional information %d", minor))
	}
	return 0
}

// take skips skip bytes and returns the n bytes after them.
func (r *Reader) take(skip, n int) (string, bool) {
	if len(r.data)-r.pos < skip+n {
		r.pos = len(r.data)
		r.fail("unexpected end of data")
		return "", false
	}
	b := r.data[r.pos+skip : r.pos+skip+n]
	r.pos += skip + n
	return b, true
}

// more reports whether an item follows, recording an error at the end of
// the data.
func (r *Reader) more() bool {
	if r.err != nil {
		return false
	}
	if r.pos >= len(r.data) {
		r.fail("unexpected end of data")
		return false
	}
	return true
}

func (r *Reader) fail(msg string) {
	if r.err == nil {
		r.err = &Error{Offset: r.pos, Msg: msg}
	}
}

func (r *Reader) mismatch(want string) {
	r.fail(fmt.Sprintf("expected %s, found %s", want, describe(r.data[r.pos])))
}

// describe names the kind of item an initial byte starts.
func describe(c byte) string {
	switch c >> 5 {
	case majorUint, majorNegInt:
		return "an integer"
	case majorBytes:
		return "a byte string"
	case majorText:
		return "a text string"
	case majorList:
		return "a list"
	case majorMap:
		return "a map"
	case majorTag:
		return "a tag"
	}
	switch c {
	case simpleFalse, simpleTrue:
		return "a boolean"
	case simpleNull, simpleUndef:
		return "null"
	case float16Head, float32Head, float64Head:
		return "a float"
	case breakByte:
		return "a break"
	}
	return fmt.Sprintf("simple value %#x", c)
}

// float16to32 widens an IEEE 754 half-precision float.
func float16to32(h uint16) uint32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	frac := uint32(h & 0x3ff)
	switch {
	case exp == 0x1f: // infinity or NaN
		return sign | 0xff<<23 | frac<<13
	case exp == 0 && frac == 0: // zero
		return sign
	case exp == 0: // subnormal: normalise
		e := uint32(127 - 15 + 1)
		for frac&0x400 == 0 {
			frac <<= 1
			e--
		}
		return sign | e<<23 | (frac&0x3ff)<<13
	}
	return sign | (exp+127-15)<<23 | frac<<13
}

// be16, be32 and be64 read big-endian unsigned integers from strings of
// the right length.
func be16(b string) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

func be32(b string) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func be64(b string) uint64 { return uint64(be32(b[:4]))<<32 | uint64(be32(b[4:])) }

// NextIsText reports whether the next item is a text string, without
// consuming it.
func (r *Reader) NextIsText() bool {
	return r.err == nil && r.pos < len(r.data) && r.data[r.pos]>>5 == majorText
}
