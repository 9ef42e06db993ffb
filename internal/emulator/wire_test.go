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
