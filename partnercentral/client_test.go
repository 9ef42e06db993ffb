package partnercentral_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// noBackoff retries at once, so retry tests run fast (the standard retryer
// waits at least a second after a throttling error).
var noBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

// fixedTokenProvider hands out numbered tokens and counts the calls.
type fixedTokenProvider struct {
	mu    sync.Mutex
	calls int
}

func (p *fixedTokenProvider) GetIdempotencyToken() (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", p.calls), nil
}

func (p *fixedTokenProvider) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

func newClient(srv *testutil.Server, optFns ...func(*partnercentral.Options)) *partnercentral.Client {
	return partnercentral.New(partnercentral.Options{
		Region:                   "us-east-1",
		BaseEndpoint:             srv.Endpoint(),
		Credentials:              testutil.Credentials,
		HTTPSignerV4:             testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:                  retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff }),
		IdempotencyTokenProvider: &fixedTokenProvider{},
	}, optFns...)
}

// realEndpoint sends to the service's own endpoint, delivered to the
// capture server with the real Host, so signatures are reproducible.
func realEndpoint(srv *testutil.Server) func(*partnercentral.Options) {
	return func(o *partnercentral.Options) {
		o.BaseEndpoint = nil
		o.HTTPClient = srv.HTTPClient()
	}
}

// valid returns an input that satisfies every constraint, token included.
func valid() *partnercentral.CreateResourceSnapshotInput {
	return &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		ClientToken:                        aws.String("3f1c2a3e-7b4d-4e8f-9a0b-1c2d3e4f5a6b"),
		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("MyTemplate"),
		ResourceType:                       types.ResourceTypeOpportunity,
	}
}

// withoutToken returns valid() with ClientToken left for the client to fill.
func withoutToken() *partnercentral.CreateResourceSnapshotInput {
	in := valid()
	in.ClientToken = nil
	return in
}

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	unicode := valid()
	unicode.ClientToken = aws.String("tok \"quoted\" \\ back/slash 雪😀\t<&>\x01\u0085")
	cases := []struct {
		name string
		in   *partnercentral.CreateResourceSnapshotInput
	}{
		{"every_member", valid()},
		{"token_filled", withoutToken()},
		{"sandbox_catalog_longest_identifiers", &partnercentral.CreateResourceSnapshotInput{
			Catalog:                            aws.String("Sandbox"),
			EngagementIdentifier:               aws.String("eng-zzzzzzzzzzzzzz"),
			ResourceIdentifier:                 aws.String("O1234567890123456789"),
			ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummaryView"),
			ResourceType:                       types.ResourceTypeOpportunity,
		}},
		{"unicode_and_escapes", unicode},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: `{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource-snapshot/1","Revision":1}`})
			before := cloneInput(c.in)
			out, err := newClient(srv, realEndpoint(srv)).CreateResourceSnapshot(context.Background(), c.in)
			if err != nil {
				t.Fatal(err)
			}
			if out.Arn == nil || out.Revision == nil || *out.Revision != 1 {
				t.Errorf("output %+v", out)
			}
			testutil.Golden(t, c.name, testutil.Snapshot(srv.Requests()[0]))
			if diff := cmp.Diff(before, c.in); diff != "" {
				t.Errorf("the caller's input changed (-before +after):\n%s", diff)
			}
		})
	}
}

// cloneInput copies in and the strings it points to.
func cloneInput(in *partnercentral.CreateResourceSnapshotInput) *partnercentral.CreateResourceSnapshotInput {
	clone := *in
	for _, p := range []**string{&clone.Catalog, &clone.ClientToken, &clone.EngagementIdentifier,
		&clone.ResourceIdentifier, &clone.ResourceSnapshotTemplateIdentifier} {
		if *p != nil {
			*p = aws.String(**p)
		}
	}
	return &clone
}

func TestTokenFilledPerCallNotInInput(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	tokens := &fixedTokenProvider{}
	client := newClient(srv, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = tokens })
	in := withoutToken()
	for range 2 {
		if _, err := client.CreateResourceSnapshot(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	if in.ClientToken != nil {
		t.Errorf("the caller's ClientToken was set to %q", *in.ClientToken)
	}
	reqs := srv.Requests()
	first, second := clientToken(t, reqs[0].Body), clientToken(t, reqs[1].Body)
	if first != "00000000-0000-4000-8000-000000000001" || first == second {
		t.Errorf("tokens %q and %q: want a fresh token per call", first, second)
	}
	if n := tokens.count(); n != 2 {
		t.Errorf("token provider called %d times, want 2", n)
	}
}

func TestGivenTokenSentUnchanged(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	tokens := &fixedTokenProvider{}
	client := newClient(srv, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = tokens })
	if _, err := client.CreateResourceSnapshot(context.Background(), valid()); err != nil {
		t.Fatal(err)
	}
	if got := clientToken(t, srv.Requests()[0].Body); got != *valid().ClientToken {
		t.Errorf("token = %q", got)
	}
	if n := tokens.count(); n != 0 {
		t.Errorf("token provider called %d times for a given token", n)
	}
}

func TestDefaultTokenIsUUIDv4(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	client := partnercentral.New(partnercentral.Options{
		Region: "us-east-1", BaseEndpoint: srv.Endpoint(), Credentials: testutil.Credentials,
	})
	if client.Options().IdempotencyTokenProvider == nil {
		t.Fatal("New left IdempotencyTokenProvider nil")
	}
	if _, err := client.CreateResourceSnapshot(context.Background(), withoutToken()); err != nil {
		t.Fatal(err)
	}
	token := clientToken(t, srv.Requests()[0].Body)
	if len(token) != 36 || token[14] != '4' || token[8] != '-' {
		t.Errorf("token %q is not a version 4 UUID", token)
	}
}

