package reliability_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testutil"
)

// answer is a canned HTTP answer.
type answer struct {
	status int
	header map[string]string
	body   string
}

// scripted is an HTTP client that answers the requests it is sent with
// its answers in turn, the last one over and over, without a network.
type scripted struct {
	mu      sync.Mutex
	answers []answer
	next    int
}

func newScripted(answers ...answer) *recorder {
	return &recorder{next: &scripted{answers: answers}}
}

func (s *scripted) Do(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	a := s.answers[min(s.next, len(s.answers)-1)]
	s.next++
	s.mu.Unlock()
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	header := http.Header{"X-Amzn-Requestid": {hostileRequestID}}
	for k, v := range a.header {
		header.Set(k, v)
	}
	return &http.Response{
		StatusCode: a.status, Status: strconv.Itoa(a.status) + " " + http.StatusText(a.status), Header: header,
		Body: io.NopCloser(strings.NewReader(a.body)), ContentLength: int64(len(a.body)), Request: req,
	}, nil
}

// ok is a successful answer every operation takes.
var ok = answer{status: http.StatusOK, body: `{}`}

// scriptedClients are the five clients, each sending to s.
func scriptedClients(s *recorder, more settings) *clients {
	more.endpoint, more.httpClient = "https://service.example", s
	return newClients(more)
}

// TestRetryableAnswers answers the first attempt of a call of each
// operation with each form of an error worth retrying (a status alone, a
// page from a proxy, a throttling code in a header or in the body): the
// call is retried and succeeds.
func TestRetryableAnswers(t *testing.T) {
	t.Parallel()
	answers := []struct {
		name  string
		first answer
	}{
		{"503 without a body", answer{status: 503}},
		{"502 from a proxy", answer{status: 502, body: `<html><body>Bad Gateway</body></html>`}},
		{"500 with a coded header", answer{status: 500, header: map[string]string{
			"X-Amzn-ErrorType": "InternalServerException:http://internal.amazon.com/coral/"}, body: `{"message":"oops"}`}},
		{"429 with a throttling header", answer{status: 429, header: map[string]string{"X-Amzn-ErrorType": "ThrottlingException"}, body: `{}`}},
		{"400 with a throttling __type", answer{status: 400, body: `{"__type":"ThrottlingException","message":"Rate exceeded"}`}},
		{"429 TooManyRequestsException", answer{status: 429, body: `{"__type":"TooManyRequestsException"}`}},
		{"429 with a throttling code", answer{status: 429, body: `{"code":"ThrottlingException","message":"slow down"}`}},
	}
	for _, op := range ops {
		for _, a := range answers {
			t.Run(op.name+"/"+a.name, func(t *testing.T) {
				t.Parallel()
				rec := newScripted(a.first, ok)
				if _, err := op.call(testContext(t), scriptedClients(rec, settings{}), 0); err != nil {
					t.Fatalf("call failed: %v", err)
				}
				checkAttempts(t, op, rec.sent(), 2)
			})
		}
	}
}

// v1Retryer hides every method of a retryer but those of aws.Retryer, as
// a program's own retryer written against that interface would.
type v1Retryer struct{ aws.Retryer }

// setField returns a per-call option that sets the named field of any
// service's Options.
func setField(name string, v any) func(any) {
	return func(options any) { reflect.ValueOf(options).Elem().FieldByName(name).Set(reflect.ValueOf(v)) }
}

