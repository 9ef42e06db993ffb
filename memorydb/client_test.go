package memorydb_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/types"
)

// noBackoff retries at once, so retry tests run fast.
var noBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

func newClient(srv *testutil.Server, optFns ...func(*memorydb.Options)) *memorydb.Client {
	return memorydb.New(memorydb.Options{
		Region:       "us-east-1",
		BaseEndpoint: srv.Endpoint(),
		Credentials:  testutil.Credentials,
		HTTPSignerV4: testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:      retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff }),
	}, optFns...)
}

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   *memorydb.CopySnapshotInput
	}{
		{"required_only", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snap-a"),
			TargetSnapshotName: aws.String("snap-a-copy"),
		}},
		{"every_member", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snap-a"),
			TargetSnapshotName: aws.String("snap-a-copy"),
			TargetBucket:       aws.String("my-bucket.exports_1"),
			KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
			Tags: []types.Tag{
				{Key: aws.String("env"), Value: aws.String("dev")},
				{Key: aws.String("empty"), Value: aws.String("")},
				{Key: aws.String("null-value")},
			},
		}},
		{"unicode_and_escapes", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snäp \"quoted\" \\ back/slash"),
			TargetSnapshotName: aws.String("雪-😀\n\t\u2028<&>\x01"),
			Tags:               []types.Tag{},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			client := newClient(srv, func(o *memorydb.Options) {
				o.BaseEndpoint = nil // the real endpoint, delivered to the capture server
				o.HTTPClient = srv.HTTPClient()
			})
			if _, err := client.CopySnapshot(context.Background(), c.in); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, c.name, testutil.Snapshot(srv.Requests()[0]))
		})
	}
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
	out, err := newClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
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
			out, err := newClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
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
			_, err := newClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
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
				_, err := newClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
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
			_, err := newClient(srv, func(o *memorydb.Options) { o.RetryMaxAttempts = 1 }).CopySnapshot(context.Background(),
				&memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b")})
			assertAPIError(t, err, c.want, c.resp.Status)
		})
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "rid"},
		Body: `{"__type":"InvalidParameterValueException","message":"bad value"}`})
	_, err := newClient(srv).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
	})
	want := "operation error MemoryDB: CopySnapshot, https response error StatusCode: 400, RequestID: rid, InvalidParameterValueException: bad value"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}
