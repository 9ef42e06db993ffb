package kit

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/google/go-cmp/cmp"
)

// RetryCaller makes one call through a client built with client as its
// HTTP client and retryer as its retryer.
type RetryCaller func(ctx context.Context, client Doer, retryer aws.Retryer) (any, error)

// retryerForFuzzing is the official standard retryer with three attempts,
// no delay between them and no retry quota, so a call's attempts depend on
// its answers alone.
func retryerForFuzzing() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = 3
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})
}

// FuzzRetries answers both clients' calls with the same arbitrary first
// answer and then the same arbitrary answer to every retry (a status from
// 200 to 599 and an error code in X-Amzn-ErrorType, a Date an hour off
// when skewed), through the official standard retryer, and fails where
// the clients make a different number of attempts or end differently.
// okBody is the body of a 2xx answer.
func FuzzRetries(f *testing.F, contentType, okBody string, ours, official RetryCaller) {
	for _, code := range []string{"", "ThrottlingException", "RequestTimeout", "TooManyRequestsException",
		"InternalFailure", "ServiceUnavailable", "RequestTimeTooSkewed", "InvalidSignatureException", "SignatureDoesNotMatch",
		"ProvisionedThroughputExceededException", "TransactionInProgressException", "EC2ThrottledException"} {
		f.Add(400, code, 200, "", false)
		f.Add(500, code, 503, code, true)
	}
	f.Add(429, "", 200, "", false)
	f.Add(403, "InvalidSignatureException", 200, "", true)
	f.Fuzz(func(t *testing.T, status1 int, code1 string, status2 int, code2 string, skewed bool) {
		answer := func(status int, code string) Response {
			status = fuzzStatus(status)
			header := []string{}
			if code != "" {
				header = append(header, "X-Amzn-Errortype", code)
			}
			if skewed {
				header = append(header, "Date", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			}
			body := okBody
			if status >= 300 {
				body = `{"message":"m"}`
			}
			return Canned(status, contentType, body, header...)
		}
		answers := []Response{answer(status1, code1), answer(status2, code2)}
		oc, fc := &Script{Answers: answers}, &Script{Answers: answers}
		ctx := context.Background()
		_, oErr := ours(ctx, oc, retryerForFuzzing())
		_, fErr := official(ctx, fc, retryerForFuzzing())
		oSent, fSent := len(Requests(oc)), len(Requests(fc))
		if oSent == 0 {
			t.Fatalf("ours sent nothing: %v", oErr)
		}
		if oSent != fSent {
			t.Fatalf("answers %d %q then %d %q (skewed %v): ours made %d attempts, official %d\nours:     %v\nofficial: %v",
				answers[0].Status, code1, answers[1].Status, code2, skewed, oSent, fSent, oErr, fErr)
		}
		if diff := cmp.Diff(ViewError(fErr), ViewError(oErr)); diff != "" {
			t.Fatalf("answers %d %q then %d %q (skewed %v): errors differ (-official +ours):\n%s",
				answers[0].Status, code1, answers[1].Status, code2, skewed, diff)
		}
	})
}
