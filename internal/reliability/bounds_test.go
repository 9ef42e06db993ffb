package reliability_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/transport"
)

// hostileRequestID is the request ID every hostile answer carries.
const hostileRequestID = "req-hostile"

// hostile is a server that answers every request with its handler and
// counts the connections it accepted, the requests and the body bytes it
// managed to write.
type hostile struct {
	url      string
	conns    atomic.Int64
	requests atomic.Int64
	written  atomic.Int64
	done     chan struct{} // receives when one of the first handlers returns
}

// write writes p, counting what was written.
func (h *hostile) write(w http.ResponseWriter, p []byte) error {
	n, err := w.Write(p)
	h.written.Add(int64(n))
	return err
}

func newHostile(t *testing.T, handler func(h *hostile, w http.ResponseWriter, r *http.Request)) *hostile {
	t.Helper()
	h := &hostile{done: make(chan struct{}, 16)}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			select {
			case h.done <- struct{}{}:
			default: // nobody waits for this many handlers
			}
		}()
		h.requests.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Amzn-Requestid", hostileRequestID)
		handler(h, w, r)
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			h.conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	h.url = srv.URL
	return h
}

// waitHandlers waits until n handlers have returned.
func (h *hostile) waitHandlers(t *testing.T, n int) {
	t.Helper()
	for range n {
		select {
		case <-h.done:
		case <-time.After(10 * time.Second):
			t.Fatal("the server's handler is still writing: the client did not hang up")
		}
	}
}

// countingClient counts the response body bytes the client reads.
type countingClient struct{ read atomic.Int64 }

func (c *countingClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := plainHTTPClient.Do(req)
	if resp != nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, read: &c.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	read *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read.Add(int64(n))
	return n, err
}

const (
	responseLimit = 256 << 10 // the MaxResponseBytes of these tests
	offered       = 1 << 30   // what an endless body offers
)

// endless answers with status and a body that never ends (chunked, until
// offered bytes), flushed as it goes.
func endless(status int) func(h *hostile, w http.ResponseWriter, r *http.Request) {
	return func(h *hostile, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		chunk := bytes.Repeat([]byte("x"), 32<<10)
		if h.write(w, []byte(`{"message":"`)) != nil {
			return
		}
		for h.written.Load() < offered && r.Context().Err() == nil {
			if h.write(w, chunk) != nil {
				return
			}
		}
	}
}

// TestEndlessBodyIsCutOff answers each operation with a body that never
// ends: the call fails with a ResponseTooLargeError naming the limit, the
// client reads little more than the limit, and the server gets to write
// only a small part of what it offers.
func TestEndlessBodyIsCutOff(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, status := range []int{200, 400, 503} {
			t.Run(op.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				t.Parallel()
				h := newHostile(t, endless(status))
				counter := &countingClient{}
				c := newClients(settings{endpoint: h.url, httpClient: counter, maxResponseBytes: responseLimit})
				_, err := op.call(testContext(t), c, 0)
				var tooLarge *transport.ResponseTooLargeError
				if !errors.As(err, &tooLarge) || tooLarge.Limit != responseLimit ||
					!strings.Contains(err.Error(), "exceeds the limit of "+strconv.Itoa(responseLimit)+" bytes (Options.MaxResponseBytes)") {
					t.Fatalf("got %v, want a ResponseTooLargeError with limit %d", err, responseLimit)
				}
				checkResponseError(t, err, status)
				checkNotAPIError(t, err)
				attempts := h.requests.Load()
				want := int64(1)
				if status == 503 {
					want = 3 // a 5xx status is retried, every attempt cut off
				}
				if attempts != want {
					t.Errorf("%d attempts, want %d", attempts, want)
				}
				h.waitHandlers(t, int(attempts))
				perAttempt := counter.read.Load() / attempts
				if perAttempt > responseLimit+64<<10 {
					t.Errorf("the client read %d bytes per attempt with a limit of %d", perAttempt, responseLimit)
				}
				if written := h.written.Load(); written > 64<<20 {
					t.Errorf("the server wrote %d of the %d bytes it offered", written, int64(offered))
				}
				t.Logf("limit %d: read %d bytes per attempt; the server wrote %d of %d bytes in %d attempts",
					responseLimit, perAttempt, h.written.Load(), int64(offered)*attempts, attempts)
			})
		}
	}
}

