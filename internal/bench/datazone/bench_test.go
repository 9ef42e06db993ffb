package datazone

import (
	"context"
	"testing"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// BenchmarkFullCall is one CreateAssetRevision call over loopback to a server
// answering with a full asset revision: ours, the official client, and the two
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
			if _, err := c.CreateAssetRevision(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(client, srv.URL), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateAssetRevision(ctx, in); err != nil {
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

// BenchmarkClientSide is one CreateAssetRevision call with an HTTP client that
// answers at once: validation, encoding, signing, and decoding alone.
func BenchmarkClientSide(b *testing.B) {
	canned := &kit.CannedClient{Response: fullResponse()}
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(canned, ""), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateAssetRevision(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(canned, ""), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateAssetRevision(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
