package programs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// brokenBody yields its bytes, then err in place of the end (io.EOF for a
// body that ends), and closes with closeErr.
type brokenBody struct {
	r        io.Reader
	err      error
	closeErr error
}

func (b *brokenBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		err = b.err
	}
	return n, err
}

func (b *brokenBody) Close() error { return b.closeErr }

// brokenAnswer is an HTTP client whose answer's body breaks off. With
// sendErr, the answer comes with that error, as a program's own HTTP
// client may hand back both.
type brokenAnswer struct {
	status        int
	body          string
	contentLength int64
	err, closeErr error
	sendErr       error
}

func (a *brokenAnswer) Do(req *http.Request) (*http.Response, error) {
	if _, err := io.Copy(io.Discard, req.Body); err != nil {
		return nil, err
	}
	header := http.Header{}
	header.Set(requestID, "request-1")
	return &http.Response{StatusCode: a.status, Header: header,
		Body: &brokenBody{r: strings.NewReader(a.body), err: a.err, closeErr: a.closeErr}, ContentLength: a.contentLength, Request: req}, a.sendErr
}

// logMode is a ClientLogMode with a name for test output.
type logMode struct {
	name string
	mode aws.ClientLogMode
}

// logModes log no requests or responses, then both without their bodies,
// then both with their bodies.
var logModes = []logMode{
	{"no log", 0},
	{"LogRequest|LogResponse", aws.LogRequest | aws.LogResponse},
	{"LogRequestWithBody|LogResponseWithBody", aws.LogRequestWithBody | aws.LogResponseWithBody},
}

// TestBrokenResponseBodies compares the errors of a call whose answer's
// body breaks off, and what each client logs: a success and an error cut
// by a reset connection, a success shorter than its Content-Length (cut
// off, or ending early), a success and an error whose whole JSON arrived
// before the connection failed (which the clients of Neptune and DataZone
// decode), and bodies whose Close fails. Each runs on both paths, logging
// no requests or responses, logging them without their bodies, and with
// their bodies (where the official logging middleware reads the body
// first, and fails the call when it cannot). The retryer retries nothing:
// when such a failure is retried is a deliberate difference (README,
// "Deliberate differences").
func TestBrokenResponseBodies(t *testing.T) {
	reset := errors.New("read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer")
	closing := errors.New("close: connection already closed")
	for _, s := range services {
		half := func(a answer) string { return a.body[:len(a.body)/2] }
		cases := map[string]brokenAnswer{
			"success, reset":                    {status: s.ok.status, body: half(s.ok), contentLength: -1, err: reset},
			"success, truncated":                {status: s.ok.status, body: half(s.ok), contentLength: int64(len(s.ok.body)), err: io.ErrUnexpectedEOF},
			"error, reset":                      {status: s.modelled.status, body: half(s.modelled), contentLength: -1, err: reset},
			"503, reset":                        {status: 503, body: `{"mess`, contentLength: -1, err: reset},
			"whole success, reset":              {status: s.ok.status, body: " \n" + s.ok.body, contentLength: -1, err: reset},
			"whole success, short":              {status: s.ok.status, body: s.ok.body, contentLength: int64(len(s.ok.body)) + 9, err: io.ErrUnexpectedEOF},
			"whole error, reset":                {status: s.modelled.status, body: s.modelled.body, contentLength: -1, err: reset},
			"success, Close fails":              {status: s.ok.status, body: s.ok.body, contentLength: -1, err: io.EOF, closeErr: closing},
			"error, Close fails":                {status: s.modelled.status, body: s.modelled.body, contentLength: -1, err: io.EOF, closeErr: closing},
			"whole success, reset, Close fails": {status: s.ok.status, body: s.ok.body, contentLength: -1, err: reset, closeErr: closing},
			"success, Content-Length too long":  {status: s.ok.status, body: s.ok.body, contentLength: int64(len(s.ok.body)) + 9, err: io.EOF},
		}
		for name, answer := range cases {
			t.Run(s.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				for _, logMode := range logModes {
					for _, stack := range []bool{false, true} {
						failure := func(call func(context.Context, aws.Config) error) string {
							a := answer
							var logs []string
							cfg := aws.Config{Region: "us-west-2", HTTPClient: &a, Retryer: func() aws.Retryer { return aws.NopRetryer{} },
								APIOptions: onStack(stack), ClientLogMode: logMode.mode, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
								Logger: logging.LoggerFunc(func(classification logging.Classification, format string, v ...any) {
									logs = append(logs, logEntry(classification, format, v...))
								})}
							return fmt.Sprint(call(context.Background(), cfg)) + "\n" + strings.Join(logs, "\n")
						}
						ours, official := failure(s.callOurs), failure(s.callOfficial)
						if ours != official || (answer.err != io.EOF && !strings.Contains(ours, answer.err.Error())) {
							t.Errorf("%s, middleware stack %v: errors or logs differ\nours:     %s\nofficial: %s", logMode.name, stack, ours, official)
						}
					}
				}
			})
		}
	}
}

