package emulator

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// changingRequests change the state of every service, with client tokens
// where the operation has them.
var changingRequests = []request{
	copyRequest("persisted-copy"),
	{op: OpCreateResourceSnapshot,
		body: snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "persist-token")},
	{op: OpCreateGraphSnapshot, path: graphPath, body: `{"graphIdentifier":"g-abcde12345","snapshotName":"persisted-snap"}`},
	{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
		body: `{"name":"orders v2","clientToken":"dz-token","predictionConfiguration":{"businessNameGeneration":{"enabled":true}}}`},
}

// TestStateRoundTrip changes every service, saves the state, loads it into
// a fresh emulator and checks that it is the same state: the document is
// identical, and retries with the same client tokens get the same answers.
func TestStateRoundTrip(t *testing.T) {
	t.Parallel()
	first := startServer(t, Config{})
	answers := make([]result, len(changingRequests))
	for i, req := range changingRequests {
		answers[i] = send(t, first, req)
		if answers[i].status != 200 && answers[i].status != 201 {
			t.Fatalf("%s: %d %s", req.op, answers[i].status, answers[i].raw)
		}
	}
	saved := first.Emulator.MarshalState()

	second := startServer(t, Config{LightsailRecords: -1})
	if err := second.Emulator.LoadState(saved); err != nil {
		t.Fatalf("LoadState: %v", err)
	}
	if diff := cmp.Diff(string(saved), string(second.Emulator.MarshalState())); diff != "" {
		t.Fatalf("state after a round trip (-saved +loaded):\n%s", diff)
	}
	for i, req := range changingRequests {
		if req.op != OpCreateResourceSnapshot && req.op != OpCreateAssetRevision {
			continue
		}
		replayed := send(t, second, req)
		if diff := cmp.Diff(answers[i].body, replayed.body); diff != "" {
			t.Errorf("%s retried after loading (-first +retry):\n%s", req.op, diff)
		}
	}
	if got := send(t, second, copyRequest("persisted-copy")); got.code() != "SnapshotAlreadyExistsFault" {
		t.Errorf("copy to a persisted name: %d %s", got.status, got.code())
	}
	if got := second.Emulator.LightsailRecordCount(); got != DefaultLightsailRecords {
		t.Errorf("%d Lightsail records after loading, want %d", got, DefaultLightsailRecords)
	}
}

// TestLoadStateRefusesBrokenDocuments checks that a truncated, corrupted or
// incomplete document is refused with an error saying what is wrong, and
// leaves the state as it was.
func TestLoadStateRefusesBrokenDocuments(t *testing.T) {
	t.Parallel()
	valid := New(Config{}).MarshalState()
	tests := []struct {
		name    string
		data    string
		wantErr string
	}{
		{"empty", "", "empty"},
		{"truncated", string(valid[:len(valid)/2]), "ends early"},
		{"not JSON", "\x00\x01garbage", "invalid JSON at byte"},
		{"trailing data", string(valid) + "{}", "unexpected data after the document"},
		{"unknown member", `{"version":1,"dynamodb":{}}`, `unknown field "dynamodb"`},
		{"no version", `{"memorydb":{"snapshots":[]}}`, `"version" is missing`},
		{"later version", `{"version":2}`, `"version" is 2`},
		{"wrong type", `{"version":1,"memorydb":{"snapshots":{}}}`, `memorydb.snapshots`},
		{"snapshot without a name", `{"version":1,"memorydb":{"snapshots":[{"Status":"available"}]}}`, "memorydb.snapshots[0].Name is missing"},
		{"graph twice", `{"version":1,"neptunegraph":{"graphs":[{"id":"g-1"},{"id":"g-1"}],"snapshots":[]}}`, `"g-1" is used twice`},
		{"too many generated records", `{"version":1,"lightsail":{"generatedRecords":1000000000}}`, "generatedRecords is 1000000000"},
		{"bad timestamp", `{"version":1,"lightsail":{"exportSnapshotRecords":[{"name":"r","createdAt":"yesterday"}]}}`, "yesterday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := New(Config{})
			copied := send(t, startServerFor(t, e), copyRequest("kept"))
			if copied.status != 200 {
				t.Fatalf("copy: %d", copied.status)
			}
			before := e.MarshalState()
			err := e.LoadState([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("LoadState error %v, want one containing %q", err, tt.wantErr)
			}
			if !bytes.Equal(before, e.MarshalState()) {
				t.Error("a refused document changed the state")
			}
		})
	}
}

// startServerFor serves an existing emulator for one test.
func startServerFor(t *testing.T, e *Emulator) *Server {
	t.Helper()
	served := httptest.NewServer(e)
	t.Cleanup(served.Close)
	return &Server{URL: served.URL, Emulator: e}
}

// TestSeedReplacesOnlyTheServicesItNames seeds MemoryDB alone and checks
// that the other services keep the built-in seed, and that Reset returns to
// the seed after changes.
func TestSeedReplacesOnlyTheServicesItNames(t *testing.T) {
	t.Parallel()
	seed, err := ParseSeed([]byte(`{"version":1,"memorydb":{"snapshots":[
		{"Name":"nightly","ClusterConfiguration":{"Name":"c1","NodeType":"db.t4g.small","Engine":"valkey","EngineVersion":"7.2","Port":6379,"NumShards":0,"Shards":[],"SnapshotRetentionLimit":0}}
	]}}`))
	if err != nil {
		t.Fatalf("ParseSeed: %v", err)
	}
	server := startServer(t, Config{Seed: seed})
	e := server.Emulator
	if e.MemoryDBSnapshotCount("nightly") != 1 || e.MemoryDBSnapshotCount(SeedMemoryDBSnapshot) != 0 {
		t.Errorf("MemoryDB snapshots are not exactly the seeded one")
	}
	if e.LightsailRecordCount() != DefaultLightsailRecords || e.GraphSnapshotCount(SeedNeptuneGraph) != 1 ||
		e.DataZoneRevisionCount(SeedDataZoneDomain, SeedDataZoneAsset) != 1 {
		t.Errorf("services the seed leaves out lost their built-in seed")
	}
	got := send(t, server, request{op: OpCopySnapshot, body: `{"SourceSnapshotName":"nightly","TargetSnapshotName":"copy"}`})
	if got.status != 200 {
		t.Fatalf("copy of the seeded snapshot: %d %s", got.status, got.raw)
	}
	snapshot, _ := got.body["Snapshot"].(map[string]any)
	if arn, _ := snapshot["ARN"].(string); arn != "arn:aws:memorydb:us-east-1:111122223333:snapshot/copy" {
		t.Errorf("ARN %q", arn)
	}
	before := e.StateVersion()
	e.Reset()
	if e.MemoryDBSnapshotCount("copy") != 0 || e.MemoryDBSnapshotCount("nightly") != 1 {
		t.Errorf("Reset did not return to the seed")
	}
	if e.StateVersion() == before {
		t.Errorf("Reset left the state version at %d", before)
	}
}

// TestParseSeedNamesTheProblem checks that a bad seed is an error naming
// the member at fault.
func TestParseSeedNamesTheProblem(t *testing.T) {
	t.Parallel()
	_, err := ParseSeed([]byte(`{"version":1,"datazone":{"domains":[{"id":"dzd_x","assets":[{"id":"a"}]}]}}`))
	if err == nil || !strings.Contains(err.Error(), "datazone.domains[0].assets[0] needs") {
		t.Errorf("error %v", err)
	}
}
