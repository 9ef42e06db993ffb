package jsonwire

import "sync/atomic"

// Members is the table of the member names one structure's decoder knows,
// for MoreIn. It lists them in the order of the model, and MoreIn first
// compares the name it expects after the previous member's with the bytes
// in place: the next in the table until a server writes another after it,
// then that one. Another name of the table is found from a hash of its
// first three bytes. A name with escapes, longer than 23 bytes or empty
// is read in full and looked up. The order and the form of the names
// change the cost, never the result.
type Members struct {
	entries []entry
	// slots is an open-addressed hash table of the names found in place:
	// each slot holds an index into entries plus one, or zero when free.
	slots []uint8
	// complete is true when every name of the table is found in place.
	complete bool
	// first is the index of the name MoreIn tries first in an object: at
	// first the table's first, then the one the last object that did not
	// start with it started with.
	first atomic.Int32
}

// entry is one name of a Members table with the words that recognise it
// in place: the name and its closing quote, as word reads them from the
// byte after the opening quote, in up to three words, and the mask of the
// bytes of each word that the name fixes. A longer name, an empty one or
// one written with escapes has masks that match nothing, and is only
// looked up.
type entry struct {
	name   string
	quoted int // the length of the name with its closing quote
	words  [3]uint64
	masks  [3]uint64
	// next is the index of the name MoreIn tries after this one: at first
	// the table's next, then the one that last followed this one when it
	// was not that. A server that writes its members in another order
	// than the table's is thus read in place after its first object. Any
	// goroutine may change it, so it is read and written atomically; it
	// is only ever a guess, checked against the bytes.
	next atomic.Int32
}

// NewMembers returns the table of names, in the order the service writes
// them; a member answering to several names has an index for each.
func NewMembers(names ...string) *Members {
	m := &Members{entries: make([]entry, len(names))}
	for i, name := range names {
		quoted := name + `"`
		e := &m.entries[i]
		e.name, e.quoted = name, len(quoted)
		e.next.Store(int32(i + 1))
		// An empty name has no three bytes of its own for find to hash:
		// the third would be the value's first.
		inPlace := name != "" && len(quoted) <= 8*len(e.words)
		for j := 0; j < len(name); j++ {
			// A byte that is not plain is escaped on the wire.
			inPlace = inPlace && plain[name[j]]
		}
		if inPlace {
			for j := 0; j < len(quoted); j++ {
				e.words[j/8] |= uint64(quoted[j]) << (8 * (j % 8))
				e.masks[j/8] |= 0xff << (8 * (j % 8))
			}
		} else {
			e.words[0], e.masks[0] = 1, 0 // no word matches
		}
	}
	size := 8
	for size < 2*len(names) {
		size *= 2
	}
	m.slots = make([]uint8, size)
	m.complete = true
	for i := range m.entries {
		e := &m.entries[i]
		if e.masks[0] == 0 || i >= 255 {
			m.complete = false // only ever looked up
			continue
		}
		h := slot(key(e.name+`":`), size)
		for m.slots[h] != 0 {
			h = (h + 1) & (size - 1)
		}
		m.slots[h] = uint8(i + 1)
	}
	return m
}

// key returns the first three bytes of s in the lowest bytes of a word, as
// word reads them: the bytes of a member name, with its closing quote and
// colon for a short name, that find hashes.
func key(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16
}

// slot returns the home slot, in a table of size slots, of the name whose
// first three bytes are k: k times 2^64 divided by the golden ratio, which
// spreads the bits of every byte into the bits kept.
func slot(k uint64, size int) int {
	return int((k * 0x9e3779b97f4a7c15) >> 40 & uint64(size-1))
}

// lookup returns the index of name, or -1 if the table does not hold it.
func (m *Members) lookup(name string) int {
	for i := range m.entries {
		if m.entries[i].name == name {
			return i
		}
	}
	return -1
}

// Member returns the index in the Members table passed to MoreIn of the
// name of the member it advanced to, or -1 for a name not in the table.
func (it *Iter) Member() int { return it.member }

// find returns the index of the name that data holds at q with its
// closing quote, or -1. The caller has made sure that data holds 24 bytes
// from q.
func (m *Members) find(data string, q int) int {
	first := word(data, q)
	for h := slot(first&0xffffff, len(m.slots)); m.slots[h] != 0; h = (h + 1) & (len(m.slots) - 1) {
		i := int(m.slots[h]) - 1
		e := &m.entries[i]
		if first&e.masks[0] == e.words[0] && (e.quoted <= 8 || word(data, q+8)&e.masks[1] == e.words[1] &&
			(e.quoted <= 16 || word(data, q+16)&e.masks[2] == e.words[2])) {
			return i
		}
	}
	return -1
}

// learn records that the member at index i of m followed, in the object it
// iterates, the one it holds as current, which the table expected to be
// followed by another; an unknown member before it teaches nothing.
func (m *Members) learn(it *Iter, i int) {
	switch {
	case it.count == 0:
		m.first.Store(int32(i))
	case it.member >= 0:
		m.entries[it.member].next.Store(int32(i))
	}
}
