package reliability_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	partnertypes "github.com/awssnap/awssnap/partnercentral/types"
)

const (
	goroutines = 64
	rounds     = 3 // calls per goroutine
)

// results collects what the concurrent calls returned.
type results struct {
	mu               sync.Mutex
	memoryDBCopies   []string
	graphSnapshots   []string
	assetRevisions   []int
	partnerRevisions []int
	lightsailWalks   int
	lightsailRecords []int // records per walk
}

func (r *results) add(f func(r *results)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// TestConcurrentUse shares one client of each service between 64
// goroutines that mix the five operations, walk every Lightsail page, and
// meet throttling, 5xx answers, dropped connections and truncated bodies
// injected along the way. Every call succeeds exactly once: each MemoryDB
// copy and Neptune snapshot exists once, DataZone revisions and Partner
// Central snapshot revisions are numbered without gaps or repeats, every
// Lightsail walk sees every record in order, and every injected fault was
// met. Run with -race.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, emulator.Config{}, settings{retryer: fastRetryer(50)})
	for _, f := range []emulator.Fault{
		{Kind: emulator.FaultThrottle, Count: 10},
		{Kind: emulator.FaultServerError, Status: 503, Count: 10},
		{Kind: emulator.FaultServerError, Status: 500, Count: 5},
		{Kind: emulator.FaultDropAfterProcessing, Operation: emulator.OpCreateAssetRevision, Count: 5},
		{Kind: emulator.FaultTruncatedBody, Operation: emulator.OpCreateAssetRevision, Count: 5},
		{Kind: emulator.FaultDropAfterProcessing, Operation: emulator.OpCreateResourceSnapshot, Count: 5},
		{Kind: emulator.FaultTruncatedBody, Operation: emulator.OpCreateResourceSnapshot, Count: 5},
		{Kind: emulator.FaultDropBeforeProcessing, Operation: emulator.OpGetExportSnapshotRecords, Count: 5},
		{Kind: emulator.FaultTruncatedBody, Operation: emulator.OpGetExportSnapshotRecords, Count: 5},
	} {
		e.emu.InjectFault(f)
	}
	res := &results{}
	ctx := testContext(t)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range rounds {
				if err := concurrentCall(ctx, e.clients, g*rounds+round, res); err != nil {
					t.Errorf("goroutine %d, round %d: %v", g, round, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	checkConcurrentResults(t, e, res)
}

// concurrentCall makes call n: its operation is n modulo 5.
func concurrentCall(ctx context.Context, c *clients, n int, res *results) error {
	name := "conc-" + strconv.Itoa(n)
	switch n % 5 {
	case 0:
		out, err := c.memorydb.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot), TargetSnapshotName: aws.String(name),
		})
		if err != nil {
			return err
		}
		if got := aws.ToString(out.Snapshot.Name); got != name {
			return fmt.Errorf("copy named %q, want %q", got, name)
		}
		res.add(func(r *results) { r.memoryDBCopies = append(r.memoryDBCopies, name) })
	case 1:
		return walkLightsail(ctx, c.lightsail, res)
	case 2:
		out, err := c.neptunegraph.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
			GraphIdentifier: aws.String(emulator.SeedNeptuneGraph), SnapshotName: aws.String(name),
		})
		if err != nil {
			return err
		}
		if got := aws.ToString(out.Name); got != name {
			return fmt.Errorf("snapshot named %q, want %q", got, name)
		}
		res.add(func(r *results) { r.graphSnapshots = append(r.graphSnapshots, name) })
	case 3:
		out, err := c.datazone.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
			DomainIdentifier: aws.String(emulator.SeedDataZoneDomain), Identifier: aws.String(emulator.SeedDataZoneAsset),
			Name: aws.String(name),
		})
		if err != nil {
			return err
		}
		revision, err := strconv.Atoi(aws.ToString(out.Revision))
		if err != nil {
			return err
		}
		res.add(func(r *results) { r.assetRevisions = append(r.assetRevisions, revision) })
	case 4:
		out, err := c.partnercentral.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
			Catalog: aws.String("AWS"), EngagementIdentifier: aws.String(emulator.SeedPartnerCentralEngagement),
			ResourceType: partnertypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String(emulator.SeedPartnerCentralOpportunity),
			ResourceSnapshotTemplateIdentifier: aws.String(partnerTemplate),
		})
		if err != nil {
			return err
		}
		res.add(func(r *results) { r.partnerRevisions = append(r.partnerRevisions, int(aws.ToInt32(out.Revision))) })
	}
	return nil
}

