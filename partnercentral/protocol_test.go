package partnercentral_test

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// protocolCase is one case of the shared awsJson1_0 protocol tests.
type protocolCase struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"`
	Method     string            `json:"method"`
	URI        string            `json:"uri"`
	Host       string            `json:"host"`
	Headers    map[string]string `json:"headers"`
	Body       *string           `json:"body"`
	Code       int               `json:"code"`
	ErrorShape string            `json:"errorShape"`
	Params     map[string]any    `json:"params"`
}

// errorShapeMap maps the test services' error shapes onto this service's
// errors, with the value each case must decode to (given its params).
var errorShapeMap = map[string]struct {
	code string
	want func(params map[string]any) error
}{
	// A message-only error whose body writes "Message".
	"InvalidGreeting": {"ConflictException", func(p map[string]any) error {
		return &types.ConflictException{Message: stringParam(p, "Message")}
	}},
	// Its members are not this error's: they must be ignored.
	"ComplexError": {"AccessDeniedException", func(map[string]any) error { return &types.AccessDeniedException{} }},
	// A server fault without members, like InternalServerException.
	"FooError": {"InternalServerException", func(map[string]any) error { return &types.InternalServerException{} }},
	// A message-only error whose body writes "message".
	"NoCustomCodeError": {"ResourceNotFoundException", func(p map[string]any) error {
		return &types.ResourceNotFoundException{Message: stringParam(p, "message")}
	}},
}

// notApplicable says why a case does not apply to CreateResourceSnapshot.
var notApplicable = map[string]string{
	"AwsJson10EndpointTrait":                           "the operation has no @endpoint host prefix",
	"AwsJson10EndpointTraitWithHostLabel":              "the operation has no @endpoint host prefix or @hostLabel",
	"QueryCompatibleAwsJson10CborSendsQueryModeHeader": "the service is not @awsQueryCompatible",
	"QueryCompatibleAwsJson10CustomCodeError":          "x-amzn-query-error codes apply only to @awsQueryCompatible services",
	"AwsJson10ClientErrorCorrectsWhenServerFailsToSerializeRequiredValues": "the output has no required members, " +
		"and the official Go clients do not fill missing ones (AwsJson10HandlesEmptyOutputShape covers {})",
}

// officialGoURI holds the request paths where the official Go clients
// knowingly differ from a vector, and which this client matches: since
// endpoint rules 2.0 they join a custom endpoint's path and "/" without
// the trailing slash (aws-sdk-go-v2's code generator skips
// AwsJson10HostWithPath for that reason).
var officialGoURI = map[string]string{"AwsJson10HostWithPath": "/custom"}

func stringParam(p map[string]any, name string) *string {
	if v, ok := p[name].(string); ok {
		return aws.String(v)
	}
	return nil
}

func TestProtocolVectors(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(testutil.SharedDir(t, "protocol-tests", "awsJson1_0.json"))
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		Cases []protocolCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &suite); err != nil {
		t.Fatal(err)
	}
	var ran, skipped []string
	for _, c := range suite.Cases {
		name := c.Kind + "/" + c.ID
		if reason, ok := notApplicable[c.ID]; ok {
			skipped = append(skipped, name+": "+reason)
			continue
		}
		ran = append(ran, name)
		t.Run(name, func(t *testing.T) {
			switch c.Kind {
			case "request":
				runRequestCase(t, c)
			case "response":
				runResponseCase(t, c)
			case "error":
				runErrorCase(t, c)
			default:
				t.Fatalf("unknown kind %q", c.Kind)
			}
		})
	}
	sort.Strings(ran)
	t.Logf("ran %d cases:\n  %s", len(ran), strings.Join(ran, "\n  "))
	t.Logf("%d cases do not apply:\n  %s", len(skipped), strings.Join(skipped, "\n  "))
	testutil.CheckRan(t, "awsJson1_0 protocol vectors", len(ran), 25)
}

// runRequestCase checks the framing of a request. The test operations have
// no input; CreateResourceSnapshot always sends its members and token, so
// the body is checked to be a JSON object rather than "{}".
func runRequestCase(t *testing.T, c protocolCase) {
	srv := testutil.NewServer(t)
	optFns := []func(*partnercentral.Options){func(o *partnercentral.Options) { o.Validation = partnercentral.ValidationOff }}
	if c.Host != "" {
		optFns = append(optFns, func(o *partnercentral.Options) {
			o.BaseEndpoint = aws.String("https://" + c.Host)
			o.HTTPClient = srv.HTTPClient()
		})
	}
	if _, err := newClient(srv, optFns...).CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{}); err != nil {
		t.Fatal(err)
	}
	req := srv.Requests()[0]
	wantURI := c.URI
	if uri, ok := officialGoURI[c.ID]; ok {
		t.Logf("expecting %s as the official Go clients send, not the vector's %s", uri, c.URI)
		wantURI = uri
	}
	if c.Host == "" {
		wantURI = srv.Prefix + c.URI
		wantURI = strings.TrimSuffix(wantURI, "/")
	}
	if req.Method != c.Method || req.Path != wantURI {
		t.Errorf("request line %s %s, want %s %s", req.Method, req.Path, c.Method, wantURI)
	}
	for name, value := range c.Headers {
		if strings.EqualFold(name, "X-Amz-Target") {
			value = "AWSPartnerCentralSelling.CreateResourceSnapshot"
		}
		if got := req.Header.Get(name); got != value {
			t.Errorf("header %s = %q, want %q", name, got, value)
		}
	}
	if req.Header.Get("X-Amzn-Query-Mode") != "" {
		t.Error("x-amzn-query-mode sent by a service that is not query-compatible")
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(req.Body), &body); err != nil {
		t.Errorf("body %q is not a JSON object: %v", req.Body, err)
	}
}

func runResponseCase(t *testing.T, c protocolCase) {
	resp := testutil.Response{Status: c.Code, Header: c.Headers}
	if c.Body != nil {
		resp.Body = *c.Body
	}
	srv := testutil.NewServer(t, resp)
	out, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid())
	if err != nil {
		t.Fatal(err)
	}
	want := &partnercentral.CreateResourceSnapshotOutput{}
	if diff := cmp.Diff(want, out, cmpopts.IgnoreFields(partnercentral.CreateResourceSnapshotOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func runErrorCase(t *testing.T, c protocolCase) {
	shape := c.ErrorShape[strings.LastIndex(c.ErrorShape, "#")+1:]
	mapped, ok := errorShapeMap[shape]
	if !ok {
		t.Fatalf("no mapping for error shape %s", shape)
	}
	headers := map[string]string{}
	for name, value := range c.Headers {
		headers[name] = strings.ReplaceAll(value, shape, mapped.code)
	}
	resp := testutil.Response{Status: c.Code, Header: withRequestID(headers)}
	if c.Body != nil {
		resp.Body = strings.ReplaceAll(*c.Body, "#"+shape, "#"+mapped.code)
		resp.Body = strings.ReplaceAll(resp.Body, `"`+shape+`"`, `"`+mapped.code+`"`)
	}
	srv := testutil.NewServer(t, resp)
	_, err := newClient(srv, func(o *partnercentral.Options) { o.RetryMaxAttempts = 1 }).
		CreateResourceSnapshot(context.Background(), valid())
	assertAPIError(t, err, mapped.want(c.Params), c.Code)
	if got := srv.Requests()[0].Header.Get("Content-Type"); got != "application/x-amz-json-1.0" {
		t.Errorf("Content-Type = %q", got)
	}
}
