package programs

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// TestSpansWithDefaultHTTPClient calls every operation with a
// TracerProvider and each client's own default HTTP client over loopback,
// so the transport dials, and compares the spans both record: the
// official transport's dialer adds the peer to the HTTP request's span.
func TestSpansWithDefaultHTTPClient(t *testing.T) {
	for _, s := range services {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			spans := func(call func(context.Context, aws.Config) error) string {
				observer := kit.NewObserver()
				cfg := aws.Config{Region: "us-west-2", BaseEndpoint: aws.String(serve(t, []answer{s.ok}, nil)), RetryMaxAttempts: 1,
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, options any) {
					reflect.ValueOf(options).Elem().FieldByName("TracerProvider").Set(reflect.ValueOf(observer.Tracer))
				})
				if err := call(context.Background(), cfg); err != nil {
					t.Fatal(err)
				}
				return strings.Join(observer.Observe(&kit.Script{}, middleware.Metadata{}, nil, nil).Spans, "\n")
			}
			ours, official := spans(s.callOurs), spans(s.callOfficial)
			if diff := cmp.Diff(official, ours); diff != "" || !strings.Contains(ours, "net.peer.host") {
				t.Errorf("spans differ (-official +ours):\n%s", diff)
			}
		})
	}
}
