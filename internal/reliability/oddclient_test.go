package reliability_test

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// oddHTTPClient answers with whatever its function returns.
type oddHTTPClient func(*http.Request) (*http.Response, error)

func (f oddHTTPClient) Do(req *http.Request) (*http.Response, error) { return f(req) }

// failingBody fails every read.
type failingBody struct{}

func (failingBody) Read([]byte) (int, error) { return 0, errors.New("the connection broke") }
func (failingBody) Close() error             { return nil }

// closeCounting counts the response bodies its client hands out and the
// ones closed.
type closeCounting struct {
	handedOut, closed atomic.Int32
}

// wrap returns client with each body it hands out counted.
func (c *closeCounting) wrap(client oddHTTPClient) oddHTTPClient {
	return func(req *http.Request) (*http.Response, error) {
		resp, err := client(req)
		if resp != nil && resp.Body != nil {
			c.handedOut.Add(1)
			resp.Body = &countedClose{ReadCloser: resp.Body, closed: &c.closed}
		}
		return resp, err
	}
}

// countedClose counts its first Close.
type countedClose struct {
	io.ReadCloser
	once   sync.Once
	closed *atomic.Int32
}

func (b *countedClose) Close() error {
	b.once.Do(func() { b.closed.Add(1) })
	return b.ReadCloser.Close()
}

// TestOddHTTPClients gives each operation HTTP clients that misbehave:
// neither a response nor an error, a response without a body or header,
// status 0, a body that fails to read, a response with an error. Each call
// returns an output or an error, never both, and never panics, on the
// direct path and on the middleware-stack path; every body handed out is
// closed, and a response that came with an error gives the error its
// status, as in the official clients.
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
			return &http.Response{StatusCode: http.StatusBadGateway, Body: io.NopCloser(strings.NewReader(`{}`))}, errors.New("both")
		}, false},
	}
	for _, op := range ops {
		for _, tc := range cases {
			for _, stack := range []bool{false, true} {
				t.Run(op.name+"/"+tc.name+"/stack "+strconv.FormatBool(stack), func(t *testing.T) {
					t.Parallel()
					bodies := &closeCounting{}
					c := newClients(settings{endpoint: "https://service.example", httpClient: bodies.wrap(tc.client), stack: stack})
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
					if handedOut, closed := bodies.handedOut.Load(), bodies.closed.Load(); closed != handedOut {
						t.Errorf("%d of the %d response bodies handed out were closed", closed, handedOut)
					}
					var respErr *awshttp.ResponseError
					if tc.name == "response and error" && (!errors.As(err, &respErr) || respErr.HTTPStatusCode() != http.StatusBadGateway) {
						t.Errorf("error %v does not carry the response's status %d", err, http.StatusBadGateway)
					}
				})
			}
		}
	}
}
