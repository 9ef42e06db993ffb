package neptunegraph_test

import (
	"context"
	"errors"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	smithyjson "github.com/aws/smithy-go/encoding/json"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
)

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		input    *neptunegraph.CreateGraphSnapshotInput
		optFns   []func(*neptunegraph.Options)
		wantBody string
	}{
		{
			name:     "required_only",
			input:    validInput(),
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"nightly-1"}`,
		},
		{
			name: "all_members",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-0123456789"),
				SnapshotName:    aws.String("weekly-2026-01-02"),
				Tags: map[string]string{
					"team": "graph", "Env": "prod", "cost-center": "42", "aws:created-by": "ci",
					"z/path": "x", "+plus": "p", "a.b_c": "", "=eq;<lt": "range",
				},
			},
			wantBody: `{"graphIdentifier":"g-0123456789","snapshotName":"weekly-2026-01-02","tags":{` +
				`"+plus":"p","=eq;<lt":"range","Env":"prod","a.b_c":"","aws:created-by":"ci",` +
				`"cost-center":"42","team":"graph","z/path":"x"}}`,
		},
		{
			name: "unicode_and_escapes",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"),
				SnapshotName:    aws.String("a"),
				Tags: map[string]string{
					"quote":   "say \"hi\" \\ back",
					"control": "line\nfeed\ttab\rcr\x01\x1f\b\f",
					"unicode": "é 日本 🎉 \u2028\u2029",
					"html":    "<a href=\"/x\">&amp;</a>",
				},
			},
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"a","tags":{` +
				`"control":"line\nfeed\ttab\rcr\u0001\u001f\u0008\u000c",` +
				`"html":"<a href=\"/x\">&amp;</a>",` +
				`"quote":"say \"hi\" \\ back",` +
				`"unicode":"é 日本 🎉 \u2028\u2029"}}`,
		},
		{
			name: "escapes_unchecked",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-\"é\""),
				SnapshotName:    aws.String("名前\n\\"),
				Tags:            map[string]string{"key\"\n": "v", "ключ": "значение"},
			},
			optFns:   []func(*neptunegraph.Options){func(o *neptunegraph.Options) { o.Validation = neptunegraph.ValidationOff }},
			wantBody: `{"graphIdentifier":"g-\"é\"","snapshotName":"名前\n\\","tags":{"key\"\n":"v","ключ":"значение"}}`,
		},
		{
			name: "empty_tags",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"),
				SnapshotName:    aws.String("z9"),
				Tags:            map[string]string{},
			},
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"z9","tags":{}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
			client := newGoldenClient(srv, tt.optFns...)
			if _, err := client.CreateGraphSnapshot(context.Background(), tt.input); err != nil {
				t.Fatal(err)
			}
			requests := srv.Requests()
			if len(requests) != 1 {
				t.Fatalf("server saw %d requests, want 1", len(requests))
			}
			req := requests[0]
			if diff := cmp.Diff(tt.wantBody, req.Body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			got := struct{ Method, Path, Host, ContentType string }{req.Method, req.Path, req.Host, req.Header.Get("Content-Type")}
			want := struct{ Method, Path, Host, ContentType string }{"POST", "/base/path/snapshots", goldenHost, "application/json"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("request line (-want +got):\n%s", diff)
			}
			testutil.Golden(t, tt.name, testutil.Snapshot(req))
		})
	}
}

