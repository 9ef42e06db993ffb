package datazone

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/testutil"
)

// bodyToken returns the clientToken member of a request body.
func bodyToken(t *testing.T, body string) string {
	t.Helper()
	var decoded struct {
		ClientToken *string `json:"clientToken"`
	}
	if err := json.Unmarshal([]byte(body), &decoded); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	if decoded.ClientToken == nil {
		t.Fatalf("body %q has no clientToken", body)
	}
	return *decoded.ClientToken
}

func TestIdempotencyTokenFilledOnACopy(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint())
	in := fullInput()
	in.ClientToken = nil
	before := fullInput()
	before.ClientToken = nil
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, in); diff != "" {
		t.Errorf("the caller's input changed (-before +after):\n%s", diff)
	}
	if got := bodyToken(t, server.Requests()[0].Body); got != testToken {
		t.Errorf("token %q, want %q", got, testToken)
	}
}

func TestIdempotencyTokenGivenIsSentUnchanged(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint())
	in := requiredInput()
	in.ClientToken = aws.String("caller-token-1")
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if got := bodyToken(t, server.Requests()[0].Body); got != "caller-token-1" {
		t.Errorf("token %q, want caller-token-1", got)
	}
}

func TestIdempotencyTokenDefaultProvider(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := New(Options{Region: "us-east-1", Credentials: testutil.Credentials, BaseEndpoint: server.Endpoint()})
	if client.Options().IdempotencyTokenProvider == nil {
		t.Fatal("New left IdempotencyTokenProvider nil")
	}
	for range 2 {
		if _, err := client.CreateAssetRevision(context.Background(), requiredInput()); err != nil {
			t.Fatal(err)
		}
	}
	uuidV4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	requests := server.Requests()
	first, second := bodyToken(t, requests[0].Body), bodyToken(t, requests[1].Body)
	if !uuidV4.MatchString(first) || !uuidV4.MatchString(second) || first == second {
		t.Errorf("tokens %q and %q are not two distinct version 4 UUIDs", first, second)
	}
}

// TestRetrySendsTheSameToken checks that a 500 and then a 200 make two
// requests with the same body and token, each signed afresh for its
// attempt.
func TestRetrySendsTheSameToken(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t,
		testutil.Response{Status: 500, Header: map[string]string{"X-Amzn-ErrorType": "InternalServerException"}, Body: `{"message":"try again"}`},
		testutil.Response{Status: 200, Body: `{"id":"3t2ng8cp3dqxmb"}`},
	)
	client := newTestClient(server.Endpoint(), func(o *Options) {
		o.IdempotencyTokenProvider = &countingTokens{}
	})
	out, err := client.CreateAssetRevision(context.Background(), requiredInput())
	if err != nil {
		t.Fatal(err)
	}
	if *out.Id != "3t2ng8cp3dqxmb" {
		t.Errorf("id %q", *out.Id)
	}
	requests := server.Requests()
	if len(requests) != 2 {
		t.Fatalf("sent %d requests, want 2", len(requests))
	}
	if a, b := bodyToken(t, requests[0].Body), bodyToken(t, requests[1].Body); a != "token-1" || b != "token-1" {
		t.Errorf("tokens %q and %q, want token-1 twice", a, b)
	}
	for i, want := range []string{"attempt=1; max=3", "attempt=2; max=3"} {
		if got := requests[i].Header.Get("Amz-Sdk-Request"); got != want {
			t.Errorf("attempt %d: amz-sdk-request %q, want %q", i+1, got, want)
		}
	}
	if requests[0].Header.Get("Authorization") == requests[1].Header.Get("Authorization") {
		t.Error("both attempts carry the same signature")
	}
}

// countingTokens returns token-1, token-2, ... so that a second token
// would show.
type countingTokens struct{ n int }

func (c *countingTokens) GetIdempotencyToken() (string, error) {
	c.n++
	return "token-" + strconv.Itoa(c.n), nil
}

func TestRetryOnThrottling(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t,
		testutil.Response{Status: 429, Header: map[string]string{"X-Amzn-ErrorType": "ThrottlingException"}, Body: `{"message":"slow down"}`},
		testutil.Response{Status: 200, Body: `{}`},
	)
	if _, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput()); err != nil {
		t.Fatal(err)
	}
	if n := server.Count(); n != 2 {
		t.Errorf("sent %d requests, want 2", n)
	}
}

func TestNoRetryOnClientErrors(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t, testutil.Response{Status: 409, Header: map[string]string{"X-Amzn-ErrorType": "ConflictException"}})
	_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput())
	var conflict *types.ConflictException
	if !errors.As(err, &conflict) {
		t.Fatalf("error %v is not a ConflictException", err)
	}
	if n := server.Count(); n != 1 {
		t.Errorf("sent %d requests, want 1", n)
	}
}

func TestRetriesStopAtMaxAttempts(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t, testutil.Response{Status: 503, Body: `{"message":"unavailable"}`})
	_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput(),
		func(o *Options) { o.RetryMaxAttempts = 2 })
	var maxErr *retry.MaxAttemptsError
	if !errors.As(err, &maxErr) || maxErr.Attempt != 2 {
		t.Fatalf("error %v is not a MaxAttemptsError after 2 attempts", err)
	}
	if n := server.Count(); n != 2 {
		t.Errorf("sent %d requests, want 2", n)
	}
}

func TestCancelledContextStopsTheCall(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t, testutil.Response{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := newTestClient(server.Endpoint()).CreateAssetRevision(ctx, requiredInput())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v is not the context's deadline", err)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("the call took %v after the deadline", elapsed)
	}
	if n := server.Count(); n != 1 {
		t.Errorf("sent %d requests, want 1", n)
	}
}

func TestCancelledContextStopsRetries(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t, testutil.Response{Status: 500, Body: `{}`})
	ctx, cancel := context.WithCancel(context.Background())
	client := newTestClient(server.Endpoint(), func(o *Options) {
		o.Retryer = retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
				cancel()
				return time.Hour, nil
			})
		})
	})
	_, err := client.CreateAssetRevision(ctx, requiredInput())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v is not the cancellation", err)
	}
	if n := server.Count(); n != 1 {
		t.Errorf("sent %d requests, want 1", n)
	}
}
