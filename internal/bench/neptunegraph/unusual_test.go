package neptunegraph

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

// unusualCases are odd but well-formed answers on which both clients must
// observe the same: repeated members, null in odd places, invalid UTF-8
// and timestamps written as strings.
var unusualCases = []kit.DecodeCase{
	{Name: "repeated string, wrong-typed first", Response: created(`{"name":5,"name":"a"}`)},
	{Name: "repeated string, object first", Response: created(`{"name":{"x":[1]},"name":"a"}`)},
	{Name: "repeated timestamp, wrong-typed first", Response: created(`{"snapshotCreateTime":"x","snapshotCreateTime":1767225600}`)},
	{Name: "repeated, wrong-typed last", Response: created(`{"name":"a","name":5}`), Differ: kit.DecoderWording},
	{Name: "repeated string, null last", Response: created(`{"name":"a","name":null}`)},
	{Name: "repeated timestamp, null last", Response: created(`{"snapshotCreateTime":1767225600,"snapshotCreateTime":null}`)},
	{Name: "repeated enum, null last", Response: created(`{"status":"AVAILABLE","status":null}`)},
	{Name: "repeated strings", Response: created(`{"name":"a","name":"b"}`)},
	{Name: "null body", Response: created(`null`)},
	{Name: "array body", Response: created(`[]`), Differ: kit.DecoderWording},
	{Name: "string body", Response: created(`"x"`), Differ: kit.DecoderWording},
	{Name: "invalid UTF-8", Response: created("{\"name\":\"a\xffb\xc3\",\"arn\":\"\xed\xa0\x80\"}")},
	{Name: "invalid UTF-8 in a key", Response: created("{\"na\xffme\":\"x\",\"name\":\"a\"}")},
	{Name: "timestamp Infinity", Response: created(`{"snapshotCreateTime":"Infinity"}`), Differ: kit.DecoderWording},
	{Name: "timestamp -Infinity", Response: created(`{"snapshotCreateTime":"-Infinity"}`), Differ: kit.DecoderWording},
	{Name: "timestamp NaN", Response: created(`{"snapshotCreateTime":"NaN"}`), Differ: kit.DecoderWording},
	{Name: "timestamp other string", Response: created(`{"snapshotCreateTime":"soon"}`), Differ: kit.DecoderWording},
	{Name: "timestamp huge", Response: created(`{"snapshotCreateTime":1e300}`)},
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
		kit.ErrorCases(contentType, "com.amazonaws.neptunegraph", modelledErrors), kit.GenericErrorCases(contentType))
	kit.FuzzDecode(f, contentType, seeds, callOurs, callOfficial, nil)
}

// FuzzResponseHeaders compares both clients' result metadata and errors
// under arbitrary request ID and Date headers; see kit.FuzzResponseHeaders.
func FuzzResponseHeaders(f *testing.F) {
	kit.FuzzResponseHeaders(f, contentType, `{"id":"gs-1","name":"s"}`, `{"code":"ResourceNotFoundException","message":"m"}`, callOurs, callOfficial)
}

// FuzzRetries compares both clients' attempts and outcomes under arbitrary
// answers and retries; see kit.FuzzRetries.
func FuzzRetries(f *testing.F) {
	kit.FuzzRetries(f, contentType, `{"id":"gs-1"}`, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOurs(client, "", func(o *ours.Options) { o.Retryer = retryer }).CreateGraphSnapshot(ctx, oursInput())
	}, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOfficial(client, "", func(o *official.Options) { o.Retryer = retryer }).CreateGraphSnapshot(ctx, officialInput())
	})
}