// TestProgramErrorAfterResponse compares what each client does with the
// body of a response when a program's own middleware, nearer the transport
// than the deserializer, fails after the response arrived: the body is
// drained and closed, and the schema-driven clients warn that draining and
// closing it failed. A response that came with an error is not logged,
// even when the log mode asks for responses.
func TestProgramErrorAfterResponse(t *testing.T) {
	reset := errors.New("read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer")
	rejected := errors.New("rejected by the program")
	reject := func(st *middleware.Stack) error {
		return st.Deserialize.Add(middleware.DeserializeMiddlewareFunc("Reject", func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
			middleware.DeserializeOutput, middleware.Metadata, error,
		) {
			out, metadata, err := next.HandleDeserialize(ctx, in)
			if err == nil {
				err = rejected
			}
			return out, metadata, err
		}), middleware.After)
	}
	for _, s := range services {
		for _, logMode := range []logMode{logModes[0], logModes[2]} {
			t.Run(s.name+"/"+logMode.name, func(t *testing.T) {
				failure := func(call func(context.Context, aws.Config) error) (string, int) {
					a := &brokenAnswer{status: s.ok.status, body: s.ok.body[:len(s.ok.body)/2], contentLength: -1, err: reset,
						closeErr: errors.New("close: connection already closed")}
					var logs []string
					cfg := aws.Config{Region: "us-west-2", HTTPClient: &countingCloses{answer: a}, Retryer: func() aws.Retryer { return aws.NopRetryer{} },
						APIOptions: []func(*middleware.Stack) error{reject}, ClientLogMode: logMode.mode, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
						Logger: logging.LoggerFunc(func(classification logging.Classification, format string, v ...any) {
							logs = append(logs, logEntry(classification, format, v...))
						})}
					err := call(context.Background(), cfg)
					return fmt.Sprint(err) + "\n" + strings.Join(logs, "\n"), cfg.HTTPClient.(*countingCloses).closes
				}
				ours, oursCloses := failure(s.callOurs)
				official, officialCloses := failure(s.callOfficial)
				if ours != official || !strings.Contains(ours, rejected.Error()) {
					t.Errorf("errors or logs differ\nours:     %s\nofficial: %s", ours, official)
				}
				if oursCloses != officialCloses || oursCloses == 0 {
					t.Errorf("the body was closed %d times; the official client closed it %d times", oursCloses, officialCloses)
				}
			})
		}
	}
}

// TestResponseWithSendError compares what each client does with a
// response a program's HTTP client hands back together with an error: the
// error carries the response's status and request ID, and the body is
// drained and closed (the schema-driven clients warning when that fails),
// on both paths and in every log mode.
func TestResponseWithSendError(t *testing.T) {
	sendErr := errors.New("the proxy answered 502")
	for _, s := range services {
		for _, closeErr := range []error{nil, errors.New("close: connection already closed")} {
			t.Run(fmt.Sprintf("%s/Close fails %v", s.name, closeErr != nil), func(t *testing.T) {
				t.Parallel()
				for _, logMode := range logModes {
					for _, stack := range []bool{false, true} {
						failure := func(call func(context.Context, aws.Config) error) (string, int) {
							a := &brokenAnswer{status: http.StatusBadGateway, body: "<html>Bad Gateway</html>", contentLength: -1, err: io.EOF,
								closeErr: closeErr, sendErr: sendErr}
							client := &countingCloses{answer: a}
							var logs []string
							cfg := aws.Config{Region: "us-west-2", HTTPClient: client, Retryer: func() aws.Retryer { return aws.NopRetryer{} },
								APIOptions: onStack(stack), ClientLogMode: logMode.mode, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
								Logger: logging.LoggerFunc(func(classification logging.Classification, format string, v ...any) {
									logs = append(logs, logEntry(classification, format, v...))
								})}
							err := call(context.Background(), cfg)
							return fmt.Sprint(err) + "\n" + strings.Join(logs, "\n"), client.closes
						}
						ours, oursCloses := failure(s.callOurs)
						official, officialCloses := failure(s.callOfficial)
						if ours != official || !strings.Contains(ours, "StatusCode: 502, RequestID: request-1") {
							t.Errorf("%s, middleware stack %v: errors or logs differ\nours:     %s\nofficial: %s", logMode.name, stack, ours, official)
						}
						if oursCloses != officialCloses || oursCloses == 0 {
							t.Errorf("%s, middleware stack %v: the body was closed %d times; the official client closed it %d times",
								logMode.name, stack, oursCloses, officialCloses)
						}
					}
				}
			})
		}
	}
}

