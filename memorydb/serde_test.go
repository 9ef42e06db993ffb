package memorydb_test

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
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/types"
)

// TestProtocolVectors runs the official awsJson1_1 protocol test cases
// that apply to CopySnapshot: error-code resolution (with the test's error
// name replaced by one of MemoryDB's), framing, empty and unknown output,
// and the request ID. The others exercise shapes CopySnapshot does not
// have; the test logs them with the reason.
func TestProtocolVectors(t *testing.T) {
	t.Parallel()
	ran, skipped := 0, map[string]string{}
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
		ran++
	}
	t.Logf("awsJson1_1 vectors: %d ran and passed, %d do not apply", ran, len(skipped))
	testutil.CheckRan(t, "awsJson1_1 protocol vectors", ran, 25)
	ids := make([]string, 0, len(skipped))
	for id := range skipped {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("  not applicable: %s: %s", id, skipped[id])
	}
}

func runErrorVector(t *testing.T, c testutil.ProtocolCase) {
	name := testutil.ShapeName(c.ErrorShape)
	replace := func(s string) string { return strings.ReplaceAll(s, name, "SnapshotNotFoundFault") }
	resp := testutil.Response{Status: c.Code, Header: map[string]string{}}
	for k, v := range c.Headers {
		resp.Header[k] = replace(v)
	}
	if c.Body != nil {
		resp.Body = replace(*c.Body)
	}
	srv := testutil.NewServer(t, resp)
	_, err := newJSONClient(srv, func(o *memorydb.Options) { o.RetryMaxAttempts = 1 }).CopySnapshot(context.Background(), valid())
	var typed *types.SnapshotNotFoundFault
	if !errors.As(err, &typed) {
		t.Errorf("%s: got %v, want *types.SnapshotNotFoundFault", c.ID, err)
		return
	}
	if msg, ok := c.Params["Message"].(string); ok && (typed.Message == nil || *typed.Message != msg) {
		t.Errorf("%s: message = %v, want %q", c.ID, typed.Message, msg)
	}
}

func runResponseVector(t *testing.T, c testutil.ProtocolCase) string {
	if len(c.Params) > 0 {
		return "its output members belong to the test's own shapes"
	}
	resp := testutil.Response{Status: c.Code, Header: c.Headers}
	if c.Body != nil {
		resp.Body = *c.Body
	}
	srv := testutil.NewServer(t, resp)
	out, err := newJSONClient(srv).CopySnapshot(context.Background(), valid())
	if err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	if diff := cmp.Diff(&memorydb.CopySnapshotOutput{}, out,
		cmpopts.IgnoreFields(memorydb.CopySnapshotOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("%s: output (-want +got):\n%s", c.ID, diff)
	}
	if want := c.Headers["X-Amzn-Requestid"]; want != "" {
		if got, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); got != want {
			t.Errorf("%s: request ID = %q, want %q", c.ID, got, want)
		}
	}
	return ""
}

// requestVectors are the request cases whose input is empty or absent, so
// that CopySnapshot sent with validation off must produce the same frame.
var requestVectors = map[string]bool{
	"sends_requests_to_slash":                                true,
	"includes_x_amz_target_and_content_type":                 true,
	"json_1_1_client_sends_empty_payload_for_no_input_shape": true,
	"can_call_operation_with_no_input_or_output":             true,
	"AwsJson11StructuresDontSerializeNullValues":             true,
}

func runRequestVector(t *testing.T, c testutil.ProtocolCase) string {
	switch {
	case c.ID == "AwsJson11HostWithPath":
		return "the official Go clients join the endpoint path and / into /custom, not /custom/; this client does the same (see TestEndpointPathPrefix)"
	case !requestVectors[c.ID]:
		return "its input members belong to the test's own shapes or traits (@endpoint host prefixes, timestamp formats) CopySnapshot lacks"
	}
	srv := testutil.NewServer(t)
	client := newJSONClient(srv, func(o *memorydb.Options) {
		o.BaseEndpoint = nil
		o.HTTPClient = srv.HTTPClient()
		o.Validation = memorydb.ValidationOff
	})
	if _, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{}); err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	req := srv.Requests()[0]
	if req.Method != c.Method || req.Path != c.URI {
		t.Errorf("%s: %s %s, want %s %s", c.ID, req.Method, req.Path, c.Method, c.URI)
	}
	if got := req.Header.Get("Content-Type"); got != "application/x-amz-json-1.1" {
		t.Errorf("%s: Content-Type = %q", c.ID, got)
	}
	if c.Body != nil && *c.Body != "" {
		var want, got any
		if json.Unmarshal([]byte(*c.Body), &want) != nil || json.Unmarshal([]byte(req.Body), &got) != nil {
			t.Errorf("%s: bodies %q and %q", c.ID, *c.Body, req.Body)
		} else if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: body (-want +got):\n%s", c.ID, diff)
		}
	}
	return ""
}

