package sigv4

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOrderCache checks that a header map with the keys of a remembered
// set takes the remembered order, and that every other map is collected
// afresh: one more or one other key, another key lower-cased, the body
// length's line.
func TestOrderCache(t *testing.T) {
	t.Parallel()
	base := func() http.Header {
		return http.Header{
			"Content-Type": {"application/x-amz-json-1.1"}, "X-Amz-Target": {"AmazonMemoryDB.CopySnapshot"},
			"User-Agent": {"awssnap"}, "Amz-Sdk-Request": {"attempt=1; max=3"}, "X-Amz-Date": {"20261206T000000Z"},
		}
	}
	tests := []struct {
		name   string
		change func(h http.Header) int64 // returns the body length
		hit    bool
	}{
		{"same keys, other values", func(h http.Header) int64 {
			h["X-Amz-Target"] = []string{"Other.Op"}
			h["Amz-Sdk-Request"] = []string{"attempt=2; max=3", "again"}
			return 10
		}, true},
		{"one key more", func(h http.Header) int64 { h["X-Amz-Security-Token"] = []string{"t"}; return 10 }, false},
		{"one key more, ignored", func(h http.Header) int64 { h["Authorization"] = []string{"a"}; return 10 }, false},
		{"one key other", func(h http.Header) int64 {
			delete(h, "X-Amz-Target")
			h["X-Amz-Targer"] = []string{"A.B"}
			return 10
		}, false},
		{"one ignored key other", func(h http.Header) int64 {
			delete(h, "User-Agent")
			h["Expect"] = []string{"100-continue"}
			return 10
		}, false},
		{"an ignored key replaced by a signed one", func(h http.Header) int64 {
			delete(h, "User-Agent")
			h["X-Custom"] = []string{"c"}
			return 10
		}, false},
		{"a key lower-cased", func(h http.Header) int64 {
			delete(h, "Content-Type")
			h["content-type"] = []string{"application/json"}
			return 10
		}, false},
		{"no body", func(http.Header) int64 { return 0 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var c orderCache
			c.collect(nil, base(), 10)
			stored := c.next.Load()
			h := base()
			length := tt.change(h)
			got := lines(c.collect(nil, h, length))
			want := lines(collectHeaders(nil, h, length))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("collected (-collectHeaders +cache):\n%s", diff)
			}
			if hit := c.next.Load() == stored; hit != tt.hit {
				t.Fatalf("took a remembered order: %v, want %v", hit, tt.hit)
			}
		})
	}
}

// TestOrderOfOneNameTwice checks that a set with two keys of one name,
// whose values are joined in map order, is not remembered.
func TestOrderOfOneNameTwice(t *testing.T) {
	h := http.Header{"Content-Type": {"b"}, "content-type": {"a"}, "X-Amz-Date": {"20261206T000000Z"}}
	if o := newHeaderOrder(collectHeaders(nil, h, 10), h, true); o != nil {
		t.Fatalf("remembered %+v", o)
	}
	h = http.Header{"Content-Type": {"b"}, "X-Amz-Date": {"20261206T000000Z"}}
	if o := newHeaderOrder(collectHeaders(nil, h, 10), h, true); o == nil {
		t.Fatal("did not remember a set of distinct names")
	}
}

// line is a header line as signing writes it.
type line struct {
	Name   string
	Values []string
	Kind   uint8
}

func lines(headers []header) []line {
	out := make([]line, len(headers))
	for i := range headers {
		out[i] = line{string(appendName(nil, &headers[i])), headers[i].values, headers[i].kind}
	}
	return out
}

// TestOrderCacheChurn signs requests of more sets of header names than the
// cache holds, in turn: every result is right, and past missRun entries the
// cache makes about one for every missRun misses.
func TestOrderCacheChurn(t *testing.T) {
	var c orderCache
	const sets, rounds = 3 * cacheSlots, 200
	misses := 0
	for i := range sets * rounds {
		h := http.Header{"X-Amz-Date": {"20261206T000000Z"}, "X-Set": {"v"}}
		h["X-Set-"+strconv.Itoa(i%sets)] = []string{"v"}
		before := c.next.Load()
		got := lines(c.collect(nil, h, 10))
		if diff := cmp.Diff(lines(collectHeaders(nil, h, 10)), got); diff != "" {
			t.Fatalf("request %d (-collectHeaders +cache):\n%s", i, diff)
		}
		if before != c.next.Load() || int(before) >= missRun {
			misses++ // a miss, or (past missRun entries) possibly one
		}
	}
	if made := int(c.next.Load()); made > missRun+misses/missRun+1 {
		t.Fatalf("%d entries made over %d requests, at most %d misses", made, sets*rounds, misses)
	}
	if made := int(c.next.Load()); made < missRun+misses/missRun/2 {
		t.Fatalf("%d entries made over %d requests: past the first %d, fewer than one in %d misses",
			made, sets*rounds, missRun, 2*missRun)
	}
}
