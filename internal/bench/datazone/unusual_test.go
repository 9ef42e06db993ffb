package datazone

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/datazone"

	ours "github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/bench/kit"
)

// unusualCases are odd but well-formed answers on which both clients must
// observe the same: repeated members, null in odd places, invalid UTF-8
// and timestamps written as strings.
var unusualCases = []kit.DecodeCase{
	{Name: "repeated string, wrong-typed first", Response: ok(`{"id":5,"id":"a"}`)},
	{Name: "repeated list, wrong-typed first", Response: ok(`{"formsOutput":{"a":1},"formsOutput":[{"formName":"f"}]}`)},
	{Name: "repeated structure, wrong-typed first", Response: ok(`{"listing":"x","listing":{"listingId":"l"}}`)},
	{Name: "nested repeated, wrong-typed first", Response: ok(`{"listing":{"listingId":true,"listingId":"l"},"formsOutput":[{"formName":[],"formName":"f"}]}`)},
	{Name: "repeated timestamp, wrong-typed first", Response: ok(`{"createdAt":"x","createdAt":1767225600}`)},
	{Name: "repeated, wrong-typed last", Response: ok(`{"id":"a","id":5}`), Differ: kit.DecoderWording},
	{Name: "repeated, wrong-typed in a skipped first", Response: ok(`{"listing":{"listingId":5},"listing":{"listingStatus":"ACTIVE"}}`)},
	{Name: "repeated string, null last", Response: ok(`{"id":"a","id":null}`)},
	{Name: "repeated list, null last", Response: ok(`{"formsOutput":[{"formName":"f"}],"formsOutput":null}`)},
	{Name: "repeated structure, null last", Response: ok(`{"listing":{"listingId":"l"},"listing":null}`)},
	{Name: "repeated structures", Response: ok(`{"listing":{"listingId":"l"},"listing":{"listingStatus":"ACTIVE"}}`)},
	{Name: "repeated lists", Response: ok(`{"glossaryTerms":["a","b"],"glossaryTerms":["c"]}`)},
	{Name: "null body", Response: ok(`null`)},
	{Name: "array body", Response: ok(`[]`), Differ: kit.DecoderWording},
	{Name: "invalid UTF-8", Response: ok("{\"id\":\"a\xffb\xc3\",\"name\":\"\xed\xa0\x80\"}")},
	{Name: "timestamp Infinity", Response: ok(`{"createdAt":"Infinity"}`), Differ: kit.DecoderWording},
	{Name: "timestamp NaN", Response: ok(`{"createdAt":"NaN"}`), Differ: kit.DecoderWording},
	{Name: "timestamp huge", Response: ok(`{"createdAt":1e300}`)},
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
		kit.ErrorCases(contentType, "com.amazonaws.datazone", modelledErrors), kit.GenericErrorCases(contentType))
	kit.FuzzDecode(f, contentType, seeds, callOurs, callOfficial, nil)
}

// FuzzResponseHeaders compares both clients' result metadata and errors
// under arbitrary request ID and Date headers; see kit.FuzzResponseHeaders.
func FuzzResponseHeaders(f *testing.F) {
	kit.FuzzResponseHeaders(f, contentType, `{"id":"a","name":"n"}`, `{"code":"ResourceNotFoundException","message":"m"}`, callOurs, callOfficial)
}

// FuzzRetries compares both clients' attempts and outcomes under arbitrary
// answers and retries; see kit.FuzzRetries.
func FuzzRetries(f *testing.F) {
	kit.FuzzRetries(f, contentType, `{"id":"a"}`, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOurs(client, "", func(o *ours.Options) { o.Retryer = retryer }).CreateAssetRevision(ctx, oursInput())
	}, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOfficial(client, "", func(o *official.Options) { o.Retryer = retryer }).CreateAssetRevision(ctx, officialInput())
	})
}
