package reliability_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/emulator"
)

// signingTime is when a request was signed, from its X-Amz-Date.
func signingTime(t *testing.T, req sent) time.Time {
	t.Helper()
	at, err := time.Parse("20060102T150405Z", req.header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatalf("X-Amz-Date %q: %v", req.header.Get("X-Amz-Date"), err)
	}
	return at
}

// near reports whether got is want within a few seconds (Date headers
// have whole seconds, and the attempts are not simultaneous).
func near(got, want time.Duration) bool {
	return (got - want).Abs() < 5*time.Second
}

// TestClockSkewFaultIsCorrected answers the first request of each
// operation with "Signature expired" (or "not yet current") and a Date ten
// minutes away: the client retries once, signing with the corrected time,
// and the call creates exactly one resource.
func TestClockSkewFaultIsCorrected(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, skew := range []time.Duration{10 * time.Minute, -10 * time.Minute} {
			t.Run(op.name+"/"+skew.String(), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, emulator.Config{}, settings{})
				e.emu.InjectFault(emulator.Fault{Kind: emulator.FaultClockSkew, Operation: op.name, Skew: skew})
				if _, err := op.call(testContext(t), e.clients, 0); err != nil {
					t.Fatalf("call failed: %v", err)
				}
				requests := e.rec.sent()
				checkAttempts(t, op, requests, 2)
				if shift := signingTime(t, requests[1]).Sub(signingTime(t, requests[0])); !near(shift, skew) {
					t.Errorf("the retry was signed %v after the first attempt, want about %v", shift, skew)
				}
				checkCreated(t, op, e.emu, 1)
			})
		}
	}
}

// TestSkewedClientIsCorrected runs each operation against a service whose
// clock is half an hour away from the client's: the first call is
// rejected once and then signed with the service's time; the next call on
// the same client is signed right the first time.
func TestSkewedClientIsCorrected(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, skew := range []time.Duration{30 * time.Minute, -30 * time.Minute} {
			t.Run(op.name+"/"+skew.String(), func(t *testing.T) {
				t.Parallel()
				e := newEnv(t, emulator.Config{Now: func() time.Time { return time.Now().Add(skew) }}, settings{})
				for n := range 2 {
					if _, err := op.call(testContext(t), e.clients, n); err != nil {
						t.Fatalf("call %d failed: %v", n+1, err)
					}
				}
				requests := e.rec.sent()
				if len(requests) != 3 {
					t.Fatalf("%d requests, want 2 for the first call and 1 for the second", len(requests))
				}
				checkAttempts(t, op, requests[:2], 2)
				for i, req := range requests {
					want := skew
					if i == 0 {
						want = 0
					}
					if got := time.Until(signingTime(t, req)); !near(got, want) {
						t.Errorf("request %d signed %v from the client's clock, want about %v", i+1, got, want)
					}
				}
				if got := op.created(e.emu, 2); got != -1 && got != 2 {
					t.Errorf("%d resources created, want 2", got)
				}
			})
		}
	}
}

// TestSkewCorrectionCanBeDisabled checks that DisableClockSkewCorrection
// leaves the signing time alone: the call fails with the service's
// signature error after one attempt.
func TestSkewCorrectionCanBeDisabled(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			skewed := emulator.Config{Now: func() time.Time { return time.Now().Add(30 * time.Minute) }}
			e := newEnv(t, skewed, settings{noSkewCorrection: true})
			_, err := op.call(testContext(t), e.clients, 0)
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "InvalidSignatureException" {
				t.Fatalf("got %v, want InvalidSignatureException", err)
			}
			checkAttempts(t, op, e.rec.sent(), 1)
		})
	}
}

// dateRewriter sends its response with another Date header.
type dateRewriter struct {
	http.ResponseWriter
	date    string
	written bool
}

func (w *dateRewriter) WriteHeader(status int) {
	if !w.written {
		w.written = true
		w.Header().Set("Date", w.date)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *dateRewriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.ResponseWriter.Write(p)
}

// TestFarOffDateHeals serves each operation's first answer with a Date
// decades away, as a broken proxy might. The client takes it for the
// service's clock, so its next call is rejected once; that rejection
// carries the right Date, the call is retried with it and succeeds, and
// the call after that is signed right the first time.
func TestFarOffDateHeals(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, far := range []time.Time{time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)} {
			t.Run(op.name+"/"+strconv.Itoa(far.Year()), func(t *testing.T) {
				t.Parallel()
				emu := emulator.New(emulator.Config{})
				var answered atomic.Int64
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if answered.Add(1) == 1 {
						w = &dateRewriter{ResponseWriter: w, date: far.Format(http.TimeFormat)}
					}
					emu.ServeHTTP(w, r)
				}))
				t.Cleanup(srv.Close)
				rec := &recorder{}
				c := newClients(settings{endpoint: srv.URL, httpClient: rec})
				for n := range 3 {
					if _, err := op.call(testContext(t), c, n); err != nil {
						t.Fatalf("call %d failed: %v", n+1, err)
					}
				}
				requests := rec.sent()
				if len(requests) != 4 {
					t.Fatalf("%d requests, want 1, 2 and 1 for the three calls", len(requests))
				}
				checkAttempts(t, op, requests[1:3], 2)
				if got := time.Until(signingTime(t, requests[1])); !near(got, time.Until(far)) {
					t.Errorf("the second call was first signed %v from now, want the far-off Date", got)
				}
				for _, i := range []int{0, 2, 3} {
					if got := time.Until(signingTime(t, requests[i])); !near(got, 0) {
						t.Errorf("request %d signed %v from now", i+1, got)
					}
				}
				if got := op.created(emu, 3); got != -1 && got != 3 {
					t.Errorf("%d resources created, want 3", got)
				}
			})
		}
	}
}
