package memorydb

import (
	"context"
	"slices"
	"strings"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
)

type (
	oursOptions     = ours.Options
	officialOptions = official.Options
)

// callers return the calls of both clients, in protocol p, answered with
// a canned response.
func callers(p wireProtocol) (ours, official kit.Caller) {
	ours = func(ctx context.Context, resp kit.Response) (any, error) {
		c := newOurs(&kit.CannedClient{Response: resp}, "", p.ours, func(o *oursOptions) { o.RetryMaxAttempts = 1 })
		return c.CopySnapshot(ctx, oursInput())
	}
	official = func(ctx context.Context, resp kit.Response) (any, error) {
		c := newOfficial(&kit.CannedClient{Response: resp}, "", p.official, func(o *officialOptions) { o.RetryMaxAttempts = 1 })
		return c.CopySnapshot(ctx, officialInput())
	}
	return ours, official
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
	{Name: "unknown member nested to the bound", Response: ok(`{"x":` + kit.Nested(kit.MaxNesting-1) + `,"Snapshot":{"Name":"n"}}`)},
}

// failedOutputCases are 2xx answers that cannot be decoded.
var failedOutputCases = []kit.DecodeCase{
	{Name: "html 200", Response: kit.Canned(200, "text/html", `<html>hello</html>`), Differ: kit.DecoderWording},
	{Name: "truncated 200", Response: ok(`{"Snapshot":{"Name":"n`), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":"6379"}}}`), Differ: kit.DecoderWording},
	{Name: "int32 overflow", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":2147483648}}}`), Differ: kit.DecoderWording},
	{Name: "white space only", Response: ok(" \n"), Differ: kit.DecoderWording},
	{Name: "unknown member nested past the bound", Response: ok(`{"x":` + kit.Nested(kit.MaxNesting) + `,"Snapshot":{"Name":"n"}}`), Differ: kit.DecoderWording},
	{Name: "unknown objects nested past the bound", Response: ok(`{"x":` + strings.Repeat(`{"a":`, kit.MaxNesting) + `1` +
		strings.Repeat("}", kit.MaxNesting) + `,"Snapshot":{"Name":"n"}}`), Differ: kit.DecoderWording},
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
	callOurs, callOfficial := callers(jsonProtocol)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}

func cborOK(body []byte) kit.Response { return kit.Canned(200, cborContentType, string(body)) }

func cborError(status int, m smithycbor.Map) kit.Response {
	return kit.Canned(status, cborContentType, string(smithycbor.Encode(m)))
}

// cborOutputCases are successful rpcv2Cbor answers: the JSON ones in CBOR,
// and the forms only CBOR has.
func cborOutputCases() []kit.DecodeCase {
	cases := []kit.DecodeCase{{Name: "empty body", Response: cborOK(nil)}}
	for _, c := range outputCases {
		if c.Name == "empty body" || c.Name == "whitespace" || c.Name == "escapes in strings" {
			continue // JSON text forms
		}
		cases = append(cases, kit.DecodeCase{Name: c.Name, Response: kit.Canned(c.Response.Status, cborContentType, string(toCBOR(string(c.Response.Body))))})
	}
	indefinite := []byte("\xbf\x68Snapshot\xbf\x64Name\x7f\x62ab\x61c\xff" +
		"\x74ClusterConfiguration\xbf\x66Shards\x9f\xf6\xbf\x74SnapshotCreationTime\xc1\xf9\x3e\x00" +
		"\x6dConfiguration\xbf\x6cReplicaCount\x02\xff\xff\xbf\x74SnapshotCreationTime\xc1\x1a\x69\x55\xb9\x00\xff\xff" +
		"\x64Port\xf7\xff\x6bDataTiering\xf6\xff\xff")
	return append(cases,
		kit.DecodeCase{Name: "indefinite lengths, chunked string, null item, half-float and integer times", Response: cborOK(indefinite)},
		kit.DecodeCase{Name: "trailing data", Response: cborOK(append(toCBOR(`{"Snapshot":{"Name":"n"}}`), 0x01, 0x02))},
		// Skipped as the official shape deserializer skips an unknown
		// member, though smithy-go's own generic decoder refuses them.
		kit.DecodeCase{Name: "unknown member cut short", Response: cborOK([]byte("\xa1\x65Extra\x9f\x01"))},
		kit.DecodeCase{Name: "unknown member a reserved simple value", Response: cborOK([]byte("\xa1\x65Extra\xfc"))},
		kit.DecodeCase{Name: "unknown member a one-byte simple value", Response: cborOK([]byte("\xa2\x65Extra\xf8\x68Snapshot\xa0"))},
		kit.DecodeCase{Name: "unknown member of 2^63 items", Response: cborOK([]byte("\xa2\x65Extra\x9b\x80\x00\x00\x00\x00\x00\x00\x00\x68Snapshot\xa0"))},
		kit.DecodeCase{Name: "output map of 2^63 members", Response: cborOK([]byte("\xbb\x80\x00\x00\x00\x00\x00\x00\x00\x68Snapshot\xa0"))},
		kit.DecodeCase{Name: "unknown member nested 5000 deep", Response: cborOK([]byte("\xa2\x61X" + strings.Repeat("\x81", 5000) + "\x00\x68Snapshot\xa1\x64Name\x61n"))},
	)
}

// cborFailedOutputCases are 2xx rpcv2Cbor answers neither client decodes.
var cborFailedOutputCases = []kit.DecodeCase{
	{Name: "json body", Response: kit.Canned(200, contentType, `{"Snapshot":{"Name":"n"}}`), Differ: kit.DecoderWording},
	{Name: "truncated", Response: cborOK(toCBOR(fullBody)[:100]), Differ: kit.DecoderWording},
	{Name: "wrong type", Response: cborOK(toCBOR(`{"Snapshot":{"ClusterConfiguration":{"Port":"6379"}}}`)), Differ: kit.DecoderWording},
	{Name: "int32 overflow", Response: cborOK(toCBOR(`{"Snapshot":{"ClusterConfiguration":{"Port":2147483648}}}`)), Differ: kit.DecoderWording},
	{Name: "float for an integer", Response: cborOK(toCBOR(`{"Snapshot":{"ClusterConfiguration":{"Port":1.5}}}`)), Differ: kit.DecoderWording},
	{Name: "untagged timestamp", Response: cborOK([]byte("\xa1\x68Snapshot\xa1\x74ClusterConfiguration\xa1\x66Shards\x81\xa1\x74SnapshotCreationTime\x01")), Differ: kit.DecoderWording},
	{Name: "null body", Response: cborOK([]byte{0xf6}), Differ: map[string]string{"Text": kit.DecoderWording["Text"]}},
	{Name: "undefined body", Response: cborOK([]byte{0xf7}), Differ: map[string]string{"Text": kit.DecoderWording["Text"]}},
	{Name: "timestamp tag around null", Response: cborOK([]byte("\xa1\x68Snapshot\xa1\x74ClusterConfiguration\xa1\x66Shards\x81\xa1\x74SnapshotCreationTime\xc1\xf6")), Differ: kit.DecoderWording},
	{Name: "timestamp tag around undefined", Response: cborOK([]byte("\xa1\x68Snapshot\xa1\x74ClusterConfiguration\xa1\x66Shards\x81\xa1\x74SnapshotCreationTime\xc1\xf7")), Differ: kit.DecoderWording},
}

// cborErrorCases are the rpcv2Cbor error answers: every modelled error with
// its code in each form, and the answers that match no typed error.
func cborErrorCases() []kit.DecodeCase {
	var cases []kit.DecodeCase
	for _, e := range modelledErrors {
		cases = append(cases,
			kit.DecodeCase{Name: e.Code + "/__type", Response: cborError(e.Status, smithycbor.Map{
				"__type": smithycbor.String("com.amazonaws.memorydb#" + e.Code), "message": smithycbor.String("with a namespace é"),
				"Unmodelled": smithycbor.List{smithycbor.Uint(1)}})},
			kit.DecodeCase{Name: e.Code + "/short", Response: cborError(e.Status, smithycbor.Map{"__type": smithycbor.String(e.Code)})},
			kit.DecodeCase{Name: e.Code + "/uri suffix", Response: cborError(e.Status, smithycbor.Map{
				"__type": smithycbor.String("com.amazonaws.memorydb#" + e.Code + ":http://internal.amazon.com/coral/"), "message": smithycbor.String("m")})},
		)
	}
	return append(cases,
		kit.DecodeCase{Name: "unknown code", Response: cborError(400, smithycbor.Map{"__type": smithycbor.String("com.example#NoSuchThing"), "message": smithycbor.String("no such thing")})},
		kit.DecodeCase{Name: "lowercase code", Response: cborError(400, smithycbor.Map{"__type": smithycbor.String("snapshotnotfoundfault")})},
		kit.DecodeCase{Name: "header only", Response: kit.Canned(400, cborContentType, "\xa0", "X-Amzn-Errortype", "SnapshotNotFoundFault")},
		kit.DecodeCase{Name: "capital Message", Response: cborError(400, smithycbor.Map{"__type": smithycbor.String("Oops"), "Message": smithycbor.String("ignored")})},
		kit.DecodeCase{Name: "non-text __type", Response: cborError(400, smithycbor.Map{"__type": smithycbor.Uint(42), "message": smithycbor.String("m")})},
		kit.DecodeCase{Name: "non-text message of a typed error", Response: cborError(400, smithycbor.Map{
			"__type": smithycbor.String("SnapshotNotFoundFault"), "message": smithycbor.Uint(1)}), Differ: kit.DecoderWording},
		kit.DecodeCase{Name: "not a map", Response: kit.Canned(400, cborContentType, "\x63abc")},
		kit.DecodeCase{Name: "empty map 400", Response: kit.Canned(400, cborContentType, "\xa0")},
		kit.DecodeCase{Name: "empty body 400", Response: kit.Canned(400, cborContentType, "")},
		kit.DecodeCase{Name: "truncated 400", Response: kit.Canned(400, cborContentType, "\xa1\x66__type\x64Oo")},
		kit.DecodeCase{Name: "unassigned simple value 400", Response: kit.Canned(400, cborContentType, "\xed")},
		kit.DecodeCase{Name: "repeated __type, non-text last", Response: kit.Canned(400, cborContentType, "\xa2\x66__type\x75SnapshotNotFoundFault\x66__type\x01")},
		kit.DecodeCase{Name: "internal error 500", Response: cborError(500, smithycbor.Map{"__type": smithycbor.String("InternalFailure"), "message": smithycbor.String("try again")})},
	)
}

// TestDecodeCBOR feeds the same rpcv2Cbor answers to both clients and
// compares what an application observes.
func TestDecodeCBOR(t *testing.T) {
	t.Parallel()
	cases := cborOutputCases()
	cases = append(cases, cborFailedOutputCases...)
	cases = append(cases, cborErrorCases()...)
	callOurs, callOfficial := callers(cborProtocol)
	kit.CompareDecode(t, cases, callOurs, callOfficial)
}

// FuzzDecodeCBOR compares both clients on arbitrary rpcv2Cbor answers grown
// from those TestDecodeCBOR compares; see kit.FuzzDecode.
func FuzzDecodeCBOR(f *testing.F) {
	seeds := slices.Concat(cborOutputCases(), cborFailedOutputCases, cborErrorCases())
	callOurs, callOfficial := callers(cborProtocol)
	kit.FuzzDecode(f, cborContentType, seeds, callOurs, callOfficial, nil)
}
