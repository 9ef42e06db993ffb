package neptunegraph

import (
	"context"
	"testing"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// BenchmarkFullCall is one CreateGraphSnapshot call over loopback to a server
// answering with a full graph snapshot: ours, the official client, and the two
// net/http floors (pre-signed bytes; build, hash and sign each request).
func BenchmarkFullCall(b *testing.B) {
	srv := kit.ServeCanned(b, fullResponse())
	client := kit.NewHTTPClient()
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(client, srv.URL), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateGraphSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(client, srv.URL), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateGraphSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	floor := newFloor(b, client, srv.URL)
	b.Run("impl=nethttp", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Plain(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=nethttp-signed", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Signed(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClientSide is one CreateGraphSnapshot call with an HTTP client that
// answers at once: validation, encoding, signing, and decoding alone.
func BenchmarkClientSide(b *testing.B) {
	canned := &kit.CannedClient{Response: fullResponse()}
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(canned, ""), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateGraphSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(canned, ""), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateGraphSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPaired runs the comparisons the targets are stated in, both
// sides of each alternating within one benchmark (kit.PairOperation).
func BenchmarkPaired(b *testing.B) {
	kit.PairOperation(b, fullResponse(), oursCall, officialCall, newFloor)
}

// oursCall returns our client's call of the benchmarks, through client to
// url ("" for the default endpoint).
func oursCall(client kit.Doer, url string) kit.Call {
	c, in := newOurs(client, url), oursInput()
	return func(ctx context.Context) error { _, err := c.CreateGraphSnapshot(ctx, in); return err }
}

// officialCall returns the official client's call of the benchmarks,
// through client.
func officialCall(client kit.Doer) kit.Call {
	c, in := newOfficial(client, ""), officialInput()
	return func(ctx context.Context) error { _, err := c.CreateGraphSnapshot(ctx, in); return err }
}
