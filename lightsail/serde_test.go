package lightsail

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/lightsail/types"
)

// TestProtocolVectors runs the official awsJson1_1 protocol test cases
// that apply to GetExportSnapshotRecords. Error cases run with the test's
// error names replaced by Lightsail's; request and response cases whose
// member is a string, integer, boolean, epoch-seconds timestamp, list of
// structures or enum run with that member moved to the Lightsail member
// of the same kind. The others exercise shapes or traits this operation
// lacks; the test logs them with the reason.
func TestProtocolVectors(t *testing.T) {
	t.Parallel()
	ran, skipped := []string{}, map[string]string{}
	for _, c := range testutil.LoadProtocolCases(t, "awsJson1_1.json") {
		reason := ""
		switch c.Kind {
		case "error":
			runErrorVector(t, c)
		case "response":
			reason = runResponseVector(t, c)
		case "request":
			reason = runRequestVector(t, c)
		}
		if reason != "" {
			skipped[c.Kind+"/"+c.ID] = reason
			continue
		}
		ran = append(ran, c.Kind+"/"+c.ID)
	}
	sort.Strings(ran)
	t.Logf("awsJson1_1 vectors: %d ran and passed, %d do not apply", len(ran), len(skipped))
	testutil.CheckRan(t, "awsJson1_1 protocol vectors", len(ran), 34)
	for _, id := range ran {
		t.Logf("  ran: %s", id)
	}
	ids := make([]string, 0, len(skipped))
	for id := range skipped {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("  not applicable: %s: %s", id, skipped[id])
	}
}

// lightsailErrorFor maps the protocol tests' error shapes onto Lightsail
// errors.
var lightsailErrorFor = map[string]string{
	"InvalidGreeting": "InvalidInputException",
	"ComplexError":    "OperationFailureException",
	"FooError":        "ServiceException",
}

func runErrorVector(t *testing.T, c testutil.ProtocolCase) {
	name := testutil.ShapeName(c.ErrorShape)
	replace := func(s string) string { return strings.ReplaceAll(s, name, lightsailErrorFor[name]) }
	resp := testutil.Response{Status: c.Code, Header: map[string]string{}}
	for k, v := range c.Headers {
		resp.Header[k] = replace(v)
	}
	if c.Body != nil {
		resp.Body = replace(*c.Body)
	}
	srv := testutil.NewServer(t, resp)
	_, err := newTestClient(srv.Endpoint(), func(o *Options) { o.Retryer = testRetryer(1) }).GetExportSnapshotRecords(context.Background(), nil)
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != lightsailErrorFor[name] {
		t.Errorf("%s: got %v, want a %s", c.ID, err, lightsailErrorFor[name])
		return
	}
	if msg, ok := c.Params["Message"].(string); ok && apiErr.ErrorMessage() != msg {
		t.Errorf("%s: message = %q, want %q", c.ID, apiErr.ErrorMessage(), msg)
	}
}

// responseAdapters move a response case's member to a Lightsail member of
// the same kind: they return the rewritten body and the expected output.
var responseAdapters = map[string]func(members map[string]json.RawMessage, params map[string]any) (string, *GetExportSnapshotRecordsOutput){
	"parses_string_shapes": func(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		return `{"nextPageToken":` + string(m["String"]) + `}`,
			&GetExportSnapshotRecordsOutput{NextPageToken: aws.String(p["String"].(string))}
	},
	"AwsJson11StructuresDontDeserializeNullValues": func(m map[string]json.RawMessage, _ map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		return `{"nextPageToken":` + string(m["string"]) + `,"exportSnapshotRecords":[{"name":` + string(m["string"]) + `}]}`,
			&GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{}}}
	},
	"parses_integer_shapes": func(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		return `{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":` + string(m["Integer"]) + `}}}]}`,
			&GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{SourceInfo: &types.ExportSnapshotRecordSourceInfo{
				DiskSnapshotInfo: &types.DiskSnapshotInfo{SizeInGb: aws.Int32(int32(p["Integer"].(float64)))},
			}}}}
	},
	"parses_boolean_shapes_true": booleanAdapter,
	"parses_boolean_false":       booleanAdapter,
	"parses_timestamp_shapes": func(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		at := time.Unix(int64(p["Timestamp"].(float64)), 0).UTC()
		return `{"exportSnapshotRecords":[{"createdAt":` + string(m["Timestamp"]) + `}]}`,
			&GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{CreatedAt: &at}}}
	},
	"parses_list_of_structure_shapes": func(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		body := strings.ReplaceAll(string(m["ListOfStructs"]), `"Value"`, `"name"`)
		out := &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{}}
		for _, item := range p["ListOfStructs"].([]any) {
			name := item.(map[string]any)["Value"].(string)
			out.ExportSnapshotRecords = append(out.ExportSnapshotRecords, types.ExportSnapshotRecord{Name: &name})
		}
		return `{"exportSnapshotRecords":` + body + `}`, out
	},
	"AwsJson11Enums": func(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
		return `{"exportSnapshotRecords":[{"state":` + string(m["fooEnum1"]) + `,"resourceType":` + string(m["fooEnum2"]) +
				`,"location":{"regionName":` + string(m["fooEnum3"]) + `}}]}`,
			&GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				State:        types.RecordState(p["fooEnum1"].(string)),
				ResourceType: types.ResourceType(p["fooEnum2"].(string)),
				Location:     &types.ResourceLocation{RegionName: types.RegionName(p["fooEnum3"].(string))},
			}}}
	},
}

