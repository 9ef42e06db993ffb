package partnercentral

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// fzToken is the token fzTokens makes.
const fzToken = "fuzz-token"

type fzTokens struct{}

func (fzTokens) GetIdempotencyToken() (string, error) { return fzToken, nil }

func fzClient(transport *testutil.FuzzTransport, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:  transport,
		Retryer:     aws.NopRetryer{},
		// A fixed token keeps the bodies of calls that leave it nil known.
		IdempotencyTokenProvider: fzTokens{},
	}, optFns...)
}

// FuzzCreateResourceSnapshotOutput feeds arbitrary bodies to the output
// decoder: it never panics, and it accepts only bodies whose first value is
// a JSON object or null.
func FuzzCreateResourceSnapshotOutput(f *testing.F) {
	f.Add(`{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/x","Revision":12}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r jsonwire.Reader
		r.Reset(body)
		if r.Empty() {
			return
		}
		var out CreateResourceSnapshotOutput
		decodeCreateResourceSnapshotOutput(&r, &out)
		if r.Err() != nil {
			return
		}
		var v any
		if err := json.NewDecoder(strings.NewReader(body)).Decode(&v); err != nil {
			t.Fatalf("decoder accepted %q, which is not JSON: %v", body, err)
		}
		if _, ok := v.(map[string]any); !ok && v != nil {
			t.Fatalf("decoder accepted %q, which is not an object", body)
		}
	})
}

// FuzzCreateResourceSnapshotResponse runs whole calls against arbitrary
// responses: a call returns an output or an error, never both, never a
// panic; every error names the operation and carries the status and
// request ID; a non-2xx status always gives an API error or a
// deserialization error.
func FuzzCreateResourceSnapshotResponse(f *testing.F) {
	f.Add(200, "", `{"Arn":"a","Revision":1}`)
	f.Add(400, "", `{"__type":"ValidationException","Message":"bad","Reason":"REQUEST_VALIDATION_FAILED","ErrorList":[{"FieldName":"f","Message":"m","Code":"INVALID_VALUE"}]}`)
	f.Add(403, "AccessDeniedException", `{"Message":"no","Reason":"INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE"}`)
	f.Add(502, "", `<html>bad gateway</html>`)
	transport := &testutil.FuzzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + testutil.Abs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.Status, transport.Header, transport.Body = status, header, body
		out, err := client.CreateResourceSnapshot(context.Background(), &CreateResourceSnapshotInput{
			Catalog: aws.String("AWS"), EngagementIdentifier: aws.String("eng-0123456789abcd"),
			ResourceType: types.ResourceTypeOpportunity, ResourceIdentifier: aws.String("O1234567"),
			ResourceSnapshotTemplateIdentifier: aws.String("Template"),
		})
		testutil.CheckOutcome(t, "CreateResourceSnapshot", status, out != nil, err)
	})
}

// fzClientTokenPattern is the model's ^.{1,255}$ with ECMAScript's '.',
// which excludes the four line terminators, in RE2.
var fzClientTokenPattern = regexp.MustCompile(`^[^\n\r\x{2028}\x{2029}]{1,255}$`)

// FuzzCreateResourceSnapshotInput builds inputs from arbitrary values.
// Validate never panics and returns nil or an InvalidParamsError; the
// client token rewrite agrees with the model's pattern; a call sends
// exactly when its validation mode accepts the input (a nil token is
// filled first), the body it sends is JSON holding exactly the input's
// members, and the input is never modified.
func FuzzCreateResourceSnapshotInput(f *testing.F) {
	f.Add("AWS", "tok-1", "eng-0123456789abcd", "O1234567", "Template", "Opportunity", uint8(0xff))
	f.Add("A W S", "a\u2028b", "eng-X", "O", "ab", "Other", uint8(0x3d))
	transport := &testutil.FuzzTransport{Status: 200, Body: `{}`}
	clients := map[ValidationMode]*Client{}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		clients[mode] = fzClient(transport, func(o *Options) { o.Validation = mode })
	}
	f.Fuzz(func(t *testing.T, catalog, token, engagement, resource, template, resourceType string, set uint8) {
		if got, want := clientTokenPattern.Match(token), fzClientTokenPattern.MatchString(token); got != want {
			t.Fatalf("client token pattern on %q = %v, the model's pattern says %v", token, got, want)
		}
		in := &CreateResourceSnapshotInput{}
		fzSet(set, 0, &in.Catalog, catalog)
		fzSet(set, 1, &in.ClientToken, token)
		fzSet(set, 2, &in.EngagementIdentifier, engagement)
		fzSet(set, 3, &in.ResourceIdentifier, resource)
		fzSet(set, 4, &in.ResourceSnapshotTemplateIdentifier, template)
		if set&(1<<5) != 0 {
			in.ResourceType = types.ResourceType(resourceType)
		}
		before := *in
		verr := in.Validate()
		if verr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(verr, &invalid) {
				t.Fatalf("Validate returned %T %v", verr, verr)
			}
			_ = verr.Error()
		}
		required := in.Catalog != nil && in.EngagementIdentifier != nil && in.ResourceIdentifier != nil &&
			in.ResourceSnapshotTemplateIdentifier != nil && in.ResourceType != ""
		for mode, accepts := range map[ValidationMode]bool{
			ValidationFull: verr == nil, ValidationRequiredOnly: required, ValidationOff: true,
		} {
			transport.Reset()
			_, err := clients[mode].CreateResourceSnapshot(context.Background(), in)
			if got := len(transport.Sent) == 1; got != accepts {
				t.Fatalf("mode %v: sent %d requests (error %v), want sending %v", mode, len(transport.Sent), err, accepts)
			}
			if !accepts {
				var invalid smithy.InvalidParamsError
				if !errors.As(err, &invalid) {
					t.Fatalf("mode %v: refused with %T %v", mode, err, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("mode %v: %v", mode, err)
			}
			fzCheckBody(t, transport.Sent[0], in)
		}
		if !reflect.DeepEqual(before, *in) {
			t.Fatalf("input modified (-before +after):\n%s", cmp.Diff(before, *in))
		}
	})
}

func fzSet(set uint8, bit uint, field **string, v string) {
	if set&(1<<bit) != 0 {
		*field = &v
	}
}

// fzResourceSnapshotBody is the request body as encoding/json reads it.
type fzResourceSnapshotBody struct {
	Catalog                            *string
	ClientToken                        *string
	EngagementIdentifier               *string
	ResourceIdentifier                 *string
	ResourceSnapshotTemplateIdentifier *string
	ResourceType                       *string
}

func fzCheckBody(t *testing.T, body string, in *CreateResourceSnapshotInput) {
	t.Helper()
	if !json.Valid([]byte(body)) {
		t.Fatalf("body %q is not JSON", body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var got fzResourceSnapshotBody
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	token := in.ClientToken
	if token == nil {
		token = aws.String(fzToken)
	}
	want := fzResourceSnapshotBody{
		Catalog: testutil.JSONPtr(in.Catalog), ClientToken: testutil.JSONPtr(token),
		EngagementIdentifier: testutil.JSONPtr(in.EngagementIdentifier), ResourceIdentifier: testutil.JSONPtr(in.ResourceIdentifier),
		ResourceSnapshotTemplateIdentifier: testutil.JSONPtr(in.ResourceSnapshotTemplateIdentifier),
	}
	if in.ResourceType != "" {
		want.ResourceType = testutil.JSONPtr(aws.String(string(in.ResourceType)))
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}
