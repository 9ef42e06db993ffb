package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
)

// member returns the member of an answer at a dotted path, as text.
func member(body map[string]any, path string) string {
	var v any = body
	for _, key := range strings.Split(path, ".") {
		object, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = object[key]
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// pcBody is a CreateResourceSnapshot input of the seeded engagement with
// extra members appended.
func pcBody(extra string) string {
	return `{"Catalog":"AWS","EngagementIdentifier":"` + SeedPartnerCentralEngagement +
		`","ResourceType":"Opportunity","ResourceIdentifier":"` + SeedPartnerCentralOpportunity +
		`","ResourceSnapshotTemplateIdentifier":"Summary"` + extra + `}`
}

// TestMemberNamesMatchExactly sends members whose names differ from the
// input shape's only in case, after the right ones, and checks that they
// are ignored as unknown members, at the top level and nested.
func TestMemberNamesMatchExactly(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tests := []struct {
		name   string
		req    request
		status int
		path   string // member of the answer to check
		want   string
	}{
		{"MemoryDB", request{op: OpCopySnapshot,
			body: `{"SourceSnapshotName":"` + SeedMemoryDBSnapshot + `","TargetSnapshotName":"exact-1","targetSnapshotName":"zzz"}`},
			200, "Snapshot.Name", "exact-1"},
		{"MemoryDB only other case", request{op: OpCopySnapshot,
			body: `{"SourceSnapshotName":"` + SeedMemoryDBSnapshot + `","targetsnapshotname":"exact-2"}`},
			400, "", ""},
		{"Lightsail", request{op: OpGetExportSnapshotRecords, body: `{"PageToken":"not-a-token"}`}, 200, "", ""},
		{"Partner Central", request{op: OpCreateResourceSnapshot, body: pcBody(`,"ClientToken":"exact-token","catalog":"Sandbox","clientToken":5`)}, 200, "", ""},
		{"Neptune", request{op: OpCreateGraphSnapshot, path: graphPath,
			body: `{"graphIdentifier":"` + SeedNeptuneGraph + `","snapshotName":"exact-3","snapshotname":"zzz"}`},
			201, "name", "exact-3"},
		{"Neptune nested map", request{op: OpCreateGraphSnapshot, path: graphPath,
			body: `{"graphIdentifier":"` + SeedNeptuneGraph + `","snapshotName":"exact-4","Tags":{"bad key":"v"}}`},
			201, "name", "exact-4"},
		{"DataZone", request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
			body: `{"name":"exact-5","Name":"zzz"}`},
			200, "name", "exact-5"},
		{"DataZone nested", request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
			body: `{"name":"exact-6","predictionConfiguration":{"businessNameGeneration":{"enabled":true,"Enabled":false}}}`},
			200, "predictionConfiguration.businessNameGeneration.enabled", "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, tt.req)
			if got.status != tt.status {
				t.Fatalf("status %d %s %q, want %d", got.status, got.code(), got.message(), tt.status)
			}
			if tt.path != "" && member(got.body, tt.path) != tt.want {
				t.Errorf("%s is %q, want %q", tt.path, member(got.body, tt.path), tt.want)
			}
		})
	}
}

// TestCBORMemberNamesMatchExactly is TestMemberNamesMatchExactly for
// rpcv2Cbor bodies.
func TestCBORMemberNamesMatchExactly(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tests := []struct {
		name   string
		body   smithycbor.Map
		status int
		want   string
	}{
		{"other case after", smithycbor.Map{"SourceSnapshotName": smithycbor.String(SeedMemoryDBSnapshot),
			"TargetSnapshotName": smithycbor.String("cbor-exact-1"), "targetSnapshotName": smithycbor.String("zzz"),
			"targetsnapshotname": smithycbor.String("zzy"), "TARGETSNAPSHOTNAME": smithycbor.String("zzx")}, 200, "cbor-exact-1"},
		{"only other case", smithycbor.Map{"SourceSnapshotName": smithycbor.String(SeedMemoryDBSnapshot),
			"targetSnapshotName": smithycbor.String("cbor-exact-2")}, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, _, body := sendCBOR(t, server, http.MethodPost, cborPath, nil, smithycbor.Encode(tt.body))
			if status != tt.status {
				t.Fatalf("status %d %v, want %d", status, body, tt.status)
			}
			if tt.want != "" {
				snapshot, _ := body["Snapshot"].(smithycbor.Map)
				if snapshot["Name"] != smithycbor.String(tt.want) {
					t.Errorf("Name %v, want %s", snapshot["Name"], tt.want)
				}
			}
		})
	}
}