// TestDeclaredLengthOverLimit answers each operation with a
// Content-Length over the limit: the call fails before reading any of
// the body.
func TestDeclaredLengthOverLimit(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			h := newHostile(t, func(h *hostile, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(offered))
				w.WriteHeader(http.StatusOK)
				_ = h.write(w, []byte(`{"a":"`))
				w.(http.Flusher).Flush()
				<-r.Context().Done()
			})
			counter := &countingClient{}
			c := newClients(settings{endpoint: h.url, httpClient: counter, maxResponseBytes: responseLimit})
			_, err := op.call(testContext(t), c, 0)
			var tooLarge *transport.ResponseTooLargeError
			if !errors.As(err, &tooLarge) || tooLarge.Length != offered {
				t.Fatalf("got %v, want a ResponseTooLargeError with the declared length", err)
			}
			checkResponseError(t, err, http.StatusOK)
			if read := counter.read.Load(); read != 0 {
				t.Errorf("the client read %d bytes of the body", read)
			}
			h.waitHandlers(t, 1)
		})
	}
}

// stalls are answers that stop coming.
var stalls = []struct {
	name    string
	handler func(h *hostile, w http.ResponseWriter, r *http.Request)
}{
	{"no headers", func(_ *hostile, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }},
	{"stalled body", func(h *hostile, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		_ = h.write(w, []byte(`{"a":`))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}},
	{"trickling body", func(h *hostile, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		_ = h.write(w, []byte(`{"a":"`))
		for r.Context().Err() == nil {
			if h.write(w, []byte("x")) != nil {
				return
			}
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond)
		}
	}},
}

// TestStallsEndWithTheContext answers each operation with headers that
// never come, a body that stops, and a body that trickles in forever: the
// call ends soon after its context's deadline, with DeadlineExceeded in
// its chain.
func TestStallsEndWithTheContext(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, op := range ops {
		for _, stall := range stalls {
			runConcurrently(t, &wg, op.name+"/"+stall.name, func(t *testing.T) {
				h := newHostile(t, stall.handler)
				c := newClients(settings{endpoint: h.url, httpClient: plainHTTPClient})
				// Long enough for the request to reach the server on a loaded
				// machine under the race detector; the stall does the rest.
				ctx, cancel := context.WithTimeout(testContext(t), time.Second)
				defer cancel()
				start := time.Now()
				_, err := op.call(ctx, c, 0)
				if elapsed := time.Since(start); elapsed > 5*time.Second {
					t.Errorf("the call took %v with a 1s deadline", elapsed)
				}
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("error %v does not wrap context.DeadlineExceeded", err)
				}
				checkOperationError(t, err, op.name)
				if n := h.requests.Load(); n != 1 {
					t.Errorf("%d attempts, want 1", n)
				}
				h.waitHandlers(t, 1)
			})
		}
	}
}

// malformed are answers whose bodies are not the JSON the protocol promises.
var malformed = []struct {
	name   string
	status int
	body   string
}{
	{"HTML 200", 200, `<html><body>It works!</body></html>`},
	{"HTML 403", 403, `<html><body>Forbidden</body></html>`},
	{"HTML 502", 502, `<html><body><h1>502 Bad Gateway</h1></body></html>`},
	{"truncated 200", 200, `{"Snapshot":{"Name":"copy","Status":"creat`},
	{"truncated 400", 400, `{"__type":"ValidationException","message":"bad`},
	{"not an object", 200, `["a","b"]`},
}