// walkLightsail pages through every export snapshot record and checks
// that they come in seed order.
func walkLightsail(ctx context.Context, client *lightsail.Client, res *results) error {
	p := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	seen := 0
	for record, err := range p.All(ctx) {
		if err != nil {
			return err
		}
		if want := fmt.Sprintf("export-snapshot-record-%04d", seen); aws.ToString(record.Name) != want {
			return fmt.Errorf("record %d is %q, want %q", seen, aws.ToString(record.Name), want)
		}
		seen++
	}
	res.add(func(r *results) {
		r.lightsailWalks++
		r.lightsailRecords = append(r.lightsailRecords, seen)
	})
	return nil
}

func checkConcurrentResults(t *testing.T, e *env, res *results) {
	t.Helper()
	calls := goroutines * rounds
	perKind := func(kind int) int { return (calls - kind + 4) / 5 }
	if got, want := len(res.memoryDBCopies), perKind(0); got != want {
		t.Errorf("%d MemoryDB copies, want %d", got, want)
	}
	for _, name := range res.memoryDBCopies {
		if n := e.emu.MemoryDBSnapshotCount(name); n != 1 {
			t.Errorf("%d snapshots named %s", n, name)
		}
	}
	if got, want := e.emu.GraphSnapshotCount(emulator.SeedNeptuneGraph), 1+perKind(2); got != want {
		t.Errorf("%d graph snapshots, want %d (the seeded one and one per call)", got, want)
	}
	for _, name := range res.graphSnapshots {
		if _, _, ok := e.emu.GraphSnapshotStatus(name); !ok {
			t.Errorf("no graph snapshot %s", name)
		}
	}
	checkNumbering(t, "DataZone revisions", res.assetRevisions, 2)
	if got, want := e.emu.DataZoneRevisionCount(emulator.SeedDataZoneDomain, emulator.SeedDataZoneAsset), 1+perKind(3); got != want {
		t.Errorf("%d revisions of the asset, want %d", got, want)
	}
	checkNumbering(t, "Partner Central snapshot revisions", res.partnerRevisions, 1)
	if got, want := e.emu.PartnerCentralSnapshotCount(), perKind(4); got != want {
		t.Errorf("%d Partner Central snapshots, want %d", got, want)
	}
	latest := e.emu.PartnerCentralRevision("AWS", emulator.SeedPartnerCentralEngagement, string(partnertypes.ResourceTypeOpportunity),
		emulator.SeedPartnerCentralOpportunity, partnerTemplate)
	if latest != perKind(4) {
		t.Errorf("latest Partner Central revision %d, want %d", latest, perKind(4))
	}
	if res.lightsailWalks != perKind(1) {
		t.Errorf("%d Lightsail walks, want %d", res.lightsailWalks, perKind(1))
	}
	for _, n := range res.lightsailRecords {
		if n != e.emu.LightsailRecordCount() {
			t.Errorf("a walk saw %d records, want %d", n, e.emu.LightsailRecordCount())
		}
	}
	if n := e.emu.PendingFaults(); n != 0 {
		t.Errorf("%d injected faults were never met", n)
	}
	requests := e.rec.sent()
	retries := 0
	for _, req := range requests {
		if !strings.HasPrefix(req.header.Get("Amz-Sdk-Request"), "attempt=1;") {
			retries++
		}
	}
	if got := e.emu.TotalRequests(); got != len(requests) {
		t.Errorf("the emulator saw %d requests, the clients sent %d", got, len(requests))
	}
	t.Logf("%d calls from %d goroutines: %d requests, %d of them retries", calls, goroutines, len(requests), retries)
}

// checkNumbering checks that numbers are first, first+1, ... without gaps
// or repeats.
func checkNumbering(t *testing.T, what string, numbers []int, first int) {
	t.Helper()
	sorted := slices.Sorted(slices.Values(numbers))
	for i, n := range sorted {
		if n != first+i {
			t.Errorf("%s %v are not numbered %d to %d without gaps or repeats", what, sorted, first, first+len(sorted)-1)
			return
		}
	}
}
