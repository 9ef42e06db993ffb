package memorydb

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/smithy-go/middleware"

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
// and ours, in each protocol, and compares everything they saw.
func TestObservations(t *testing.T) {
	ctx := context.Background()
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			fo, fs := kit.NewObserver(), &kit.Script{Answers: observedAnswers(p)}
			fc := newOfficial(fs, "", p.official, func(o *official.Options) {
				o.Retryer = noDelay()
				o.APIOptions = fo.APIOptions()
				o.Interceptors = fo.Interceptors()
				o.TracerProvider, o.MeterProvider = fo.Tracer, fo.Meter
			})
			fout, ferr := fc.CopySnapshot(ctx, officialInput())
			var fmd middleware.Metadata
			if fout != nil {
				fmd = fout.ResultMetadata
			}

			oo, os := kit.NewObserver(), &kit.Script{Answers: observedAnswers(p)}
			oc := newOurs(os, "", p.ours, func(o *ours.Options) {
				o.Retryer = noDelay()
				o.APIOptions = oo.APIOptions()
				o.Interceptors = oo.Interceptors()
				o.TracerProvider, o.MeterProvider = oo.Tracer, oo.Meter
			})
			oout, oerr := oc.CopySnapshot(ctx, oursInput())
			var omd middleware.Metadata
			if oout != nil {
				omd = oout.ResultMetadata
			}
			if ferr != nil || oerr != nil {
				t.Fatalf("official: %v, ours: %v", ferr, oerr)
			}
			kit.CompareObservations(t, oo.Observe(os, omd, oout, oerr), fo.Observe(fs, fmd, fout, ferr), nil)
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