func TestTokenProviderFailure(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	client := newClient(srv, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = failingTokens{} })
	_, err := client.CreateResourceSnapshot(context.Background(), withoutToken())
	if err == nil || !errors.Is(err, errNoEntropy) {
		t.Fatalf("error = %v, want the provider's error", err)
	}
	if n := srv.Count(); n != 0 {
		t.Errorf("the server saw %d requests", n)
	}
}

var errNoEntropy = errors.New("no entropy")

type failingTokens struct{}

func (failingTokens) GetIdempotencyToken() (string, error) { return "", errNoEntropy }

func TestDecodeEveryMember(t *testing.T) {
	t.Parallel()
	arn := "arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource-snapshot/O1234567/MyTemplate/7"
	srv := testutil.NewServer(t, testutil.Response{
		Body:   `{"Arn":"` + arn + `","Revision":7}`,
		Header: map[string]string{"X-Amzn-RequestId": "req-123", "Content-Type": "application/x-amz-json-1.0"},
	})
	out, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid())
	if err != nil {
		t.Fatal(err)
	}
	want := &partnercentral.CreateResourceSnapshotOutput{Arn: aws.String(arn), Revision: aws.Int32(7)}
	if diff := cmp.Diff(want, out, cmpopts.IgnoreFields(partnercentral.CreateResourceSnapshotOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-123" {
		t.Errorf("request ID = %q, want req-123", id)
	}
}

func TestDecodeEdgeCases(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		want       *partnercentral.CreateResourceSnapshotOutput
	}{
		{"empty body", ``, &partnercentral.CreateResourceSnapshotOutput{}},
		{"white space body", " \n", &partnercentral.CreateResourceSnapshotOutput{}},
		{"empty object", `{}`, &partnercentral.CreateResourceSnapshotOutput{}},
		{"nulls", `{"Arn":null,"Revision":null}`, &partnercentral.CreateResourceSnapshotOutput{}},
		{"unknown members", `{"New":{"x":[1,{"y":null}]},"Arn":"arn:aws:x","Extra":true,"Revision":2}`,
			&partnercentral.CreateResourceSnapshotOutput{Arn: aws.String("arn:aws:x"), Revision: aws.Int32(2)}},
		{"revision is not checked against its minimum", `{"Revision":0}`,
			&partnercentral.CreateResourceSnapshotOutput{Revision: aws.Int32(0)}},
		{"largest revision", `{"Revision":2147483647}`,
			&partnercentral.CreateResourceSnapshotOutput{Revision: aws.Int32(2147483647)}},
		{"arn is not checked against its pattern", `{"Arn":"not-an-arn"}`,
			&partnercentral.CreateResourceSnapshotOutput{Arn: aws.String("not-an-arn")}},
		{"escaped member name and value", `{"\u0041rn":"arn:\u00e9\ud83d\ude00"}`,
			&partnercentral.CreateResourceSnapshotOutput{Arn: aws.String("arn:é😀")}},
		{"member names are case-sensitive", `{"arn":"a","revision":3}`, &partnercentral.CreateResourceSnapshotOutput{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: c.body})
			out, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, out, cmpopts.IgnoreFields(partnercentral.CreateResourceSnapshotOutput{}, "ResultMetadata")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMalformedResponses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		status int
		body   string
	}{
		{"html", 200, `<html><body>Service Unavailable</body></html>`},
		{"truncated", 200, `{"Arn":"arn:aws:partnercentral`},
		{"wrong type", 200, `{"Arn":5}`},
		{"revision as a string", 200, `{"Revision":"1"}`},
		{"revision with a fraction", 200, `{"Revision":1.5}`},
		{"int32 overflow", 200, `{"Revision":2147483648}`},
		{"array at top", 200, `[]`},
		{"html error", 502, `<html><body>Bad Gateway</body></html>`},
		{"truncated error", 400, `{"__type":"ValidationException","Message":"bad`},
		{"error member of the wrong type", 400, `{"__type":"ValidationException","ErrorList":"none"}`},
		{"error list item of the wrong type", 400, `{"__type":"ValidationException","ErrorList":[{"Code":1}]}`},
		{"non-string __type", 400, `{"__type":5}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: c.status, Body: c.body, Header: map[string]string{"X-Amzn-RequestId": "req-9"}})
			_, err := newClient(srv, func(o *partnercentral.Options) { o.RetryMaxAttempts = 1 }).
				CreateResourceSnapshot(context.Background(), valid())
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *smithy.DeserializationError", err)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != c.status || re.ServiceRequestID() != "req-9" {
				t.Errorf("status and request ID not reachable: %v", err)
			}
		})
	}
}

// clientToken returns the ClientToken member of a request body.
func clientToken(t *testing.T, body string) string {
	t.Helper()
	var fields struct{ ClientToken *string }
	if err := json.Unmarshal([]byte(body), &fields); err != nil || fields.ClientToken == nil {
		t.Fatalf("no ClientToken in %s (%v)", body, err)
	}
	return *fields.ClientToken
}

// TestNilTokenProviderStillFills: a call whose options clear the provider
// still gets a random token (the official client would leave the token
// unset and fail its required-member check).
func TestNilTokenProviderStillFills(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	_, err := newClient(srv).CreateResourceSnapshot(context.Background(), withoutToken(),
		func(o *partnercentral.Options) { o.IdempotencyTokenProvider = nil })
	if err != nil {
		t.Fatal(err)
	}
	if token := clientToken(t, srv.Requests()[0].Body); len(token) != 36 {
		t.Errorf("token %q is not a UUID", token)
	}
}