// TestMalformedBodies answers each operation with HTML and truncated JSON:
// the call fails with a DeserializationError, and the status and request
// ID are reachable through the ResponseError.
func TestMalformedBodies(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, m := range malformed {
			t.Run(op.name+"/"+m.name, func(t *testing.T) {
				t.Parallel()
				h := newHostile(t, func(h *hostile, w http.ResponseWriter, _ *http.Request) {
					w.WriteHeader(m.status)
					_ = h.write(w, []byte(m.body))
				})
				c := newClients(settings{endpoint: h.url, httpClient: plainHTTPClient})
				out, err := op.call(testContext(t), c, 0)
				if !isNilPointer(out) || !isDeserializationError(err) {
					t.Fatalf("got %v, %v; want a DeserializationError", out, err)
				}
				checkOperationError(t, err, op.name)
				checkResponseError(t, err, m.status)
				checkNotAPIError(t, err)
			})
		}
	}
}

// TestConnectionsReused makes several calls of each operation through
// one HTTP transport, answered with a success, an error of an unknown
// code, a 503 retried into a success and each malformed answer, with
// response bodies logged or not: each body is read to its end and closed,
// as the official clients drain and close it, so every call and every
// attempt use the one keep-alive connection.
func TestConnectionsReused(t *testing.T) {
	t.Parallel()
	type reply struct {
		status int
		body   string
	}
	cases := []struct {
		name  string
		reply func(o op, request int64) reply
	}{
		{"success", func(o op, _ int64) reply { return reply{http.StatusOK, o.answer} }},
		{"unknown error", func(op, int64) reply {
			return reply{http.StatusBadRequest, `{"__type":"NoSuchCodeException","message":"x"}`}
		}},
		{"503 retried", func(o op, request int64) reply {
			if request%2 == 1 {
				return reply{http.StatusServiceUnavailable, `<html>` + strings.Repeat("busy ", 1000) + `</html>`}
			}
			return reply{http.StatusOK, o.answer}
		}},
	}
	for _, m := range malformed {
		cases = append(cases, struct {
			name  string
			reply func(o op, request int64) reply
		}{m.name, func(op, int64) reply { return reply{m.status, m.body} }})
	}
	for _, op := range ops {
		for _, tc := range cases {
			for _, logBodies := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/log bodies %t", op.name, tc.name, logBodies), func(t *testing.T) {
					t.Parallel()
					h := newHostile(t, func(h *hostile, w http.ResponseWriter, _ *http.Request) {
						r := tc.reply(op, h.requests.Load())
						w.WriteHeader(r.status)
						_ = h.write(w, []byte(r.body))
					})
					client := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
					t.Cleanup(client.CloseIdleConnections)
					s := settings{endpoint: h.url, httpClient: client}
					if logBodies {
						s.logger, s.logMode = &logBuffer{}, aws.LogResponseWithBody
					}
					c := newClients(s)
					const calls = 4
					for n := range calls {
						if _, err := op.call(testContext(t), c, n); err != nil && tc.name == "success" {
							t.Fatalf("call %d: %v", n, err)
						}
					}
					if conns := h.conns.Load(); conns != 1 {
						t.Errorf("%d requests of %d calls took %d connections, want 1", h.requests.Load(), calls, conns)
					}
				})
			}
		}
	}
}

func checkResponseError(t *testing.T, err error, status int) {
	t.Helper()
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v has no ResponseError", err)
	}
	if respErr.HTTPStatusCode() != status || respErr.ServiceRequestID() != hostileRequestID {
		t.Errorf("status %d and request ID %q, want %d and %q: %v", respErr.HTTPStatusCode(), respErr.ServiceRequestID(), status, hostileRequestID, err)
	}
}

// checkNotAPIError checks that a malformed answer was not taken for an
// error of the service.
func checkNotAPIError(t *testing.T, err error) {
	t.Helper()
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		t.Errorf("malformed answer decoded as the API error %v", apiErr)
	}
}

