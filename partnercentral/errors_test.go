package partnercentral_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

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

func TestFaults(t *testing.T) {
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