func booleanAdapter(m map[string]json.RawMessage, p map[string]any) (string, *GetExportSnapshotRecordsOutput) {
	return `{"exportSnapshotRecords":[{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[{"isSystemDisk":` + string(m["Boolean"]) + `}]}}}]}`,
		&GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{SourceInfo: &types.ExportSnapshotRecordSourceInfo{
			InstanceSnapshotInfo: &types.InstanceSnapshotInfo{FromDiskInfo: []types.DiskInfo{{IsSystemDisk: aws.Bool(p["Boolean"].(bool))}}},
		}}}}
}

func runResponseVector(t *testing.T, c testutil.ProtocolCase) string {
	resp := testutil.Response{Status: c.Code, Header: c.Headers}
	if c.Body != nil {
		resp.Body = *c.Body
	}
	want := &GetExportSnapshotRecordsOutput{}
	if adapt, ok := responseAdapters[c.ID]; ok {
		var members map[string]json.RawMessage
		if err := json.Unmarshal([]byte(resp.Body), &members); err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		resp.Body, want = adapt(members, c.Params)
	} else if len(c.Params) > 0 {
		return "its output members (longs, maps, nested lists, ISO 8601 and HTTP-date timestamps) have no counterpart in this operation"
	}
	srv := testutil.NewServer(t, resp)
	out, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
	if err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	if diff := cmp.Diff(want, out, cmpOptions); diff != "" {
		t.Errorf("%s: output (-want +got):\n%s", c.ID, diff)
	}
	if wantID := c.Headers["X-Amzn-Requestid"]; wantID != "" {
		if got, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); got != wantID {
			t.Errorf("%s: request ID = %q, want %q", c.ID, got, wantID)
		}
	}
	return ""
}

// requestInputs are the request cases that apply, with the input that
// matches the case: none, or its one string member as the page token.
var requestInputs = map[string]func(params map[string]any) (*GetExportSnapshotRecordsInput, string){
	"sends_requests_to_slash":                                emptyInput,
	"includes_x_amz_target_and_content_type":                 emptyInput,
	"json_1_1_client_sends_empty_payload_for_no_input_shape": emptyInput,
	"can_call_operation_with_no_input_or_output":             emptyInput,
	"AwsJson11StructuresDontSerializeNullValues":             emptyInput,
	"can_call_operation_with_optional_input":                 stringInput("Value"),
	"serializes_string_shapes":                               stringInput("String"),
}

func emptyInput(map[string]any) (*GetExportSnapshotRecordsInput, string) {
	return &GetExportSnapshotRecordsInput{}, ""
}

// stringInput sends the case's string member as the page token, and
// renames it in the expected body.
func stringInput(member string) func(map[string]any) (*GetExportSnapshotRecordsInput, string) {
	return func(params map[string]any) (*GetExportSnapshotRecordsInput, string) {
		return &GetExportSnapshotRecordsInput{PageToken: aws.String(params[member].(string))}, member
	}
}

