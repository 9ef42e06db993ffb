package memorydb_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
)

func call(client *memorydb.Client, ctx context.Context, optFns ...func(*memorydb.Options)) error {
	_, err := client.CopySnapshot(ctx, valid(), optFns...)
	return err
}

func TestRetryThenSuccess(t *testing.T) {
	t.Parallel()
	for _, first := range []testutil.Response{
		{Status: 503},
		{Status: 500, Body: `{"__type":"InternalFailure"}`},
		{Status: 400, Body: `{"__type":"ThrottlingException","message":"Rate exceeded"}`},
		{Status: 429, Body: `{"__type":"TooManyRequestsException"}`},
	} {
		srv := testutil.NewServer(t, first, testutil.Response{Body: `{"Snapshot":{"Name":"dst"}}`})
		out, err := newClient(srv).CopySnapshot(context.Background(), valid())
		if err != nil {
			t.Fatalf("after %d %s: %v", first.Status, first.Body, err)
		}
		if *out.Snapshot.Name != "dst" {
			t.Errorf("output %v", out.Snapshot)
		}
		reqs := srv.Requests()
		if len(reqs) != 2 {
			t.Fatalf("requests = %d, want 2", len(reqs))
		}
		if reqs[0].Header.Get("Authorization") == reqs[1].Header.Get("Authorization") {
			t.Error("both attempts carry the same signature")
		}
		if got := reqs[1].Header.Get("Amz-Sdk-Request"); got != "attempt=2; max=3" {
			t.Errorf("second attempt header = %q", got)
		}
		if reqs[0].Body != reqs[1].Body {
			t.Error("the retried body differs")
		}
	}
}

func TestRetriesStopAtMaxAttempts(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 503})
	err := call(newClient(srv), context.Background(), func(o *memorydb.Options) { o.RetryMaxAttempts = 4 })
	var maxErr *retry.MaxAttemptsError
	if !errors.As(err, &maxErr) || maxErr.Attempt != 4 {
		t.Fatalf("error = %v, want MaxAttemptsError after 4 attempts", err)
	}
	if n := srv.Count(); n != 4 {
		t.Errorf("requests = %d, want 4", n)
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 404, Body: `{"__type":"SnapshotNotFoundFault"}`})
	if err := call(newClient(srv), context.Background()); err == nil {
		t.Fatal("no error")
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestCancelStopsBackoff(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 503})
	slow := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := call(newClient(srv, func(o *memorydb.Options) { o.Retryer = slow }), ctx)
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

func TestDeadlineEndsStalledResponse(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := call(newClient(srv), ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v, want context.DeadlineExceeded in the chain", err)
	}
}

func TestClockSkewCorrection(t *testing.T) {
	t.Parallel()
	serverTime := time.Now().Add(time.Hour).UTC()
	srv := testutil.NewServer(t,
		testutil.Response{Status: 403, Header: map[string]string{"Date": serverTime.Format(http.TimeFormat)},
			Body: `{"__type":"InvalidSignatureException","message":"Signature expired: 20260101T000000Z is now earlier than ..."}`},
		testutil.Response{Body: `{}`},
	)
	client := newClient(srv, func(o *memorydb.Options) { o.HTTPSignerV4 = v4.NewSigner() })
	if err := call(client, context.Background()); err != nil {
		t.Fatalf("skewed call: %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("requests = %d, want 2", len(reqs))
	}
	signed, err := time.Parse("20060102T150405Z", reqs[1].Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatal(err)
	}
	if d := signed.Sub(serverTime); d < -time.Minute || d > time.Minute {
		t.Errorf("retry signed at %v, want near the server's %v", signed, serverTime)
	}
}

func TestResponseBodyBound(t *testing.T) {
	t.Parallel()
	big := `{"Snapshot":{"Name":"` + strings.Repeat("x", 4096) + `"}}`
	srv := testutil.NewServer(t, testutil.Response{Body: big})
	err := call(newClient(srv, func(o *memorydb.Options) { o.MaxResponseBytes = 1024 }), context.Background())
	var tooLarge *memorydb.ResponseTooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Limit != 1024 || !strings.Contains(err.Error(), "exceeds the limit of 1024 bytes") {
		t.Fatalf("error = %v, want the body limit", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 200 {
		t.Errorf("status not reachable: %v", err)
	}
}

func TestCallerInputUnchangedAndReusable(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	in := valid()
	before := *in
	client := newClient(srv)
	for range 2 {
		if _, err := client.CopySnapshot(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	if *in.SourceSnapshotName != *before.SourceSnapshotName || in.Tags != nil || in.KmsKeyId != nil {
		t.Error("the caller's input changed")
	}
}

func TestRefusesMisconfiguration(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		optFns func(*memorydb.Options)
		want   string
	}{
		{"nil middleware", func(o *memorydb.Options) {
			o.APIOptions = append(o.APIOptions, nil)
		}, "APIOptions[0] is nil"},
		{"plain http to a remote host", func(o *memorydb.Options) { o.BaseEndpoint = aws.String("http://example.com") }, "plain http"},
		{"no region", func(o *memorydb.Options) { o.BaseEndpoint = nil; o.Region = "" }, "Invalid Configuration: Missing Region"},
		{"invalid region", func(o *memorydb.Options) { o.BaseEndpoint = nil; o.Region = "us-east-1/../x" }, "invalid input region"},
		{"fips with a custom endpoint", func(o *memorydb.Options) {
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}, "FIPS and custom endpoint are not supported"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			err := call(newClient(srv), context.Background(), c.optFns)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error = %v, want one mentioning %q", err, c.want)
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("the server saw %d requests", n)
			}
		})
	}
}

func TestInsecureEndpointAndNilContext(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	err := call(newClient(srv, func(o *memorydb.Options) { o.BaseEndpoint = aws.String("http://example.com") }), context.Background())
	if !errors.Is(err, memorydb.ErrInsecureEndpoint) {
		t.Errorf("error = %v, want ErrInsecureEndpoint", err)
	}
	//lint:ignore SA1012 a nil context is what this checks
	if _, err := newClient(srv).CopySnapshot(nil, valid()); err == nil || !strings.Contains(err.Error(), "nil context") {
		t.Errorf("nil context: error = %v", err)
	}
	if n := srv.Count(); n != 0 {
		t.Errorf("the server saw %d requests", n)
	}
}

func TestDisableHTTPSOptsIn(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	client := newClient(srv, func(o *memorydb.Options) {
		o.BaseEndpoint = aws.String("https://memorydb.internal.example:8443/prefix")
		o.EndpointOptions.DisableHTTPS = true
		o.HTTPClient = srv.HTTPClient()
	})
	if err := call(client, context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.Requests()[0]; got.Host != "memorydb.internal.example:8443" || got.Path != "/prefix" {
		t.Errorf("request went to %s%s", got.Host, got.Path)
	}
}