const fullResponse = `{"Snapshot":{"Name":"snap-a-copy","Status":"creating","Source":"manual",` +
	`"KmsKeyId":"key-1","ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/snap-a-copy",` +
	`"ClusterConfiguration":{"Name":"c1","Description":"d","NodeType":"db.r6g.large","Engine":"redis",` +
	`"EngineVersion":"7.1","MaintenanceWindow":"sun:23:00-mon:01:30","TopicArn":"arn:aws:sns:us-east-1:1:t",` +
	`"Port":6379,"ParameterGroupName":"default.memorydb-redis7","SubnetGroupName":"sg","VpcId":"vpc-1",` +
	`"SnapshotRetentionLimit":7,"SnapshotWindow":"05:00-09:00","NumShards":2,` +
	`"Shards":[{"Name":"0001","Configuration":{"Slots":"0-8191","ReplicaCount":1},"Size":"11 MB","SnapshotCreationTime":1767225600.123},` +
	`{"Name":"0002","Configuration":{"Slots":"8192-16383","ReplicaCount":0},"Size":"12 MB","SnapshotCreationTime":1.7672256E9}],` +
	`"MultiRegionParameterGroupName":"mrpg","MultiRegionClusterName":"mrc"},"DataTiering":"false"}}`

func TestDecodeEveryMember(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Body: fullResponse, Header: map[string]string{"X-Amzn-RequestId": "req-123"}})
	out, err := newJSONClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := &types.Snapshot{
		Name: aws.String("snap-a-copy"), Status: aws.String("creating"), Source: aws.String("manual"),
		KmsKeyId: aws.String("key-1"), ARN: aws.String("arn:aws:memorydb:us-east-1:111122223333:snapshot/snap-a-copy"),
		DataTiering: types.DataTieringStatusFalse,
		ClusterConfiguration: &types.ClusterConfiguration{
			Name: aws.String("c1"), Description: aws.String("d"), NodeType: aws.String("db.r6g.large"),
			Engine: aws.String("redis"), EngineVersion: aws.String("7.1"), MaintenanceWindow: aws.String("sun:23:00-mon:01:30"),
			TopicArn: aws.String("arn:aws:sns:us-east-1:1:t"), Port: aws.Int32(6379),
			ParameterGroupName: aws.String("default.memorydb-redis7"), SubnetGroupName: aws.String("sg"),
			VpcId: aws.String("vpc-1"), SnapshotRetentionLimit: aws.Int32(7), SnapshotWindow: aws.String("05:00-09:00"),
			NumShards: aws.Int32(2), MultiRegionParameterGroupName: aws.String("mrpg"), MultiRegionClusterName: aws.String("mrc"),
			Shards: []types.ShardDetail{
				{Name: aws.String("0001"), Size: aws.String("11 MB"),
					Configuration:        &types.ShardConfiguration{Slots: aws.String("0-8191"), ReplicaCount: aws.Int32(1)},
					SnapshotCreationTime: aws.Time(time.Unix(1767225600, 123e6).UTC())},
				{Name: aws.String("0002"), Size: aws.String("12 MB"),
					Configuration:        &types.ShardConfiguration{Slots: aws.String("8192-16383"), ReplicaCount: aws.Int32(0)},
					SnapshotCreationTime: aws.Time(time.Unix(1767225600, 0).UTC())},
			},
		},
	}
	if diff := cmp.Diff(want, out.Snapshot); diff != "" {
		t.Errorf("decoded snapshot (-want +got):\n%s", diff)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-123" {
		t.Errorf("request ID = %q, want req-123", id)
	}
}