func runRequestVector(t *testing.T, c testutil.ProtocolCase) string {
	input, ok := requestInputs[c.ID]
	switch {
	case c.ID == "AwsJson11HostWithPath":
		return "the official Go clients send to the endpoint path as it is (/custom, not /custom/); this client does the same (see TestGetExportSnapshotRecordsKeepsInput)"
	case !ok:
		return "its input members belong to the test's own shapes or traits (@endpoint host prefixes, numbers, timestamps, lists, maps)"
	}
	in, renamed := input(c.Params)
	srv := testutil.NewServer(t)
	if _, err := newTestClient(nil, viaServer(srv)).GetExportSnapshotRecords(context.Background(), in); err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	req := srv.Requests()[0]
	if req.Method != c.Method || req.Path != c.URI {
		t.Errorf("%s: %s %s, want %s %s", c.ID, req.Method, req.Path, c.Method, c.URI)
	}
	wantHeaders := map[string]string{
		"Content-Type": c.Headers["Content-Type"],
		"X-Amz-Target": "Lightsail_20161128.GetExportSnapshotRecords",
	}
	gotHeaders := map[string]string{"Content-Type": req.Header.Get("Content-Type"), "X-Amz-Target": req.Header.Get("X-Amz-Target")}
	if diff := cmp.Diff(wantHeaders, gotHeaders); diff != "" {
		t.Errorf("%s: headers (-want +got):\n%s", c.ID, diff)
	}
	if c.Body != nil {
		wantBody := *c.Body
		if renamed != "" {
			wantBody = strings.Replace(wantBody, `"`+renamed+`"`, `"pageToken"`, 1)
		}
		if req.Body != wantBody {
			t.Errorf("%s: body %s, want %s", c.ID, req.Body, wantBody)
		}
	}
	return ""
}

