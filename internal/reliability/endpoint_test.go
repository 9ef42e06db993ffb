package reliability_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/transport"
)

// cannedHTTPClient answers every request with 200 and an empty JSON
// object, without a network.
type cannedHTTPClient struct{}

func (cannedHTTPClient) Do(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Header: http.Header{}, Request: req,
		Body: io.NopCloser(strings.NewReader(`{}`)), ContentLength: 2,
	}, nil
}

// TestPlainHTTPIsRefused points each operation at plain-http endpoints
// that are not loopback, some dressed up as loopback: nothing is sent
// and the call fails with ErrInsecureEndpoint; other schemes, and URLs
// without a scheme or a host, are refused too.
func TestPlainHTTPIsRefused(t *testing.T) {
	t.Parallel()
	refused := []string{
		"http://example.com", "http://10.0.0.1:8080", "http://localhost.example.com",
		"http://127.0.0.1.nip.io", "http://0.0.0.0:4566", "http://[::]:4566", "HTTP://example.com",
	}
	for _, op := range ops {
		for _, endpoint := range append(refused, "ftp://example.com", "file:///etc/passwd", "relative/path", "https://", "https:///path", "https://user:secret-pass@/path") {
			t.Run(op.name+"/"+endpoint, func(t *testing.T) {
				t.Parallel()
				rec := &recorder{next: cannedHTTPClient{}}
				_, err := op.call(testContext(t), newClients(settings{endpoint: endpoint, httpClient: rec}), 0)
				if err == nil || strings.HasPrefix(strings.ToLower(endpoint), "http:") && !errors.Is(err, endpoints.ErrInsecureEndpoint) {
					t.Fatalf("got %v, want the endpoint refused", err)
				}
				checkOperationError(t, err, op.name)
				if strings.Contains(err.Error(), "secret-pass") {
					t.Errorf("the error shows the endpoint's password: %v", err)
				}
				if n := len(rec.sent()); n != 0 {
					t.Errorf("%d requests sent", n)
				}
			})
		}
	}
}

// TestPlainHTTPAllowed checks the plain-http endpoints that are allowed:
// loopback hosts, and any host once EndpointOptions.DisableHTTPS opts in;
// each request goes to the endpoint's host and under its path.
func TestPlainHTTPAllowed(t *testing.T) {
	t.Parallel()
	cases := []struct {
		endpoint     string
		disableHTTPS bool
	}{
		{"http://127.0.0.1:4566", false},
		{"http://127.5.6.7", false},
		{"http://localhost:4566", false},
		{"http://LOCALHOST", false},
		{"http://[::1]:4566", false},
		{"http://example.com", true},
		{"http://10.0.0.1:8080", true},
		{"https://example.com", false},
		{"https://service.internal.example:8443/prefix", false},
		{"https://service.internal.example:8443/prefix", true},
	}
	for _, op := range ops {
		for _, tc := range cases {
			t.Run(op.name+"/"+tc.endpoint+"/"+strconv.FormatBool(tc.disableHTTPS), func(t *testing.T) {
				t.Parallel()
				rec := &recorder{next: cannedHTTPClient{}}
				c := newClients(settings{endpoint: tc.endpoint, httpClient: rec, disableHTTPS: tc.disableHTTPS})
				if _, err := op.call(testContext(t), c, 0); err != nil {
					t.Fatalf("call failed: %v", err)
				}
				requests := rec.sent()
				if len(requests) != 1 {
					t.Fatalf("%d requests sent, want 1", len(requests))
				}
				// DisableHTTPS turns an https endpoint into plain http,
				// keeping its host, port and path.
				want, _ := url.Parse(tc.endpoint)
				if tc.disableHTTPS {
					want.Scheme = "http"
				}
				if got := requests[0]; !strings.EqualFold(got.url, want.Scheme+"://"+want.Host) || !strings.HasPrefix(got.uri, want.Path) {
					t.Errorf("the request went to %s%s", got.url, got.uri)
				}
			})
		}
	}
}