func TestDecodeEdgeCases(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		want       *memorydb.CopySnapshotOutput
	}{
		{"empty body", ``, &memorydb.CopySnapshotOutput{}},
		{"empty object", `{}`, &memorydb.CopySnapshotOutput{}},
		{"null snapshot", `{"Snapshot":null}`, &memorydb.CopySnapshotOutput{}},
		{"null members", `{"Snapshot":{"Name":null,"ClusterConfiguration":{"Port":null,"Shards":null}}}`,
			&memorydb.CopySnapshotOutput{Snapshot: &types.Snapshot{ClusterConfiguration: &types.ClusterConfiguration{}}}},
		{"empty list", `{"Snapshot":{"ClusterConfiguration":{"Shards":[]}}}`,
			&memorydb.CopySnapshotOutput{Snapshot: &types.Snapshot{ClusterConfiguration: &types.ClusterConfiguration{Shards: []types.ShardDetail{}}}}},
		{"unknown members", `{"New":{"x":[1,{"y":null}]},"Snapshot":{"Name":"n","Extra":true}}`,
			&memorydb.CopySnapshotOutput{Snapshot: &types.Snapshot{Name: aws.String("n")}}},
		{"unknown enum value", `{"Snapshot":{"DataTiering":"partial"}}`,
			&memorydb.CopySnapshotOutput{Snapshot: &types.Snapshot{DataTiering: "partial"}}},
		{"exponent timestamp", `{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":1.5e0}]}}}`,
			&memorydb.CopySnapshotOutput{Snapshot: &types.Snapshot{ClusterConfiguration: &types.ClusterConfiguration{
				Shards: []types.ShardDetail{{SnapshotCreationTime: aws.Time(time.Unix(1, 5e8).UTC())}}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: c.body})
			out, err := newJSONClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, out, cmpopts.IgnoreFields(memorydb.CopySnapshotOutput{}, "ResultMetadata")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMalformedResponses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, body string }{
		{"html", `<html><body>Service Unavailable</body></html>`},
		{"truncated", `{"Snapshot":{"Name":"snap`},
		{"wrong type", `{"Snapshot":{"Name":5}}`},
		{"int32 overflow", `{"Snapshot":{"ClusterConfiguration":{"Port":2147483648}}}`},
		{"array at top", `[]`},
		{"string timestamp", `{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":"2026-01-01"}]}}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: c.body, Header: map[string]string{"X-Amzn-RequestId": "req-9"}})
			_, err := newJSONClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
			})
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *smithy.DeserializationError", err)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != 200 || re.ServiceRequestID() != "req-9" {
				t.Errorf("status and request ID not reachable: %v", err)
			}
		})
	}
}

// errorCases lists every modelled error with a constructor of the
// expected value.
var errorCases = []struct {
	code   string
	status int
	want   func(msg *string) error
}{
	{"InvalidParameterCombinationException", 400, func(m *string) error { return &types.InvalidParameterCombinationException{Message: m} }},
	{"InvalidParameterValueException", 400, func(m *string) error { return &types.InvalidParameterValueException{Message: m} }},
	{"InvalidSnapshotStateFault", 400, func(m *string) error { return &types.InvalidSnapshotStateFault{Message: m} }},
	{"ServiceLinkedRoleNotFoundFault", 400, func(m *string) error { return &types.ServiceLinkedRoleNotFoundFault{Message: m} }},
	{"SnapshotAlreadyExistsFault", 400, func(m *string) error { return &types.SnapshotAlreadyExistsFault{Message: m} }},
	{"SnapshotNotFoundFault", 404, func(m *string) error { return &types.SnapshotNotFoundFault{Message: m} }},
	{"SnapshotQuotaExceededFault", 400, func(m *string) error { return &types.SnapshotQuotaExceededFault{Message: m} }},
	{"TagQuotaPerResourceExceeded", 400, func(m *string) error { return &types.TagQuotaPerResourceExceeded{Message: m} }},
}

func TestEveryErrorFromEveryWireForm(t *testing.T) {
	t.Parallel()
	for _, ec := range errorCases {
		forms := []struct {
			name string
			resp testutil.Response
		}{
			{"header", testutil.Response{Header: map[string]string{"X-Amzn-ErrorType": ec.code}, Body: `{"message":"boom"}`}},
			{"header with uri", testutil.Response{Header: map[string]string{"X-Amzn-ErrorType": ec.code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"}, Body: `{"message":"boom"}`}},
			{"__type with namespace", testutil.Response{Body: `{"__type":"com.amazonaws.memorydb#` + ec.code + `","message":"boom"}`}},
			{"code only", testutil.Response{Body: `{"code":"` + ec.code + `","Message":"boom"}`}},
			{"lower case", testutil.Response{Body: `{"__type":"` + strings.ToLower(ec.code) + `","message":"boom"}`}},
		}
		// Codes match with case, as in the official client since v1.43.0.
		lower := &smithy.GenericAPIError{Code: strings.ToLower(ec.code), Message: "boom"}
		for _, form := range forms {
			t.Run(ec.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				form.resp.Status = ec.status
				form.resp.Header = withRequestID(form.resp.Header)
				srv := testutil.NewServer(t, form.resp)
				_, err := newJSONClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
					SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
				})
				want := ec.want(aws.String("boom"))
				if form.name == "lower case" {
					want = lower
				}
				assertAPIError(t, err, want, ec.status)
			})
		}
	}
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
	if !errors.As(err, &op) || op.ServiceID != "MemoryDB" || op.OperationName != "CopySnapshot" {
		t.Fatalf("error %v is not an OperationError of MemoryDB CopySnapshot", err)
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

func TestUnknownAndEmptyErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		resp testutil.Response
		want error
	}{
		{"unknown code", testutil.Response{Status: 400, Body: `{"__type":"SomethingNew","message":"m"}`},
			&smithy.GenericAPIError{Code: "SomethingNew", Message: "m"}},
		{"empty body", testutil.Response{Status: 500},
			&smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"throttling", testutil.Response{Status: 400, Body: `{"__type":"ThrottlingException","message":"slow down"}`},
			&smithy.GenericAPIError{Code: "ThrottlingException", Message: "slow down"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.resp.Header = withRequestID(nil)
			srv := testutil.NewServer(t, c.resp)
			_, err := newJSONClient(srv, func(o *memorydb.Options) { o.RetryMaxAttempts = 1 }).CopySnapshot(context.Background(),
				&memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b")})
			assertAPIError(t, err, c.want, c.resp.Status)
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "rid"},
		Body: `{"__type":"InvalidParameterValueException","message":"bad value"}`})
	_, err := newJSONClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
	})
	want := "operation error MemoryDB: CopySnapshot, https response error StatusCode: 400, RequestID: rid, InvalidParameterValueException: bad value"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}
