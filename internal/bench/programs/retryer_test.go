package programs

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	gocmp "github.com/google/go-cmp/cmp"
)

// describeError says what a program's code learns of err: its text, the
// types of the errors it wraps, and what errors.As finds of the API
// error, the HTTP response error and the retry and timeout markers.
func describeError(err error) string {
	if err == nil {
		return "nil"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q;", err.Error())
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Fprintf(&b, " %T", e)
	}
	if api, ok := errors.AsType[smithy.APIError](err); ok {
		fmt.Fprintf(&b, "; api %s %q %v", api.ErrorCode(), api.ErrorMessage(), api.ErrorFault())
	}
	if re, ok := errors.AsType[*awshttp.ResponseError](err); ok {
		fmt.Fprintf(&b, "; status %d, request ID %q", re.HTTPStatusCode(), re.ServiceRequestID())
	}
	if r, ok := errors.AsType[interface {
		error
		RetryableError() bool
	}](err); ok {
		fmt.Fprintf(&b, "; retryable %v", r.RetryableError())
	}
	if r, ok := errors.AsType[interface {
		error
		Timeout() bool
	}](err); ok {
		fmt.Fprintf(&b, "; timeout %v", r.Timeout())
	}
	if r, ok := errors.AsType[interface {
		error
		CanceledError() bool
	}](err); ok {
		fmt.Fprintf(&b, "; canceled %v", r.CanceledError())
	}
	return b.String()
}

// recordingRetryer is the standard retryer without delays, noting each
// question it is asked and the error it is asked about, and each token it
// gives back with the error it is released with.
type recordingRetryer struct {
	aws.RetryerV2
	events *[]string
}

func (r recordingRetryer) note(format string, v ...any) {
	*r.events = append(*r.events, fmt.Sprintf(format, v...))
}

func (r recordingRetryer) release(name string, release func(error) error) func(error) error {
	return func(err error) error {
		r.note("release %s token: %s", name, describeError(err))
		return release(err)
	}
}

func (r recordingRetryer) IsErrorRetryable(err error) bool {
	retryable := r.RetryerV2.IsErrorRetryable(err)
	r.note("IsErrorRetryable %v: %s", retryable, describeError(err))
	return retryable
}

func (r recordingRetryer) RetryDelay(attempt int, err error) (time.Duration, error) {
	r.note("RetryDelay %d: %s", attempt, describeError(err))
	return 0, nil
}

func (r recordingRetryer) GetRetryToken(ctx context.Context, err error) (func(error) error, error) {
	r.note("GetRetryToken: %s", describeError(err))
	release, tokenErr := r.RetryerV2.GetRetryToken(ctx, err)
	if tokenErr != nil {
		return release, tokenErr
	}
	return r.release("retry", release), nil
}

func (r recordingRetryer) GetAttemptToken(ctx context.Context) (func(error) error, error) {
	r.note("GetAttemptToken")
	release, err := r.RetryerV2.GetAttemptToken(ctx)
	if err != nil {
		return release, err
	}
	return r.release("attempt", release), nil
}

// recordingLimiter is the standard retryer's token bucket, noting the
// tokens taken from it, given back to it and added to it.
type recordingLimiter struct {
	retry.RateLimiter
	events *[]string
}

func (l recordingLimiter) GetToken(ctx context.Context, cost uint) (func() error, error) {
	release, err := l.RateLimiter.GetToken(ctx, cost)
	*l.events = append(*l.events, fmt.Sprintf("rate limiter: take %d tokens: %v", cost, err))
	if err != nil {
		return release, err
	}
	return func() error {
		*l.events = append(*l.events, fmt.Sprintf("rate limiter: give back the %d tokens", cost))
		return release()
	}, nil
}

func (l recordingLimiter) AddTokens(v uint) error {
	*l.events = append(*l.events, fmt.Sprintf("rate limiter: add %d tokens", v))
	return l.RateLimiter.AddTokens(v)
}

// failingDial is a program's HTTP client whose first request fails to
// connect; it answers the others from its sequence.
type failingDial struct{ answerSequence }

func (f *failingDial) Do(req *http.Request) (*http.Response, error) {
	if f.n == 0 {
		f.n++
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	f.n++
	return f.answerSequence.Do(req)
}

// TestRetryerSees compares what a program's retryer is asked by each
// client, on both paths: which questions, in which order, and the error
// each is about (text, wrapped types, API error, status and request ID,
// retry and timeout markers), the errors its tokens are released with,
// and the tokens its rate limiter gives, takes back and is given, for a
// success, a modelled error, a 503 then success, 503s until attempts run
// out, a throttling error, and a refused connection.
func TestRetryerSees(t *testing.T) {
	for _, s := range services {
		throttled := s.modelled
		throttled.status = 400
		throttled.header = map[string]string{"Content-Type": s.ok.header["Content-Type"], "X-Amzn-ErrorType": "ThrottlingException"}
		if s.name == "memorydb" {
			throttled = cborAnswer(400, nil)
			throttled.header["X-Amzn-ErrorType"] = "ThrottlingException"
		}
		cases := map[string]func() aws.HTTPClient{
			"success":            func() aws.HTTPClient { return &answerSequence{answers: []answer{s.ok}} },
			"modelled error":     func() aws.HTTPClient { return &answerSequence{answers: []answer{s.modelled}} },
			"retried":            func() aws.HTTPClient { return &answerSequence{answers: []answer{{status: 503}, s.ok}} },
			"retries run out":    func() aws.HTTPClient { return &answerSequence{answers: []answer{{status: 503}}} },
			"throttled":          func() aws.HTTPClient { return &answerSequence{answers: []answer{throttled, s.ok}} },
			"connection refused": func() aws.HTTPClient { return &failingDial{answerSequence{answers: []answer{s.ok}}} },
		}
		for name, client := range cases {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config) error) string {
					var events []string
					cfg := aws.Config{Region: "us-west-2", HTTPClient: client(), APIOptions: onStack(stack),
						Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
							return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
						}),
						Retryer: func() aws.Retryer {
							return recordingRetryer{retry.NewStandard(func(o *retry.StandardOptions) {
								o.RateLimiter = recordingLimiter{o.RateLimiter, &events}
							}), &events}
						}}
					err := call(context.Background(), cfg)
					return strings.Join(events, "\n") + "\ncall: " + describeError(err)
				}
				ours, official := run(s.callOurs), run(s.callOfficial)
				if ours != official || !strings.Contains(ours, "GetAttemptToken") {
					t.Errorf("%s, %s, middleware stack %v: the retryer saw different things (-official +ours):\n%s", s.name, name, stack, gocmp.Diff(official, ours))
				}
			}
		}
	}
}
