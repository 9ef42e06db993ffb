package lightsail

import (
	"context"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
)

func callOurs(ctx context.Context, resp kit.Response) (any, error) {
	c := newOurs(&kit.CannedClient{Response: resp}, "", func(o *ours.Options) { o.RetryMaxAttempts = 1 })
	return c.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{PageToken: &tokenSent})
}

func callOfficial(ctx context.Context, resp kit.Response) (any, error) {
	c := newOfficial(&kit.CannedClient{Response: resp}, "", func(o *official.Options) { o.RetryMaxAttempts = 1 })
	return c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: &tokenSent})
}

var tokenSent = pageToken(3)

func ok(body string) kit.Response { return kit.Canned(200, contentType, body) }

var outputCases = []kit.DecodeCase{
	{Name: "full page", Response: ok(page(0, recordsPerPage, 2))},
	{Name: "last page", Response: ok(page(1, 3, 2))},
	{Name: "empty object", Response: ok(`{}`)},
	{Name: "empty body", Response: ok(``)},
	{Name: "empty list", Response: ok(`{"exportSnapshotRecords":[]}`)},
	{Name: "null list and token", Response: ok(`{"exportSnapshotRecords":null,"nextPageToken":null}`)},
	{Name: "empty token", Response: ok(`{"exportSnapshotRecords":[{}],"nextPageToken":""}`)},
	{Name: "null members", Response: ok(`{"exportSnapshotRecords":[{"name":null,"createdAt":null,"location":null,"resourceType":null,` +
		`"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":null},"diskSnapshotInfo":null},"destinationInfo":{"id":null}}]}`)},
	{Name: "null list element", Response: ok(`{"exportSnapshotRecords":[null,{"name":"a"}]}`)},
	{Name: "unknown members", Response: ok(`{"future":{"x":[1,2,{"y":null}]},"exportSnapshotRecords":[{"name":"a","newField":"v",` +
		`"sourceInfo":{"extra":[],"instanceSnapshotInfo":{"fromDiskInfo":[{"name":"d","other":true}]}}}],"more":1}`)},
	{Name: "unknown enums", Response: ok(`{"exportSnapshotRecords":[{"resourceType":"Satellite","state":"Paused",` +
		`"location":{"regionName":"mars-north-1"},"sourceInfo":{"resourceType":"VolumeSnapshot"}}]}`)},
	{Name: "timestamps", Response: ok(`{"exportSnapshotRecords":[{"createdAt":1767225600},{"createdAt":1767225600.5},` +
		`{"createdAt":1767225600.123456},{"createdAt":1.7672256001239E9},{"createdAt":1.7672256E+9},{"createdAt":17672256001239e-4},` +
		`{"createdAt":-86400.25},{"createdAt":0}]}`)},
	{Name: "booleans and ints", Response: ok(`{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":2147483647},` +
		`"instanceSnapshotInfo":{"fromDiskInfo":[{"isSystemDisk":false,"sizeInGb":0},{"isSystemDisk":true,"sizeInGb":-1}]}}}]}`)},
	{Name: "escapes", Response: ok(`{"exportSnapshotRecords":[{"name":"a\"b\\c\/d\n\u00e9\ud83d\ude00\u2028"}],"nextPageToken":"t\u002bk"}`)},
}

var failedOutputCases = []kit.DecodeCase{
	{Name: "html 200", Response: kit.Canned(200, "text/html", `<html>hello</html>`), Differ: kit.DecoderWording},
	{Name: "truncated 200", Response: ok(page(0, 2, 2)[:500]), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: ok(`{"exportSnapshotRecords":{"name":"a"}}`), Differ: kit.DecoderWording},
	{Name: "wrong scalar type", Response: ok(`{"exportSnapshotRecords":[{"createdAt":"2026-01-01T00:00:00Z"}]}`), Differ: kit.DecoderWording},
	{Name: "int32 overflow", Response: ok(`{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":2147483648}}}]}`), Differ: kit.DecoderWording},
}

// lightsailMembers are the extra members every Lightsail error carries; the
// member "code" is data, not the error's type.
const lightsailMembers = `"docs":"https://docs.aws.amazon.com/lightsail/","tip":"Try again later."`

var modelledErrors = []kit.ModelledError{
	{Code: "AccessDeniedException", Status: 403, Members: lightsailMembers},
	{Code: "AccountSetupInProgressException", Status: 428, Members: lightsailMembers},
	{Code: "InvalidInputException", Status: 400, Members: lightsailMembers},
	{Code: "NotFoundException", Status: 404, Members: lightsailMembers},
	{Code: "OperationFailureException", Status: 400, Members: lightsailMembers},
	{Code: "RegionSetupInProgressException", Status: 428, Members: lightsailMembers},
	{Code: "ServiceException", Status: 500, Members: lightsailMembers},
	{Code: "UnauthenticatedException", Status: 401, Members: lightsailMembers},
}

// codeMemberCases carry Lightsail's "code" member, which is data: the type
// comes from __type or the header.
var codeMemberCases = []kit.DecodeCase{
	{Name: "code member with __type", Response: kit.Canned(400, contentType,
		`{"__type":"InvalidInputException","code":"InvalidInput","message":"bad token",`+lightsailMembers+`}`)},
	{Name: "code member with header", Response: kit.Canned(404, contentType,
		`{"code":"DoesNotExist","message":"gone"}`, "X-Amzn-Errortype", "NotFoundException:http://internal.amazon.com/")},
	{Name: "code member naming another error", Response: kit.Canned(400, contentType,
		`{"__type":"InvalidInputException","code":"NotFoundException"}`)},
}

// TestDecode feeds the same answers to both clients and compares what an
// application observes: outputs, request IDs, and errors.
func TestDecode(t *testing.T) {
	t.Parallel()
	var cases []kit.DecodeCase
	cases = append(cases, outputCases...)
	cases = append(cases, failedOutputCases...)
	cases = append(cases, kit.ErrorCases(contentType, "com.amazonaws.lightsail", modelledErrors)...)
	cases = append(cases, codeMemberCases...)
	cases = append(cases, kit.GenericErrorCases(contentType)...)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}
