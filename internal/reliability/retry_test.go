package reliability_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
)

// faultCase is one kind of misbehaviour and what a client must make of it.
type faultCase struct {
	name  string
	fault emulator.Fault
	// retriedByAll says every operation retries it; otherwise only the
	// idempotent ones do, and the others return the failure.
	retriedByAll bool
	// processed says the emulator ran the operation before failing.
	processed bool
	// failure recognises the error of an operation that does not retry.
	failure func(error) bool
}

func isSendError(err error) bool {
	var sendErr *smithyhttp.RequestSendError
	return errors.As(err, &sendErr)
}

func isDeserializationError(err error) bool {
	var deserErr *smithy.DeserializationError
	return errors.As(err, &deserErr)
}

var faultCases = []faultCase{
	{name: "throttling", fault: emulator.Fault{Kind: emulator.FaultThrottle}, retriedByAll: true},
	{name: "500", fault: emulator.Fault{Kind: emulator.FaultServerError, Status: 500}, retriedByAll: true},
	{name: "502", fault: emulator.Fault{Kind: emulator.FaultServerError, Status: 502}, retriedByAll: true},
	{name: "503", fault: emulator.Fault{Kind: emulator.FaultServerError, Status: 503}, retriedByAll: true},
	{name: "504", fault: emulator.Fault{Kind: emulator.FaultServerError, Status: 504}, retriedByAll: true},
	{name: "dropped before processing", fault: emulator.Fault{Kind: emulator.FaultDropBeforeProcessing}, failure: isSendError},
	{name: "dropped after processing", fault: emulator.Fault{Kind: emulator.FaultDropAfterProcessing}, processed: true, failure: isSendError},
	{name: "truncated body", fault: emulator.Fault{Kind: emulator.FaultTruncatedBody}, processed: true, failure: isDeserializationError},
}

// TestFaults injects each fault into one request of each operation, on
// the direct path and on the middleware-stack path. A retried call
// succeeds on the second attempt, re-signed, with the same body (so the
// same idempotency token), and leaves exactly one resource; a call that
// must not risk a second create returns the failure after one attempt,
// leaving the resource only if the service processed it.
func TestFaults(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, fc := range faultCases {
			for _, stack := range []bool{false, true} {
				t.Run(op.name+"/"+fc.name+"/stack "+strconv.FormatBool(stack), func(t *testing.T) {
					t.Parallel()
					e := newEnv(t, emulator.Config{}, settings{stack: stack})
					fault := fc.fault
					fault.Operation = op.name
					e.emu.InjectFault(fault)
					out, err := op.call(testContext(t), e.clients, 0)
					requests := e.rec.sent()
					if fc.retriedByAll || op.idempotent {
						if err != nil {
							t.Fatalf("call failed: %v", err)
						}
						checkAttempts(t, op, requests, 2)
						checkCreated(t, op, e.emu, 1)
					} else {
						if out != nil && !isNilPointer(out) || err == nil || !fc.failure(err) {
							t.Fatalf("got output %v and error %v, want the %s failure", out, err, fc.name)
						}
						checkOperationError(t, err, op.name)
						checkAttempts(t, op, requests, 1)
						want := 0
						if fc.processed {
							want = 1
						}
						checkCreated(t, op, e.emu, want)
					}
					if got := e.emu.RequestCount(op.name); got != len(requests) {
						t.Errorf("the emulator saw %d requests, the client sent %d", got, len(requests))
					}
				})
			}
		}
	}
}

func isNilPointer(v any) bool {
	switch out := v.(type) {
	case *memorydb.CopySnapshotOutput:
		return out == nil
	case *lightsail.GetExportSnapshotRecordsOutput:
		return out == nil
	case *neptunegraph.CreateGraphSnapshotOutput:
		return out == nil
	case *datazone.CreateAssetRevisionOutput:
		return out == nil
	case *partnercentral.CreateResourceSnapshotOutput:
		return out == nil
	}
	return v == nil
}

// checkAttempts checks that the requests are n attempts of one call: each
// numbered, each signed afresh, all with the same body and so the same
// idempotency token.
func checkAttempts(t *testing.T, op op, requests []sent, n int) {
	t.Helper()
	if len(requests) != n {
		t.Fatalf("%d attempts, want %d", len(requests), n)
	}
	signatures := map[string]bool{}
	for i, req := range requests {
		if want := "attempt=" + strconv.Itoa(i+1) + ";"; !strings.HasPrefix(req.header.Get("Amz-Sdk-Request"), want) {
			t.Errorf("attempt %d: amz-sdk-request %q", i+1, req.header.Get("Amz-Sdk-Request"))
		}
		auth := req.header.Get("Authorization")
		if auth == "" || signatures[auth] {
			t.Errorf("attempt %d: Authorization %q is missing or repeats an earlier attempt's", i+1, auth)
		}
		signatures[auth] = true
		if req.body != requests[0].body {
			t.Errorf("attempt %d sent body %s, attempt 1 sent %s", i+1, req.body, requests[0].body)
		}
	}
	if op.token != "" {
		if token := bodyMember(t, requests[0].body, op.token); token == "" {
			t.Errorf("no %s in %s", op.token, requests[0].body)
		}
	}
}

