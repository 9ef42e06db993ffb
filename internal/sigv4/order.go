package sigv4

import (
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
)

// orderCache keeps the canonical order of the header sets signed lately
// (a client sends a few sets again and again: one per operation, with and
// without a session token), so that signing a request whose header map has
// the same keys looks the values up by key instead of walking the map and
// sorting its keys.
//
// A signer sent more sets than it holds (by middleware adding headers of
// many names) would miss again and again and make an entry each time:
// past missRun entries, it makes one for every missRun misses.
type orderCache struct {
	recent[headerOrder]
	misses atomic.Uint64
}

// missRun is how many entries are made before misses are counted.
const missRun = 64

// headerOrder is the canonical order of one set of header map keys.
type headerOrder struct {
	// lines are the headers collectHeaders returns for the set, with
	// their names lower-cased and without their values; keys[i] is the
	// map key of lines[i] when it is a header's line (the host and
	// content-length lines take no values from the map).
	lines []header
	keys  []string
	// others are the set's keys that give no line (ignored headers, Host,
	// Content-Length).
	others []string
	// mapLen is the number of keys in the set, and withLength tells
	// whether lines has the content-length line.
	mapLen     int
	withLength bool
}

// collect returns what collectHeaders(dst, h, length) returns. A header
// map whose keys are those of a remembered set (as many keys, each of them
// present) takes that set's order; any other is collected and sorted, and
// its order remembered unless two of its keys name one header.
func (c *orderCache) collect(dst []header, h http.Header, length int64) []header {
	withLength := length > 0
	for i := range c.slots {
		o := c.slots[i].Load()
		if o == nil || o.mapLen != len(h) || o.withLength != withLength {
			continue
		}
		if lines, ok := o.fill(dst, h); ok {
			return lines
		}
	}
	dst = collectHeaders(dst, h, length)
	if made := uint64(c.next.Load()); made >= missRun && made-missRun >= c.misses.Add(1)/missRun {
		return dst
	}
	if o := newHeaderOrder(dst, h, withLength); o != nil {
		c.add(o)
	}
	return dst
}

// fill appends o's lines with their values from h, and reports false
// (with dst unchanged) when a key of o is not in h.
func (o *headerOrder) fill(dst []header, h http.Header) ([]header, bool) {
	for _, key := range o.others {
		if _, ok := h[key]; !ok {
			return dst, false
		}
	}
	start := len(dst)
	dst = append(dst, o.lines...)
	for i, key := range o.keys {
		if o.lines[i].kind != kindHeader {
			continue
		}
		values, ok := h[key]
		if !ok {
			return dst[:start], false
		}
		dst[start+i].values = values
	}
	return dst, true
}

// newHeaderOrder returns the order of lines, collected from h, or nil when
// two lines share a name (their values are joined in the map's order,
// which is not fixed) or a key is not ASCII (its line holds it lowered).
func newHeaderOrder(lines []header, h http.Header, withLength bool) *headerOrder {
	o := &headerOrder{lines: make([]header, len(lines)), keys: make([]string, len(lines)), mapLen: len(h),
		withLength: withLength}
	lineKeys := make([]string, 0, len(lines))
	for i := range lines {
		if i > 0 && sameName(&lines[i-1], &lines[i]) {
			return nil
		}
		// The remembered line holds the name lower-cased, so signing
		// writes it as it is.
		o.lines[i] = header{name: lines[i].name, kind: lines[i].kind}
		if lines[i].fold {
			o.lines[i].name = strings.ToLower(lines[i].name)
		}
		if lines[i].kind != kindHeader {
			continue
		}
		if _, ok := h[lines[i].name]; !ok {
			return nil
		}
		o.keys[i] = lines[i].name
		lineKeys = append(lineKeys, lines[i].name)
	}
	for key := range h {
		if !slices.Contains(lineKeys, key) {
			o.others = append(o.others, key)
		}
	}
	return o
}
