package memorydb

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
)

// BenchmarkClientSideOneMiddleware is one CopySnapshot call (awsJson1_1)
// with one APIOptions middleware, smithyhttp.AddHeaderValue, answered at
// once: our client then runs its middleware stack, the official client
// its own. impl=ours-direct is our call without the middleware, for
// scale.
func BenchmarkClientSideOneMiddleware(b *testing.B) {
	ctx := context.Background()
	canned := &kit.CannedClient{Response: jsonProtocol.full}
	header := smithyhttp.AddHeaderValue("X-Trace", "1")
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(canned, "", jsonProtocol.ours, ours.WithAPIOptions(header)), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CopySnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(canned, "", jsonProtocol.official, official.WithAPIOptions(header)), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CopySnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=ours-direct", func(b *testing.B) {
		c, in := newOurs(canned, "", jsonProtocol.ours), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CopySnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