// TestRetriesStopAtMaxAttempts throttles, or fails with a server error,
// every attempt of a call of each operation: the call makes exactly the
// attempts allowed, by the client's retryer, by a retryer with only the
// methods of aws.Retryer, or by the call's RetryMaxAttempts, and fails
// with a MaxAttemptsError holding the service's last error.
func TestRetriesStopAtMaxAttempts(t *testing.T) {
	t.Parallel()
	faults := []struct {
		fault emulator.Fault
		code  map[string]string // the error code per operation; ThrottlingException when absent
	}{
		{fault: emulator.Fault{Kind: emulator.FaultThrottle, Count: 100}},
		{fault: emulator.Fault{Kind: emulator.FaultServerError, Status: 500, Count: 100}, code: map[string]string{
			emulator.OpCopySnapshot: "InternalFailure", emulator.OpGetExportSnapshotRecords: "ServiceException",
			emulator.OpCreateGraphSnapshot: "InternalServerException", emulator.OpCreateAssetRevision: "InternalServerException",
			emulator.OpCreateResourceSnapshot: "InternalServerException",
		}},
	}
	limits := []struct {
		name  string
		limit func(attempts int) (settings, []func(any))
	}{
		{"retryer", func(n int) (settings, []func(any)) { return settings{retryer: fastRetryer(n)}, nil }},
		{"aws.Retryer only", func(n int) (settings, []func(any)) {
			return settings{retryer: func() aws.Retryer { return v1Retryer{fastRetryer(n)()} }}, nil
		}},
		{"RetryMaxAttempts per call", func(n int) (settings, []func(any)) {
			return settings{retryer: fastRetryer(3)}, []func(any){setField("RetryMaxAttempts", n)}
		}},
	}
	for _, op := range ops {
		for _, f := range faults {
			for _, l := range limits {
				for _, attempts := range []int{1, 4} {
					want := "ThrottlingException"
					if f.code != nil {
						want = f.code[op.name]
					}
					t.Run(op.name+"/"+want+"/"+l.name+"/"+strconv.Itoa(attempts), func(t *testing.T) {
						t.Parallel()
						s, perCall := l.limit(attempts)
						e := newEnv(t, emulator.Config{}, s)
						fault := f.fault
						fault.Operation = op.name
						e.emu.InjectFault(fault)
						_, err := op.send(testContext(t), e.clients, op.input(0), perCall...)
						var maxErr *retry.MaxAttemptsError
						if attempts > 1 && (!errors.As(err, &maxErr) || maxErr.Attempt != attempts) {
							t.Fatalf("got %v, want a MaxAttemptsError after %d attempts", err, attempts)
						}
						var apiErr smithy.APIError
						if !errors.As(err, &apiErr) || apiErr.ErrorCode() != want {
							t.Errorf("got %v, want %s inside", err, want)
						}
						checkOperationError(t, err, op.name)
						checkAttempts(t, op, e.rec.sent(), attempts)
						checkCreated(t, op, e.emu, 0)
					})
				}
			}
		}
	}
}

// modelledError is an error shape of a service's model.
type modelledError struct {
	code   string
	status int
}

