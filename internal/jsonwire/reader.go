package jsonwire

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// maxDepth bounds the nesting of skipped values, as encoding/json does.
const maxDepth = 10000

// Error reports a body that is not the JSON document the decoder expects:
// malformed JSON, or a member whose JSON type does not match the model.
type Error struct {
	Offset int    // byte offset in the body where the problem was found
	Member string // the member being read, if any
	Msg    string

	// value marks a well-formed value of the wrong type or range, as
	// opposed to malformed JSON.
	value bool
}

func (e *Error) Error() string {
	if e.Member != "" {
		return fmt.Sprintf("member %q: %s (offset %d)", e.Member, e.Msg, e.Offset)
	}
	return fmt.Sprintf("%s (offset %d)", e.Msg, e.Offset)
}

// Reader decodes one JSON document held in a string.
//
// Errors are sticky: after the first problem every method returns zero
// values and Err reports it, so the service decoders need no error checks
// between members. A Reader never panics, whatever its input.
//
// The Reader decodes as the official client of the service does, which
// depends on how that client was generated (see SetStyle).
type Reader struct {
	data  string
	pos   int
	key   string
	err   error
	style Style
	begun bool // an object or array has been started
	// depth is how many objects and arrays are open around the position:
	// a skipped value is nested in them, and the limit on nesting counts
	// from the document's first, as encoding/json counts.
	depth int

	strings Slab[string]
	int32s  Slab[int32]
	int64s  Slab[int64]
	floats  Slab[float64]
	bools   Slab[bool]
	times   Slab[time.Time]

	// stringsFrom is the position at which the first chunk of strings
	// was sized, and stringsSeen the strings of the chunks filled since.
	stringsFrom, stringsSeen int

	// unescaped holds the strings decoded from escapes, one after another;
	// the bytes of a string are never written again.
	unescaped []byte
}

// Reset prepares the Reader to decode data.
func (r *Reader) Reset(data string) {
	*r = Reader{data: data}
}

// Space is where a Reader puts its first strings and timestamps, before
// it allocates chunks of its own; a decoder allocates it with the output,
// so that a small output costs one allocation.
type Space struct {
	Strings [8]string
	Times   [2]time.Time
}

// UseSpace has the Reader fill space first, if not nil; call it after
// Reset.
func (r *Reader) UseSpace(space *Space) {
	if space != nil {
		r.strings, r.times = SlabOf(space.Strings[:]), SlabOf(space.Times[:])
	}
}

// SetStyle selects how the document is read, after Reset:
//
//   - Classic, the clients that decode the whole body into Go maps first
//     (Neptune Analytics, DataZone): when a member is repeated, the last
//     value wins, so an earlier value of the wrong type is no error; null
//     sets a member to its zero value; invalid UTF-8 in a string becomes
//     U+FFFD; a timestamp must be a number.
//   - Schema, the clients built on smithy-go's schema-based shape
//     deserializer (Lightsail, MemoryDB, Partner Central), which stream:
//     every value is checked as it comes; a member whose value is null is
//     skipped, so it keeps an earlier value; null as the whole document is
//     an error; a string without escapes keeps its bytes, invalid UTF-8
//     included; a timestamp may also be the string "Infinity" or
//     "-Infinity", in any case (where the official client panics on "NaN",
//     the Reader reports an error).
func (r *Reader) SetStyle(style Style) { r.style = style }

// Err returns the first problem found, or nil.
func (r *Reader) Err() error { return r.err }

// Unread returns the number of bytes of the document not read yet; a
// decoder may size a list from it before reading the list.
func (r *Reader) Unread() int { return len(r.data) - r.pos }

// Empty reports whether the document is empty: in the Classic style, when
// it holds nothing but white space; in the Schema style, only when it has
// no bytes at all, for smithy-go's shape deserializer reads white space
// alone as cut-short JSON. Set the style first.
func (r *Reader) Empty() bool {
	if r.style == Schema {
		return len(r.data) == 0
	}
	r.skipSpace()
	return r.pos >= len(r.data)
}

// Key returns the name of the member the last call to More or MoreIn
// advanced to.
func (r *Reader) Key() string { return r.key }

// Iter tracks the position inside one object or array.
type Iter struct {
	open   bool
	object bool
	count  int

	// For the Classic style: the current member and where its value
	// starts, and the errors of members whose value was of the wrong type,
	// which a later value of the same member replaces.
	key        string
	valueStart int
	pending    []pendingError

	// For MoreIn: the index of the current member's name, and of the name
	// tried first for the next member.
	member, next int
}

// pendingError is the error of one member's value, which stands unless a
// later value of the same member decodes.
type pendingError struct {
	key string
	err error
}

// Object starts reading an object. For null it returns an Iter that yields
// nothing; for any other non-object value it records an error.
func (r *Reader) Object() Iter {
	// An object right at the position is started without begin's checks
	// for null and white space.
	if p := r.pos; r.err == nil && p < len(r.data) && r.data[p] == '{' {
		r.pos, r.begun = p+1, true
		r.depth++
		return Iter{open: true, object: true}
	}
	return r.begin('{', "object")
}

// Array starts reading an array. For null it returns an Iter that yields
// nothing; for any other non-array value it records an error.
func (r *Reader) Array() Iter { return r.begin('[', "array") }

// IsNull reports whether the next value is null, without consuming it.
func (r *Reader) IsNull() bool {
	r.skipSpace()
	return r.err == nil && r.pos < len(r.data) && r.data[r.pos] == 'n'
}

// Null consumes a null and reports whether there was one.
func (r *Reader) Null() bool { return r.consumeNull() }

// NextIsString reports whether the next value is a string, without
// consuming it.
func (r *Reader) NextIsString() bool {
	r.skipSpace()
	return r.err == nil && r.pos < len(r.data) && r.data[r.pos] == '"'
}

