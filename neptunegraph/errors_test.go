package neptunegraph_test

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
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// modelledErrors are the errors of CreateGraphSnapshot with every member set.
var modelledErrors = []struct {
	code    string
	status  int
	members string // the JSON members of the body besides any code
	want    error
	fault   smithy.ErrorFault
}{
	{"ConflictException", 409, `"message":"name taken","reason":"CONCURRENT_MODIFICATION"`,
		&types.ConflictException{Message: aws.String("name taken"), Reason: types.ConflictExceptionReasonConcurrentModification}, smithy.FaultClient},
	{"InternalServerException", 500, `"message":"try again"`,
		&types.InternalServerException{Message: aws.String("try again")}, smithy.FaultServer},
	{"ResourceNotFoundException", 404, `"message":"no graph g-abcde12345"`,
		&types.ResourceNotFoundException{Message: aws.String("no graph g-abcde12345")}, smithy.FaultClient},
	{"ServiceQuotaExceededException", 402,
		`"message":"too many","resourceId":"g-abcde12345","resourceType":"graph-snapshot","serviceCode":"neptune-graph","quotaCode":"L-1234ABCD"`,
		&types.ServiceQuotaExceededException{Message: aws.String("too many"), ResourceId: aws.String("g-abcde12345"),
			ResourceType: aws.String("graph-snapshot"), ServiceCode: aws.String("neptune-graph"), QuotaCode: aws.String("L-1234ABCD")}, smithy.FaultClient},
	{"ThrottlingException", 429, `"message":"slow down"`,
		&types.ThrottlingException{Message: aws.String("slow down")}, smithy.FaultClient},
	{"ValidationException", 400, `"message":"bad name","reason":"CONSTRAINT_VIOLATION"`,
		&types.ValidationException{Message: aws.String("bad name"), Reason: types.ValidationExceptionReasonConstraintViolation}, smithy.FaultClient},
}