func checkCreated(t *testing.T, op op, e *emulator.Emulator, want int) {
	t.Helper()
	if got := op.created(e, 1); got != -1 && got != want {
		t.Errorf("%d resources created, want %d", got, want)
	}
}

func checkOperationError(t *testing.T, err error, operation string) {
	t.Helper()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) || opErr.OperationName != operation {
		t.Errorf("error %T %v is not an OperationError of %s", err, err, operation)
	}
}

// dialFailingOnce fails its first request the way a refused connection
// does, then sends the others through next.
type dialFailingOnce struct {
	address string
	next    *recorder
	failed  bool
}

func (d *dialFailingOnce) Do(req *http.Request) (*http.Response, error) {
	if d.failed {
		return d.next.Do(req)
	}
	d.failed = true
	refused := req.Clone(req.Context())
	refused.URL.Host = d.address
	refused.Host = d.address
	return plainHTTPClient.Do(refused)
}

// TestDialFailureIsRetriedByAll refuses the first connection of a call of
// each operation: nothing reached the service, so every operation retries
// and creates exactly one resource.
func TestDialFailureIsRetriedByAll(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			server, err := emulator.Start(emulator.Config{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = server.Close() })
			rec := &recorder{}
			attempts := &recorder{next: &dialFailingOnce{address: closedAddress(t), next: rec}}
			c := newClients(settings{endpoint: server.URL, httpClient: attempts})
			if _, err := op.call(testContext(t), c, 0); err != nil {
				t.Fatalf("call failed: %v", err)
			}
			checkAttempts(t, op, attempts.sent(), 2)
			if got := server.Emulator.RequestCount(op.name); got != 1 {
				t.Errorf("the emulator saw %d requests, want 1", got)
			}
			checkCreated(t, op, server.Emulator, 1)
		})
	}
}

// TestNothingListening sends each operation to a port nothing listens on:
// every attempt is made, and the call ends with a RequestSendError.
func TestNothingListening(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{}
			c := newClients(settings{endpoint: "http://" + closedAddress(t), httpClient: rec})
			_, err := op.call(testContext(t), c, 0)
			var maxErr *retry.MaxAttemptsError
			if !errors.As(err, &maxErr) || !isSendError(err) {
				t.Fatalf("got %v, want a RequestSendError after the last attempt", err)
			}
			checkOperationError(t, err, op.name)
			checkAttempts(t, op, rec.sent(), 3)
		})
	}
}

// TestDefaultRetryer checks that a client built from an aws.Config uses
// the standard retryer, with its three attempts, unless the config sets
// RetryMaxAttempts or RetryMode.
func TestDefaultRetryer(t *testing.T) {
	t.Parallel()
	configs := []struct {
		name        string
		cfg         aws.Config
		maxAttempts int
		adaptive    bool
	}{
		{"defaults", aws.Config{}, 3, false},
		{"RetryMaxAttempts", aws.Config{RetryMaxAttempts: 5}, 5, false},
		{"RetryMode adaptive", aws.Config{RetryMode: aws.RetryModeAdaptive}, 3, true},
		{"both", aws.Config{RetryMode: aws.RetryModeAdaptive, RetryMaxAttempts: 7}, 7, false},
	}
	for _, op := range ops {
		for _, tc := range configs {
			t.Run(op.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				server, err := emulator.Start(emulator.Config{})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = server.Close() })
				rec := &recorder{}
				cfg := tc.cfg
				cfg.Region = emulator.DefaultRegion
				cfg.BaseEndpoint = aws.String(server.URL)
				cfg.HTTPClient = rec
				cfg.Credentials = credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, "")
				c := clientsFromConfig(cfg)
				retryer := op.retryer(c)
				if got := retryer.MaxAttempts(); got != tc.maxAttempts {
					t.Errorf("MaxAttempts() = %d, want %d", got, tc.maxAttempts)
				}
				switch retryer.(type) {
				case *retry.Standard:
					if tc.adaptive || tc.maxAttempts != 3 {
						t.Errorf("retryer %T", retryer)
					}
				case *retry.AdaptiveMode:
					if !tc.adaptive {
						t.Errorf("retryer %T", retryer)
					}
				}
				if _, err := op.call(testContext(t), c, 0); err != nil {
					t.Fatal(err)
				}
				requests := rec.sent()
				if want := "attempt=1; max=" + strconv.Itoa(tc.maxAttempts); len(requests) != 1 || requests[0].header.Get("Amz-Sdk-Request") != want {
					t.Errorf("amz-sdk-request %q, want %q", requests[0].header.Get("Amz-Sdk-Request"), want)
				}
			})
		}
	}
}