func (r *Reader) begin(open byte, kind string) Iter {
	top := !r.begun
	r.begun = true
	if top && r.style == Schema && r.IsNull() {
		// The schema-based clients fail on a null document.
		r.mismatch(kind)
		return Iter{}
	}
	if r.consumeNull() {
		return Iter{}
	}
	if r.err != nil {
		return Iter{}
	}
	if r.pos >= len(r.data) || r.data[r.pos] != open {
		r.mismatch(kind)
		return Iter{}
	}
	r.pos++
	r.depth++
	return Iter{open: true, object: open == '{'}
}

// More advances it to the next member or element. For an object it reads
// the member name (see Key) and the colon; the caller then reads exactly one
// value. It returns false at the end of the object or array, or on error.
func (r *Reader) More(it *Iter) bool { return r.more(it, nil) }

// MoreIn is More for an object whose member names are in m: it also sets
// the index of the name in m, which it.Member returns.
//
// The usual member, the one m lists after the previous member, is read
// here with no call, and only when it is all there does MoreIn change the
// Reader; another is read by moreIn from the same position.
func (r *Reader) MoreIn(it *Iter, m *Members) bool {
	data := r.data
	p := skipSpaceAt(data, r.pos)
	if !it.open || !it.object || r.err != nil || it.pending != nil || p >= len(data) {
		return r.more(it, m)
	}
	if data[p] == '}' {
		r.pos = p + 1
		it.open = false
		r.depth--
		return false
	}
	if it.count > 0 {
		if data[p] != ',' {
			return r.more(it, m)
		}
		p = skipSpaceAt(data, p+1)
	} else {
		it.next = int(m.first.Load())
	}
	// The name's words are read from the byte after its opening quote, and
	// the colon and the value's first byte follow them.
	if p+27 > len(data) || data[p] != '"' {
		return r.more(it, m)
	}
	if i := it.next; i < len(m.entries) {
		e, q := &m.entries[i], p+1
		if word(data, q)&e.masks[0] == e.words[0] &&
			(e.quoted <= 8 || word(data, q+8)&e.masks[1] == e.words[1] &&
				(e.quoted <= 16 || word(data, q+16)&e.masks[2] == e.words[2])) &&
			data[q+e.quoted] == ':' {
			p = q + e.quoted + 1
			if r.style == Schema {
				if c := data[p]; c <= ' ' || c == 'n' {
					return r.moreIn(it, m, q-1) // space before the value, or null
				}
			}
			r.enter(it, e.name, i, int(e.next.Load()), p)
			return true
		}
	}
	return r.moreIn(it, m, p)
}

// moreIn is MoreIn for a member other than the one the table lists next,
// whose name's opening quote is at p, with 27 bytes from there: a name of
// the table is found from its hash, and a name without escapes that the
// hash does not find is known to be none of a complete table's. Null
// members, which the Schema style skips, are skipped here too. It leaves
// anything else to more.
func (r *Reader) moreIn(it *Iter, m *Members, p int) bool {
	data := r.data
	for {
		q := p + 1
		i := m.find(data, q)
		var name string
		next := it.next
		switch {
		case i >= 0:
			e := &m.entries[i]
			name, p, next = e.name, q+e.quoted, int(e.next.Load())
			if i != it.next {
				m.learn(it, i)
			}
		case m.complete:
			end := plainRun(data, q)
			if end >= len(data) || data[end] != '"' {
				return r.more(it, m)
			}
			name, p = data[q:end], end+1
		default:
			return r.more(it, m)
		}
		if p >= len(data) || data[p] != ':' {
			return r.more(it, m)
		}
		p++
		null := false
		if r.style == Schema {
			if p = skipSpaceAt(data, p); p >= len(data) {
				return r.more(it, m)
			}
			if data[p] == 'n' {
				if !strings.HasPrefix(data[p:], "null") {
					return r.more(it, m)
				}
				null = true
			}
		}
		r.enter(it, name, i, next, p)
		if !null {
			return true
		}
		// A null skips the member.
		r.pos += len("null")
		if p = skipSpaceAt(data, r.pos); p >= len(data) || data[p] != ',' {
			return r.more(it, m)
		}
		if p = skipSpaceAt(data, p+1); p+27 > len(data) || data[p] != '"' {
			return r.more(it, m)
		}
	}
}

// enter records, for MoreIn, that it has advanced to the member named name,
// at index i of the table (-1 for a name it does not hold), whose value
// starts at p; next is the index of the name to try first after it.
func (r *Reader) enter(it *Iter, name string, i, next, p int) {
	if r.style == Classic {
		it.key, it.valueStart = name, p
	}
	it.count++
	it.member, it.next = i, next
	r.key, r.pos = name, p
}

