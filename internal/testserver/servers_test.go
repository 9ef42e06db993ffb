package testserver_test

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/datazone/datazonetest"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/lightsailtest"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/memorydbtest"
	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/neptunegraphtest"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/partnercentraltest"
	pctypes "github.com/awssnap/awssnap/partnercentral/types"
)

// faultServer is what every public test server offers besides seeding.
type faultServer interface {
	Throttle(n int)
	InternalError(n int)
	Unavailable(n int)
	DropBeforeApply(n int)
	DropAfterApply(n int)
	TruncateBody(n int)
	Delay(d time.Duration, n int)
	SkewClock(skew time.Duration, n int)
	PendingFaults() int
	Requests() []emulator.ReceivedRequest
	Config() aws.Config
	Close()
}

// service is one public test server, seeded so that call succeeds, and
// the errors it answers faults with.
type service struct {
	name string
	// start starts and seeds a server; call makes one call through a client
	// built with options that turn retries off.
	start          func(t *testing.T) (faultServer, func() error)
	throttleStatus int
	internalCode   string
}

func noRetries(cfg aws.Config) aws.Config {
	cfg.RetryMaxAttempts = 1
	return cfg
}

var services = []service{
	{"memorydb", func(t *testing.T) (faultServer, func() error) {
		server := memorydbtest.NewServer()
		if err := server.SeedSnapshots(mdbtypes.Snapshot{Name: aws.String("nightly")}); err != nil {
			t.Fatal(err)
		}
		client := memorydb.New(memorydb.Options{RetryMaxAttempts: 1}, server.ClientOptions())
		copies := 0
		return server, func() error {
			copies++
			_, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy-" + strconv.Itoa(copies)),
			})
			return err
		}
	}, http.StatusBadRequest, "InternalFailure"},
	{"lightsail", func(t *testing.T) (faultServer, func() error) {
		server := lightsailtest.NewServer()
		client := lightsail.NewFromConfig(noRetries(server.Config()))
		return server, func() error {
			_, err := client.GetExportSnapshotRecords(context.Background(), nil)
			return err
		}
	}, http.StatusBadRequest, "ServiceException"},
	{"neptunegraph", func(t *testing.T) (faultServer, func() error) {
		server := neptunegraphtest.NewServer()
		if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789"}); err != nil {
			t.Fatal(err)
		}
		client := neptunegraph.New(neptunegraph.Options{RetryMaxAttempts: 1}, server.ClientOptions())
		n := 0
		return server, func() error {
			n++
			_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("s" + strconv.Itoa(n)),
			})
			return err
		}
	}, http.StatusTooManyRequests, "InternalServerException"},
	{"datazone", func(t *testing.T) (faultServer, func() error) {
		server := datazonetest.NewServer()
		if err := server.SeedAssets(datazonetest.Asset{DomainID: "dzd_d", ID: "a", Name: "a", OwningProjectID: "p", TypeIdentifier: "t"}); err != nil {
			t.Fatal(err)
		}
		client := datazone.New(datazone.Options{RetryMaxAttempts: 1}, server.ClientOptions())
		return server, func() error {
			_, err := client.CreateAssetRevision(context.Background(), &datazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String("dzd_d"), Identifier: aws.String("a"), Name: aws.String("a"),
			})
			return err
		}
	}, http.StatusTooManyRequests, "InternalServerException"},
	{"partnercentral", func(t *testing.T) (faultServer, func() error) {
		server := partnercentraltest.NewServer()
		if err := server.SeedEngagements(partnercentraltest.Engagement{
			Catalog: "AWS", ID: "eng-0123456789abcd", Opportunities: []string{"O1"},
		}); err != nil {
			t.Fatal(err)
		}
		client := partnercentral.New(partnercentral.Options{RetryMaxAttempts: 1}, server.ClientOptions())
		return server, func() error {
			_, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
				Catalog: aws.String("AWS"), EngagementIdentifier: aws.String("eng-0123456789abcd"),
				ResourceType: pctypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String("O1"),
				ResourceSnapshotTemplateIdentifier: aws.String("Summary"),
			})
			return err
		}
	}, http.StatusTooManyRequests, "InternalServerException"},
}

