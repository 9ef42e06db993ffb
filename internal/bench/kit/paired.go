package kit

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// Variant is one side of a paired comparison: a name for its metrics and
// one call.
type Variant struct {
	Name string
	Call func() error
}

// pairedChunk is about how long one variant runs before the other takes
// over: short against the swings in the machine's speed (other load, CPU
// steal), which last seconds, and long against what a switch costs the
// variant that takes over, its code and data brought back into the
// caches. With chunks of 1 ms, DataZone's client side measured about 8 %
// slower against the official client's than with 5 ms or 20 ms.
const pairedChunk = 10 * time.Millisecond

// Paired runs two variants of one call b.N times each, alternately in
// chunks of about pairedChunk (which of them starts a pair of chunks
// alternating too), and reports each one's wall time per call as
// "<name>-ns/op" and the ratio of the first's time to the second's as
// "<first>/<second>". Separate benchmarks of the two run seconds apart,
// and on a machine whose speed changes over seconds their ratio moves with
// it; here both see the same machine, so the ratio keeps still where the
// times do not. The benchmark's own ns/op is the two calls together.
// Allocations are those of both; each variant's own are in its separate
// benchmark.
func Paired(b *testing.B, first, second Variant) {
	variants := [2]Variant{first, second}
	var spent [2]time.Duration
	var done [2]int
	chunk := 1
	b.ResetTimer()
	for round := 0; done[0] < b.N || done[1] < b.N; round++ {
		for k := range 2 {
			i := k ^ round&1
			n := min(chunk, b.N-done[i])
			start := time.Now()
			for range n {
				if err := variants[i].Call(); err != nil {
					b.Fatalf("%s: %v", variants[i].Name, err)
				}
			}
			spent[i] += time.Since(start)
			done[i] += n
		}
		// Size the chunks from the slower variant's time per call so far.
		slowest := max(spent[0]/time.Duration(max(done[0], 1)), spent[1]/time.Duration(max(done[1], 1)), 1)
		chunk = max(1, int(pairedChunk/slowest))
	}
	b.StopTimer()
	for i, v := range variants {
		b.ReportMetric(float64(spent[i].Nanoseconds())/float64(b.N), v.Name+"-ns/op")
	}
	if spent[1] > 0 {
		b.ReportMetric(float64(spent[0])/float64(spent[1]), first.Name+"/"+second.Name)
	}
}

// Doer is an HTTP client as the SDKs take one.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Call makes one call of the operation compared, with its input.
type Call func(context.Context) error

// PairFullCall compares a full call of ours over loopback, to a server
// answering with resp, against the signed net/http floor of the same call
// (see Paired). ours makes our client's call through client to url, and
// floor the floors of the call.
func PairFullCall(b *testing.B, resp Response, ours func(client Doer, url string) Call,
	floor func(tb testing.TB, client *http.Client, url string) *Floor) {
	ctx := context.Background()
	srv := ServeCanned(b, resp)
	client := NewHTTPClient()
	call, f := ours(client, srv.URL), floor(b, client, srv.URL)
	Paired(b,
		Variant{Name: "ours", Call: func() error { return call(ctx) }},
		Variant{Name: "floor", Call: func() error { _, err := f.Signed(ctx); return err }})
}

// PairClientSide compares our client's call against the official
// client's, both answered at once with resp (see Paired and CannedClient).
// ours is as for PairFullCall, given the URL "" (the default endpoint).
func PairClientSide(b *testing.B, resp Response, ours func(client Doer, url string) Call, official func(client Doer) Call) {
	ctx := context.Background()
	canned := &CannedClient{Response: resp}
	o, off := ours(canned, ""), official(canned)
	Paired(b,
		Variant{Name: "ours", Call: func() error { return o(ctx) }},
		Variant{Name: "official", Call: func() error { return off(ctx) }})
}
