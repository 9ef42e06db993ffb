package datazone

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"

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

// violations returns the validation violations inside err, or fails.
func violations(t *testing.T, err error) []*validate.Violation {
	t.Helper()
	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) {
		t.Fatalf("error %v (%T) is not a smithy.InvalidParamsError", err, err)
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