// clientErrors returns the errors of the operation's model that the
// client is to blame for and that retrying cannot cure: the client
// errors without the retryable trait, less ThrottlingException.
func clientErrors(t *testing.T, op op) []modelledError {
	t.Helper()
	data, err := os.ReadFile(testutil.SharedDir(t, "models", op.model))
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Traits map[string]json.RawMessage `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatalf("%s: %v", op.model, err)
	}
	var out []modelledError
	for id, shape := range model.Shapes {
		code := id[strings.IndexByte(id, '#')+1:]
		_, retryable := shape.Traits["smithy.api#retryable"]
		if string(shape.Traits["smithy.api#error"]) != `"client"` || retryable || code == "ThrottlingException" {
			continue
		}
		status, err := strconv.Atoi(string(shape.Traits["smithy.api#httpError"]))
		if err != nil {
			t.Fatalf("%s: httpError %s", id, shape.Traits["smithy.api#httpError"])
		}
		out = append(out, modelledError{code: code, status: status})
	}
	return out
}

// TestClientErrorsAreNotRetried answers a call of each operation with
// each of its modelled errors that retrying cannot cure, its code in a
// header or in the body: the call makes one attempt and returns that
// error, typed.
func TestClientErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	ran := 0
	for _, op := range ops {
		for _, me := range clientErrors(t, op) {
			ran++
			for _, where := range []string{"header", "body"} {
				t.Run(op.name+"/"+me.code+"/"+where, func(t *testing.T) {
					t.Parallel()
					a := answer{status: me.status, body: `{"message":"no"}`}
					if where == "header" {
						a.header = map[string]string{"X-Amzn-ErrorType": me.code}
					} else {
						a.body = `{"__type":"` + me.code + `","message":"no"}`
					}
					rec := newScripted(a, ok)
					_, err := op.call(testContext(t), scriptedClients(rec, settings{}), 0)
					var apiErr smithy.APIError
					if !errors.As(err, &apiErr) || apiErr.ErrorCode() != me.code {
						t.Fatalf("got %v, want %s", err, me.code)
					}
					var generic *smithy.GenericAPIError
					if errors.As(err, &generic) {
						t.Errorf("got the untyped %v, want the modelled %s", err, me.code)
					}
					checkOperationError(t, err, op.name)
					checkResponseError(t, err, me.status)
					checkAttempts(t, op, rec.sent(), 1)
				})
			}
		}
	}
	testutil.CheckRan(t, "modelled client errors", ran, 29)
}

// TestInputNotMutated calls each operation twice with one input that
// sets every member (with and without an idempotency token where the
// operation has one), the first call retried once: the input is left as
// it was, and the second call sends what the first sent.
func TestInputNotMutated(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		tokens := []*string{nil}
		if op.token != "" {
			tokens = append(tokens, stringPointer("f8d4c2a6-1b7e-4e39-9a51-0c3d2b6e8f17"))
		}
		for _, token := range tokens {
			t.Run(op.name+"/token "+strconv.FormatBool(token != nil), func(t *testing.T) {
				t.Parallel()
				rec := newScripted(answer{status: 503}, ok)
				c := scriptedClients(rec, settings{tokens: &countingTokens{}})
				in, before := op.fullInput(token), op.fullInput(token)
				for n := range 2 {
					if _, err := op.send(testContext(t), c, in); err != nil {
						t.Fatalf("call %d: %v", n+1, err)
					}
				}
				if diff := cmp.Diff(before, in); diff != "" {
					t.Errorf("the input changed (-before +after):\n%s", diff)
				}
				requests := rec.sent()
				checkAttempts(t, op, requests[:2], 2)
				if len(requests) != 3 {
					t.Fatalf("%d requests, want 3", len(requests))
				}
				first, second := requests[0].body, requests[2].body
				if op.token != "" && token == nil {
					// Each call fills a token of its own.
					first = strings.Replace(first, bodyMember(t, first, op.token), "", 1)
					second = strings.Replace(second, bodyMember(t, second, op.token), "", 1)
				}
				if first != second {
					t.Errorf("the calls sent %s and %s", first, second)
				}
			})
		}
	}
}

func stringPointer(s string) *string { return &s }

// countingTokens hands out token-1, token-2, ... and counts them.
type countingTokens struct {
	mu sync.Mutex
	n  int
}

func (c *countingTokens) GetIdempotencyToken() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return "token-" + strconv.Itoa(c.n), nil
}

func (c *countingTokens) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// failingTokens fails to make a token.
type failingTokens struct{}

var errNoEntropy = errors.New("no entropy")

func (failingTokens) GetIdempotencyToken() (string, error) { return "", errNoEntropy }

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// clearTokenProvider sets a call's IdempotencyTokenProvider to nil.
func clearTokenProvider(options any) {
	f := reflect.ValueOf(options).Elem().FieldByName("IdempotencyTokenProvider")
	f.Set(reflect.Zero(f.Type()))
}

// TestIdempotencyTokens checks the idempotency token of each operation
// that has one: a call without a token gets one from the provider, once,
// sent on every attempt and never written into the input; a call with a
// token sends it as it is; the default provider, and a call that clears
// the provider, fill random version 4 UUIDs; a provider that fails ends
// the call before anything is sent.
func TestIdempotencyTokens(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		if op.token == "" {
			continue
		}
		tokenOf := func(t *testing.T, r sent) string {
			t.Helper()
			token := bodyMember(t, r.body, op.token)
			if token == "" {
				t.Fatalf("no %s in %s", op.token, r.body)
			}
			return token
		}
		t.Run(op.name+"/filled once per call", func(t *testing.T) {
			t.Parallel()
			tokens := &countingTokens{}
			rec := newScripted(answer{status: 500}, ok)
			c := scriptedClients(rec, settings{tokens: tokens})
			in := op.fullInput(nil)
			for range 2 {
				if _, err := op.send(testContext(t), c, in); err != nil {
					t.Fatal(err)
				}
			}
			requests := rec.sent()
			checkAttempts(t, op, requests[:2], 2)
			var got []string
			for _, r := range requests {
				got = append(got, tokenOf(t, r))
			}
			if diff := cmp.Diff([]string{"token-1", "token-1", "token-2"}, got); diff != "" {
				t.Errorf("tokens per request (-want +got):\n%s", diff)
			}
			if n := tokens.count(); n != 2 {
				t.Errorf("the provider made %d tokens for 2 calls", n)
			}
			if token := reflect.ValueOf(in).Elem().FieldByName("ClientToken").Interface().(*string); token != nil {
				t.Errorf("the input's ClientToken was set to %q", *token)
			}
		})
		t.Run(op.name+"/given", func(t *testing.T) {
			t.Parallel()
			tokens := &countingTokens{}
			rec := newScripted(ok)
			const given = "caller-token-1"
			if _, err := op.send(testContext(t), scriptedClients(rec, settings{tokens: tokens}), op.fullInput(stringPointer(given))); err != nil {
				t.Fatal(err)
			}
			if got := tokenOf(t, rec.sent()[0]); got != given {
				t.Errorf("token %q, want %q", got, given)
			}
			if n := tokens.count(); n != 0 {
				t.Errorf("the provider made %d tokens for a call that had one", n)
			}
		})
		t.Run(op.name+"/default provider", func(t *testing.T) {
			t.Parallel()
			rec := newScripted(ok)
			c := scriptedClients(rec, settings{})
			for _, perCall := range [][]func(any){nil, {clearTokenProvider}} {
				if _, err := op.send(testContext(t), c, op.fullInput(nil), perCall...); err != nil {
					t.Fatal(err)
				}
			}
			requests := rec.sent()
			first, second := tokenOf(t, requests[0]), tokenOf(t, requests[1])
			if !uuidV4.MatchString(first) || !uuidV4.MatchString(second) || first == second {
				t.Errorf("tokens %q and %q are not two distinct version 4 UUIDs", first, second)
			}
		})
		t.Run(op.name+"/provider fails", func(t *testing.T) {
			t.Parallel()
			rec := newScripted(ok)
			_, err := op.send(testContext(t), scriptedClients(rec, settings{tokens: failingTokens{}}), op.fullInput(nil))
			// The operation error holds the provider's error as it is, as
			// the official clients return it.
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) || opErr.Err != errNoEntropy {
				t.Fatalf("got %v, want the provider's error in the operation error", err)
			}
			checkOperationError(t, err, op.name)
			if n := len(rec.sent()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// member returns the string at a field path ("Snapshot.Name") of an
// output, "" when a pointer on the way is nil.
func member(out any, path string) string {
	v := reflect.ValueOf(out)
	for _, name := range strings.Split(path, ".") {
		if v.IsNil() {
			return ""
		}
		v = v.Elem().FieldByName(name)
	}
	if v.IsNil() {
		return ""
	}
	return v.Elem().String()
}

// TestAnySuccessStatus answers a call of each operation with each 2xx
// status: the call succeeds, decodes the body (none with 204) and keeps
// the request ID in its result metadata.
func TestAnySuccessStatus(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, status := range []int{200, 201, 202, 204} {
			t.Run(op.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				t.Parallel()
				a, want := answer{status: status, body: op.answer}, "n"
				if status == http.StatusNoContent {
					a.body, want = "", ""
				}
				rec := newScripted(a)
				out, err := op.call(testContext(t), scriptedClients(rec, settings{}), 0)
				if err != nil {
					t.Fatal(err)
				}
				if got := member(out, op.member); got != want {
					t.Errorf("%s = %q, want %q", op.member, got, want)
				}
				metadata := reflect.ValueOf(out).Elem().FieldByName("ResultMetadata").Interface().(middleware.Metadata)
				if id, _ := awsmiddleware.GetRequestIDMetadata(metadata); id != hostileRequestID {
					t.Errorf("request ID %q, want %q", id, hostileRequestID)
				}
				checkAttempts(t, op, rec.sent(), 1)
			})
		}
	}
}