// more is More, and the general way of MoreIn, which passes its table: the
// name of each member is then looked up in m.
func (r *Reader) more(it *Iter, m *Members) bool {
	if !it.open {
		return false
	}
	if r.err != nil {
		if !r.supersede(it) {
			return false
		}
	} else if it.pending != nil {
		r.settle(it)
	}
	closer := byte(']')
	if it.object {
		closer = '}'
	}
	// The usual path works on locals, which stay in registers, and stores
	// the position once; the unusual ones hand it back to the methods.
	data := r.data
	for {
		p := skipSpaceAt(data, r.pos)
		if p < len(data) && data[p] == closer {
			r.pos = p + 1
			it.open = false
			r.depth--
			if it.pending != nil {
				// A member's last value did not decode.
				r.err = it.pending[0].err
			}
			return false
		}
		if it.count > 0 {
			// The separators of compact JSON are taken without a call.
			if p < len(data) && data[p] == ',' {
				p++
			} else {
				r.pos = p
				r.expect(',') // fails, with the error naming what was found
				return false
			}
			p = skipSpaceAt(data, p)
		}
		it.count++
		if !it.object {
			r.pos = p
			return true
		}
		if p >= len(data) || data[p] != '"' {
			r.pos = p
			r.syntax("expected a member name")
			return false
		}
		// A member name is almost always plain: its end is found here
		// without the call readString makes for escapes.
		if end := plainRun(data, p+1); end < len(data) && data[end] == '"' {
			r.key = data[p+1 : end]
			p = end + 1
		} else {
			r.pos = p
			r.key = r.readStringFrom(end)
			p = r.pos
		}
		if m != nil {
			if it.member = m.lookup(r.key); it.member >= 0 {
				it.next = int(m.entries[it.member].next.Load())
			}
		}
		if p < len(data) && data[p] == ':' {
			r.pos = p + 1
		} else if r.pos = skipSpaceAt(data, p); !r.expect(':') {
			return false
		}
		switch r.style {
		case Schema:
			if r.skipSpace(); r.pos < len(r.data) && r.data[r.pos] == 'n' && r.consumeNull() {
				continue // null leaves the member as it was
			}
			if r.err != nil {
				return false
			}
		case Classic:
			it.key = r.key
			it.valueStart = r.pos
		}
		return true
	}
}

// supersede handles, in the Classic style, an error in the value of the
// member it last yielded: when the error is in a well-formed value, the
// value is skipped and its error kept pending, as a later value of the same
// member replaces it. It reports whether reading can go on.
func (r *Reader) supersede(it *Iter) bool {
	e, ok := r.err.(*Error)
	if r.style != Classic || !it.object || it.count == 0 || !ok || !e.value {
		return false
	}
	it.pending = append(it.pending, pendingError{key: it.key, err: r.err})
	r.err = nil
	r.pos = it.valueStart
	r.key = it.key
	r.Skip()
	return r.err == nil
}

// settle drops the pending errors of the member it last yielded, whose
// value has just decoded: the last value wins.
func (r *Reader) settle(it *Iter) {
	kept := it.pending[:0]
	for _, p := range it.pending {
		if p.key != it.key {
			kept = append(kept, p)
		}
	}
	it.pending = kept
	if len(kept) == 0 {
		it.pending = nil
	}
}

// String reads a string; null gives "".
func (r *Reader) String() string {
	// The usual value, a string right at the position, is read without
	// the checks for null and white space.
	if data, p := r.data, r.pos; r.err == nil && p < len(data) && data[p] == '"' {
		return r.readString()
	}
	if r.consumeNull() || r.err != nil {
		return ""
	}
	if r.pos >= len(r.data) || r.data[r.pos] != '"' {
		r.mismatch("string")
		return ""
	}
	return r.readString()
}

// StringPtr reads a string; null gives nil.
func (r *Reader) StringPtr() *string {
	// The usual value, a string without escapes right at the position,
	// is read here without the calls readString makes for the others.
	var s string
	if data, p := r.data, r.pos; r.err == nil && p < len(data) && data[p] == '"' {
		if end := plainRun(data, p+1); end < len(data) && data[end] == '"' {
			s, r.pos = data[p+1:end], end+1
		} else if s = r.readStringFrom(end); r.err != nil {
			return nil
		}
	} else {
		r.skipSpace()
		if r.err != nil || r.consumeNull() {
			return nil
		}
		if r.pos >= len(r.data) || r.data[r.pos] != '"' {
			r.mismatch("string")
			return nil
		}
		if s = r.readString(); r.err != nil {
			return nil
		}
	}
	if r.strings.used == len(r.strings.chunk) {
		r.sizeStrings()
	}
	return r.strings.ptr(s)
}

// stringBytes is the length of JSON that the first chunk of strings
// counts one string member in: about four times the usual, so that a
// document of few strings does not get many slots, which the chunks after
// it, sized from the rate of strings read, make up for.
const stringBytes = 256

// sizeStrings sizes the next chunk of strings, the current one being
// full, for the strings expected in the bytes left: the first at one in
// every stringBytes, the others at the rate of the strings read so far,
// with a margin.
func (r *Reader) sizeStrings() {
	n := r.Unread() / stringBytes
	if len(r.strings.chunk) == 0 {
		r.stringsFrom = r.pos
	} else {
		r.stringsSeen += len(r.strings.chunk)
		if read := r.pos - r.stringsFrom; read > 0 {
			n = r.Unread()*r.stringsSeen/read + 8
		}
	}
	r.strings.Expect(min(max(n, 8), 1024))
}

// Bool reads true or false; null gives false.
func (r *Reader) Bool() bool {
	if r.consumeNull() || r.err != nil {
		return false
	}
	switch {
	case r.literal("true"):
		return true
	case r.literal("false"):
		return false
	}
	r.mismatch("boolean")
	return false
}

// BoolPtr reads true or false; null gives nil.
func (r *Reader) BoolPtr() *bool {
	if r.consumeNull() || r.err != nil {
		return nil
	}
	v := r.Bool()
	if r.err != nil {
		return nil
	}
	return r.bools.ptr(v)
}

// Int64 reads an integer (no fraction or exponent); null gives 0.
func (r *Reader) Int64() int64 {
	if r.consumeNull() || r.err != nil {
		return 0
	}
	start := r.pos
	token, integral := r.number()
	if r.err != nil {
		return 0
	}
	if !integral {
		r.valueError(start, "expected an integer, found "+strconv.Quote(token))
		return 0
	}
	if v, ok := shortInt(token); ok {
		return v
	}
	v, err := strconv.ParseInt(token, 10, 64)
	if err != nil {
		r.valueError(start, "integer "+token+" is out of range")
		return 0
	}
	return v
}

// Int64Ptr reads an integer; null gives nil.
func (r *Reader) Int64Ptr() *int64 {
	if r.consumeNull() || r.err != nil {
		return nil
	}
	v := r.Int64()
	if r.err != nil {
		return nil
	}
	return r.int64s.ptr(v)
}