// TestBodyAfterCall compares the response body a program finds after a
// call, in the response the error carries or (the same *http.Response)
// in the result's raw response: a success, a modelled error and a
// response handed back with a send error, on both paths. The HTTP
// client's bodies fail a read after Close, as net/http's do; each client
// closes the body once and leaves it in the response, closed.
func TestBodyAfterCall(t *testing.T) {
	for _, s := range services {
		answers := map[string]brokenAnswer{
			"success":         {status: s.ok.status, body: s.ok.body, contentLength: -1, err: io.EOF},
			"modelled error":  {status: s.modelled.status, body: s.modelled.body, contentLength: -1, err: io.EOF},
			"with send error": {status: http.StatusBadGateway, body: "<html>Bad Gateway</html>", contentLength: -1, err: io.EOF, sendErr: errors.New("the proxy answered 502")},
		}
		for name, answer := range answers {
			t.Run(s.name+"/"+name, func(t *testing.T) {
				for _, stack := range []bool{false, true} {
					after := func(call func(context.Context, aws.Config) error) string {
						a := answer
						client := &keepingResponse{answer: &a}
						cfg := aws.Config{Region: "us-west-2", HTTPClient: client, Retryer: func() aws.Retryer { return aws.NopRetryer{} },
							APIOptions: onStack(stack), Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
						callErr := call(context.Background(), cfg)
						n, readErr := client.resp.Body.Read(make([]byte, 16))
						return fmt.Sprintf("call: %v\nread after the call: %d, %v; closed %d times", callErr, n, readErr, client.closes)
					}
					ours, official := after(s.callOurs), after(s.callOfficial)
					if ours != official || !strings.Contains(ours, errReadAfterClose.Error()+"; closed 1 times") {
						t.Errorf("middleware stack %v: the bodies differ after the call\nours:     %s\nofficial: %s", stack, ours, official)
					}
				}
			})
		}
	}
}

// keepingResponse is an HTTP client answering with answer whose bodies
// fail a read after Close, as net/http's do. It keeps the last response
// and counts how often its bodies are closed.
type keepingResponse struct {
	answer *brokenAnswer
	resp   *http.Response
	closes int
}

func (k *keepingResponse) Do(req *http.Request) (*http.Response, error) {
	resp, err := k.answer.Do(req)
	if resp != nil {
		resp.Body = &closableBody{ReadCloser: resp.Body, closes: &k.closes}
		k.resp = resp
	}
	return resp, err
}

// errReadAfterClose is what a closableBody's Read returns once closed.
var errReadAfterClose = errors.New("read on closed response body")

// closableBody counts the calls of Close and fails reads after the first.
type closableBody struct {
	io.ReadCloser
	closes *int
}

func (c *closableBody) Read(p []byte) (int, error) {
	if *c.closes > 0 {
		return 0, errReadAfterClose
	}
	return c.ReadCloser.Read(p)
}

func (c *closableBody) Close() error {
	*c.closes++
	return c.ReadCloser.Close()
}

// countingCloses is an HTTP client answering with answer, counting how
// often its response bodies are closed.
type countingCloses struct {
	answer *brokenAnswer
	closes int
}

func (c *countingCloses) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.answer.Do(req)
	if resp != nil {
		resp.Body = &closeCounter{ReadCloser: resp.Body, closes: &c.closes}
	}
	return resp, err
}

// closeCounter counts the calls of Close.
type closeCounter struct {
	io.ReadCloser
	closes *int
}

func (c *closeCounter) Close() error {
	*c.closes++
	return c.ReadCloser.Close()
}

// TestDeadlineWhileReading compares the errors of a call whose context
// ends while it waits for the answer: before the response's headers, and
// after half of its body. Once the context is done no attempt can follow,
// and both clients end the same way: for a body cut off, the standard
// retryer refuses a retry token for the context, and its refusal is
// joined to the failure, for the operations this client does not retry
// after a broken body too. The deadline leaves a second for each call to
// reach the server and have half the body, so a busy machine still meets
// it where the test means it to pass.
func TestDeadlineWhileReading(t *testing.T) {
	for _, s := range services {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			for _, half := range []bool{false, true} {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					// Reading the request whole lets the server notice the
					// client hanging up, which ends r's context.
					_, _ = io.Copy(io.Discard, r.Body)
					if half {
						w.Header().Set(requestID, "request-1")
						w.Header().Set("Content-Length", strconv.Itoa(len(s.ok.body)))
						w.WriteHeader(s.ok.status)
						_, _ = io.WriteString(w, s.ok.body[:len(s.ok.body)/2])
						w.(http.Flusher).Flush()
					}
					<-r.Context().Done() // until the client gives up
				}))
				for _, stack := range []bool{false, true} {
					failure := func(call func(context.Context, aws.Config) error) error {
						ctx, cancel := context.WithTimeout(context.Background(), time.Second)
						defer cancel()
						return call(ctx, aws.Config{Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), APIOptions: onStack(stack),
							Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")})
					}
					ours, official := failure(s.callOurs), failure(s.callOfficial)
					if fmt.Sprint(ours) != fmt.Sprint(official) {
						t.Errorf("half a body %v, middleware stack %v: errors differ\nours:     %v\nofficial: %v", half, stack, ours, official)
					}
					// Cut off in the body, the error carries the answer's status.
					gotStatus := strings.Contains(fmt.Sprint(ours), fmt.Sprintf("StatusCode: %d,", s.ok.status))
					if !errors.Is(ours, context.DeadlineExceeded) || gotStatus != half {
						t.Errorf("half a body %v, middleware stack %v: error %v", half, stack, ours)
					}
				}
				srv.Close()
			}
		})
	}
}
