package memorydb

import (
	"context"
	"net/http"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
)

// addHeader is a typical APIOptions entry: a build-step middleware that
// sets a header on every request.
func addHeader(stack *middleware.Stack) error {
	return stack.Build.Add(middleware.BuildMiddlewareFunc("AddTeamHeader",
		func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			if req, ok := in.Request.(*smithyhttp.Request); ok {
				req.Header.Set("X-Team", "data")
			}
			return next.HandleBuild(ctx, in)
		}), middleware.After)
}

// headerSeen answers like kit.CannedClient after checking that the
// middleware ran.
type headerSeen struct {
	kit.CannedClient
	tb testing.TB
}

func (c *headerSeen) Do(req *http.Request) (*http.Response, error) {
	if req.Header.Get("X-Team") != "data" {
		c.tb.Fatal("the middleware's header is missing")
	}
	return c.CannedClient.Do(req)
}

// BenchmarkMiddleware is one CopySnapshot call with one APIOptions
// middleware, answered at once (no network): our client's compatibility
// path (a middleware stack) against the official client with the same
// middleware.
func BenchmarkMiddleware(b *testing.B) {
	canned := &headerSeen{CannedClient: kit.CannedClient{Response: fullResponse()}, tb: b}
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(canned, "", jsonProtocol.ours, ours.WithAPIOptions(addHeader)), oursInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CopySnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c, in := newOfficial(canned, "", jsonProtocol.official, official.WithAPIOptions(addHeader)), officialInput()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CopySnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