// TestDefaultResponseBound answers each operation with an endless body
// and leaves MaxResponseBytes unset: the call fails once the default
// bound of 10 MiB is passed.
func TestDefaultResponseBound(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			h := newHostile(t, endless(http.StatusOK))
			counter := &countingClient{}
			_, err := op.call(testContext(t), newClients(settings{endpoint: h.url, httpClient: counter}), 0)
			var tooLarge *transport.ResponseTooLargeError
			if !errors.As(err, &tooLarge) || tooLarge.Limit != transport.DefaultMaxResponseBytes {
				t.Fatalf("got %v, want a ResponseTooLargeError with the default limit", err)
			}
			if read := counter.read.Load(); read < transport.DefaultMaxResponseBytes || read > transport.DefaultMaxResponseBytes+64<<10 {
				t.Errorf("the client read %d bytes with the default limit of %d", read, transport.DefaultMaxResponseBytes)
			}
			h.waitHandlers(t, 1)
		})
	}
}

// TestDeclaredLengthIsNotAllocated answers each operation with a
// Content-Length far above the bytes that follow, up to math.MaxInt64
// with a limit of math.MaxInt64: memory follows the bytes received, so
// no call panics or allocates the declared length up front. It measures
// allocation, so it does not run in parallel.
func TestDeclaredLengthIsNotAllocated(t *testing.T) {
	const body = `{}`
	cases := []struct {
		name     string
		declared int64
		limit    int64 // MaxResponseBytes; 0 for the default of 10 MiB
	}{
		{"10 MiB declared at the default limit", 10<<20 - 1, 0},
		{"1 GiB declared at a 64 GiB limit", 1 << 30, 64 << 30},
		{"MaxInt64 declared at a MaxInt64 limit", math.MaxInt64, math.MaxInt64},
		{"MaxInt64 - 1 declared at a MaxInt64 limit", math.MaxInt64 - 1, math.MaxInt64},
	}
	for _, op := range ops {
		for _, tc := range cases {
			t.Run(op.name+"/"+tc.name, func(t *testing.T) {
				client := oddHTTPClient(func(req *http.Request) (*http.Response, error) {
					return &http.Response{
						StatusCode: http.StatusOK, Header: http.Header{"X-Amzn-Requestid": {hostileRequestID}},
						Body: io.NopCloser(strings.NewReader(body)), ContentLength: tc.declared, Request: req,
					}, nil
				})
				c := newClients(settings{endpoint: "https://service.example", httpClient: client, maxResponseBytes: tc.limit})
				call := func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("the call panicked: %v", r)
						}
					}()
					if _, err := op.call(testContext(t), c, 0); err != nil {
						t.Fatalf("call failed: %v", err)
					}
				}
				call() // warm up the client
				const calls = 10
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for range calls {
					call()
				}
				runtime.ReadMemStats(&after)
				if perCall := (after.TotalAlloc - before.TotalAlloc) / calls; perCall > 256<<10 {
					t.Errorf("%d bytes allocated per call for a body of %d bytes", perCall, len(body))
				}
			})
		}
	}
}

// TestLongBodiesGrowAsRead answers each operation with a long body, its
// length declared or not, at the default limit and at math.MaxInt64: it
// is read whole and decoded.
func TestLongBodiesGrowAsRead(t *testing.T) {
	t.Parallel()
	body := `{` + strings.Repeat(" ", 3<<20) + `}`
	for _, op := range ops {
		for _, declared := range []bool{true, false} {
			for _, limit := range []int64{0, math.MaxInt64} {
				t.Run(fmt.Sprintf("%s/declared=%t/limit=%d", op.name, declared, limit), func(t *testing.T) {
					t.Parallel()
					h := newHostile(t, func(h *hostile, w http.ResponseWriter, r *http.Request) {
						if declared {
							w.Header().Set("Content-Length", strconv.Itoa(len(body)))
						}
						w.WriteHeader(http.StatusOK)
						_ = h.write(w, []byte(body))
					})
					c := newClients(settings{endpoint: h.url, httpClient: plainHTTPClient, maxResponseBytes: limit})
					if _, err := op.call(testContext(t), c, 0); err != nil {
						t.Fatalf("call failed: %v", err)
					}
				})
			}
		}
	}
}
