package memorydb

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
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

// BenchmarkPaired runs the comparisons the targets are stated in with both
// sides alternating within one benchmark (kit.Paired), so that their ratio
// holds still on a machine whose speed does not: a full call over loopback
// against the signed net/http floor (and against that floor sending the
// two headers the official clients send too), the client side alone
// against the official client in each protocol (named as in
// BenchmarkFullCall), and the client side with one APIOptions middleware
// against the official client with the same.
func BenchmarkPaired(b *testing.B) {
	// The full calls in awsJson1_1 (kit.PairOperation); the client side in
	// each protocol below.
	kit.PairOperation(b, fullResponse(), func(client kit.Doer, url string) kit.Call {
		return oursCall(client, url, jsonProtocol)
	}, nil, newFloor)
	for _, p := range protocols {
		b.Run("cmp=clientside"+p.benchSuffix, func(b *testing.B) {
			kit.PairClientSide(b, p.full,
				func(client kit.Doer, url string) kit.Call { return oursCall(client, url, p) },
				func(client kit.Doer) kit.Call {
					c, in := newOfficial(client, "", p.official), officialInput()
					return func(ctx context.Context) error { _, err := c.CopySnapshot(ctx, in); return err }
				})
		})
	}
	// One APIOptions middleware, as in BenchmarkClientSideOneMiddleware.
	header := smithyhttp.AddHeaderValue("X-Trace", "1")
	b.Run("cmp=middleware", func(b *testing.B) {
		kit.PairClientSide(b, jsonProtocol.full,
			func(client kit.Doer, url string) kit.Call {
				c, in := newOurs(client, url, jsonProtocol.ours, ours.WithAPIOptions(header)), oursInput()
				return func(ctx context.Context) error { _, err := c.CopySnapshot(ctx, in); return err }
			},
			func(client kit.Doer) kit.Call {
				c, in := newOfficial(client, "", jsonProtocol.official, official.WithAPIOptions(header)), officialInput()
				return func(ctx context.Context) error { _, err := c.CopySnapshot(ctx, in); return err }
			})
	})
}

// oursCall returns our client's call of the benchmarks in protocol p,
// through client to url ("" for the default endpoint).
func oursCall(client kit.Doer, url string, p wireProtocol) kit.Call {
	c, in := newOurs(client, url, p.ours), oursInput()
	return func(ctx context.Context) error { _, err := c.CopySnapshot(ctx, in); return err }
}
