package programs

import (
	"context"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// FuzzBaseEndpoint calls every operation with an arbitrary https
// BaseEndpoint through both clients and compares the requests they hand
// the HTTP client (see TestRequestHandedToHTTPClient), or that neither
// sends one.
func FuzzBaseEndpoint(f *testing.F) {
	for _, seed := range []string{"https://example.com", "https://example.com/base?a=b#f", "https://u:p@example.com:8443/b%2Fc/",
		"https://example.com//x//", "https://example.com/%7E/a%20b/", "https://[::1]:1/p;q=1/", "https://example.com/caf%C3%A9/%zz"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, endpoint string) {
		u, err := url.Parse(endpoint)
		if err != nil || u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
			return // plain http and unparsable endpoints are refused by design; see the README
		}
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				seen := func(call func(context.Context, aws.Config) error) string {
					recorder := &requestRecorder{answer: s.ok}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, BaseEndpoint: aws.String(endpoint),
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), APIOptions: onStack(stack)}
					_ = call(context.Background(), cfg)
					return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1)
				}
				if ours, official := seen(s.callOurs), seen(s.callOfficial); ours != official {
					t.Fatalf("%s, endpoint %q, middleware stack %v: requests differ\nours:\n%s\nofficial:\n%s", s.name, endpoint, stack, ours, official)
				}
			}
		}
	})
}

// FuzzRegion calls every operation with an arbitrary region, and an
// arbitrary EndpointOptions.ResolvedRegion, through both clients and
// compares the requests they hand the HTTP client, credential scope
// included, or that neither sends one.
func FuzzRegion(f *testing.F) {
	for _, seed := range []string{"us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "fips-us-east-1",
		"us-east-1-fips", "aws-global", "", " ", "a/b", "UPPER-1", "x..y", "mars-north-9", "-", "a-.b"} {
		f.Add(seed, "")
		f.Add(seed, "eu-west-1")
	}
	f.Fuzz(func(t *testing.T, region, resolvedRegion string) {
		if strings.Contains(region, "fips-") || strings.Contains(region, "-fips") {
			return // a legacy FIPS region is signed for the plain one by design; see the README
		}
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				seen := func(call func(context.Context, aws.Config) error) string {
					recorder := &requestRecorder{answer: s.ok}
					cfg := aws.Config{Region: region, HTTPClient: recorder, RetryMaxAttempts: 1,
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), APIOptions: onStack(stack)}
					cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, options any) {
						reflect.ValueOf(options).Elem().FieldByName("EndpointOptions").FieldByName("ResolvedRegion").SetString(resolvedRegion)
					})
					err := call(context.Background(), cfg)
					if recorder.seen == "" {
						return fmt.Sprintf("not sent: %v", err)
					}
					return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1)
				}
				if ours, official := seen(s.callOurs), seen(s.callOfficial); ours != official {
					t.Fatalf("%s, region %q, resolved region %q, middleware stack %v: requests differ\nours:\n%s\nofficial:\n%s",
						s.name, region, resolvedRegion, stack, ours, official)
				}
			}
		}
	})
}

// onStack returns, when stack is set, one APIOptions middleware that adds
// a header, which sends a call through the middleware stack; else none.
func onStack(stack bool) []func(*middleware.Stack) error {
	if !stack {
		return nil
	}
	return []func(*middleware.Stack) error{smithyhttp.AddHeaderValue("X-Program", "1")}
}
