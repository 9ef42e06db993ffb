package reliability_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

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
// met. The clients share one credentials cache whose credentials expire
// as soon as they are handed out, so the calls sign with keys that rotate
// under them. Run with -race.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	keys := &rotatingKeys{}
	e := newEnv(t, emulator.Config{Credentials: keys.accepted()}, settings{retryer: fastRetryer(50),
		credentials: aws.NewCredentialsCache(keys, func(o *aws.CredentialsCacheOptions) { o.ExpiryWindow = 0 })})
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

// rotatingKeys hands out each of its keys in turn, each expiring at once.
type rotatingKeys struct{ handedOut atomic.Int64 }

// rotatingKeyCount is how many keys rotatingKeys hands out in turn.
const rotatingKeyCount = 16

func rotatingKey(i int64) (accessKey, secretKey, token string) {
	return fmt.Sprintf("AKIDROTATING%04d", i), fmt.Sprintf("rotating/secret/%04d", i), fmt.Sprintf("rotating-token-%d", i)
}

func (k *rotatingKeys) Retrieve(context.Context) (aws.Credentials, error) {
	accessKey, secretKey, token := rotatingKey(k.handedOut.Add(1) % rotatingKeyCount)
	return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey, SessionToken: token,
		CanExpire: true, Expires: time.Now()}, nil
}

// accepted returns the emulator's credentials for the keys.
func (k *rotatingKeys) accepted() map[string]emulator.Credential {
	credentials := map[string]emulator.Credential{}
	for i := range int64(rotatingKeyCount) {
		accessKey, secretKey, token := rotatingKey(i)
		credentials[accessKey] = emulator.Credential{SecretAccessKey: secretKey, SessionToken: token}
	}
	return credentials
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
	signedWith := map[string]bool{}
	for _, req := range requests {
		if accessKey, _, ok := strings.Cut(strings.TrimPrefix(req.header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential="), "/"); ok {
			signedWith[accessKey] = true
		}
	}
	if len(signedWith) < 2 {
		t.Errorf("the requests were signed with %d keys; the credentials did not rotate", len(signedWith))
	}
	t.Logf("%d calls from %d goroutines: %d requests, %d of them retries, signed with %d keys", calls, goroutines, len(requests), retries, len(signedWith))
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

// TestNoGoroutinesLeft makes a thousand calls from a few goroutines, on
// the direct path and the middleware-stack path, that end every way a
// long-running program's calls end: successes, deadlines passing while
// the service delays its answer, contexts cancelled before the call,
// throttling retried with a backoff the deadline cuts short, truncated
// bodies, and Lightsail item loops broken off or left by a panic. Once the
// HTTP transport's idle connections and the server are closed, no
// goroutine started since the test began is left. It does not run in
// parallel, so that no other test's goroutines are counted.
func TestNoGoroutinesLeft(t *testing.T) {
	before := goroutineIDs()
	server, err := emulator.Start(emulator.Config{})
	if err != nil {
		t.Fatalf("starting the emulator: %v", err)
	}
	httpClient := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	backoff := func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts, o.MaxBackoff, o.RateLimiter = 3, 20*time.Millisecond, ratelimit.None
		})
	}
	direct := newClients(settings{endpoint: server.URL, httpClient: httpClient, retryer: backoff})
	stack := newClients(settings{endpoint: server.URL, httpClient: httpClient, retryer: backoff, stack: true})
	const workers, calls = 8, 1000
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := w; n < calls; n += workers {
				c := direct
				if n%2 == 1 {
					c = stack
				}
				endingCall(server.Emulator, c, n)
			}
		}()
	}
	wg.Wait()
	httpClient.CloseIdleConnections()
	if err := server.Close(); err != nil {
		t.Fatalf("closing the emulator: %v", err)
	}
	// The goroutines of closed connections end soon after; wait for them,
	// for as long as a loaded machine may take.
	var left []string
	for range 600 {
		if left = goroutinesSince(before); len(left) == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("%d goroutines left after the calls:\n%s", len(left), strings.Join(left, "\n\n"))
}

// endingCall makes call n, which ends the way n selects (see
// TestNoGoroutinesLeft); what it returns does not matter.
func endingCall(e *emulator.Emulator, c *clients, n int) {
	op := ops[n%len(ops)]
	ctx := context.Background()
	switch n % 6 {
	case 0:
		_, _ = op.call(ctx, c, n)
	case 1:
		e.InjectFault(emulator.Fault{Kind: emulator.FaultDelay, Operation: op.name, Delay: 100 * time.Millisecond, Count: 1})
		ctx, cancel := context.WithTimeout(ctx, time.Millisecond)
		defer cancel()
		_, _ = op.call(ctx, c, n)
	case 2:
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		_, _ = op.call(ctx, c, n)
	case 3:
		e.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: op.name, Count: 2})
		ctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
		defer cancel()
		_, _ = op.call(ctx, c, n)
	case 4:
		e.InjectFault(emulator.Fault{Kind: emulator.FaultTruncatedBody, Operation: op.name, Count: 1})
		_, _ = op.call(ctx, c, n)
	case 5:
		breakOffLoop(ctx, c.lightsail, n%12 == 5)
	}
}

// errLoopPanic is what a loop body that panics panics with.
var errLoopPanic = errors.New("the loop body panicked")

// breakOffLoop ranges over the Lightsail records into the second page and
// leaves the loop there, with break or by a panic that it recovers.
func breakOffLoop(ctx context.Context, client *lightsail.Client, panics bool) {
	defer func() {
		if r := recover(); r != nil && r != errLoopPanic {
			panic(r)
		}
	}()
	seen := 0
	for _, err := range lightsail.NewGetExportSnapshotRecordsPaginator(client, nil).All(ctx) {
		seen++
		if err != nil || seen < 150 {
			continue
		}
		if panics {
			panic(errLoopPanic)
		}
		break
	}
}

var goroutineHeader = regexp.MustCompile(`^goroutine (\d+) `)

// goroutineStacks returns the stack of every goroutine, by ID.
func goroutineStacks() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	stacks := map[string]string{}
	for _, stack := range bytes.Split(buf, []byte("\n\n")) {
		if m := goroutineHeader.FindSubmatch(stack); m != nil {
			stacks[string(m[1])] = string(stack)
		}
	}
	return stacks
}

// goroutineIDs returns the IDs of the goroutines running.
func goroutineIDs() map[string]bool {
	ids := map[string]bool{}
	for id := range goroutineStacks() {
		ids[id] = true
	}
	return ids
}

// goroutinesSince returns the stacks of the goroutines running that are
// not among before.
func goroutinesSince(before map[string]bool) []string {
	var left []string
	for id, stack := range goroutineStacks() {
		if !before[id] {
			left = append(left, stack)
		}
	}
	return left
}