// Int32 reads an integer that must fit in 32 bits; null gives 0.
func (r *Reader) Int32() int32 {
	start := r.pos
	v := r.Int64()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.valueError(start, "integer "+strconv.FormatInt(v, 10)+" does not fit in 32 bits")
		return 0
	}
	return int32(v)
}

// Int32Ptr reads a 32-bit integer; null gives nil.
func (r *Reader) Int32Ptr() *int32 {
	if r.consumeNull() || r.err != nil {
		return nil
	}
	v := r.Int32()
	if r.err != nil {
		return nil
	}
	return r.int32s.ptr(v)
}

// Float64 reads a number, or one of the strings "NaN", "Infinity" and
// "-Infinity" in any case, as the official clients read them; null gives 0.
func (r *Reader) Float64() float64 {
	if r.consumeNull() || r.err != nil {
		return 0
	}
	if r.pos < len(r.data) && r.data[r.pos] == '"' {
		start := r.pos
		s := r.readString()
		switch {
		case strings.EqualFold(s, "NaN"):
			return math.NaN()
		case strings.EqualFold(s, "Infinity"):
			return math.Inf(1)
		case strings.EqualFold(s, "-Infinity"):
			return math.Inf(-1)
		}
		r.valueError(start, "expected a number, found a string")
		return 0
	}
	if v, end, ok := floatAt(r.data, r.pos); ok {
		r.pos = end
		return v
	}
	start := r.pos
	token, _ := r.number()
	if r.err != nil {
		return 0
	}
	v, err := strconv.ParseFloat(token, 64)
	if err != nil {
		r.valueError(start, "number "+token+" is out of range")
		return 0
	}
	return v
}

// Float64Ptr reads a number; null gives nil.
func (r *Reader) Float64Ptr() *float64 {
	if r.consumeNull() || r.err != nil {
		return nil
	}
	v := r.Float64()
	if r.err != nil {
		return nil
	}
	return r.floats.ptr(v)
}

// EpochSeconds reads a timestamp written as epoch seconds (a number that
// may have a fraction or an exponent), kept to the millisecond as Smithy
// specifies; null gives the zero time.
func (r *Reader) EpochSeconds() time.Time {
	if r.consumeNull() || r.err != nil {
		return time.Time{}
	}
	if r.style == Schema && r.pos < len(r.data) && r.data[r.pos] == '"' {
		start := r.pos
		s := r.readString()
		switch {
		case strings.EqualFold(s, "Infinity"):
			return EpochSecondsTime(math.Inf(1))
		case strings.EqualFold(s, "-Infinity"):
			return EpochSecondsTime(math.Inf(-1))
		case strings.EqualFold(s, "NaN"):
			r.valueError(start, "NaN is not a timestamp")
			return time.Time{}
		}
		r.valueError(start, "expected a number (epoch seconds), found a string")
		return time.Time{}
	}
	if r.pos < len(r.data) && r.data[r.pos] != '-' && (r.data[r.pos] < '0' || r.data[r.pos] > '9') {
		r.mismatch("number (epoch seconds)")
		return time.Time{}
	}
	if v, end, ok := floatAt(r.data, r.pos); ok {
		r.pos = end
		return EpochSecondsTime(v)
	}
	v := r.Float64()
	if r.err != nil {
		return time.Time{}
	}
	return EpochSecondsTime(v)
}

// EpochSecondsPtr reads a timestamp written as epoch seconds; null gives nil.
func (r *Reader) EpochSecondsPtr() *time.Time {
	if r.consumeNull() || r.err != nil {
		return nil
	}
	v := r.EpochSeconds()
	if r.err != nil {
		return nil
	}
	return r.times.ptr(v)
}

// EpochSecondsTime converts epoch seconds to a UTC time truncated to the
// millisecond, with the same result as smithy-go's time.ParseEpochSeconds.
func EpochSecondsTime(seconds float64) time.Time {
	ms := seconds * 1e3
	var millis int64
	switch {
	case ms != ms: // NaN
	case ms >= math.MaxInt64:
		millis = math.MaxInt64
	case ms <= math.MinInt64:
		millis = math.MinInt64
	default:
		millis = int64(ms)
	}
	return time.Unix(0, millis*1e6).UTC()
}

// CountElements returns how many elements of the array that it iterates
// remain, the one about to be read included, without consuming any; -1
// when the rest of the array is malformed. A decoder of a long array calls
// it once to size its slice, instead of growing it step by step.
func (r *Reader) CountElements(it Iter) int {
	look := Reader{data: r.data, pos: r.pos, depth: r.depth}
	n := 0
	for {
		look.skipValue(look.depth)
		if look.err != nil {
			return -1
		}
		n++
		if !look.More(&it) {
			break
		}
	}
	if look.err != nil {
		return -1
	}
	return n
}

// Skip reads and discards one value of any type, checking its syntax.
func (r *Reader) Skip() {
	r.skipValue(r.depth)
}

// skipValue skips one value nested in depth objects and arrays: an object
// or array by one flat scan where it is well formed, and otherwise value by
// value, which reports the problem. An object or array nested deeper than
// maxDepth is refused.
func (r *Reader) skipValue(depth int) { r.skip(depth, true) }

func (r *Reader) skip(depth int, flat bool) {
	r.skipSpace()
	if r.err != nil {
		return
	}
	if r.pos >= len(r.data) {
		r.syntax("unexpected end of JSON input")
		return
	}
	switch c := r.data[r.pos]; {
	case c == '{' || c == '[':
		if depth+1 > maxDepth {
			r.syntax("exceeded the maximum nesting depth")
			return
		}
		if flat && r.skipFlat(depth) {
			return
		}
		var it Iter
		if c == '{' {
			it = r.Object()
		} else {
			it = r.Array()
		}
		for r.More(&it) {
			r.skip(depth+1, false)
		}
	case c == '"':
		r.readString()
	case c == 't' || c == 'f':
		if !r.literal("true") && !r.literal("false") {
			r.syntax("invalid literal")
		}
	case c == 'n':
		r.consumeNull()
	default:
		r.number()
	}
}

