package neptunegraph

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

// observedAnswers make the observed call retry once: a 503, then the
// answer.
func observedAnswers() []kit.Response {
	return []kit.Response{
		{Status: 503, Header: http.Header{"X-Amzn-Requestid": {"req-503"}}},
		fullResponse(),
	}
}

func noDelay() *retry.Standard {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// TestObservations runs CreateGraphSnapshot with the middleware, interceptors,
// tracer and meter an instrumented program adds, on the official client
// and ours, and compares everything they saw: of a call retried once, and
// of one whose answer does not decode.
func TestObservations(t *testing.T) {
	ctx := context.Background()
	callOurs := func(o *kit.Observer, s *kit.Script) (any, error) {
		return newOurs(s, "", func(opts *ours.Options) { o.Instrument(opts, noDelay()) }).CreateGraphSnapshot(ctx, oursInput())
	}
	callOfficial := func(o *kit.Observer, s *kit.Script) (any, error) {
		return newOfficial(s, "", func(opts *official.Options) { o.Instrument(opts, noDelay()) }).CreateGraphSnapshot(ctx, officialInput())
	}
	t.Run("retried", func(t *testing.T) { kit.CompareObservedCalls(t, observedAnswers, callOurs, callOfficial) })
	t.Run("malformed", func(t *testing.T) { kit.CompareObservedFailures(t, kit.MalformedAnswers, callOurs, callOfficial) })
}

// TestStubbedCall checks that middleware ending the call without calling
// next returns its output on both clients, and nothing is sent.
func TestStubbedCall(t *testing.T) {
	for _, step := range []string{"Finalize", "Deserialize"} {
		fs, os := &kit.Script{Answers: observedAnswers()}, &kit.Script{Answers: observedAnswers()}
		fout, ferr := newOfficial(fs, "").CreateGraphSnapshot(context.Background(), officialInput(),
			official.WithAPIOptions(kit.StubAPIOptions(step, &official.CreateGraphSnapshotOutput{})...))
		oout, oerr := newOurs(os, "").CreateGraphSnapshot(context.Background(), oursInput(),
			ours.WithAPIOptions(kit.StubAPIOptions(step, &ours.CreateGraphSnapshotOutput{})...))
		if ferr != nil || oerr != nil || fout == nil || oout == nil {
			t.Errorf("%s: official %v %v, ours %v %v", step, fout, ferr, oout, oerr)
		}
		if len(kit.Requests(fs))+len(kit.Requests(os)) != 0 {
			t.Errorf("%s: requests were sent", step)
		}
	}
}