// TestInvalidUTF8Refused sends text that is not valid UTF-8, as raw bytes
// or as unpaired surrogate escapes, and checks that it is refused in each
// protocol's framing while well-formed escapes are read.
func TestInvalidUTF8Refused(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	dataZone := func(description string) request {
		return request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
			body: `{"name":"utf8","description":"` + description + `"}`}
	}
	tests := []statusCase{
		{"raw byte awsJson1_1", request{op: OpCopySnapshot,
			body: `{"SourceSnapshotName":"` + SeedMemoryDBSnapshot + `","TargetSnapshotName":"utf8-` + "\xff" + `"}`}, 400, "SerializationException"},
		{"raw byte awsJson1_0", request{op: OpCreateResourceSnapshot, body: pcBody(`,"ClientToken":"t-` + "\xff" + `"`)}, 400, "SerializationException"},
		{"raw byte restJson1", dataZone("\xfe"), 400, "SerializationException"},
		{"truncated sequence", dataZone("\xe2\x82"), 400, "SerializationException"},
		{"encoded surrogate", dataZone("\xed\xa0\x80"), 400, "SerializationException"},
		{"lone high surrogate", request{op: OpCreateGraphSnapshot, path: graphPath,
			body: `{"graphIdentifier":"` + SeedNeptuneGraph + `","snapshotName":"s\ud800x"}`}, 400, "SerializationException"},
		{"lone low surrogate", dataZone(`\udc00`), 400, "SerializationException"},
		{"high surrogate at end", dataZone(`x\ud83d`), 400, "SerializationException"},
		{"high then high", dataZone(`\ud83d\ud83d`), 400, "SerializationException"},
		{"high then other escape", dataZone(`\ud83d\u0041`), 400, "SerializationException"},
		{"in a member name", request{op: OpGetExportSnapshotRecords, body: `{"\udfff":1}`}, 400, "SerializationException"},
		{"pair", dataZone(`\ud83d\ude00`), 200, ""},
		{"escaped backslash", dataZone(`\\ud800`), 200, ""},
		{"replacement character", dataZone(`\ufffd`), 200, ""},
	}
	runStatusCases(t, server, tests)
}

// TestNullInCollectionRefused checks that null inside a list or map of an
// input is a SerializationException (no served collection is sparse),
// while a null collection is an absent one.
func TestNullInCollectionRefused(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	memoryDB := func(target, tags string) request {
		return request{op: OpCopySnapshot,
			body: `{"SourceSnapshotName":"` + SeedMemoryDBSnapshot + `","TargetSnapshotName":"` + target + `","Tags":` + tags + `}`}
	}
	neptune := func(name, tags string) request {
		return request{op: OpCreateGraphSnapshot, path: graphPath,
			body: `{"graphIdentifier":"` + SeedNeptuneGraph + `","snapshotName":"` + name + `","tags":` + tags + `}`}
	}
	dataZone := func(extra string) request {
		return request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
			body: `{"name":"nulls"` + extra + `}`}
	}
	tests := []statusCase{
		{"MemoryDB list", memoryDB("null-1", `[null]`), 400, "SerializationException"},
		{"MemoryDB list after a tag", memoryDB("null-2", `[{"Key":"k","Value":"v"},null]`), 400, "SerializationException"},
		{"MemoryDB null list", memoryDB("null-3", `null`), 200, ""},
		{"Neptune map", neptune("null-4", `{"k":null}`), 400, "SerializationException"},
		{"Neptune null map", neptune("null-5", `null`), 201, ""},
		{"DataZone glossary terms", dataZone(`,"glossaryTerms":[null]`), 400, "SerializationException"},
		{"DataZone forms", dataZone(`,"formsInput":[null]`), 400, "SerializationException"},
		{"unknown member", dataZone(`,"GlossaryTerms":[null],"other":{"k":null}`), 200, ""},
	}
	runStatusCases(t, server, tests)
	t.Run("CBOR list", func(t *testing.T) {
		t.Parallel()
		body := smithycbor.Map{"SourceSnapshotName": smithycbor.String(SeedMemoryDBSnapshot),
			"TargetSnapshotName": smithycbor.String("null-6"), "Tags": smithycbor.List{&smithycbor.Nil{}}}
		status, _, answer := sendCBOR(t, server, http.MethodPost, cborPath, nil, smithycbor.Encode(body))
		if status != 400 || answer["__type"] != smithycbor.String("com.amazonaws.memorydb#SerializationException") {
			t.Errorf("got %d %v, want 400 SerializationException", status, answer["__type"])
		}
	})
}

// statusCase is a request and the status and error code it is answered with.
type statusCase struct {
	name   string
	req    request
	status int
	code   string
}

// runStatusCases sends each case's request as a parallel subtest.
func runStatusCases(t *testing.T, server *Server, tests []statusCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, tt.req)
			if got.status != tt.status || got.code() != tt.code {
				t.Errorf("got %d %s %q, want %d %s", got.status, got.code(), got.message(), tt.status, tt.code)
			}
		})
	}
}