// skipFlat skips the well-formed object or array at r.pos, nested in depth
// objects and arrays, in one loop over its bytes with a stack of one bit per
// level, and leaves the Reader as the value-by-value walk would: after the
// value, with Key the last member name inside it. For anything the walk
// would refuse, or would have to look at more closely, it reports false and
// leaves the Reader as it was.
func (r *Reader) skipFlat(depth int) bool {
	data := r.data
	var objects levels
	var deep []uint64 // levels beyond the 64th
	level := 0        // containers open
	lastKey := -1     // offset of the last member name
	p := r.pos
	for {
		// p is at the start of a value nested in depth+level objects and
		// arrays.
		if p >= len(data) {
			return false
		}
		switch c := data[p]; c {
		case '{', '[':
			if depth+level+1 > maxDepth {
				return false
			}
			objects.set(level, c == '{', &deep)
			level++
			p = skipSpaceAt(data, p+1)
			if p < len(data) && (data[p] == '}' && c == '{' || data[p] == ']' && c == '[') {
				p++
				level--
				break
			}
			if c == '{' {
				if lastKey, p = member(data, p); p < 0 {
					return false
				}
			}
			continue
		case '"':
			if p = stringEnd(data, p); p < 0 {
				return false
			}
		case 't':
			if !strings.HasPrefix(data[p:], "true") {
				return false
			}
			p += 4
		case 'f':
			if !strings.HasPrefix(data[p:], "false") {
				return false
			}
			p += 5
		case 'n':
			if !strings.HasPrefix(data[p:], "null") {
				return false
			}
			p += 4
		default:
			if p, _, _, _ = scanNumber(data, p); p < 0 {
				return false
			}
		}
		// A value has ended: close what it ends, up to the next value.
		for {
			if level == 0 {
				r.begun = true
				if lastKey >= 0 {
					r.pos = lastKey
					r.key = r.readString()
				}
				r.pos = p
				return true
			}
			p = skipSpaceAt(data, p)
			if p >= len(data) {
				return false
			}
			object := objects.get(level-1, deep)
			if data[p] == '}' && object || data[p] == ']' && !object {
				p++
				level--
				continue
			}
			if data[p] != ',' {
				return false
			}
			p = skipSpaceAt(data, p+1)
			if object {
				if lastKey, p = member(data, p); p < 0 {
					return false
				}
			}
			break
		}
	}
}

// levels holds one bit per nesting level of a skipped value, set for an
// object: the first 64 in place, deeper ones in a slice made when the
// value goes that deep, so that skipping a shallow value clears no large
// array.
type levels uint64

func (l *levels) set(level int, object bool, deep *[]uint64) {
	word, bit := l, uint64(1)<<(level%64)
	if level >= 64 {
		if *deep == nil {
			*deep = make([]uint64, maxDepth/64)
		}
		word = (*levels)(&(*deep)[level/64-1])
	}
	if object {
		*word |= levels(bit)
	} else {
		*word &^= levels(bit)
	}
}

func (l levels) get(level int, deep []uint64) bool {
	word := uint64(l)
	if level >= 64 {
		word = deep[level/64-1]
	}
	return word&(1<<(level%64)) != 0
}

// member reads the member name starting at p, the colon and white space:
// it returns where the name starts and where the value starts, or -1 for
// the value when they are not there.
func member(data string, p int) (name, value int) {
	if p >= len(data) || data[p] != '"' {
		return p, -1
	}
	name = p
	if p = stringEnd(data, p); p < 0 {
		return name, -1
	}
	if p = skipSpaceAt(data, p); p >= len(data) || data[p] != ':' {
		return name, -1
	}
	return name, skipSpaceAt(data, p+1)
}

func skipSpaceAt(data string, p int) int {
	// Every byte above the space is not white space: one comparison settles
	// the usual case, a token right where the last one ended.
	for p < len(data) && data[p] <= ' ' {
		switch data[p] {
		case ' ', '\t', '\n', '\r':
			p++
		default:
			return p
		}
	}
	return p
}

