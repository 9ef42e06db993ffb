package programs

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// failingSource is a program's own config source whose every look-up
// fails.
type failingSource struct{}

var errSource = errors.New("config source unavailable")

func (failingSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return aws.FIPSEndpointStateUnset, false, errSource
}

func (failingSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	return aws.DualStackEndpointStateUnset, false, errSource
}

func (failingSource) GetServiceBaseEndpoint(context.Context, string) (string, bool, error) {
	return "", false, errSource
}

// TestConfigSources compares the requests of calls whose aws.Config holds
// config sources, as config.LoadDefaultConfig lays them out or a program
// adds its own: the first source that holds a setting wins, and one whose
// look-up fails ends the look-up with nothing found.
func TestConfigSources(t *testing.T) {
	for _, name := range []string{"MEMORYDB", "LIGHTSAIL", "NEPTUNE_GRAPH", "DATAZONE"} {
		t.Setenv("AWS_ENDPOINT_URL_"+name, "https://service-endpoint.example.com")
	}
	for _, c := range []struct {
		name    string
		sources []any
	}{
		{"the environment's false before the shared config's true", []any{
			config.EnvConfig{IgnoreConfiguredEndpoints: aws.Bool(false)},
			config.SharedConfig{IgnoreConfiguredEndpoints: aws.Bool(true)},
		}},
		{"the environment's true before the shared config's false", []any{
			config.EnvConfig{IgnoreConfiguredEndpoints: aws.Bool(true)},
			config.SharedConfig{IgnoreConfiguredEndpoints: aws.Bool(false)},
		}},
		{"a failing source before a service endpoint", []any{failingSource{}, config.EnvConfig{}}},
		{"a failing source before FIPS", []any{failingSource{}, config.EnvConfig{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled}}},
		{"a failing source before dual-stack", []any{failingSource{}, config.EnvConfig{UseDualStackEndpoint: aws.DualStackEndpointStateEnabled}}},
	} {
		compareRequests(t, c.name, func(cfg *aws.Config) { cfg.ConfigSources = c.sources })
	}
}

// recordingSequence is an answerSequence that keeps the headers of each
// request.
type recordingSequence struct {
	answerSequence
	headers []http.Header
}

func (r *recordingSequence) Do(req *http.Request) (*http.Response, error) {
	r.headers = append(r.headers, req.Header.Clone())
	return r.answerSequence.Do(req)
}

// noDelayRetryer is the standard retryer with no delay and no retry quota.
func noDelayRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})
}

// withDate returns a with a Date header ahead of the local clock by ahead.
func withDate(a answer, ahead time.Duration) answer {
	return withHeader(a, "Date", time.Now().Add(ahead).UTC().Format(http.TimeFormat))
}

// signatureExpired is the service's answer to a request signed too far
// from its clock, with the service's clock an hour ahead.
func signatureExpired(s service) answer {
	a := jsonAnswer(http.StatusForbidden, s.ok.header["Content-Type"],
		map[string]string{"X-Amzn-ErrorType": "InvalidSignatureException"}, `{"message":"Signature expired"}`)
	if s.name == "memorydb" {
		a = cborAnswer(http.StatusForbidden, nil)
		a.header["X-Amzn-ErrorType"] = "InvalidSignatureException"
	}
	return withDate(a, time.Hour)
}

// TestClockSkewSettings compares the attempts of a call first answered
// with a signature error from a service whose clock is an hour ahead,
// with aws.Config's DisableClockSkewCorrection set and not: how many
// attempts are made, how far ahead of the local clock each is signed, and
// the error.
func TestClockSkewSettings(t *testing.T) {
	for _, s := range services {
		for _, disable := range []bool{false, true} {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config) error) string {
					rec := &recordingSequence{answerSequence: answerSequence{answers: []answer{signatureExpired(s), s.ok}}}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: rec, Retryer: noDelayRetryer, APIOptions: onStack(stack),
						DisableClockSkewCorrection: disable, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					err := call(context.Background(), cfg)
					var ahead []string
					for _, h := range rec.headers {
						signed, parseErr := time.Parse("20060102T150405Z", h.Get("X-Amz-Date"))
						if parseErr != nil {
							t.Fatalf("X-Amz-Date %q: %v", h.Get("X-Amz-Date"), parseErr)
						}
						ahead = append(ahead, fmt.Sprintf("%+.0fm", time.Until(signed).Minutes()))
					}
					return fmt.Sprintf("signed %v ahead, error %v", ahead, err)
				}
				if ours, official := run(s.callOurs), run(s.callOfficial); ours != official {
					t.Errorf("%s, DisableClockSkewCorrection %v, middleware stack %v:\nours:     %s\nofficial: %s",
						s.name, disable, stack, ours, official)
				}
			}
		}
	}
}

// ttlValue is the ttl of an amz-sdk-request header.
var ttlValue = regexp.MustCompile(`ttl=(\d{8}T\d{6}Z)`)

// TestSDKRequestTTL compares the amz-sdk-request header of each attempt
// of a call with a deadline, retried after answers from a service whose
// clock is ten minutes ahead and then after one without a Date: the
// attempt after a skewed answer carries the deadline on the service's
// clock as its ttl, and the one after an answer without a Date none.
func TestSDKRequestTTL(t *testing.T) {
	deadline := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	unavailable := answer{status: http.StatusServiceUnavailable, body: "busy"}
	for _, s := range services {
		for _, stack := range []bool{false, true} {
			run := func(call func(context.Context, aws.Config) error) string {
				rec := &recordingSequence{answerSequence: answerSequence{
					answers: []answer{withDate(unavailable, 10*time.Minute), unavailable, s.ok}}}
				cfg := aws.Config{Region: "us-west-2", HTTPClient: rec, Retryer: noDelayRetryer, APIOptions: onStack(stack),
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				ctx, cancel := context.WithDeadline(context.Background(), deadline)
				defer cancel()
				err := call(ctx, cfg)
				var values []string
				for _, h := range rec.headers {
					value := h.Get("Amz-Sdk-Request")
					// The skew is measured against the local clock when
					// the answer arrives: the ttl is checked to the second
					// around the deadline ten minutes on, then written out.
					if m := ttlValue.FindStringSubmatch(value); m != nil {
						ttl, _ := time.Parse("20060102T150405Z", m[1])
						if d := ttl.Sub(deadline.Add(10 * time.Minute)); d < -2*time.Second || d > 2*time.Second {
							t.Errorf("%s: ttl %s is %v from the deadline on the service's clock", s.name, m[1], d)
						}
						value = strings.Replace(value, m[0], "ttl=<deadline on the service's clock>", 1)
					}
					values = append(values, value)
				}
				return fmt.Sprintf("%q, error %v", values, err)
			}
			ours, official := run(s.callOurs), run(s.callOfficial)
			if ours != official {
				t.Errorf("%s, middleware stack %v:\nours:     %s\nofficial: %s", s.name, stack, ours, official)
			}
			if !strings.Contains(official, "ttl=") {
				t.Errorf("%s: no attempt carried a ttl: %s", s.name, official)
			}
		}
	}
}
