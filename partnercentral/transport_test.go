package partnercentral_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

const successBody = `{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource-snapshot/2","Revision":2}`

// TestRetryKeepsToken retries a throttled, a failed and a dropped attempt:
// every attempt carries the one token filled for the call.
func TestRetryKeepsToken(t *testing.T) {
	t.Parallel()
	for _, first := range []testutil.Response{
		{Status: 429, Body: `{"__type":"ThrottlingException","Message":"Rate exceeded"}`},
		{Status: 429, Header: map[string]string{"X-Amzn-ErrorType": "ThrottlingException"}},
		{Status: 500, Body: `{"__type":"InternalServerException","Message":"oops"}`},
		{Status: 503},
	} {
		t.Run(first.Body+first.Header["X-Amzn-ErrorType"], func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, first, testutil.Response{Body: successBody})
			tokens := &fixedTokenProvider{}
			client := newClient(srv, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = tokens })
			out, err := client.CreateResourceSnapshot(context.Background(), withoutToken())
			if err != nil {
				t.Fatalf("after %d: %v", first.Status, err)
			}
			if out.Revision == nil || *out.Revision != 2 {
				t.Errorf("output %+v", out)
			}
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("requests = %d, want 2", len(reqs))
			}
			if a, b := clientToken(t, reqs[0].Body), clientToken(t, reqs[1].Body); a != b || a != "00000000-0000-4000-8000-000000000001" {
				t.Errorf("tokens %q then %q, want the same filled token", a, b)
			}
			if n := tokens.count(); n != 1 {
				t.Errorf("token provider called %d times, want 1", n)
			}
			if reqs[0].Body != reqs[1].Body {
				t.Error("the retried body differs")
			}
			if reqs[0].Header.Get("Authorization") == reqs[1].Header.Get("Authorization") {
				t.Error("both attempts carry the same signature")
			}
			if got := reqs[1].Header.Get("Amz-Sdk-Request"); got != "attempt=2; max=3" {
				t.Errorf("second attempt header = %q", got)
			}
		})
	}
}

// TestThrottlingUsesStandardRetryer checks that the official retryer sees
// the typed ThrottlingException as a throttling error through its code
// (the model carries no retry trait).
func TestThrottlingUsesStandardRetryer(t *testing.T) {
	t.Parallel()
	throttled := &types.ThrottlingException{Message: aws.String("slow down")}
	standard := retry.NewStandard()
	if !standard.IsErrorRetryable(throttled) {
		t.Error("the standard retryer does not retry ThrottlingException")
	}
	if retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(throttled) != aws.TrueTernary {
		t.Error("ThrottlingException is not a throttling error")
	}
	for _, notRetried := range []error{
		&types.ServiceQuotaExceededException{}, &types.ValidationException{}, &types.ConflictException{},
		&types.AccessDeniedException{}, &types.ResourceNotFoundException{},
	} {
		if standard.IsErrorRetryable(notRetried) {
			t.Errorf("%T is retried", notRetried)
		}
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	for _, resp := range []testutil.Response{
		{Status: 402, Body: `{"__type":"ServiceQuotaExceededException","Message":"quota"}`},
		{Status: 400, Body: `{"__type":"ValidationException","Message":"bad","Reason":"REQUEST_VALIDATION_FAILED"}`},
		{Status: 409, Body: `{"__type":"ConflictException","Message":"conflict"}`},
		{Status: 404, Body: `{"__type":"ResourceNotFoundException","Message":"none"}`},
	} {
		srv := testutil.NewServer(t, resp)
		if _, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid()); err == nil {
			t.Fatal("no error")
		}
		if n := srv.Count(); n != 1 {
			t.Errorf("%d: requests = %d, want 1", resp.Status, n)
		}
	}
}

func TestRetriesStopAtMaxAttempts(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 429, Body: `{"__type":"ThrottlingException"}`})
	_, err := newClient(srv).CreateResourceSnapshot(context.Background(), withoutToken(),
		func(o *partnercentral.Options) { o.RetryMaxAttempts = 4 })
	var maxErr *retry.MaxAttemptsError
	if !errors.As(err, &maxErr) || maxErr.Attempt != 4 {
		t.Fatalf("error = %v, want MaxAttemptsError after 4 attempts", err)
	}
	var throttled *types.ThrottlingException
	if !errors.As(err, &throttled) {
		t.Errorf("error = %v, want the ThrottlingException inside", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 4 {
		t.Fatalf("requests = %d, want 4", len(reqs))
	}
	for _, r := range reqs[1:] {
		if r.Body != reqs[0].Body {
			t.Errorf("attempt %d sent %s, want %s", r.Attempt, r.Body, reqs[0].Body)
		}
	}
}

// flakyClient fails the first request as if the connection broke after
// it was sent, then passes requests on.
type flakyClient struct {
	next  partnercentral.HTTPClient
	calls atomic.Int32
}

func (c *flakyClient) Do(req *http.Request) (*http.Response, error) {
	if c.calls.Add(1) == 1 {
		return nil, errors.New("http2: stream closed")
	}
	return c.next.Do(req)
}

// TestIdempotentOperationRetriesSendFailure: the operation is @idempotent,
// so a request that may have reached the service is sent again.
func TestIdempotentOperationRetriesSendFailure(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Body: successBody})
	flaky := &flakyClient{next: http.DefaultClient}
	if _, err := newClient(srv, func(o *partnercentral.Options) { o.HTTPClient = flaky }).
		CreateResourceSnapshot(context.Background(), withoutToken()); err != nil {
		t.Fatal(err)
	}
	if n := flaky.calls.Load(); n != 2 {
		t.Errorf("attempts = %d, want 2", n)
	}
}

