package programs

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// requestRecorder is a program's own HTTP client: it describes the
// request the client hands it, what a transport that inspects or rewrites
// requests reads, and answers with the service's success.
type requestRecorder struct {
	answer answer
	seen   string
}

func (r *requestRecorder) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil { // none when a program removed the serializer
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	var names []string
	for name := range req.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	// The credential scope of the signature: the signed headers and the
	// signature itself differ by the official amz-sdk-invocation-id.
	scope, _, _ := strings.Cut(req.Header.Get("Authorization"), ",")
	r.seen = fmt.Sprintf("%s %s\nHost %q, Proto %q %d.%d, ContentLength %d, TransferEncoding %v, Close %v, GetBody %v\n"+
		"URL: Opaque %q, Path %q, RawPath %q, EscapedPath %q, RawQuery %q, Fragment %q, User %v\nbody: %d bytes\nheaders: %s\n%s\n",
		req.Method, req.URL, req.Host, req.Proto, req.ProtoMajor, req.ProtoMinor, req.ContentLength, req.TransferEncoding, req.Close,
		req.GetBody != nil, req.URL.Opaque, req.URL.Path, req.URL.RawPath, req.URL.EscapedPath(), req.URL.RawQuery, req.URL.Fragment,
		req.URL.User, len(body), strings.Join(names, " "), scope)
	header := http.Header{}
	for k, v := range r.answer.header {
		header.Set(k, v)
	}
	return &http.Response{StatusCode: r.answer.status, Header: header, Body: io.NopCloser(strings.NewReader(r.answer.body)),
		ContentLength: int64(len(r.answer.body)), Request: req}, nil
}

// TestRequestHandedToHTTPClient compares the *http.Request each client
// hands the program's HTTP client: its method, URL and the parts of it,
// Host, protocol version, length, framing, GetBody, body length, the
// names of its headers and the credential scope it is signed for. Header
// values are compared in the wire tests; on the direct path ours sends no
// amz-sdk-invocation-id (a deliberate difference), so that name is added
// to ours before comparing. Each call goes to the default endpoint and to
// base endpoints with a path, escapes, a query, a fragment, user
// information and ports, on the direct path and, with one APIOptions
// middleware, on the middleware-stack path.
func TestRequestHandedToHTTPClient(t *testing.T) {
	endpoints := []string{"", "https://example.com/base?a=b", "https://example.com/base/?a=b#frag",
		"https://user:pw@example.com:8443/b%2Fc/", "https://example.com//double//", "https://EXAMPLE.com",
		"https://example.com:443/", "http://localhost:80/x", "https://[::1]:8443/p", "https://example.com/%7Euser/",
		"https://example.com/a%20b/", "https://example.com/x;y=1/", "https://example.com/caf%C3%A9/"}
	for _, s := range services {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			for _, endpoint := range endpoints {
				for _, stack := range []bool{false, true} {
					seen := func(call func(context.Context, aws.Config) error) string {
						recorder := &requestRecorder{answer: s.ok}
						cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1,
							Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
						if endpoint != "" {
							cfg.BaseEndpoint = aws.String(endpoint)
						}
						cfg.APIOptions = onStack(stack)
						if err := call(context.Background(), cfg); err != nil {
							t.Fatalf("endpoint %q: %v", endpoint, err)
						}
						return recorder.seen
					}
					ours, official := seen(s.callOurs), seen(s.callOfficial)
					if !strings.Contains(ours, "Amz-Sdk-Invocation-Id") {
						ours = strings.Replace(ours, " Amz-Sdk-Request", " Amz-Sdk-Invocation-Id Amz-Sdk-Request", 1)
					}
					if ours != official {
						t.Errorf("endpoint %q, middleware stack %v: requests differ\nours:\n%s\nofficial:\n%s", endpoint, stack, ours, official)
					}
				}
			}
		})
	}
}

// compareRequests calls every operation through both clients, on the
// direct path and, with one APIOptions middleware, on the middleware-stack
// path, with configure applied to the aws.Config, and reports where the
// requests handed to the HTTP client (credential scope included) or the
// calls' errors differ; name names the case.
func compareRequests(t *testing.T, name string, configure func(*aws.Config)) {
	t.Helper()
	for _, s := range services {
		for _, stack := range []bool{false, true} {
			seen := func(call func(context.Context, aws.Config) error) string {
				recorder := &requestRecorder{answer: s.ok}
				cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, APIOptions: onStack(stack),
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				configure(&cfg)
				err := call(context.Background(), cfg)
				return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1) + fmt.Sprint("error: ", err)
			}
			if ours, official := seen(s.callOurs), seen(s.callOfficial); ours != official {
				t.Errorf("%s, %s, middleware stack %v: differ\nours:\n%s\nofficial:\n%s", s.name, name, stack, ours, official)
			}
		}
	}
}