func TestEveryServerInjectsEveryFault(t *testing.T) {
	t.Parallel()
	type fault struct {
		name   string
		inject func(faultServer)
		// status and code are what the server answered, given the service.
		status func(service) int
		code   func(service) string
	}
	fixed := func(status int) func(service) int { return func(service) int { return status } }
	code := func(c string) func(service) string { return func(service) string { return c } }
	faults := []fault{
		{"Throttle", func(s faultServer) { s.Throttle(1) },
			func(svc service) int { return svc.throttleStatus }, code("ThrottlingException")},
		{"InternalError", func(s faultServer) { s.InternalError(1) },
			fixed(http.StatusInternalServerError), func(svc service) string { return svc.internalCode }},
		{"Unavailable", func(s faultServer) { s.Unavailable(1) }, fixed(http.StatusServiceUnavailable), code("ServiceUnavailableException")},
		{"DropBeforeApply", func(s faultServer) { s.DropBeforeApply(1) }, fixed(0), code("")},
		{"DropAfterApply", func(s faultServer) { s.DropAfterApply(1) }, fixed(0), code("")},
		{"TruncateBody", func(s faultServer) { s.TruncateBody(1) }, fixed(0), code("")},
		{"Delay", func(s faultServer) { s.Delay(30*time.Millisecond, 1) }, func(svc service) int {
			if svc.name == "neptunegraph" {
				return http.StatusCreated
			}
			return http.StatusOK
		}, code("")},
		{"SkewClock", func(s faultServer) { s.SkewClock(-time.Hour, 1) }, fixed(http.StatusForbidden), code("InvalidSignatureException")},
	}
	for _, svc := range services {
		for _, f := range faults {
			t.Run(svc.name+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				server, call := svc.start(t)
				defer server.Close()
				f.inject(server)
				start := time.Now()
				err := call()
				elapsed := time.Since(start)
				// After a skewed answer the client corrects its clock by it, so
				// its next request is off from the server's real clock.
				if err := call(); err != nil && f.name != "SkewClock" {
					t.Fatalf("the call after the fault failed: %v", err)
				}
				requests := server.Requests()
				if len(requests) != 2 || server.PendingFaults() != 0 {
					t.Fatalf("%d requests and %d pending faults after two calls, want 2 and 0", len(requests), server.PendingFaults())
				}
				first := requests[0]
				if first.Status != f.status(svc) || first.ErrorCode != f.code(svc) {
					t.Errorf("faulty call answered %d %q (error %v), want %d %q",
						first.Status, first.ErrorCode, err, f.status(svc), f.code(svc))
				}
				if (err == nil) != (f.name == "Delay") {
					t.Errorf("faulty call returned %v", err)
				}
				if f.name == "Delay" && elapsed < 30*time.Millisecond {
					t.Errorf("delayed call took %v", elapsed)
				}
			})
		}
	}
}

func TestConcurrentCallsAreAllRecorded(t *testing.T) {
	t.Parallel()
	server := lightsailtest.NewServer()
	defer server.Close()
	client := lightsail.New(lightsail.Options{}, server.ClientOptions())
	const callers, calls = 8, 5
	server.Throttle(callers)
	var wg sync.WaitGroup
	errs := make(chan error, callers*calls)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				_, err := client.GetExportSnapshotRecords(context.Background(), nil, func(o *lightsail.Options) { o.RetryMaxAttempts = 1 })
				errs <- err
				_ = server.Requests()
			}
		}()
	}
	wg.Wait()
	close(errs)
	throttled := 0
	for err := range errs {
		if err != nil {
			throttled++
		}
	}
	requests := server.Requests()
	if len(requests) != callers*calls || throttled != callers {
		t.Fatalf("%d requests recorded and %d throttled, want %d and %d", len(requests), throttled, callers*calls, callers)
	}
	codes := 0
	for _, request := range requests {
		if request.ErrorCode == "ThrottlingException" {
			codes++
		}
	}
	if codes != callers {
		t.Errorf("%d requests recorded as throttled, want %d", codes, callers)
	}
}