// stringEnd returns the offset past the well-formed string starting at p,
// or -1.
func stringEnd(data string, p int) int {
	for p++; p < len(data); {
		c := data[p]
		switch {
		case plain[c]:
			p = plainRun(data, p+1)
		case c >= utf8.RuneSelf:
			p++
		case c == '"':
			return p + 1
		case c == '\\' && p+1 < len(data):
			switch data[p+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p += 2
			case 'u':
				if p+6 > len(data) {
					return -1
				}
				for _, h := range []byte(data[p+2 : p+6]) {
					if hexValue[h] < 0 {
						return -1
					}
				}
				p += 6
			default:
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

func digitsAt(data string, p int) int {
	for p < len(data) && isDigit(data[p]) {
		p++
	}
	return p
}

// growAfter is the length from which Room sizes a list for the rest of
// its array.
const growAfter = 64

// firstRoom is how many elements Room makes room for at a list's first:
// the lists of a response are mostly short, and a list grown by append
// from none takes three arrays to hold three elements.
const firstRoom = 4

// Room returns list with room for the element More has just advanced to.
// At the first element it makes room for firstRoom. Once a list is long,
// it makes room for every element left in the array at once (counting
// them costs one scan of the rest), so a long array is not copied again
// and again as its list doubles.
func Room[T any](r *Reader, it *Iter, list []T) []T {
	if len(list) < cap(list) {
		return list
	}
	if cap(list) == 0 {
		return make([]T, 0, firstRoom)
	}
	if len(list) < growAfter || it.object {
		return list
	}
	if n := r.CountElements(*it); n > 0 {
		return slices.Grow(list, n)
	}
	return list
}

func (r *Reader) skipSpace() { r.pos = skipSpaceAt(r.data, r.pos) }

// consumeNull consumes a null and reports whether there was one. It is
// small enough to inline: a value other than null starting right at r.pos,
// the usual case, is settled by one comparison.
func (r *Reader) consumeNull() bool {
	if r.pos < len(r.data) && valueNotNull[r.data[r.pos]] {
		return false
	}
	return r.consumeNullAfterSpace()
}

// valueNotNull marks the bytes that can only start a value other than null:
// those above the space, but for 'n'.
var valueNotNull = func() (table [256]bool) {
	for c := '!'; c < 256; c++ {
		table[c] = c != 'n'
	}
	return table
}()

func (r *Reader) consumeNullAfterSpace() bool {
	r.skipSpace()
	if r.err == nil && r.pos < len(r.data) && r.data[r.pos] == 'n' {
		if r.literal("null") {
			return true
		}
		r.syntax("invalid literal")
	}
	return false
}

func (r *Reader) literal(word string) bool {
	end := r.pos + len(word)
	if end <= len(r.data) && r.data[r.pos:end] == word {
		r.pos = end
		return true
	}
	return false
}

func (r *Reader) expect(c byte) bool {
	if r.pos < len(r.data) && r.data[r.pos] == c {
		r.pos++
		return true
	}
	if r.pos >= len(r.data) {
		r.syntax("unexpected end of JSON input")
	} else {
		r.syntax(fmt.Sprintf("expected %q, found %q", c, r.data[r.pos]))
	}
	return false
}

// number scans a JSON number and returns its text and whether it has
// neither fraction nor exponent.
func (r *Reader) number() (token string, integral bool) {
	end, integral, bad, why := scanNumber(r.data, r.pos)
	switch {
	case end >= 0:
		token, r.pos = r.data[r.pos:end], end
		return token, integral
	case why != "":
		r.failAt(bad, why)
	case r.pos < len(r.data):
		r.mismatch("number")
	default:
		r.syntax("unexpected end of JSON input")
	}
	return "", false
}

// scanNumber scans the JSON number starting at p. It returns the offset
// past it and whether it has neither fraction nor exponent; or -1 with, for
// a number malformed after its first digit, where and why (why is empty
// when no number starts at p).
func scanNumber(data string, p int) (end int, integral bool, bad int, why string) {
	if p < len(data) && data[p] == '-' {
		p++
	}
	switch {
	case p < len(data) && data[p] == '0':
		p++
	case p < len(data) && data[p] >= '1' && data[p] <= '9':
		p = digitsAt(data, p)
	default:
		return -1, false, p, ""
	}
	integral = true
	if p < len(data) && data[p] == '.' {
		integral = false
		if p+1 >= len(data) || !isDigit(data[p+1]) {
			return -1, false, p, "invalid number: digits expected after '.'"
		}
		p = digitsAt(data, p+1)
	}
	if p < len(data) && (data[p] == 'e' || data[p] == 'E') {
		integral = false
		p++
		if p < len(data) && (data[p] == '+' || data[p] == '-') {
			p++
		}
		if p >= len(data) || !isDigit(data[p]) {
			return -1, false, p, "invalid number: digits expected in the exponent"
		}
		p = digitsAt(data, p)
	}
	return p, integral, 0, ""
}

// shortInt converts an integer token (no fraction or exponent) of at most
// 18 digits, which cannot overflow an int64; longer tokens report false.
func shortInt(token string) (int64, bool) {
	digits := token
	if len(token) > 0 && token[0] == '-' {
		digits = token[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		v = v*10 + int64(digits[i]-'0')
	}
	if len(digits) < len(token) {
		v = -v
	}
	return v, true
}

// float64pow10 are the powers of ten a float64 holds exactly.
var float64pow10 = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
	1e20, 1e21, 1e22,
}

// floatAt converts the number at p, in one pass over it, when its digits,
// without leading zeros, make an integer below 2^52 and its power of ten is
// small: then the value is that integer times or divided by an exact power
// of ten, one correctly rounded operation. This is the first path
// strconv.ParseFloat takes, with the same arithmetic, so the result is the
// same float64. It also returns where the number ends, which is where
// scanNumber ends it. Any other number, and anything scanNumber refuses,
// reports false.
func floatAt(data string, p int) (v float64, end int, ok bool) {
	const mantissaLimit = 1 << 52
	neg := false
	if p < len(data) && data[p] == '-' {
		p, neg = p+1, true
	}
	var mantissa uint64
	exp := 0
	switch {
	case p < len(data) && data[p] == '0':
		p++
	case p < len(data) && data[p] >= '1' && data[p] <= '9':
		for ; p < len(data) && isDigit(data[p]); p++ {
			if mantissa = mantissa*10 + uint64(data[p]-'0'); mantissa >= mantissaLimit {
				return 0, 0, false
			}
		}
	default:
		return 0, 0, false
	}
	if p < len(data) && data[p] == '.' {
		if p++; p >= len(data) || !isDigit(data[p]) {
			return 0, 0, false
		}
		for ; p < len(data) && isDigit(data[p]); p++ {
			if mantissa = mantissa*10 + uint64(data[p]-'0'); mantissa >= mantissaLimit {
				return 0, 0, false
			}
			exp--
		}
	}
	if p < len(data) && (data[p] == 'e' || data[p] == 'E') {
		sign := 1
		if p++; p < len(data) && (data[p] == '+' || data[p] == '-') {
			if data[p] == '-' {
				sign = -1
			}
			p++
		}
		if p >= len(data) || !isDigit(data[p]) {
			return 0, 0, false
		}
		e, digits := 0, 0
		for ; p < len(data) && isDigit(data[p]); p++ {
			if digits++; digits > 3 {
				return 0, 0, false
			}
			e = e*10 + int(data[p]-'0')
		}
		exp += sign * e
	}
	if mantissa == 0 {
		exp = 0
	}
	f := float64(mantissa)
	if neg {
		f = -f
	}
	switch {
	case exp == 0:
		return f, p, true
	case exp > 0 && exp <= 15+22:
		if exp > 22 {
			f *= float64pow10[exp-22]
			exp = 22
		}
		if f > 1e15 || f < -1e15 {
			return 0, 0, false
		}
		return f * float64pow10[exp], p, true
	case exp < 0 && exp >= -22:
		return f / float64pow10[-exp], p, true
	}
	return 0, 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// plain marks the bytes a string may hold that need no care: printable
// ASCII other than the quote and the backslash.
var plain = func() (table [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		table[c] = c != '"' && c != '\\'
	}
	return table
}()

// readString reads a quoted string starting at r.pos. A string without
// escapes and with valid UTF-8 is returned as a substring of the body.
func (r *Reader) readString() string {
	return r.readStringFrom(plainRun(r.data, r.pos+1))
}

// readStringFrom is readString for a caller that has already found p, the
// end of the plain run after the opening quote at r.pos: the bytes before
// p are not looked at again.
func (r *Reader) readStringFrom(p int) string {
	start := r.pos + 1
	if p < len(r.data) && r.data[p] == '"' {
		r.pos = p + 1
		return r.data[start:p]
	}
	// The plain bytes before p neither end the string nor make it other
	// than simple.
	simple := true
	for ; p < len(r.data); p++ {
		c := r.data[p]
		switch {
		case c == '"':
			s := r.data[start:p]
			if !simple && (r.style == Schema || utf8.ValidString(s)) {
				// The schema-based clients keep the bytes of a string
				// without escapes, valid UTF-8 or not.
				simple = true
			}
			if simple {
				r.pos = p + 1
				return s
			}
			return r.readEscaped()
		case c == '\\':
			return r.readEscaped()
		case c < 0x20:
			r.failAt(p, "invalid control character in string")
			return ""
		case c >= utf8.RuneSelf:
			simple = false
		}
	}
	r.failAt(len(r.data), "unexpected end of JSON input in string")
	return ""
}

// readEscaped decodes a string with escapes or invalid UTF-8 the way
// encoding/json does: bad bytes and lone surrogates become U+FFFD.
func (r *Reader) readEscaped() string {
	data := r.data
	p := r.pos + 1
	// The escaped text is at least as long as what it decodes to, but for
	// invalid UTF-8 (one byte becomes three): room of that length almost
	// always holds the whole string. The strings share chunks, each sized
	// for the string or, when more, half of what is left to read, up to
	// unescapedChunk.
	need := escapedLength(data, p)
	if cap(r.unescaped)-len(r.unescaped) < need {
		r.unescaped = make([]byte, 0, max(need, min(r.Unread()/2, unescapedChunk)))
	}
	start := len(r.unescaped)
	out := r.unescaped[start:start]
	for p < len(data) {
		c := data[p]
		switch {
		case plain[c]:
			run := plainRun(data, p+1)
			if n := len(out); run-p <= 8 && p+8 <= len(data) && n+8 <= cap(out) {
				// A short run between escapes is copied as one word, the
				// bytes after it written into room no string uses yet.
				binary.LittleEndian.PutUint64(out[n:n+8], word(data, p))
				out = out[:n+run-p]
			} else {
				out = append(out, data[p:run]...)
			}
			p = run
		case c == '\\' && p+1 < len(data) && shortEscape[data[p+1]] != 0:
			out = append(out, shortEscape[data[p+1]])
			p += 2
		case c == '"':
			r.pos = p + 1
			if start+len(out) <= cap(r.unescaped) {
				// out never outgrew the chunk, so it is still in it.
				r.unescaped = r.unescaped[:start+len(out)]
			}
			// out's bytes are never written again.
			return unsafe.String(unsafe.SliceData(out), len(out))
		case c < 0x20:
			r.failAt(p, "invalid control character in string")
			return ""
		case c == '\\':
			var ok bool
			out, p, ok = r.unescape(out, p)
			if !ok {
				return ""
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			p++
		default:
			rn, size := utf8.DecodeRuneInString(data[p:])
			out = utf8.AppendRune(out, rn)
			p += size
		}
	}
	r.failAt(len(data), "unexpected end of JSON input in string")
	return ""
}

// unescapedChunk is the largest chunk of decoded strings allocated ahead
// of need; a longer string gets a chunk of its own length.
const unescapedChunk = 512

// shortEscape maps the byte after a backslash to the byte the two-byte
// escape stands for, and every other byte, \u's 'u' among them, to zero.
var shortEscape = func() (table [256]byte) {
	for escape, decoded := range map[byte]byte{
		'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
	} {
		table[escape] = decoded
	}
	return table
}()

// escapedLength returns the length of the string body starting at p, up
// to its closing quote or the end of data.
func escapedLength(data string, p int) int {
	start := p
	for {
		q := strings.IndexByte(data[p:], '"')
		if q < 0 {
			return len(data) - start
		}
		p += q
		// The quote closes the string unless an odd run of backslashes
		// escapes it.
		backslashes := 0
		for b := p - 1; b >= start && data[b] == '\\'; b-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return p - start
		}
		p++
	}
}

// unescape decodes the \u escape at p and appends it to out; a backslash
// at the end of the data or before any other byte is an error. (readEscaped
// decodes the two-byte escapes itself, from shortEscape.)
func (r *Reader) unescape(out []byte, p int) ([]byte, int, bool) {
	if p+1 >= len(r.data) {
		r.failAt(p, "unexpected end of JSON input in string")
		return out, p, false
	}
	if r.data[p+1] != 'u' {
		r.failAt(p, "invalid escape sequence in string")
		return out, p, false
	}
	rn, ok := r.hex4(p + 2)
	if !ok {
		return out, p, false
	}
	p += 6
	if utf16.IsSurrogate(rn) {
		if p+1 < len(r.data) && r.data[p] == '\\' && r.data[p+1] == 'u' {
			if low, ok := r.hex4(p + 2); ok {
				if pair := utf16.DecodeRune(rn, low); pair != utf8.RuneError {
					return utf8.AppendRune(out, pair), p + 6, true
				}
			} else {
				return out, p, false
			}
		}
		rn = utf8.RuneError
	}
	return utf8.AppendRune(out, rn), p, true
}

func (r *Reader) hex4(p int) (rune, bool) {
	if p+4 > len(r.data) {
		r.failAt(p, "unexpected end of JSON input in \\u escape")
		return 0, false
	}
	b := r.data[p : p+4]
	d0, d1, d2, d3 := hexValue[b[0]], hexValue[b[1]], hexValue[b[2]], hexValue[b[3]]
	if d0|d1|d2|d3 < 0 {
		r.failAt(p, "invalid \\u escape")
		return 0, false
	}
	return rune(d0)<<12 | rune(d1)<<8 | rune(d2)<<4 | rune(d3), true
}

// hexValue maps a hex digit to its value and every other byte to -1.
var hexValue = func() (table [256]int8) {
	for c := range table {
		switch {
		case '0' <= c && c <= '9':
			table[c] = int8(c - '0')
		case 'a' <= c && c <= 'f':
			table[c] = int8(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			table[c] = int8(c - 'A' + 10)
		default:
			table[c] = -1
		}
	}
	return table
}()

// mismatch reports a value other than the one wanted: a value error when
// a well-formed value starts there, a syntax error otherwise.
func (r *Reader) mismatch(want string) {
	found := r.describe()
	if r.pos >= len(r.data) || found[0] == 'i' { // end of input, invalid character
		r.failAt(r.pos, "expected "+want+", found "+found)
		return
	}
	r.valueError(r.pos, "expected "+want+", found "+found)
}

func (r *Reader) describe() string {
	if r.pos >= len(r.data) {
		return "end of input"
	}
	switch c := r.data[r.pos]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || isDigit(c):
		return "a number"
	default:
		return fmt.Sprintf("invalid character %q", c)
	}
}

func (r *Reader) syntax(msg string) { r.failAt(r.pos, msg) }

func (r *Reader) failAt(offset int, msg string) {
	if r.err == nil {
		r.err = &Error{Offset: offset, Member: r.key, Msg: msg}
	}
}

// valueError reports a well-formed value of the wrong type or range.
func (r *Reader) valueError(offset int, msg string) {
	if r.err == nil {
		r.err = &Error{Offset: offset, Member: r.key, Msg: msg, value: true}
	}
}

// Slab hands out pointers to values stored in shared chunks, so that a
// decoded output with many optional members or nested structures costs a
// few allocations, not one per value. A full chunk is never reallocated,
// so the pointers stay valid. The zero value is ready to use.
type Slab[T any] struct {
	chunk []T
	used  int // the values of chunk handed out
	next  int // the size of the next chunk, when Expect set it
}

// SlabOf returns a Slab whose first chunk is room.
func SlabOf[T any](room []T) Slab[T] { return Slab[T]{chunk: room} }

// Expect sizes the next chunk the slab makes to hold n values, for a
// decoder that knows about how many it will need; a slab never used makes
// no chunk.
func (s *Slab[T]) Expect(n int) { s.next = n }

// New returns a pointer to a new zero T.
func (s *Slab[T]) New() *T {
	var zero T
	return s.ptr(zero)
}

func (s *Slab[T]) ptr(v T) *T {
	if s.used == len(s.chunk) {
		size := 2 * len(s.chunk)
		if size < 8 {
			size = 8
		} else if size > 256 {
			size = 256
		}
		if s.next > 0 {
			size, s.next = s.next, 0
		}
		s.chunk, s.used = make([]T, size), 0
	}
	// Only the count is stored back, not the slice.
	p := &s.chunk[s.used]
	s.used++
	*p = v
	return p
}

// plainRun returns the offset of the first byte at or after p that plain
// does not mark, or len(data). It looks at eight bytes at a time: a byte
// needs care when it is a quote, a backslash, below 0x20 or from 0x80.
func plainRun(data string, p int) int {
	for ; p+8 <= len(data); p += 8 {
		if special := careBytes(word(data, p)); special != 0 {
			return p + bits.TrailingZeros64(special)/8
		}
	}
	for p < len(data) && plain[data[p]] {
		p++
	}
	return p
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// word returns the eight bytes of s from p, the first in the lowest byte.
// It is one bounds check; the compiler reads the bytes with a single load.
func word(s string, p int) uint64 {
	b := s[p : p+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// careBytes sets the high bit of the bytes of w that are a quote, a
// backslash, below 0x20 or from 0x80, and possibly of bytes after the first
// of those; no byte before it is marked, so the lowest marked byte is the
// first that needs care.
//
// A byte of w^('"'*ones) is zero where w holds a quote, and subtracting
// ones sets its high bit; likewise for the backslash, and subtracting 0x20
// from each byte sets the high bit of those below 0x20. Any other byte
// whose high bit these set is itself from 0x80, as w's own high bits mark;
// a borrow may mark bytes after the one it comes from, never before.
func careBytes(w uint64) uint64 {
	return (((w ^ '"'*ones) - ones) | ((w ^ '\\'*ones) - ones) | (w - 0x20*ones) | w) & highs
}
