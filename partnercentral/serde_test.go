package partnercentral_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
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
		// An empty body is an output with no members; white space alone is
		// cut-short JSON, as it is for smithy-go's awsJson protocol.
		{"white space only", 200, " \n"},
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

// errorCases lists every modelled error: its status, the members of its
// body besides the message, and the value those decode to.
var errorCases = []struct {
	code    string
	status  int
	members string
	want    func(msg *string) error
}{
	{"AccessDeniedException", 403, `"Reason":"INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE"`, func(m *string) error {
		return &types.AccessDeniedException{Message: m, Reason: types.AccessDeniedExceptionErrorCodeIncompatibleBenefitAwsPartnerState}
	}},
	{"ConflictException", 409, ``, func(m *string) error { return &types.ConflictException{Message: m} }},
	{"InternalServerException", 500, ``, func(m *string) error { return &types.InternalServerException{Message: m} }},
	{"ResourceNotFoundException", 404, ``, func(m *string) error { return &types.ResourceNotFoundException{Message: m} }},
	{"ServiceQuotaExceededException", 402, ``, func(m *string) error { return &types.ServiceQuotaExceededException{Message: m} }},
	{"ThrottlingException", 429, ``, func(m *string) error { return &types.ThrottlingException{Message: m} }},
	{"ValidationException", 400,
		`"Reason":"REQUEST_VALIDATION_FAILED","ErrorList":[` +
			`{"FieldName":"EngagementIdentifier","Message":"not found","Code":"INVALID_VALUE"},` +
			`{"Message":"no field","Code":"REQUIRED_FIELD_MISSING","Extra":1}]`,
		func(m *string) error {
			return &types.ValidationException{
				Message: m,
				Reason:  types.ValidationExceptionReasonRequestValidationFailed,
				ErrorList: []types.ValidationExceptionError{
					{FieldName: aws.String("EngagementIdentifier"), Message: aws.String("not found"), Code: types.ValidationExceptionErrorCodeInvalidValue},
					{Message: aws.String("no field"), Code: types.ValidationExceptionErrorCodeRequiredFieldMissing},
				},
			}
		}},
}

func TestEveryErrorFromEveryWireForm(t *testing.T) {
	t.Parallel()
	for _, ec := range errorCases {
		members := ""
		if ec.members != "" {
			members = "," + ec.members
		}
		forms := []struct {
			name string
			resp testutil.Response
		}{
			{"header", testutil.Response{Header: map[string]string{"X-Amzn-ErrorType": ec.code},
				Body: `{"Message":"boom"` + members + `}`}},
			{"header with uri", testutil.Response{Header: map[string]string{"X-Amzn-ErrorType": ec.code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"},
				Body: `{"Message":"boom"` + members + `}`}},
			{"__type with namespace", testutil.Response{
				Body: `{"__type":"com.amazonaws.partnercentralselling#` + ec.code + `","Message":"boom"` + members + `}`}},
			{"__type with namespace and uri", testutil.Response{
				Body: `{"__type":"com.amazonaws.partnercentralselling#` + ec.code + `:http://internal.amazon.com/x","Message":"boom"` + members + `}`}},
			{"code only", testutil.Response{Body: `{"code":"` + ec.code + `","Message":"boom"` + members + `}`}},
			{"lower case code", testutil.Response{Body: `{"__type":"` + strings.ToLower(ec.code) + `","Message":"boom"` + members + `}`}},
			{"lower case message key", testutil.Response{Body: `{"__type":"` + ec.code + `","message":"boom"` + members + `}`}},
			{"header wins over body", testutil.Response{Header: map[string]string{"X-Amzn-ErrorType": ec.code},
				Body: `{"__type":"SomethingElse","Message":"boom"` + members + `}`}},
		}
		for _, form := range forms {
			t.Run(ec.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				form.resp.Status = ec.status
				form.resp.Header = withRequestID(form.resp.Header)
				srv := testutil.NewServer(t, form.resp)
				_, err := newClient(srv, func(o *partnercentral.Options) { o.RetryMaxAttempts = 1 }).
					CreateResourceSnapshot(context.Background(), valid())
				assertAPIError(t, err, ec.want(aws.String("boom")), ec.status)
			})
		}
	}
}

func TestErrorsWithoutMembers(t *testing.T) {
	t.Parallel()
	for _, ec := range errorCases {
		t.Run(ec.code, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: ec.status,
				Header: withRequestID(map[string]string{"X-Amzn-ErrorType": ec.code})})
			_, err := newClient(srv, func(o *partnercentral.Options) { o.RetryMaxAttempts = 1 }).
				CreateResourceSnapshot(context.Background(), valid())
			assertAPIError(t, err, bareError(ec.code), ec.status)
			var api smithy.APIError
			if errors.As(err, &api); api.ErrorMessage() != "" || api.ErrorCode() != ec.code {
				t.Errorf("code %q, message %q", api.ErrorCode(), api.ErrorMessage())
			}
		})
	}
}