// wireForms are the ways a service can name the error code.
var wireForms = []struct {
	name   string
	header func(code string) string
	body   func(code, members string) string
}{
	{"X-Amzn-ErrorType",
		func(code string) string { return code },
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType with URI suffix",
		func(code string) string { return code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/" },
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType with namespace and URI",
		func(code string) string {
			return "com.amazonaws.neptunegraph#" + code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
		},
		func(_, members string) string { return "{" + members + "}" }},
	{"lower-case X-Amzn-ErrorType",
		strings.ToLower,
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType wins over the body",
		func(code string) string { return code },
		func(_, members string) string {
			return `{"code":"ResourceNotFoundException","__type":"ThrottlingException",` + members + "}"
		}},
	{"body code",
		func(string) string { return "" },
		func(code, members string) string { return `{"code":"` + code + `",` + members + "}" }},
	{"body __type with namespace",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"__type":"com.amazonaws.neptunegraph#` + code + `",` + members + "}"
		}},
	{"body code wins over __type",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"__type":"com.amazonaws.neptunegraph#SomethingElse","code":"` + code + `",` + members + "}"
		}},
	{"lower-case body code, capitalised Message, unknown members",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"code":"` + strings.ToLower(code) + `","extra":{"nested":[1,{"__type":"x"}]},` +
				strings.Replace(members, `"message"`, `"Message"`, 1) + "}"
		}},
}

func TestModelledErrors(t *testing.T) {
	t.Parallel()
	for _, e := range modelledErrors {
		for _, form := range wireForms {
			t.Run(e.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				header := map[string]string{"X-Amzn-RequestId": "req-1"}
				if h := form.header(e.code); h != "" {
					header["X-Amzn-ErrorType"] = h
				}
				srv := testutil.NewServer(t, testutil.Response{Status: e.status, Header: header, Body: form.body(e.code, e.members)})
				_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 }).
					CreateGraphSnapshot(context.Background(), validInput())
				var apiErr smithy.APIError
				if !errors.As(err, &apiErr) {
					t.Fatalf("error %v holds no smithy.APIError", err)
				}
				if diff := cmp.Diff(e.want, apiErr); diff != "" {
					t.Errorf("typed error (-want +got):\n%s", diff)
				}
				if apiErr.ErrorFault() != e.fault {
					t.Errorf("fault %v, want %v", apiErr.ErrorFault(), e.fault)
				}
				checkEnvelope(t, err, e.status, "req-1")
			})
		}
	}
}

// checkEnvelope checks that err wraps like the official client's errors:
// an operation error around a response error with status and request ID.
func checkEnvelope(t *testing.T, err error, status int, requestID string) {
	t.Helper()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) {
		t.Fatalf("error %v is not a *smithy.OperationError", err)
	}
	if opErr.ServiceID != "Neptune Graph" || opErr.OperationName != "CreateGraphSnapshot" {
		t.Errorf("operation error names %q %q", opErr.ServiceID, opErr.OperationName)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v holds no *awshttp.ResponseError", err)
	}
	got := struct {
		Status    int
		RequestID string
	}{respErr.HTTPStatusCode(), respErr.ServiceRequestID()}
	want := struct {
		Status    int
		RequestID string
	}{status, requestID}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response error (-want +got):\n%s", diff)
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 409,
		Header: map[string]string{"X-Amzn-ErrorType": "ConflictException", "X-Amzn-RequestId": "req-9"},
		Body:   `{"message":"name taken","reason":"CONCURRENT_MODIFICATION"}`})
	_, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
	want := "operation error Neptune Graph: CreateGraphSnapshot, https response error StatusCode: 409, " +
		"RequestID: req-9, ConflictException: name taken"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestErrorEdgeCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header map[string]string
		body   string
		want   error // an API error, or nil for a deserialization error
	}{
		{"unknown code in the header", 400, map[string]string{"X-Amzn-ErrorType": "BrandNewException"}, `{"message":"new"}`,
			&smithy.GenericAPIError{Code: "BrandNewException", Message: "new"}},
		{"unknown code in the body", 403, nil, `{"__type":"com.amazonaws.neptunegraph#AccessDeniedException","message":"denied"}`,
			&smithy.GenericAPIError{Code: "AccessDeniedException", Message: "denied"}},
		{"empty body", 500, nil, "", &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"empty object", 400, nil, "{}", &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"typed error with an empty body", 404, map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, "",
			&types.ResourceNotFoundException{}},
		{"typed error without a message", 409, map[string]string{"X-Amzn-ErrorType": "ConflictException"}, `{"reason":"CONCURRENT_MODIFICATION"}`,
			&types.ConflictException{Reason: types.ConflictExceptionReasonConcurrentModification}},
		{"null members", 402, map[string]string{"X-Amzn-ErrorType": "ServiceQuotaExceededException"},
			`{"message":null,"resourceId":null,"resourceType":null,"serviceCode":null,"quotaCode":null}`,
			&types.ServiceQuotaExceededException{}},
		{"unknown reason kept", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"m","reason":"NEW_REASON"}`,
			&types.ValidationException{Message: aws.String("m"), Reason: "NEW_REASON"}},
		{"unknown conflict reason kept", 409, map[string]string{"X-Amzn-ErrorType": "ConflictException"}, `{"message":"m","reason":"LOCKED"}`,
			&types.ConflictException{Message: aws.String("m"), Reason: "LOCKED"}},
		{"HTML body", 502, nil, "<html><body>Bad Gateway</body></html>", nil},
		{"truncated JSON", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"bad`, nil},
		{"non-string reason", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"m","reason":5}`, nil},
		{"non-string message", 404, map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, `{"message":{}}`, nil},
		{"non-string __type", 400, nil, `{"__type":7}`, nil},
		{"array body", 400, nil, `["ValidationException"]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			header := map[string]string{"X-Amzn-RequestId": "req-edge"}
			for k, v := range tt.header {
				header[k] = v
			}
			srv := testutil.NewServer(t, testutil.Response{Status: tt.status, Header: header, Body: tt.body})
			_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 }).
				CreateGraphSnapshot(context.Background(), validInput())
			checkEnvelope(t, err, tt.status, "req-edge")
			if tt.want == nil {
				var deserErr *smithy.DeserializationError
				if !errors.As(err, &deserErr) {
					t.Fatalf("error %v holds no *smithy.DeserializationError", err)
				}
				return
			}
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v holds no smithy.APIError", err)
			}
			if diff := cmp.Diff(tt.want, apiErr); diff != "" {
				t.Errorf("API error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTypedErrorMethods(t *testing.T) {
	t.Parallel()
	override := aws.String("Custom")
	tests := []struct {
		err         smithy.APIError
		wantCode    string
		wantMessage string
		wantString  string
	}{
		{&types.ConflictException{}, "ConflictException", "", "ConflictException: "},
		{&types.ConflictException{Message: aws.String("m"), ErrorCodeOverride: override}, "Custom", "m", "Custom: m"},
		{&types.InternalServerException{Message: aws.String("m")}, "InternalServerException", "m", "InternalServerException: m"},
		{&types.ResourceNotFoundException{ErrorCodeOverride: override}, "Custom", "", "Custom: "},
		{&types.ServiceQuotaExceededException{Message: aws.String("q")}, "ServiceQuotaExceededException", "q", "ServiceQuotaExceededException: q"},
		{&types.ThrottlingException{Message: aws.String("t")}, "ThrottlingException", "t", "ThrottlingException: t"},
		{&types.ValidationException{Message: aws.String("v")}, "ValidationException", "v", "ValidationException: v"},
	}
	for _, tt := range tests {
		got := []string{tt.err.ErrorCode(), tt.err.ErrorMessage(), tt.err.Error()}
		if diff := cmp.Diff([]string{tt.wantCode, tt.wantMessage, tt.wantString}, got); diff != "" {
			t.Errorf("%T (-want +got):\n%s", tt.err, diff)
		}
	}
	var nilConflict *types.ConflictException
	if code := nilConflict.ErrorCode(); code != "ConflictException" {
		t.Errorf("nil receiver code %q", code)
	}
}

// errorCode returns the code of the API error in err, or "".
func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}
