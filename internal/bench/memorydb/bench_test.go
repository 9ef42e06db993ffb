package memorydb

import (
	"context"
	"testing"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// BenchmarkFullCall is one CopySnapshot call over loopback to a server
// answering with a full snapshot: ours and the official client in each
// protocol (awsJson1_1 is ours by default, rpcv2Cbor the official client's;
// the rpcv2Cbor runs are named impl=ours-cbor and impl=official-cbor),
// and the two net/http floors of the JSON call (pre-signed bytes; build,
// hash and sign each request).
func BenchmarkFullCall(b *testing.B) {
	client := kit.NewHTTPClient()
	ctx := context.Background()
	for _, p := range protocols {
		srv := kit.ServeCanned(b, p.full)
		b.Run("impl=ours"+p.benchSuffix, func(b *testing.B) {
			c, in := newOurs(client, srv.URL, p.ours), oursInput()
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				if _, err := c.CopySnapshot(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=official"+p.benchSuffix, func(b *testing.B) {
			c, in := newOfficial(client, srv.URL, p.official), officialInput()
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				if _, err := c.CopySnapshot(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	srv := kit.ServeCanned(b, fullResponse())
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
	// The signed floor with the request body behind a reader type net/http
	// does not know, as our client's is: net/http then flushes the headers
	// before writing the body, one more write on the connection.
	b.Run("impl=nethttp-signed-opaquebody", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.SignedOpaque(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClientSide is one CopySnapshot call with an HTTP client that
// answers at once: validation, encoding, signing, and decoding alone, in
// each protocol (named as in BenchmarkFullCall).
func BenchmarkClientSide(b *testing.B) {
	ctx := context.Background()
	for _, p := range protocols {
		canned := &kit.CannedClient{Response: p.full}
		b.Run("impl=ours"+p.benchSuffix, func(b *testing.B) {
			c, in := newOurs(canned, "", p.ours), oursInput()
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				if _, err := c.CopySnapshot(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=official"+p.benchSuffix, func(b *testing.B) {
			c, in := newOfficial(canned, "", p.official), officialInput()
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				if _, err := c.CopySnapshot(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