func TestErrorMemberEdgeCases(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		body string
		want error
	}{
		{"unknown enum values are kept",
			`{"__type":"ValidationException","Message":"m","Reason":"NEW_REASON","ErrorList":[{"Message":"x","Code":"NEW_CODE"}]}`,
			&types.ValidationException{Message: aws.String("m"), Reason: "NEW_REASON",
				ErrorList: []types.ValidationExceptionError{{Message: aws.String("x"), Code: "NEW_CODE"}}}},
		{"empty error list", `{"__type":"ValidationException","ErrorList":[]}`,
			&types.ValidationException{ErrorList: []types.ValidationExceptionError{}}},
		{"null error list and members", `{"__type":"ValidationException","Message":null,"Reason":null,"ErrorList":null}`,
			&types.ValidationException{}},
		{"null list item", `{"__type":"ValidationException","ErrorList":[null,{"FieldName":null,"Message":"b","Code":null}]}`,
			&types.ValidationException{ErrorList: []types.ValidationExceptionError{{}, {Message: aws.String("b")}}}},
		{"nested message keys are exact", `{"__type":"ValidationException","ErrorList":[{"message":"lower","Message":"upper"}]}`,
			&types.ValidationException{ErrorList: []types.ValidationExceptionError{{Message: aws.String("upper")}}}},
		{"unknown access denied reason", `{"__type":"AccessDeniedException","Message":"no","Reason":"SOMETHING_NEW"}`,
			&types.AccessDeniedException{Message: aws.String("no"), Reason: "SOMETHING_NEW"}},
		{"unmodelled members ignored", `{"__type":"ConflictException","Message":"c","Reason":"x","resourceId":"r"}`,
			&types.ConflictException{Message: aws.String("c")}},
		{"nested __type ignored", `{"__type":"ConflictException","Details":[{"__type":"com.amazon#Other"}]}`,
			&types.ConflictException{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 400, Body: c.body, Header: withRequestID(nil)})
			_, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid())
			assertAPIError(t, err, c.want, 400)
		})
	}
}

// bareError returns the typed error of code with no members set.
func bareError(code string) error {
	switch code {
	case "AccessDeniedException":
		return &types.AccessDeniedException{}
	case "ValidationException":
		return &types.ValidationException{}
	}
	for _, ec := range errorCases {
		if ec.code == code {
			return ec.want(nil)
		}
	}
	return nil
}

func withRequestID(h map[string]string) map[string]string {
	out := map[string]string{"X-Amzn-RequestId": "req-err"}
	for k, v := range h {
		out[k] = v
	}
	return out
}

// assertAPIError checks the error chain the official client produces:
// OperationError → ResponseError (status, request ID) → the API error.
func assertAPIError(t *testing.T, err error, want error, status int) {
	t.Helper()
	var op *smithy.OperationError
	if !errors.As(err, &op) || op.ServiceID != "PartnerCentral Selling" || op.OperationName != "CreateResourceSnapshot" {
		t.Fatalf("error %v is not an OperationError of PartnerCentral Selling CreateResourceSnapshot", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != status || re.ServiceRequestID() != "req-err" {
		t.Fatalf("error %v lacks status %d and request ID", err, status)
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		t.Fatalf("error %v has no smithy.APIError", err)
	}
	if diff := cmp.Diff(want, api); diff != "" {
		t.Errorf("API error (-want +got):\n%s", diff)
	}
	if api.ErrorFault() != want.(smithy.APIError).ErrorFault() {
		t.Errorf("fault = %v", api.ErrorFault())
	}
}

func TestErrorFaults(t *testing.T) {
	t.Parallel()
	for _, ec := range errorCases {
		want := smithy.FaultClient
		if ec.code == "InternalServerException" {
			want = smithy.FaultServer
		}
		if got := ec.want(nil).(smithy.APIError).ErrorFault(); got != want {
			t.Errorf("%s fault = %v, want %v", ec.code, got, want)
		}
	}
}

func TestUnknownAndEmptyErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		resp testutil.Response
		want error
	}{
		{"unknown code", testutil.Response{Status: 400, Body: `{"__type":"SomethingNew","Message":"m"}`},
			&smithy.GenericAPIError{Code: "SomethingNew", Message: "m"}},
		{"unknown code in header", testutil.Response{Status: 403, Header: map[string]string{"X-Amzn-ErrorType": "UnrecognizedClientException:http://x"},
			Body: `{"message":"The security token included in the request is invalid."}`},
			&smithy.GenericAPIError{Code: "UnrecognizedClientException", Message: "The security token included in the request is invalid."}},
		{"empty body", testutil.Response{Status: 500},
			&smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"empty object", testutil.Response{Status: 400, Body: `{}`},
			&smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.resp.Header = withRequestID(c.resp.Header)
			srv := testutil.NewServer(t, c.resp)
			_, err := newClient(srv, func(o *partnercentral.Options) { o.RetryMaxAttempts = 1 }).
				CreateResourceSnapshot(context.Background(), valid())
			assertAPIError(t, err, c.want, c.resp.Status)
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "rid"},
		Body: `{"__type":"ValidationException","Message":"bad value","Reason":"BUSINESS_VALIDATION_FAILED"}`})
	_, err := newClient(srv).CreateResourceSnapshot(context.Background(), valid())
	want := "operation error PartnerCentral Selling: CreateResourceSnapshot, https response error StatusCode: 400, RequestID: rid, ValidationException: bad value"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestErrorCodeAndMessageMethods(t *testing.T) {
	t.Parallel()
	var nilErr *types.ThrottlingException
	if nilErr.ErrorCode() != "ThrottlingException" {
		t.Errorf("nil ErrorCode = %q", nilErr.ErrorCode())
	}
	override := &types.ConflictException{Message: aws.String("m"), ErrorCodeOverride: aws.String("Custom")}
	if override.ErrorCode() != "Custom" || override.Error() != "Custom: m" {
		t.Errorf("override: %q / %q", override.ErrorCode(), override.Error())
	}
}
