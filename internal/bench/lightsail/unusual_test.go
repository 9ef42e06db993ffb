package lightsail

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
)

// unusualCases are odd but well-formed answers on which both clients must
// observe the same: repeated members, null in odd places, invalid UTF-8
// and timestamps written as strings.
var unusualCases = []kit.DecodeCase{
	{Name: "repeated list, wrong-typed first", Response: ok(`{"exportSnapshotRecords":5,"exportSnapshotRecords":[{"name":"a"}]}`), Differ: kit.DecoderWording},
	{Name: "repeated string, wrong-typed first", Response: ok(`{"exportSnapshotRecords":[{"name":5,"name":"a"}]}`), Differ: kit.DecoderWording},
	{Name: "repeated structure, wrong-typed first", Response: ok(`{"exportSnapshotRecords":[{"location":[],"location":{"availabilityZone":"z"}}]}`), Differ: kit.DecoderWording},
	{Name: "repeated, wrong-typed last", Response: ok(`{"exportSnapshotRecords":[{"name":"a","name":5}]}`), Differ: kit.DecoderWording},
	{Name: "repeated list, null last", Response: ok(`{"exportSnapshotRecords":[{"name":"a"}],"exportSnapshotRecords":null}`)},
	{Name: "repeated string, null last", Response: ok(`{"exportSnapshotRecords":[{"name":"a","name":null}]}`)},
	{Name: "repeated structure, null last", Response: ok(`{"exportSnapshotRecords":[{"location":{"availabilityZone":"z"},"location":null}]}`)},
	{Name: "repeated token, null last", Response: ok(`{"nextPageToken":"t","nextPageToken":null}`)},
	{Name: "repeated structures merge", Response: ok(`{"exportSnapshotRecords":[{"location":{"availabilityZone":"z"},"location":{"regionName":"us-east-1"}}]}`)},
	{Name: "repeated lists", Response: ok(`{"exportSnapshotRecords":[{"name":"a"}],"exportSnapshotRecords":[{"name":"b"},{}]}`)},
	{Name: "null body", Response: ok(`null`), Differ: kit.DecoderWording},
	{Name: "array body", Response: ok(`[]`), Differ: kit.DecoderWording},
	{Name: "string body", Response: ok(`"x"`), Differ: kit.DecoderWording},
	{Name: "invalid UTF-8", Response: ok("{\"exportSnapshotRecords\":[{\"name\":\"a\xffb\xc3\",\"arn\":\"\xed\xa0\x80\"}]}")},
	{Name: "timestamp Infinity", Response: ok(`{"exportSnapshotRecords":[{"createdAt":"Infinity"}]}`)},
	{Name: "timestamp -Infinity", Response: ok(`{"exportSnapshotRecords":[{"createdAt":"-Infinity"}]}`)},
	{Name: "timestamp NaN", Response: ok(`{"exportSnapshotRecords":[{"createdAt":"NaN"}]}`), OfficialPanics: "smithy-go's ParseEpochSeconds panics on NaN"},
	{Name: "timestamp other string", Response: ok(`{"exportSnapshotRecords":[{"createdAt":"soon"}]}`), Differ: kit.DecoderWording},
	{Name: "timestamp huge", Response: ok(`{"exportSnapshotRecords":[{"createdAt":1e300}]}`)},
	{Name: "invalid UTF-8 in an error", Response: kit.Canned(404, contentType, "{\"__type\":\"NotFoundException\",\"message\":\"a\xffb\"}")},
	{Name: "error typed by the header, white space body", Response: kit.Canned(404, contentType, " ", "X-Amzn-Errortype", "NotFoundException"), Differ: kit.DecoderWording},
	{Name: "error typed by the header in another case, white space body", Response: kit.Canned(404, contentType, " ", "X-Amzn-Errortype", "NotFounDEXCeption")},
}

// TestDecodeUnusual compares both clients on the unusual answers.
func TestDecodeUnusual(t *testing.T) {
	t.Parallel()
	kit.CompareDecode(t, unusualCases, callOurs, callOfficial)
}

// FuzzDecode compares both clients on arbitrary answers grown from those
// TestDecode and TestDecodeUnusual compare; see kit.FuzzDecode.
func FuzzDecode(f *testing.F) {
	seeds := slices.Concat(outputCases, failedOutputCases, unusualCases,
		kit.ErrorCases(contentType, "com.amazonaws.lightsail", modelledErrors), kit.GenericErrorCases(contentType))
	kit.FuzzDecode(f, contentType, seeds, callOurs, callOfficial, nil)
}

// FuzzResponseHeaders compares both clients' result metadata and errors
// under arbitrary request ID and Date headers; see kit.FuzzResponseHeaders.
func FuzzResponseHeaders(f *testing.F) {
	kit.FuzzResponseHeaders(f, contentType, `{"exportSnapshotRecords":[{"name":"a"}]}`, `{"__type":"NotFoundException","message":"m"}`, callOurs, callOfficial)
}

// FuzzRetries compares both clients' attempts and outcomes under arbitrary
// answers and retries; see kit.FuzzRetries.
func FuzzRetries(f *testing.F) {
	kit.FuzzRetries(f, contentType, `{"exportSnapshotRecords":[]}`, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOurs(client, "", func(o *ours.Options) { o.Retryer = retryer }).GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{PageToken: &tokenSent})
	}, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOfficial(client, "", func(o *official.Options) { o.Retryer = retryer }).GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: &tokenSent})
	})
}
