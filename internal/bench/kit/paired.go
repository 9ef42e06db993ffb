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

// pairedTurn is about how long one variant runs before the other takes
// over: short against the swings in the machine's speed (other load, CPU
// steal), which last seconds, and long against what a switch costs the
// variant that takes over, its code and data brought back into the
// caches. Turns of 1 ms made DataZone's client side measure about 8 %
// slower against the official client's than turns of 5 ms or more.
const pairedTurn = 10 * time.Millisecond

// Paired runs two variants of one call in turns of about pairedTurn each
// (which of them starts a pair of turns alternating too), until each has
// made at least b.N calls, and reports each one's wall time per call as
// "<name>-ns/op" and the ratio of the first's to the second's as
// "<first>/<second>". A turn is a number of calls sized from the
// variant's own time per call so far, so the faster variant makes more
// calls. Separate benchmarks of the two run seconds apart, and on a
// machine whose speed changes over seconds their ratio moves with it;
// here both see the same machine, so the ratio keeps still where the
// times do not. The benchmark's own ns/op and allocations are those of
// both variants' calls over b.N, and mean nothing alone; each variant's
// own allocations are in its separate benchmark.
func Paired(b *testing.B, first, second Variant) {
	variants := [2]Variant{first, second}
	var spent [2]time.Duration
	var done [2]int
	turn := [2]int{1, 1}
	b.ResetTimer()
	for round := 0; done[0] < b.N || done[1] < b.N; round++ {
		for k := range 2 {
			i := k ^ round&1
			start := time.Now()
			for range turn[i] {
				if err := variants[i].Call(); err != nil {
					b.Fatalf("%s: %v", variants[i].Name, err)
				}
			}
			spent[i] += time.Since(start)
			done[i] += turn[i]
			each := max(spent[i]/time.Duration(done[i]), 1)
			turn[i] = max(1, int(pairedTurn/each))
		}
	}
	b.StopTimer()
	for i, v := range variants {
		b.ReportMetric(perCall(spent[i], done[i]), v.Name+"-ns/op")
	}
	b.ReportMetric(perCall(spent[0], done[0])/perCall(spent[1], done[1]), first.Name+"/"+second.Name)
}

// perCall is the time per call of n calls that took d.
func perCall(d time.Duration, n int) float64 { return float64(d.Nanoseconds()) / float64(n) }

// Doer is an HTTP client as the SDKs take one.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Call makes one call of the operation compared, with its input.
type Call func(context.Context) error

// PairOperation runs the paired comparisons of one operation as
// sub-benchmarks: cmp=fullcall (PairFullCall), cmp=fullcall-headers
// (PairFullCallSameHeaders) and, unless official is nil, cmp=clientside
// (PairClientSide), all answered with resp.
func PairOperation(b *testing.B, resp Response, ours func(client Doer, url string) Call, official func(client Doer) Call,
	floor func(tb testing.TB, client *http.Client, url string) *Floor) {
	b.Run("cmp=fullcall", func(b *testing.B) { PairFullCall(b, resp, ours, floor) })
	b.Run("cmp=fullcall-headers", func(b *testing.B) { PairFullCallSameHeaders(b, resp, ours, floor) })
	if official != nil {
		b.Run("cmp=clientside", func(b *testing.B) { PairClientSide(b, resp, ours, official) })
	}
}

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

// PairFullCallSameHeaders is PairFullCall against a floor that also sends
// the two headers our call sends beyond the floor's, as the official
// clients do: User-Agent, with the SDK's name and version, and
// amz-sdk-request, the attempt number (which is signed). Their values
// are read from one call of ours.
func PairFullCallSameHeaders(b *testing.B, resp Response, ours func(client Doer, url string) Call,
	floor func(tb testing.TB, client *http.Client, url string) *Floor) {
	ctx := context.Background()
	seen := &headerRecorder{CannedClient: CannedClient{Response: resp}}
	if err := ours(seen, "")(ctx); err != nil {
		b.Fatal(err)
	}
	srv := ServeCanned(b, resp)
	client := NewHTTPClient()
	call, f := ours(client, srv.URL), floor(b, client, srv.URL)
	f.Header = f.Header.Clone()
	for _, name := range []string{"User-Agent", "Amz-Sdk-Request"} {
		if seen.header.Get(name) == "" {
			b.Fatalf("our request sent no %s", name)
		}
		f.Header.Set(name, seen.header.Get(name))
	}
	Paired(b,
		Variant{Name: "ours", Call: func() error { return call(ctx) }},
		Variant{Name: "floor", Call: func() error { _, err := f.Signed(ctx); return err }})
}

// headerRecorder is a CannedClient that keeps the headers of the last
// request.
type headerRecorder struct {
	CannedClient
	header http.Header
}

// Do records req's headers and answers it.
func (h *headerRecorder) Do(req *http.Request) (*http.Response, error) {
	h.header = req.Header.Clone()
	return h.CannedClient.Do(req)
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