// TestBodiesMatchSmithyEncoder checks the body against smithy-go's JSON
// encoder (the official client's), writing the tags in sorted order, over
// random strings with every kind of character.
func TestBodiesMatchSmithyEncoder(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	c := &capture{body: "{}"}
	client := newCaptureClient(c, func(o *neptunegraph.Options) { o.Validation = neptunegraph.ValidationOff })
	for i := 0; i < 500; i++ {
		in := &neptunegraph.CreateGraphSnapshotInput{}
		if rng.IntN(4) > 0 {
			in.GraphIdentifier = aws.String(randomString(rng))
		}
		if rng.IntN(4) > 0 {
			in.SnapshotName = aws.String(randomString(rng))
		}
		if rng.IntN(3) > 0 {
			in.Tags = map[string]string{}
			for n := rng.IntN(6); n > 0; n-- {
				in.Tags[randomString(rng)] = randomString(rng)
			}
		}
		if _, err := client.CreateGraphSnapshot(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(smithyBody(in), c.last()); diff != "" {
			t.Fatalf("input %#v: body differs from smithy-go's encoding (-want +got):\n%s", in, diff)
		}
	}
}

// randomString draws from ASCII, control characters, line separators,
// multi-byte runes and invalid UTF-8.
func randomString(rng *rand.Rand) string {
	pieces := []string{"a", "Z", "0", "-", ":", "/", "\"", "\\", "\n", "\t", "\r", "\x00", "\x1f", "\x7f",
		"<", ">", "&", "é", "日", "🎉", "\u2028", "\u2029", "\xff", "\xe2\x82", " "}
	var b strings.Builder
	for n := rng.IntN(8); n > 0; n-- {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// smithyBody encodes in with smithy-go's JSON encoder in the official
// member order, with the tags sorted.
func smithyBody(in *neptunegraph.CreateGraphSnapshotInput) string {
	enc := smithyjson.NewEncoder()
	object := enc.Value.Object()
	if in.GraphIdentifier != nil {
		object.Key("graphIdentifier").String(*in.GraphIdentifier)
	}
	if in.SnapshotName != nil {
		object.Key("snapshotName").String(*in.SnapshotName)
	}
	if in.Tags != nil {
		tags := object.Key("tags").Object()
		for _, key := range slices.Sorted(maps.Keys(in.Tags)) {
			tags.Key(key).String(in.Tags[key])
		}
		tags.Close()
	}
	object.Close()
	return string(enc.Bytes())
}

func TestInputNotMutated(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
	in := validInput()
	in.Tags = map[string]string{"b": "2", "a": "1"}
	want := &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-1"),
		Tags:            map[string]string{"a": "1", "b": "2"},
	}
	if _, err := newClient(srv).CreateGraphSnapshot(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("input changed (-want +got):\n%s", diff)
	}
}

func TestNilInput(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	_, err := newClient(srv).CreateGraphSnapshot(context.Background(), nil)
	want := []violation{{"GraphIdentifier", "required"}, {"SnapshotName", "required"}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 0 {
		t.Errorf("server saw %d requests, want 0", n)
	}
}

func TestRetries(t *testing.T) {
	t.Parallel()
	success := testutil.Response{Status: 201, Body: `{"id":"gs-abcde12345"}`}
	tests := []struct {
		name         string
		first        testutil.Response
		wantRequests int
		wantErrCode  string
	}{
		{"ThrottlingException is retried", testutil.Response{Status: 429,
			Header: map[string]string{"X-Amzn-ErrorType": "ThrottlingException"}, Body: `{"message":"slow down"}`}, 2, ""},
		{"ThrottlingException in the body is retried", testutil.Response{Status: 429,
			Body: `{"code":"ThrottlingException","message":"slow down"}`}, 2, ""},
		{"InternalServerException is retried", testutil.Response{Status: 500,
			Header: map[string]string{"X-Amzn-ErrorType": "InternalServerException:http://internal.amazon.com/coral/"}, Body: `{"message":"oops"}`}, 2, ""},
		{"503 without a code is retried", testutil.Response{Status: 503, Body: ""}, 2, ""},
		{"ValidationException is not retried", testutil.Response{Status: 400,
			Header: map[string]string{"X-Amzn-ErrorType": "ValidationException"}, Body: `{"message":"no"}`}, 1, "ValidationException"},
		{"ConflictException is not retried", testutil.Response{Status: 409,
			Header: map[string]string{"X-Amzn-ErrorType": "ConflictException"}, Body: `{"message":"taken"}`}, 1, "ConflictException"},
		{"ServiceQuotaExceededException is not retried", testutil.Response{Status: 402,
			Header: map[string]string{"X-Amzn-ErrorType": "ServiceQuotaExceededException"}, Body: `{"message":"quota"}`}, 1, "ServiceQuotaExceededException"},
		{"ResourceNotFoundException is not retried", testutil.Response{Status: 404,
			Header: map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, Body: `{"message":"none"}`}, 1, "ResourceNotFoundException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, tt.first, success)
			out, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
			requests := srv.Requests()
			if len(requests) != tt.wantRequests {
				t.Fatalf("server saw %d requests, want %d", len(requests), tt.wantRequests)
			}
			if tt.wantErrCode != "" {
				if code := errorCode(err); code != tt.wantErrCode {
					t.Fatalf("error %v has code %q, want %q", err, code, tt.wantErrCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(aws.String("gs-abcde12345"), out.Id); diff != "" {
				t.Errorf("Id (-want +got):\n%s", diff)
			}
			first, second := requests[0].Header, requests[1].Header
			if first.Get("Authorization") == second.Get("Authorization") {
				t.Error("both attempts carry the same signature")
			}
			got := []string{first.Get("Amz-Sdk-Request"), second.Get("Amz-Sdk-Request")}
			if diff := cmp.Diff([]string{"attempt=1; max=3", "attempt=2; max=3"}, got); diff != "" {
				t.Errorf("amz-sdk-request (-want +got):\n%s", diff)
			}
			if first.Get("Amz-Sdk-Invocation-Id") != second.Get("Amz-Sdk-Invocation-Id") {
				t.Error("the attempts carry different invocation IDs")
			}
			if requests[0].Body != requests[1].Body {
				t.Errorf("the attempts carry different bodies: %q and %q", requests[0].Body, requests[1].Body)
			}
		})
	}
}

func TestRetriesStopAtMaxAttempts(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 500,
		Header: map[string]string{"X-Amzn-ErrorType": "InternalServerException"}, Body: `{"message":"down"}`})
	_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 2 }).
		CreateGraphSnapshot(context.Background(), validInput())
	var maxErr *retry.MaxAttemptsError
	if !errors.As(err, &maxErr) {
		t.Fatalf("error %v is not a *retry.MaxAttemptsError", err)
	}
	if code := errorCode(err); code != "InternalServerException" {
		t.Errorf("code %q, want InternalServerException", code)
	}
	if n := srv.Count(); n != 2 {
		t.Errorf("server saw %d requests, want 2", n)
	}
}

func TestCancelledContextStopsRetries(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 500, Body: `{"message":"down"}`})
	slow := retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
	client := newClient(srv, func(o *neptunegraph.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = slow })
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client.CreateGraphSnapshot(ctx, validInput())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v does not wrap context.DeadlineExceeded", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("the call took %v after its context ended", elapsed)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}

	done, cancelNow := context.WithCancel(context.Background())
	cancelNow()
	if _, err := client.CreateGraphSnapshot(done, validInput()); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("a cancelled call reached the server: %d requests, want 1", n)
	}
}

