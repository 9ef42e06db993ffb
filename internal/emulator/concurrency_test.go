package emulator

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const goroutines = 32

// sendAll sends the requests from one goroutine each and returns the answers in order.
func sendAll(t *testing.T, server *Server, requests []request) []result {
	t.Helper()
	results := make([]result, len(requests))
	var wg sync.WaitGroup
	for i, req := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = send(t, server, req)
		}()
	}
	wg.Wait()
	return results
}

func TestConcurrentCopiesToOneName(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	requests := make([]request, goroutines)
	for i := range requests {
		requests[i] = copyRequest("contended")
	}
	statuses := make(map[string]int)
	for _, got := range sendAll(t, server, requests) {
		statuses[strconv.Itoa(got.status)+" "+got.code()]++
	}
	want := map[string]int{"200 ": 1, "400 SnapshotAlreadyExistsFault": goroutines - 1}
	if diff := cmp.Diff(want, statuses); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if n := server.Emulator.MemoryDBSnapshotCount("contended"); n != 1 {
		t.Errorf("%d snapshots, want 1", n)
	}
}

func TestConcurrentAssetRevisions(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	requests := make([]request, goroutines)
	for i := range requests {
		requests[i] = request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
			body: fmt.Sprintf(`{"name":"orders","clientToken":"concurrent-%d"}`, i)}
	}
	var revisions []int
	for _, got := range sendAll(t, server, requests) {
		if got.status != http.StatusOK {
			t.Fatalf("status %d: %s", got.status, got.raw)
		}
		revision, _ := strconv.Atoi(got.body["revision"].(string))
		revisions = append(revisions, revision)
	}
	sort.Ints(revisions)
	want := make([]int, goroutines)
	for i := range want {
		want[i] = i + 2
	}
	if diff := cmp.Diff(want, revisions); diff != "" {
		t.Errorf("revisions (-want +got):\n%s", diff)
	}
}

func TestConcurrentRetriesOfOneSnapshot(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	requests := make([]request, goroutines)
	for i := range requests {
		requests[i] = request{op: OpCreateResourceSnapshot,
			body: snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "one-token")}
	}
	results := sendAll(t, server, requests)
	for _, got := range results {
		if diff := cmp.Diff(results[0].body, got.body); diff != "" || got.status != http.StatusOK {
			t.Errorf("status %d, answer differs from the first (-first +got):\n%s", got.status, diff)
		}
	}
	if n := server.Emulator.PartnerCentralSnapshotCount(); n != 1 {
		t.Errorf("%d snapshots, want 1", n)
	}
}

func TestConcurrentMixedOperationsWithFaults(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	server.Emulator.InjectFault(Fault{Kind: FaultThrottle, Count: goroutines / 2})
	var requests []request
	for i := range goroutines {
		requests = append(requests,
			request{op: OpGetExportSnapshotRecords, body: `{}`},
			request{op: OpCreateGraphSnapshot, path: graphPath, body: fmt.Sprintf(`{"graphIdentifier":"g-seedgraph2","snapshotName":"mixed-%d"}`, i)})
	}
	throttled := 0
	for _, got := range sendAll(t, server, requests) {
		if got.code() == "ThrottlingException" {
			throttled++
		} else if got.status >= 300 {
			t.Errorf("status %d: %s", got.status, got.raw)
		}
	}
	if throttled != goroutines/2 {
		t.Errorf("%d throttled, want %d", throttled, goroutines/2)
	}
	if n := server.Emulator.TotalRequests(); n != 2*goroutines {
		t.Errorf("TotalRequests = %d, want %d", n, 2*goroutines)
	}
}