func TestGetExportSnapshotRecordsDecodesOutput(t *testing.T) {
	t.Parallel()
	date := func(sec, ms int64) *time.Time {
		v := time.Unix(sec, ms*int64(time.Millisecond)).UTC()
		return &v
	}
	full := &GetExportSnapshotRecordsOutput{
		ExportSnapshotRecords: []types.ExportSnapshotRecord{{
			Name:         aws.String("export-snapshot-record-1"),
			Arn:          aws.String("arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/1"),
			CreatedAt:    date(1767225600, 0),
			Location:     &types.ResourceLocation{AvailabilityZone: aws.String("all"), RegionName: types.RegionNameApEast1},
			ResourceType: types.ResourceTypeExportSnapshotRecord,
			State:        types.RecordStateSucceeded,
			SourceInfo: &types.ExportSnapshotRecordSourceInfo{
				ResourceType:     types.ExportSnapshotRecordSourceTypeInstanceSnapshot,
				CreatedAt:        date(1767225600, 123),
				Name:             aws.String("snap1"),
				Arn:              aws.String("arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/1"),
				FromResourceName: aws.String("web-1"),
				FromResourceArn:  aws.String("arn:aws:lightsail:us-east-1:111122223333:Instance/1"),
				InstanceSnapshotInfo: &types.InstanceSnapshotInfo{
					FromBundleId:    aws.String("nano_3_0"),
					FromBlueprintId: aws.String("ubuntu_22_04"),
					FromDiskInfo: []types.DiskInfo{
						{Name: aws.String("disk"), Path: aws.String("/dev/xvda"), SizeInGb: aws.Int32(20), IsSystemDisk: aws.Bool(true)},
						{},
					},
				},
				DiskSnapshotInfo: &types.DiskSnapshotInfo{SizeInGb: aws.Int32(32)},
			},
			DestinationInfo: &types.DestinationInfo{Id: aws.String("ami-1"), Service: aws.String("Aws::EC2::Image")},
		}},
		NextPageToken: aws.String("next \"token\"\n😀"),
	}
	cases := []struct {
		name string
		body string
		want *GetExportSnapshotRecordsOutput
	}{
		{name: "every member", body: `{"exportSnapshotRecords":[{"name":"export-snapshot-record-1",` +
			`"arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/1","createdAt":1.7672256E9,` +
			`"location":{"availabilityZone":"all","regionName":"ap-east-1"},"resourceType":"ExportSnapshotRecord","state":"Succeeded",` +
			`"sourceInfo":{"resourceType":"InstanceSnapshot","createdAt":1767225600.123,"name":"snap1",` +
			`"arn":"arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/1","fromResourceName":"web-1",` +
			`"fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Instance/1","instanceSnapshotInfo":{"fromBundleId":"nano_3_0",` +
			`"fromBlueprintId":"ubuntu_22_04","fromDiskInfo":[{"name":"disk","path":"/dev/xvda","sizeInGb":20,"isSystemDisk":true},null]},` +
			`"diskSnapshotInfo":{"sizeInGb":32}},"destinationInfo":{"id":"ami-1","service":"Aws::EC2::Image"}}],` +
			`"nextPageToken":"next \"token\"\n\ud83d\ude00"}`, want: full},
		{name: "empty body", body: ``, want: &GetExportSnapshotRecordsOutput{}},
		{name: "empty object", body: ` {} `, want: &GetExportSnapshotRecordsOutput{}},
		{name: "nulls", body: `{"exportSnapshotRecords":[{"name":null,"createdAt":null,"location":null,"resourceType":null,` +
			`"state":null,"sourceInfo":null,"destinationInfo":null},null],"nextPageToken":null}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{}, {}}}},
		{name: "null list", body: `{"exportSnapshotRecords":null}`, want: &GetExportSnapshotRecordsOutput{}},
		{name: "empty lists", body: `{"exportSnapshotRecords":[{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[]}}}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				SourceInfo: &types.ExportSnapshotRecordSourceInfo{InstanceSnapshotInfo: &types.InstanceSnapshotInfo{FromDiskInfo: []types.DiskInfo{}}},
			}}}},
		{name: "unknown members", body: `{"future":{"a":[1,{"b":null}],"c":"d"},"exportSnapshotRecords":[{"extra":true,` +
			`"location":{"new":1},"sourceInfo":{"more":[]},"destinationInfo":{"x":"y"}}],"NextPageToken":"wrong case"}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				Location: &types.ResourceLocation{}, SourceInfo: &types.ExportSnapshotRecordSourceInfo{}, DestinationInfo: &types.DestinationInfo{},
			}}}},
		{name: "unknown enum values", body: `{"exportSnapshotRecords":[{"resourceType":"Hologram","state":"Pending",` +
			`"location":{"regionName":"mars-north-1"},"sourceInfo":{"resourceType":"BucketSnapshot"}}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				ResourceType: "Hologram", State: "Pending", Location: &types.ResourceLocation{RegionName: "mars-north-1"},
				SourceInfo: &types.ExportSnapshotRecordSourceInfo{ResourceType: "BucketSnapshot"},
			}}}},
		{name: "timestamps", body: `{"exportSnapshotRecords":[{"createdAt":1767225600.123,"sourceInfo":{"createdAt":1.5e-3}},` +
			`{"createdAt":1767225600.1239},{"createdAt":17672256E2},{"createdAt":-1.5},{"createdAt":0}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{
				{CreatedAt: date(1767225600, 123), SourceInfo: &types.ExportSnapshotRecordSourceInfo{CreatedAt: date(0, 1)}},
				{CreatedAt: date(1767225600, 123)}, {CreatedAt: date(1767225600, 0)}, {CreatedAt: date(-1, -500)}, {CreatedAt: date(0, 0)},
			}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: tc.body, Header: map[string]string{"X-Amzn-RequestId": "req-1"}})
			out, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			must(t, err)
			if diff := cmp.Diff(tc.want, out, cmpOptions); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-1" {
				t.Errorf("request ID = %q, want req-1", id)
			}
		})
	}
}

func TestGetExportSnapshotRecordsRejectsMalformedOutput(t *testing.T) {
	t.Parallel()
	bodies := map[string]string{
		"html":              `<html><body>Bad Gateway</body></html>`,
		"truncated":         `{"exportSnapshotRecords":[{"name":"a"},`,
		"wrong list type":   `{"exportSnapshotRecords":{}}`,
		"wrong record type": `{"exportSnapshotRecords":[5]}`,
		"string timestamp":  `{"exportSnapshotRecords":[{"createdAt":"1767225600"}]}`,
		"int32 overflow":    `{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":2147483648}}}]}`,
		"fractional int":    `{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":1.5}}}]}`,
		"string bool":       `{"exportSnapshotRecords":[{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[{"isSystemDisk":"true"}]}}}]}`,
		"number token":      `{"nextPageToken":5}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: body, Header: map[string]string{"X-Amzn-RequestId": "req-bad"}})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, 200, "req-bad")
			var deserialization *smithy.DeserializationError
			if !errors.As(err, &deserialization) {
				t.Errorf("error %v is not a *smithy.DeserializationError", err)
			}
		})
	}
}

// assertResponseError checks the wrapping of a service response failure:
// *smithy.OperationError, then *awshttp.ResponseError with the status and
// request ID.
func assertResponseError(t *testing.T, err error, status int, requestID string) {
	t.Helper()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) || opErr.ServiceID != "Lightsail" || opErr.OperationName != "GetExportSnapshotRecords" {
		t.Fatalf("error %v is not an operation error of Lightsail GetExportSnapshotRecords", err)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v carries no *awshttp.ResponseError", err)
	}
	if respErr.HTTPStatusCode() != status || respErr.ServiceRequestID() != requestID {
		t.Errorf("status %d, request ID %q; want %d, %q", respErr.HTTPStatusCode(), respErr.ServiceRequestID(), status, requestID)
	}
}

func TestGetExportSnapshotRecordsTypedErrors(t *testing.T) {
	t.Parallel()
	members := `"message":"the message","code":"Lightsail.Code","docs":"https://docs","tip":"a tip","unknown":[1]`
	errorsByCode := []struct {
		code   string
		status int
		fault  smithy.ErrorFault
		want   func(message, code, docs, tip *string) error
	}{
		{"AccessDeniedException", 403, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.AccessDeniedException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"AccountSetupInProgressException", 428, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.AccountSetupInProgressException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"InvalidInputException", 400, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.InvalidInputException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"NotFoundException", 404, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.NotFoundException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"OperationFailureException", 400, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.OperationFailureException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"RegionSetupInProgressException", 428, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.RegionSetupInProgressException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"ServiceException", 500, smithy.FaultServer, func(m, c, d, tip *string) error {
			return &types.ServiceException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"UnauthenticatedException", 401, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.UnauthenticatedException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
	}
	str := aws.String
	forms := []struct {
		name   string
		header func(code string) map[string]string
		body   func(code string) string
		want   func(code string) (message, lightsailCode, docs, tip *string)
	}{
		{"header with suffix",
			func(code string) map[string]string {
				return map[string]string{"X-Amzn-ErrorType": code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"}
			},
			func(string) string { return "{" + members + "}" },
			func(string) (*string, *string, *string, *string) {
				return str("the message"), str("Lightsail.Code"), str("https://docs"), str("a tip")
			}},
		{"__type with namespace", nil,
			func(code string) string { return `{"__type":"com.amazonaws.lightsail#` + code + `",` + members + `}` },
			func(string) (*string, *string, *string, *string) {
				return str("the message"), str("Lightsail.Code"), str("https://docs"), str("a tip")
			}},
		{"code only", nil,
			func(code string) string { return `{"code":"` + code + `","Message":"capital message"}` },
			func(code string) (*string, *string, *string, *string) {
				return str("capital message"), str(code), nil, nil
			}},
		{"lower-case code only", nil,
			func(code string) string { return `{"code":"` + strings.ToLower(code) + `"}` },
			func(code string) (*string, *string, *string, *string) {
				return nil, str(strings.ToLower(code)), nil, nil
			}},
		{"lower-case __type", nil,
			func(code string) string { return `{"__type":"` + strings.ToLower(code) + `"}` },
			func(string) (*string, *string, *string, *string) { return nil, nil, nil, nil }},
		{"header only, empty body",
			func(code string) map[string]string { return map[string]string{"X-Amzn-ErrorType": code} },
			func(string) string { return "" },
			func(string) (*string, *string, *string, *string) { return nil, nil, nil, nil }},
	}
	for _, e := range errorsByCode {
		for _, form := range forms {
			t.Run(e.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				header := map[string]string{"X-Amzn-RequestId": "req-err"}
				if form.header != nil {
					for k, v := range form.header(e.code) {
						header[k] = v
					}
				}
				srv := testutil.NewServer(t, testutil.Response{Status: e.status, Header: header, Body: form.body(e.code)})
				client := newTestClient(srv.Endpoint(), func(o *Options) { o.Retryer = testRetryer(1) })
				_, err := client.GetExportSnapshotRecords(context.Background(), nil)
				assertResponseError(t, err, e.status, "req-err")
				want, code, fault := e.want(form.want(e.code)), e.code, e.fault
				if strings.HasPrefix(form.name, "lower-case") {
					// Codes match with case, as in the official client since
					// v1.71.0: another case is an error the client does not know.
					code, fault = strings.ToLower(e.code), smithy.FaultUnknown
					want = &smithy.GenericAPIError{Code: code, Message: "UnknownError"}
				}
				var got smithy.APIError
				if !errors.As(err, &got) {
					t.Fatalf("error %v is not a smithy.APIError", err)
				}
				if diff := cmp.Diff(want, error(got), cmpOptions); diff != "" {
					t.Errorf("typed error (-want +got):\n%s", diff)
				}
				if got.ErrorCode() != code || got.ErrorFault() != fault {
					t.Errorf("code %q fault %v, want %q %v", got.ErrorCode(), got.ErrorFault(), code, fault)
				}
			})
		}
	}
}

func TestGetExportSnapshotRecordsUntypedErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		status int
		header map[string]string
		body   string
		want   error
	}{
		{name: "unknown code", status: 400, body: `{"__type":"com.amazonaws.lightsail#NewException","message":"later"}`,
			want: &smithy.GenericAPIError{Code: "NewException", Message: "later"}},
		{name: "lightsail code only is not a type", status: 400, body: `{"code":"InvalidInput","message":"bad"}`,
			want: &smithy.GenericAPIError{Code: "InvalidInput", Message: "bad"}},
		{name: "empty body", status: 403, body: ``,
			want: &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{name: "empty object", status: 400, body: `{}`,
			want: &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			header := map[string]string{"X-Amzn-RequestId": "req-x"}
			srv := testutil.NewServer(t, testutil.Response{Status: tc.status, Header: header, Body: tc.body})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, tc.status, "req-x")
			var got *smithy.GenericAPIError
			if !errors.As(err, &got) {
				t.Fatalf("error %v is not a *smithy.GenericAPIError", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGetExportSnapshotRecordsMalformedErrorBodies(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"html":                     `<html><body>Service Unavailable</body></html>`,
		"truncated":                `{"__type":"InvalidInputException","message":"cut`,
		"member of the wrong type": `{"__type":"InvalidInputException","tip":5}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "req-html"}, Body: body})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, 400, "req-html")
			var deserialization *smithy.DeserializationError
			if !errors.As(err, &deserialization) {
				t.Errorf("error %v is not a *smithy.DeserializationError", err)
			}
		})
	}
}

func TestGetExportSnapshotRecordsErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "r1"},
		Body: `{"__type":"InvalidInputException","message":"The page token is not valid."}`})
	_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
	want := "operation error Lightsail: GetExportSnapshotRecords, https response error StatusCode: 400, RequestID: r1, " +
		"InvalidInputException: The page token is not valid."
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

// TestDecodeLongPage decodes pages longer than the length past which the
// decoder counts the rest of the list, with records, empty objects and
// nulls mixed, and with an error after the counting point.
func TestDecodeLongPage(t *testing.T) {
	t.Parallel()
	for _, n := range []int{longList - 1, longList, longList + 1, 3*longList + 7} {
		var b strings.Builder
		b.WriteString(`{"exportSnapshotRecords":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			switch i % 3 {
			case 0:
				fmt.Fprintf(&b, `{"name":"r%d"}`, i)
			case 1:
				b.WriteString(`{}`)
			case 2:
				b.WriteString(`null`)
			}
		}
		b.WriteString(`],"nextPageToken":"t"}`)
		var r jsonwire.Reader
		r.Reset(b.String())
		var out GetExportSnapshotRecordsOutput
		decodeGetExportSnapshotRecordsOutput(&r, &out)
		if err := r.Err(); err != nil {
			t.Fatalf("%d records: %v", n, err)
		}
		if len(out.ExportSnapshotRecords) != n || out.NextPageToken == nil || *out.NextPageToken != "t" {
			t.Fatalf("%d records: decoded %d, token %v", n, len(out.ExportSnapshotRecords), out.NextPageToken)
		}
		for i, record := range out.ExportSnapshotRecords {
			want := ""
			if i%3 == 0 {
				want = fmt.Sprintf("r%d", i)
			}
			if got := deref(record.Name); got != want {
				t.Fatalf("%d records: record %d named %q, want %q", n, i, got, want)
			}
		}
	}
	malformed := `{"exportSnapshotRecords":[` + strings.Repeat(`{},`, 2*longList) + `{]}`
	var r jsonwire.Reader
	r.Reset(malformed)
	var out GetExportSnapshotRecordsOutput
	decodeGetExportSnapshotRecordsOutput(&r, &out)
	if r.Err() == nil {
		t.Fatal("a malformed long page decoded without error")
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