func TestAnySuccessStatus(t *testing.T) {
	t.Parallel()
	for _, status := range []int{200, 201, 202, 204} {
		body := `{"id":"gs-abcde12345","status":"CREATING"}`
		if status == 204 {
			body = ""
		}
		srv := testutil.NewServer(t, testutil.Response{Status: status, Body: body,
			Header: map[string]string{"X-Amzn-RequestId": "req-" + strconv.Itoa(status)}})
		out, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
		if err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		requestID, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
		if requestID != "req-"+strconv.Itoa(status) {
			t.Errorf("status %d: request ID %q", status, requestID)
		}
	}
}

func TestPerCallOptions(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
	client := newClient(srv)
	in := validInput()
	in.SnapshotName = aws.String("gs-taken")
	if _, err := client.CreateGraphSnapshot(context.Background(), in); err == nil {
		t.Fatal("an invalid name was accepted")
	}
	_, err := client.CreateGraphSnapshot(context.Background(), in, func(o *neptunegraph.Options) {
		o.Validation = neptunegraph.ValidationRequiredOnly
	})
	if err != nil {
		t.Fatalf("required-only call failed: %v", err)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
	if client.Options().Validation != neptunegraph.ValidationFull {
		t.Error("a per-call option changed the client's options")
	}
}

func TestNewFromConfig(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: `{"id":"gs-abcde12345"}`})
	cfg := aws.Config{
		Region:       "eu-west-1",
		Credentials:  testutil.Credentials,
		BaseEndpoint: srv.Endpoint(),
		Retryer:      func() aws.Retryer { return retry.AddWithMaxAttempts(retry.NewStandard(), 1) },
	}
	out, err := neptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(context.Background(), validInput())
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Id) != "gs-abcde12345" {
		t.Errorf("Id %q", aws.ToString(out.Id))
	}
	requests := srv.Requests()
	if len(requests) != 1 || requests[0].Path != "/base/path/snapshots" {
		t.Fatalf("requests %+v, want one to /base/path/snapshots", requests)
	}
	header := requests[0].Header
	if scope := header.Get("Authorization"); !strings.Contains(scope, "/eu-west-1/neptune-graph/aws4_request") {
		t.Errorf("Authorization %q is not scoped to eu-west-1/neptune-graph", scope)
	}
	if attempt := header.Get("Amz-Sdk-Request"); attempt != "attempt=1; max=1" {
		t.Errorf("amz-sdk-request %q: the config's retryer was not used", attempt)
	}
}

func TestEmptyConfigWithOptions(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
	client := neptunegraph.NewFromConfig(aws.Config{}, func(o *neptunegraph.Options) {
		o.Region = "us-east-1"
		o.Credentials = testutil.Credentials
		o.BaseEndpoint = srv.Endpoint()
	})
	if _, err := client.CreateGraphSnapshot(context.Background(), validInput()); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}
