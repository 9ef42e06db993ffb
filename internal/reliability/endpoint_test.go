package reliability_test

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/endpoints"
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
// and the call fails with ErrInsecureEndpoint; other schemes are refused
// too.
func TestPlainHTTPIsRefused(t *testing.T) {
	t.Parallel()
	refused := []string{
		"http://example.com", "http://10.0.0.1:8080", "http://localhost.example.com",
		"http://127.0.0.1.nip.io", "http://0.0.0.0:4566", "http://[::]:4566", "HTTP://example.com",
	}
	for _, op := range ops {
		for _, endpoint := range append(refused, "ftp://example.com", "file:///etc/passwd") {
			t.Run(op.name+"/"+endpoint, func(t *testing.T) {
				t.Parallel()
				rec := &recorder{next: cannedHTTPClient{}}
				_, err := op.call(testContext(t), newClients(settings{endpoint: endpoint, httpClient: rec}), 0)
				if err == nil || strings.HasPrefix(strings.ToLower(endpoint), "http:") && !errors.Is(err, endpoints.ErrInsecureEndpoint) {
					t.Fatalf("got %v, want the endpoint refused", err)
				}
				checkOperationError(t, err, op.name)
				if n := len(rec.sent()); n != 0 {
					t.Errorf("%d requests sent", n)
				}
			})
		}
	}
}

// TestPlainHTTPAllowed checks the plain-http endpoints that are allowed:
// loopback hosts, and any host once EndpointOptions.DisableHTTPS opts in.
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
				if n := len(rec.sent()); n != 1 {
					t.Errorf("%d requests sent, want 1", n)
				}
			})
		}
	}
}

// TestRedirectsAreNotFollowed answers each operation with every redirect
// status, pointing at a second server: with the client's default HTTP
// client the signed request is never sent to the Location, and the call
// fails with the redirect's status.
func TestRedirectsAreNotFollowed(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, status := range []int{301, 302, 303, 307, 308} {
			t.Run(op.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				t.Parallel()
				elsewhere := newHostile(t, func(_ *hostile, w http.ResponseWriter, _ *http.Request) {
					w.WriteHeader(http.StatusOK)
					_, _ = w.Write([]byte(`{}`))
				})
				redirector := newHostile(t, func(_ *hostile, w http.ResponseWriter, _ *http.Request) {
					w.Header().Set("Location", elsewhere.url+"/stolen")
					w.WriteHeader(status)
				})
				_, err := op.call(testContext(t), newClients(settings{endpoint: redirector.url}), 0)
				if err == nil {
					t.Fatal("the call succeeded")
				}
				checkOperationError(t, err, op.name)
				checkResponseError(t, err, status)
				if n := elsewhere.requests.Load(); n != 0 {
					t.Errorf("the redirect was followed: %d requests reached the Location", n)
				}
				if n := redirector.requests.Load(); n != 1 {
					t.Errorf("%d attempts, want 1", n)
				}
			})
		}
	}
}