func TestCancelStopsRetries(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 429, Body: `{"__type":"ThrottlingException"}`})
	slow := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := newClient(srv, func(o *partnercentral.Options) { o.Retryer = slow }).CreateResourceSnapshot(ctx, valid())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled in the chain", err)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("cancel took %v", elapsed)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestCallerInputUnchangedAndReusable(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 429, Body: `{"__type":"ThrottlingException"}`},
		testutil.Response{Body: successBody})
	client := newClient(srv)
	for _, in := range []*partnercentral.CreateResourceSnapshotInput{valid(), withoutToken()} {
		before := cloneInput(in)
		for range 2 {
			if _, err := client.CreateResourceSnapshot(context.Background(), in); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(before, in); diff != "" {
			t.Errorf("the caller's input changed (-before +after):\n%s", diff)
		}
	}
}

func TestRefusesMisconfiguration(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		optFns func(*partnercentral.Options)
		want   string
	}{
		{"nil middleware", func(o *partnercentral.Options) {
			o.APIOptions = append(o.APIOptions, nil)
		}, "APIOptions[0] is nil"},
		{"plain http to a remote host", func(o *partnercentral.Options) { o.BaseEndpoint = aws.String("http://example.com") }, "plain http"},
		{"no region", func(o *partnercentral.Options) { o.BaseEndpoint = nil; o.Region = "" }, "Invalid Configuration: Missing Region"},
		{"invalid region", func(o *partnercentral.Options) { o.BaseEndpoint = nil; o.Region = "us-east-1/../x" }, "invalid input region"},
		{"fips with a custom endpoint", func(o *partnercentral.Options) {
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}, "FIPS and custom endpoint are not supported"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			_, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid(), c.optFns)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want one mentioning %q", err, c.want)
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("the server saw %d requests", n)
			}
		})
	}
}

func TestResponseBodyBound(t *testing.T) {
	t.Parallel()
	big := `{"Arn":"arn:` + strings.Repeat("x", 4096) + `"}`
	srv := testutil.NewServer(t, testutil.Response{Body: big})
	_, err := newClient(srv, func(o *partnercentral.Options) { o.MaxResponseBytes = 1024 }).
		CreateResourceSnapshot(context.Background(), valid())
	if err == nil || !strings.Contains(err.Error(), "exceeds the limit of 1024 bytes") {
		t.Fatalf("error = %v, want the body limit", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 200 {
		t.Errorf("status not reachable: %v", err)
	}
}

func TestNilInput(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	_, err := newClient(srv).CreateResourceSnapshot(context.Background(), nil)
	want := []violation{
		{"Catalog", "required"}, {"EngagementIdentifier", "required"}, {"ResourceType", "required"},
		{"ResourceIdentifier", "required"}, {"ResourceSnapshotTemplateIdentifier", "required"},
	}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 0 {
		t.Errorf("the server saw %d requests", n)
	}
}

func TestNewFromConfig(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Body: successBody})
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  testutil.Credentials,
		BaseEndpoint: srv.Endpoint(),
		AppID:        "my-app",
	}
	client := partnercentral.NewFromConfig(cfg, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = &fixedTokenProvider{} })
	out, err := client.CreateResourceSnapshot(context.Background(), withoutToken())
	if err != nil {
		t.Fatal(err)
	}
	if *out.Revision != 2 {
		t.Errorf("output %+v", out)
	}
	req := srv.Requests()[0]
	if req.Path != "/base/path" {
		t.Errorf("path = %s, want the base endpoint's path", req.Path)
	}
	if ua := req.Header.Get("User-Agent"); !strings.Contains(ua, "api/PartnerCentral_Selling") || !strings.Contains(ua, "app/my-app") {
		t.Errorf("User-Agent = %s", ua)
	}
	if !strings.Contains(req.Header.Get("Authorization"), "/us-east-1/partnercentral-selling/aws4_request") {
		t.Errorf("Authorization = %s", req.Header.Get("Authorization"))
	}
}
