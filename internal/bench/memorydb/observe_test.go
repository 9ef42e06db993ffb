package memorydb

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
)

// observedAnswers make the observed call retry once: a 503, then the
// snapshot in protocol p.
func observedAnswers(p wireProtocol) []kit.Response {
	return []kit.Response{
		{Status: 503, Header: http.Header{"X-Amzn-Requestid": {"req-503"}}},
		p.full,
	}
}

func noDelay() *retry.Standard {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// TestObservations runs CopySnapshot with the middleware, interceptors,
// tracer and meter an instrumented program adds, on the official client
// and ours, in each protocol, and compares everything they saw: of a call
// retried once, and of one whose answer does not decode.
func TestObservations(t *testing.T) {
	ctx := context.Background()
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			answers := func() []kit.Response { return observedAnswers(p) }
			callOurs := func(o *kit.Observer, s *kit.Script) (any, error) {
				return newOurs(s, "", p.ours, func(opts *ours.Options) { o.Instrument(opts, noDelay()) }).CopySnapshot(ctx, oursInput())
			}
			callOfficial := func(o *kit.Observer, s *kit.Script) (any, error) {
				return newOfficial(s, "", p.official, func(opts *official.Options) { o.Instrument(opts, noDelay()) }).CopySnapshot(ctx, officialInput())
			}
			t.Run("retried", func(t *testing.T) { kit.CompareObservedCalls(t, answers, callOurs, callOfficial) })
			t.Run("malformed", func(t *testing.T) { kit.CompareObservedFailures(t, kit.MalformedAnswers, callOurs, callOfficial) })
		})
	}
}

// TestStubbedCall checks that middleware ending the call without calling
// next returns its output on both clients, and nothing is sent.
func TestStubbedCall(t *testing.T) {
	for _, step := range []string{"Finalize", "Deserialize"} {
		fs, os := &kit.Script{Answers: observedAnswers(cborProtocol)}, &kit.Script{Answers: observedAnswers(cborProtocol)}
		fout, ferr := newOfficial(fs, "").CopySnapshot(context.Background(), officialInput(),
			official.WithAPIOptions(kit.StubAPIOptions(step, &official.CopySnapshotOutput{})...))
		oout, oerr := newOurs(os, "").CopySnapshot(context.Background(), oursInput(),
			ours.WithAPIOptions(kit.StubAPIOptions(step, &ours.CopySnapshotOutput{})...))
		if ferr != nil || oerr != nil || fout == nil || oout == nil {
			t.Errorf("%s: official %v %v, ours %v %v", step, fout, ferr, oout, oerr)
		}
		if len(kit.Requests(fs))+len(kit.Requests(os)) != 0 {
			t.Errorf("%s: requests were sent", step)
		}
	}
}
