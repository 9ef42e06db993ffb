package datazone

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// testToken is the idempotency token of the test clients.
const testToken = "00000000-0000-4000-8000-000000000000"

// fixedToken is an IdempotencyTokenProvider that always returns itself.
type fixedToken string

func (t fixedToken) GetIdempotencyToken() (string, error) { return string(t), nil }

// noDelayRetryer is the standard retryer without back-off delays.
func noDelayRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// newTestClient returns a client for the capture server (or, with a nil
// endpoint, for the default endpoint) with fixed credentials, signing time
// and idempotency token, and retries without delays.
func newTestClient(endpoint *string, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:                   "us-east-1",
		Credentials:              testutil.Credentials,
		BaseEndpoint:             endpoint,
		HTTPSignerV4:             testutil.FixedSigner{Time: testutil.SigningTime},
		IdempotencyTokenProvider: fixedToken(testToken),
		Retryer:                  noDelayRetryer(),
	}, optFns...)
}

// requiredInput returns an input with only the required members set.
func requiredInput() *CreateAssetRevisionInput {
	return &CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_4p9n6sw4qt9xgn"),
		Identifier:       aws.String("3t2ng8cp3dqxmb"),
		Name:             aws.String("orders"),
	}
}

// fullInput returns an input with every member set.
func fullInput() *CreateAssetRevisionInput {
	return &CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_4p9n6sw4qt9xgn"),
		Identifier:       aws.String("3t2ng8cp3dqxmb"),
		Name:             aws.String("orders"),
		ClientToken:      aws.String("f8d4c2a6-1b7e-4e39-9a51-0c3d2b6e8f17"),
		Description:      aws.String("Daily orders, partitioned by day."),
		FormsInput: []types.FormInput{
			{
				FormName:       aws.String("AssetCommonDetailsForm"),
				TypeIdentifier: aws.String("amazon.datazone.AssetCommonDetailsFormType"),
				TypeRevision:   aws.String("7"),
				Content:        aws.String(`{"description":"x"}`),
			},
			{FormName: aws.String("_1")},
		},
		GlossaryTerms: []string{"term-1", "term_2"},
		PredictionConfiguration: &types.PredictionConfiguration{
			BusinessNameGeneration: &types.BusinessNameGenerationConfiguration{Enabled: aws.Bool(true)},
		},
		TypeRevision: aws.String("3"),
	}
}

// ignoreUnexported lets cmp compare the types, which carry the
// unexported document marker.
var ignoreUnexported = cmpopts.IgnoreUnexported(
	CreateAssetRevisionInput{}, CreateAssetRevisionOutput{},
	types.FormInput{}, types.FormOutput{}, types.AssetListingDetails{},
	types.PredictionConfiguration{}, types.BusinessNameGenerationConfiguration{},
	types.TimeSeriesDataPointSummaryFormOutput{},
)

// wire is an HTTPClient that answers in memory and records the requests
// it is sent, for requests to the real default endpoint.
type wire struct {
	mu       sync.Mutex
	requests []testutil.Request
	status   int
	body     string
}

func (w *wire) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	w.mu.Lock()
	w.requests = append(w.requests, testutil.Request{
		Method: req.Method, Path: req.URL.EscapedPath(), Host: req.Host,
		Header: req.Header.Clone(), Body: string(body), Attempt: len(w.requests) + 1,
	})
	w.mu.Unlock()
	status, respBody := w.status, w.body
	if status == 0 {
		status, respBody = 200, "{}"
	}
	return &http.Response{
		StatusCode: status, Status: http.StatusText(status), Proto: "HTTP/1.1",
		Header:        http.Header{"X-Amzn-Requestid": {"wire-request"}, "Content-Type": {"application/json"}},
		Body:          io.NopCloser(strings.NewReader(respBody)),
		ContentLength: int64(len(respBody)),
		Request:       req,
	}, nil
}

// goldenSigner signs at the fixed time with a fixed invocation ID, so
// that the whole signature is reproducible.
type goldenSigner struct{}

func (goldenSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string,
	signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	r.Header.Set("Amz-Sdk-Invocation-Id", "11111111-2222-4333-8444-555555555555")
	return testutil.FixedSigner{Time: testutil.SigningTime}.SignHTTP(ctx, creds, r, payloadHash, service, region, signingTime, optFns...)
}

// render shows a captured request for a golden file: the snapshot (whose
// headers include Host, which the signer sets) with the Content-Length the
// signature covers.
func render(r testutil.Request) string {
	first, rest, _ := strings.Cut(testutil.Snapshot(r), "\n")
	return first + "\nContent-Length: " + strconv.Itoa(len(r.Body)) + "\n" + rest
}

// violations returns the validation violations inside err, or fails.
func violations(t *testing.T, err error) []*validate.Violation {
	t.Helper()
	var invalid *smithy.InvalidParamsError
	if !errors.As(err, &invalid) {
		t.Fatalf("error %v (%T) is not an *smithy.InvalidParamsError", err, err)
	}
	var out []*validate.Violation
	for _, e := range invalid.Errs() {
		var v *validate.Violation
		if !errors.As(e, &v) {
			t.Fatalf("violation %v (%T) is not a *validate.Violation", e, e)
		}
		out = append(out, v)
	}
	return out
}
