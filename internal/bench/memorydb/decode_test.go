package memorydb

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
)

func callOurs(ctx context.Context, resp kit.Response) (any, error) {
	c := newOurs(&kit.CannedClient{Response: resp}, "", func(o *ours.Options) { o.RetryMaxAttempts = 1 })
	return c.CopySnapshot(ctx, oursInput())
}

func callOfficial(ctx context.Context, resp kit.Response) (any, error) {
	c := newOfficial(&kit.CannedClient{Response: resp}, "", func(o *official.Options) { o.RetryMaxAttempts = 1 })
	return c.CopySnapshot(ctx, officialInput())
}

func ok(body string) kit.Response { return kit.Canned(200, contentType, body) }

// outputCases are successful answers.
var outputCases = []kit.DecodeCase{
	{Name: "full", Response: ok(fullBody)},
	{Name: "empty object", Response: ok(`{}`)},
	{Name: "empty body", Response: ok(``)},
	{Name: "null snapshot", Response: ok(`{"Snapshot":null}`)},
	{Name: "null members", Response: ok(`{"Snapshot":{"ARN":null,"ClusterConfiguration":{"Shards":null,"Port":null,"Name":null},"DataTiering":null,"Name":null}}`)},
	{Name: "empty lists and objects", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{}],"Description":""}}}`)},
	{Name: "no shards", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[]}}}`)},
	{Name: "unknown members", Response: ok(`{"Extra":{"a":[1,{"b":null}],"c":"d"},"Snapshot":{"New":[true,false],"Name":"n","ClusterConfiguration":{"Unknown":1.5e3,"Shards":[{"Other":{},"Name":"0001"}]}},"Tail":"x"}`)},
	{Name: "unknown enum", Response: ok(`{"Snapshot":{"DataTiering":"partial"}}`)},
	{Name: "timestamps", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[` +
		`{"SnapshotCreationTime":1767225600},{"SnapshotCreationTime":1767225600.5},{"SnapshotCreationTime":1767225600.123456},` +
		`{"SnapshotCreationTime":1.7672256001234E9},{"SnapshotCreationTime":1.7672256e9},{"SnapshotCreationTime":-1.5},{"SnapshotCreationTime":0}]}}}`)},
	{Name: "escapes in strings", Response: ok(`{"Snapshot":{"Name":"a\"b\\c\/d\n\u00e9\ud83d\ude00\u2028","Source":"é漢"}}`)},
	{Name: "numbers at the int32 edges", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":2147483647,"NumShards":-2147483648,"SnapshotRetentionLimit":0}}}`)},
	{Name: "201 status", Response: kit.Canned(201, contentType, `{"Snapshot":{"Name":"n"}}`)},
	{Name: "whitespace", Response: ok(" \n{ \"Snapshot\" : { \"Name\" : \"n\" } }\n ")},
}

// failedOutputCases are 2xx answers that cannot be decoded.
var failedOutputCases = []kit.DecodeCase{
	{Name: "html 200", Response: kit.Canned(200, "text/html", `<html>hello</html>`), Differ: kit.DecoderWording},
	{Name: "truncated 200", Response: ok(`{"Snapshot":{"Name":"n`), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":"6379"}}}`), Differ: kit.DecoderWording},
	// The official decoder converts the int64 it reads to int32 without a
	// check, so 2147483648 becomes -2147483648; ours refuses the answer.
	{Name: "int32 overflow", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":2147483648}}}`),
		OursFails: "a number out of the member's range is an error, not a silently wrapped value"},
}

var modelledErrors = []kit.ModelledError{
	{Code: "InvalidParameterCombinationException", Status: 400},
	{Code: "InvalidParameterValueException", Status: 400},
	{Code: "InvalidSnapshotStateFault", Status: 400},
	{Code: "ServiceLinkedRoleNotFoundFault", Status: 400},
	{Code: "SnapshotAlreadyExistsFault", Status: 400},
	{Code: "SnapshotNotFoundFault", Status: 404},
	{Code: "SnapshotQuotaExceededFault", Status: 400},
	{Code: "TagQuotaPerResourceExceeded", Status: 400, Members: `"Unmodelled":"ignored"`},
}

// TestDecode feeds the same answers to both clients and compares what an
// application observes: outputs, request IDs, and errors.
func TestDecode(t *testing.T) {
	t.Parallel()
	var cases []kit.DecodeCase
	cases = append(cases, outputCases...)
	cases = append(cases, failedOutputCases...)
	cases = append(cases, kit.ErrorCases(contentType, "com.amazonaws.memorydb", modelledErrors)...)
	cases = append(cases, kit.GenericErrorCases(contentType)...)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}