// redirectClients are the HTTP clients a caller may hand the clients: the
// one they build themselves, a plain *http.Client, the BuildableClient
// config.LoadDefaultConfig puts in aws.Config, and another implementation
// (here one around a plain *http.Client) whose policy the client cannot
// see or change.
var redirectClients = []struct {
	name   string
	client func() aws.HTTPClient
	opaque bool
}{
	{"default", func() aws.HTTPClient { return nil }, false},
	// Each client has a transport of its own: httptest.Server.Close closes
	// the idle connections of http.DefaultTransport, which would break the
	// requests of the tests running beside it.
	{"http.Client", func() aws.HTTPClient { return &http.Client{Transport: ownTransport()} }, false},
	{"BuildableClient", func() aws.HTTPClient { return awshttp.NewBuildableClient() }, false},
	{"other", func() aws.HTTPClient { return oddHTTPClient((&http.Client{Transport: ownTransport()}).Do) }, true},
}

// ownTransport returns a transport like http.DefaultTransport, not shared.
func ownTransport() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }

// TestRedirectsAreNotFollowed answers each operation with every redirect
// status, pointing at a second server on another port, through each kind
// of HTTP client. The call fails, and nothing of the request reaches the
// Location: with an *http.Client or a BuildableClient the call fails with
// the redirect's status and request ID. A client the call cannot see
// into never re-sends the body (it cannot be replayed), and the answer
// from elsewhere is refused, not decoded.
func TestRedirectsAreNotFollowed(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, hc := range redirectClients {
			for _, status := range []int{301, 302, 303, 307, 308} {
				t.Run(op.name+"/"+hc.name+"/"+strconv.Itoa(status), func(t *testing.T) {
					t.Parallel()
					var reached atomic.Int64
					var leaked atomic.Value
					elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						reached.Add(1)
						body, _ := io.ReadAll(r.Body)
						if len(body) > 0 {
							leaked.Store(fmt.Sprintf("a body of %d bytes", len(body)))
						}
						w.Header().Set("X-Amzn-Requestid", hostileRequestID)
						w.WriteHeader(http.StatusOK)
						_, _ = w.Write([]byte(`{}`))
					}))
					t.Cleanup(elsewhere.Close)
					redirector := newHostile(t, func(_ *hostile, w http.ResponseWriter, _ *http.Request) {
						w.Header().Set("Location", elsewhere.URL+"/stolen")
						w.WriteHeader(status)
					})
					client := hc.client()
					plain, _ := client.(*http.Client)
					c := newClients(settings{
						endpoint: redirector.url, httpClient: client,
						credentials: credentials.NewStaticCredentialsProvider("AKIDREDIRECT", "SECRETREDIRECT", "SESSIONREDIRECT"),
					})
					_, err := op.call(testContext(t), c, 0)
					if err == nil {
						t.Fatal("the call succeeded")
					}
					checkOperationError(t, err, op.name)
					if plain != nil && plain.CheckRedirect != nil {
						t.Error("the caller's http.Client was modified")
					}
					if n := redirector.requests.Load(); n != 1 {
						t.Errorf("%d attempts, want 1", n)
					}
					if what := leaked.Load(); what != nil {
						t.Errorf("the Location received %s", what)
					}
					if hc.opaque && status < 307 {
						// That client follows 301, 302 and 303 with a GET
						// without body; its answer must not be taken.
						var redirected *transport.RedirectedError
						if !errors.As(err, &redirected) || !strings.Contains(err.Error(), elsewhere.URL) {
							t.Errorf("got %v, want the answer from elsewhere refused", err)
						}
						return
					}
					checkResponseError(t, err, status)
					if n := reached.Load(); n != 0 {
						t.Errorf("the redirect was followed: %d requests reached the Location", n)
					}
				})
			}
		}
	}
}
