package programs

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
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
			seen := func(call func(context.Context, aws.Config) error) string {
				recorder := &requestRecorder{answer: s.ok}
				cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, BaseEndpoint: aws.String(endpoint),
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				_ = call(context.Background(), cfg)
				return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1)
			}
			if ours, official := seen(s.callOurs), seen(s.callOfficial); ours != official {
				t.Fatalf("%s, endpoint %q: requests differ\nours:\n%s\nofficial:\n%s", s.name, endpoint, ours, official)
			}
		}
	})
}
