package reliability_test

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// oddHTTPClient answers with whatever its function returns.
type oddHTTPClient func(*http.Request) (*http.Response, error)

func (f oddHTTPClient) Do(req *http.Request) (*http.Response, error) { return f(req) }

// failingBody fails every read.
type failingBody struct{}

func (failingBody) Read([]byte) (int, error) { return 0, errors.New("the connection broke") }
func (failingBody) Close() error             { return nil }

// TestOddHTTPClients gives each operation HTTP clients that misbehave:
// neither a response nor an error, a response without a body or header,
// status 0, a body that fails to read. Each call returns an output or an
// error, never both, and never panics, on the direct path and on the
// middleware-stack path.
func TestOddHTTPClients(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		client  oddHTTPClient
		succeed bool
	}{
		{"nothing", func(*http.Request) (*http.Response, error) { return nil, nil }, false},
		{"no body, no header", func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: http.StatusOK}, nil
		}, true},
		{"status 0", func(*http.Request) (*http.Response, error) {
			return &http.Response{Body: io.NopCloser(strings.NewReader(`{}`))}, nil
		}, false},
		{"status 999", func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 999, Body: io.NopCloser(strings.NewReader(`{}`))}, nil
		}, false},
		{"failing body", func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: http.StatusOK, Body: failingBody{}, ContentLength: -1}, nil
		}, false},
		{"response and error", func(req *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(`{}`))}, errors.New("both")
		}, false},
	}
	for _, op := range ops {
		for _, tc := range cases {
			for _, stack := range []bool{false, true} {
				t.Run(op.name+"/"+tc.name+"/stack "+strconv.FormatBool(stack), func(t *testing.T) {
					t.Parallel()
					c := newClients(settings{endpoint: "https://service.example", httpClient: tc.client, stack: stack})
					out, err := op.call(testContext(t), c, 0)
					if isNilPointer(out) == (err == nil) {
						t.Fatalf("output %v and error %v", out, err)
					}
					if (err == nil) != tc.succeed {
						t.Fatalf("error %v", err)
					}
					if err != nil {
						checkOperationError(t, err, op.name)
					}
				})
			}
		}
	}
}
