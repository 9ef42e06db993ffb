package neptunegraph

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

func callOurs(ctx context.Context, resp kit.Response) (any, error) {
	c := newOurs(&kit.CannedClient{Response: resp}, "", func(o *ours.Options) { o.RetryMaxAttempts = 1 })
	return c.CreateGraphSnapshot(ctx, oursInput())
}

func callOfficial(ctx context.Context, resp kit.Response) (any, error) {
	c := newOfficial(&kit.CannedClient{Response: resp}, "", func(o *official.Options) { o.RetryMaxAttempts = 1 })
	return c.CreateGraphSnapshot(ctx, officialInput())
}

func created(body string) kit.Response { return kit.Canned(201, contentType, body) }

var outputCases = []kit.DecodeCase{
	{Name: "full", Response: created(fullBody)},
	{Name: "200 instead of 201", Response: kit.Canned(200, contentType, fullBody)},
	{Name: "empty object", Response: created(`{}`)},
	{Name: "empty body", Response: created(``)},
	{Name: "nulls", Response: created(`{"id":null,"name":null,"arn":null,"sourceGraphId":null,"snapshotCreateTime":null,"status":null,"kmsKeyIdentifier":null}`)},
	{Name: "unknown members", Response: created(`{"extra":{"a":[1,{"b":null}]},"id":"gs-0a1b2c3d4e","more":[true],"name":"n"}`)},
	{Name: "unknown enum", Response: created(`{"status":"SNAPSHOTTING"}`)},
	{Name: "timestamp integer", Response: created(`{"snapshotCreateTime":1767225600}`)},
	{Name: "timestamp fraction", Response: created(`{"snapshotCreateTime":1767225600.123456}`)},
	{Name: "timestamp exponent", Response: created(`{"snapshotCreateTime":1.7672256001239E9}`)},
	{Name: "timestamp negative", Response: created(`{"snapshotCreateTime":-1.5}`)},
	{Name: "escapes", Response: created(`{"name":"a\"b\\c\/d\n\u00e9\ud83d\ude00\u2028","arn":"é漢"}`)},
}

var failedOutputCases = []kit.DecodeCase{
	{Name: "html 201", Response: kit.Canned(201, "text/html", `<html>created</html>`), Differ: kit.DecoderWording},
	{Name: "truncated 201", Response: created(fullBody[:60]), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: created(`{"snapshotCreateTime":"2026-01-01"}`), Differ: kit.DecoderWording},
	{Name: "array body", Response: created(`[]`), Differ: kit.DecoderWording},
}

var modelledErrors = []kit.ModelledError{
	{Code: "ConflictException", Status: 409, Members: `"reason":"CONCURRENT_MODIFICATION"`},
	{Code: "InternalServerException", Status: 500},
	{Code: "ResourceNotFoundException", Status: 404},
	{Code: "ServiceQuotaExceededException", Status: 402,
		Members: `"resourceId":"g-abcde12345","resourceType":"graph-snapshot","serviceCode":"neptune-graph","quotaCode":"L-1234ABCD"`},
	{Code: "ThrottlingException", Status: 429},
	{Code: "ValidationException", Status: 400, Members: `"reason":"CONSTRAINT_VIOLATION"`},
}

// restJSONCases are the restJson1 error forms beyond the shared ones:
// unknown enum values in error members, and both code and __type.
var restJSONCases = []kit.DecodeCase{
	{Name: "unknown reason", Response: kit.Canned(409, contentType, `{"code":"ConflictException","message":"m","reason":"SOMETHING_NEW"}`)},
	{Name: "code and __type disagree", Response: kit.Canned(400, contentType, `{"code":"ValidationException","__type":"ConflictException","message":"m"}`)},
	{Name: "header and body disagree", Response: kit.Canned(400, contentType, `{"code":"ValidationException","message":"m"}`,
		"X-Amzn-Errortype", "ConflictException")},
}

// TestDecode feeds the same answers to both clients and compares what an
// application observes: outputs, request IDs, and errors.
func TestDecode(t *testing.T) {
	t.Parallel()
	var cases []kit.DecodeCase
	cases = append(cases, outputCases...)
	cases = append(cases, failedOutputCases...)
	cases = append(cases, kit.ErrorCases(contentType, "com.amazonaws.neptunegraph", modelledErrors)...)
	cases = append(cases, restJSONCases...)
	cases = append(cases, kit.GenericErrorCases(contentType)...)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}
