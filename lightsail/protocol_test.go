package lightsail

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

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
