package datazone

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/datazone"

	ours "github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/bench/kit"
)

func callOurs(ctx context.Context, resp kit.Response) (any, error) {
	c := newOurs(&kit.CannedClient{Response: resp}, "", func(o *ours.Options) { o.RetryMaxAttempts = 1 })
	return c.CreateAssetRevision(ctx, oursInput())
}

func callOfficial(ctx context.Context, resp kit.Response) (any, error) {
	c := newOfficial(&kit.CannedClient{Response: resp}, "", func(o *official.Options) { o.RetryMaxAttempts = 1 })
	return c.CreateAssetRevision(ctx, officialInput())
}

func ok(body string) kit.Response { return kit.Canned(200, contentType, body) }

var outputCases = []kit.DecodeCase{
	{Name: "full", Response: ok(fullBody)},
	{Name: "201", Response: kit.Canned(201, contentType, fullBody)},
	{Name: "empty object", Response: ok(`{}`)},
	{Name: "empty body", Response: ok(``)},
	{Name: "nulls", Response: ok(`{"id":null,"name":null,"createdAt":null,"glossaryTerms":null,"listing":null,"formsOutput":null,` +
		`"readOnlyFormsOutput":null,"latestTimeSeriesDataPointFormsOutput":null,"predictionConfiguration":null}`)},
	{Name: "nested nulls", Response: ok(`{"listing":{"listingId":null,"listingStatus":null},"formsOutput":[{"formName":null,"content":null}],` +
		`"predictionConfiguration":{"businessNameGeneration":null},"latestTimeSeriesDataPointFormsOutput":[{"timestamp":null}]}`)},
	{Name: "null list elements", Response: ok(`{"glossaryTerms":[null,"gt_a"],"formsOutput":[null]}`)},
	{Name: "empty lists and objects", Response: ok(`{"glossaryTerms":[],"formsOutput":[],"readOnlyFormsOutput":[{}],` +
		`"predictionConfiguration":{"businessNameGeneration":{}},"listing":{}}`)},
	{Name: "unknown members", Response: ok(`{"future":{"a":[1,{"b":null}]},"id":"x","formsOutput":[{"formName":"f","newMember":true}],` +
		`"listing":{"listingId":"l","extra":[]},"tail":1e5}`)},
	{Name: "unknown enum", Response: ok(`{"listing":{"listingStatus":"ARCHIVED"}}`)},
	{Name: "timestamps", Response: ok(`{"createdAt":1767225600,"firstRevisionCreatedAt":1767225600.123456,` +
		`"latestTimeSeriesDataPointFormsOutput":[{"timestamp":1.7672256001239E9},{"timestamp":1.7672256e+9},{"timestamp":-1.5},{"timestamp":0}]}`)},
	{Name: "escapes", Response: ok(`{"name":"a\"b\\c\/d\n\u00e9\ud83d\ude00\u2028","formsOutput":[{"content":"{\"k\":\"v\\u0000\"}"}]}`)},
	{Name: "booleans", Response: ok(`{"predictionConfiguration":{"businessNameGeneration":{"enabled":false}}}`)},
}

var failedOutputCases = []kit.DecodeCase{
	{Name: "html 200", Response: kit.Canned(200, "text/html", `<html>ok</html>`), Differ: kit.DecoderWording},
	{Name: "truncated 200", Response: ok(fullBody[:300]), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: ok(`{"glossaryTerms":"gt_a"}`), Differ: kit.DecoderWording},
	{Name: "wrong scalar type", Response: ok(`{"predictionConfiguration":{"businessNameGeneration":{"enabled":"yes"}}}`), Differ: kit.DecoderWording},
}

var modelledErrors = []kit.ModelledError{
	{Code: "AccessDeniedException", Status: 403},
	{Code: "ConflictException", Status: 409},
	{Code: "InternalServerException", Status: 500},
	{Code: "ResourceNotFoundException", Status: 404},
	{Code: "ThrottlingException", Status: 429},
	{Code: "UnauthorizedException", Status: 401},
	{Code: "ValidationException", Status: 400, Members: `"reason":"unmodelled"`},
}

var restJSONCases = []kit.DecodeCase{
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
	cases = append(cases, kit.ErrorCases(contentType, "com.amazonaws.datazone", modelledErrors)...)
	cases = append(cases, restJSONCases...)
	cases = append(cases, kit.GenericErrorCases(contentType)...)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}
