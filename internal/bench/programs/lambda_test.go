package programs

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// headerRecorder answers with a service's success and keeps the headers
// of the request it was handed.
type headerRecorder struct {
	answer answer
	header http.Header
}

func (r *headerRecorder) Do(req *http.Request) (*http.Response, error) {
	r.header = req.Header.Clone()
	return (&requestRecorder{answer: r.answer}).Do(req)
}

// TestLambdaTraceHeader runs every operation as in AWS Lambda with
// tracing (AWS_LAMBDA_FUNCTION_NAME and _X_AMZN_TRACE_ID set), on the
// direct path and on the middleware stack, and compares the
// X-Amzn-Trace-Id header both clients send (for a trace ID to encode and
// an empty one) and whether they sign it.
// (Not parallel: it sets the environment.)
func TestLambdaTraceHeader(t *testing.T) {
	t.Setenv("AWS_LAMBDA_FUNCTION_NAME", "orders")
	for _, traceID := range []string{"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1 /é", ""} {
		t.Setenv("_X_AMZN_TRACE_ID", traceID)
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				sent := func(call func(context.Context, aws.Config) error) (string, bool) {
					recorder := &headerRecorder{answer: s.ok}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1,
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), APIOptions: onStack(stack)}
					if err := call(context.Background(), cfg); err != nil {
						t.Fatalf("%s: %v", s.name, err)
					}
					return fmt.Sprintf("%q", recorder.header.Values("X-Amzn-Trace-Id")),
						strings.Contains(recorder.header.Get("Authorization"), "x-amzn-trace-id")
				}
				oursValue, oursSigned := sent(s.callOurs)
				officialValue, officialSigned := sent(s.callOfficial)
				if oursValue != officialValue || oursSigned != officialSigned || officialValue == "[]" {
					t.Errorf("%s, middleware stack %v: ours X-Amzn-Trace-Id %s (signed %v), official %s (signed %v)",
						s.name, stack, oursValue, oursSigned, officialValue, officialSigned)
				}
			}
		}
	}
}