func clientsFromConfig(cfg aws.Config) *clients {
	return &clients{
		memorydb:       memorydb.NewFromConfig(cfg, memorydbJSON),
		lightsail:      lightsail.NewFromConfig(cfg),
		neptunegraph:   neptunegraph.NewFromConfig(cfg),
		datazone:       datazone.NewFromConfig(cfg),
		partnercentral: partnercentral.NewFromConfig(cfg),
	}
}

// TestDefaultRetryerRetries makes real retries with the default retryer
// and its backoff: RetryMaxAttempts 2 from the config allows one retry,
// which recovers from one throttling answer and not from two.
func TestDefaultRetryerRetries(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, op := range ops {
		for _, throttles := range []int{1, 2} {
			runConcurrently(t, &wg, op.name+"/"+strconv.Itoa(throttles), func(t *testing.T) {
				server, err := emulator.Start(emulator.Config{})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = server.Close() })
				server.Emulator.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: op.name, Count: throttles})
				rec := &recorder{}
				c := clientsFromConfig(aws.Config{
					Region: emulator.DefaultRegion, BaseEndpoint: aws.String(server.URL), HTTPClient: rec,
					Credentials:      credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
					RetryMaxAttempts: 2,
				})
				start := time.Now()
				_, err = op.call(testContext(t), c, 0)
				if elapsed := time.Since(start); elapsed > 3*time.Second {
					t.Errorf("the call took %v; the first backoff is at most 2s", elapsed)
				}
				checkAttempts(t, op, rec.sent(), 2)
				var maxErr *retry.MaxAttemptsError
				if failed := errors.As(err, &maxErr); failed != (throttles == 2) {
					t.Fatalf("%d throttling answers: error %v", throttles, err)
				}
			})
		}
	}
}

// slowRetryer retries like the standard retryer but waits an hour first.
func slowRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
	})
}

// TestContextEndsBackoff cancels, or lets expire, the context of a call
// of each operation while it waits to retry: the call ends at once with
// the context's error in its chain, after one attempt.
func TestContextEndsBackoff(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, op := range ops {
		for _, want := range []error{context.Canceled, context.DeadlineExceeded} {
			runConcurrently(t, &wg, op.name+"/"+want.Error(), func(t *testing.T) {
				e := newEnv(t, emulator.Config{}, settings{retryer: slowRetryer})
				e.emu.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: op.name})
				// Time for the first attempt to be answered on a loaded
				// machine; the backoff of an hour does the rest.
				const wait = time.Second
				ctx, cancel := context.WithTimeout(testContext(t), wait)
				if want == context.Canceled {
					ctx, cancel = context.WithCancel(testContext(t))
					time.AfterFunc(wait, cancel)
				}
				defer cancel()
				start := time.Now()
				_, err := op.call(ctx, e.clients, 0)
				if elapsed := time.Since(start); elapsed > wait+2*time.Second {
					t.Errorf("the call took %v after its context ended", elapsed)
				}
				if !errors.Is(err, want) {
					t.Fatalf("error %v does not wrap %v", err, want)
				}
				checkOperationError(t, err, op.name)
				checkAttempts(t, op, e.rec.sent(), 1)
			})
		}
	}
}

// TestEndedContextSendsNothing calls each operation with a context that
// has already ended: nothing is sent.
func TestEndedContextSendsNothing(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, emulator.Config{}, settings{})
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := op.call(ctx, e.clients, 0); !errors.Is(err, context.Canceled) {
				t.Fatalf("error %v does not wrap context.Canceled", err)
			}
			if n := len(e.rec.sent()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// TestSlowServiceEndsWithTheContext delays each operation's answer past
// the call's deadline: the call ends soon after the deadline with
// DeadlineExceeded in its chain, after one attempt, and the service,
// which saw the request abandoned, created nothing.
func TestSlowServiceEndsWithTheContext(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, op := range ops {
		runConcurrently(t, &wg, op.name, func(t *testing.T) {
			e := newEnv(t, emulator.Config{}, settings{})
			// Far longer than the deadline, so that even on a loaded
			// machine the emulator sees the client leave before it applies
			// the request.
			const delay = 4 * time.Second
			e.emu.InjectFault(emulator.Fault{Kind: emulator.FaultDelay, Operation: op.name, Delay: delay})
			ctx, cancel := context.WithTimeout(testContext(t), time.Second)
			defer cancel()
			start := time.Now()
			_, err := op.call(ctx, e.clients, 0)
			if elapsed := time.Since(start); elapsed > delay {
				t.Errorf("the call took %v with a 1s deadline", elapsed)
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("error %v does not wrap context.DeadlineExceeded", err)
			}
			checkOperationError(t, err, op.name)
			checkAttempts(t, op, e.rec.sent(), 1)
			time.Sleep(time.Until(start.Add(delay + 300*time.Millisecond))) // past the delay: nothing ran late
			checkCreated(t, op, e.emu, 0)
		})
	}
}
