// Package emulator is an in-memory emulator of the five AWS operations that
// awssnap supports, served behind an http.Handler that speaks the real wire
// protocols (awsJson1_0, awsJson1_1 and restJson1) and verifies SigV4.
//
// The emulated operations are MemoryDB CopySnapshot, Lightsail
// GetExportSnapshotRecords, Partner Central Selling CreateResourceSnapshot,
// Neptune Analytics CreateGraphSnapshot and DataZone CreateAssetRevision. Every
// instance starts from the seed data documented in seed.go, keeps its state in
// memory, and can be told to misbehave with InjectFault so that retry and
// error paths of clients can be tested without an AWS account.
//
// Any SigV4 client works against it, the official aws-sdk-go-v2 service
// clients included: point the client's BaseEndpoint at Server.URL (a path
// prefix is allowed), set the region to Config.Region and sign with
// AccessKeyID and SecretAccessKey.
package emulator

import (
	"maps"
	"net/http"
	"sync"
	"time"
)

// AccessKeyID is the access key ID the emulator accepts when Config.Credentials is empty.
const AccessKeyID = "AKIDAWSSNAPEMULATOR1"

// SecretAccessKey is the secret paired with AccessKeyID when Config.Credentials is empty.
const SecretAccessKey = "awssnap/emulator/secret/key/EXAMPLEKEY0"

// DefaultRegion is the region the emulator serves when Config.Region is empty.
const DefaultRegion = "us-east-1"

// DefaultAccountID is the AWS account ID used in the ARNs the emulator builds
// when Config.AccountID is empty.
const DefaultAccountID = "111122223333"

// DefaultLightsailRecords is the number of seeded Lightsail export snapshot
// records when Config.LightsailRecords is zero.
const DefaultLightsailRecords = 250

// DefaultLightsailPageSize is the Lightsail page size when Config.LightsailPageSize is zero.
const DefaultLightsailPageSize = 100

// DefaultNeptuneSnapshotReadyDelay is how long a new Neptune graph snapshot
// stays CREATING when Config.NeptuneSnapshotReadyDelay is zero.
const DefaultNeptuneSnapshotReadyDelay = 5 * time.Second

// maxBodyBytes caps the request bodies the emulator reads.
const maxBodyBytes = 10 << 20

// Operation names, as used by RequestCount and Fault.Operation.
const (
	// OpCopySnapshot is MemoryDB CopySnapshot (awsJson1_1).
	OpCopySnapshot = "CopySnapshot"
	// OpGetExportSnapshotRecords is Lightsail GetExportSnapshotRecords (awsJson1_1).
	OpGetExportSnapshotRecords = "GetExportSnapshotRecords"
	// OpCreateResourceSnapshot is Partner Central Selling CreateResourceSnapshot (awsJson1_0).
	OpCreateResourceSnapshot = "CreateResourceSnapshot"
	// OpCreateGraphSnapshot is Neptune Analytics CreateGraphSnapshot (restJson1, POST /snapshots).
	OpCreateGraphSnapshot = "CreateGraphSnapshot"
	// OpCreateAssetRevision is DataZone CreateAssetRevision (restJson1,
	// POST /v2/domains/{domainIdentifier}/assets/{identifier}/revisions).
	OpCreateAssetRevision = "CreateAssetRevision"
)

// Credential is a secret access key, optionally paired with the session token
// that requests signed with it must carry in X-Amz-Security-Token.
type Credential struct {
	SecretAccessKey string
	SessionToken    string
}

// Config is the configuration of an Emulator. The zero value is usable.
type Config struct {
	// Credentials maps access key IDs to their credentials. When empty, the
	// emulator accepts only AccessKeyID with SecretAccessKey and no session token.
	Credentials map[string]Credential
	// Region is the only region requests may be scoped to; DefaultRegion when empty.
	Region string
	// AccountID is the account in the ARNs the emulator builds; DefaultAccountID when empty.
	AccountID string
	// Now is the emulator's clock, used for signature expiry, the Date header
	// and timestamps; time.Now when nil.
	Now func() time.Time
	// LightsailRecords is the number of seeded export snapshot records:
	// DefaultLightsailRecords when zero, none when negative.
	LightsailRecords int
	// LightsailPageSize is the number of records in one page;
	// DefaultLightsailPageSize when zero or negative.
	LightsailPageSize int
	// NeptuneSnapshotReadyDelay is how long a new graph snapshot stays CREATING
	// before it becomes AVAILABLE: DefaultNeptuneSnapshotReadyDelay when zero,
	// immediately when negative.
	NeptuneSnapshotReadyDelay time.Duration
}

// Emulator is an in-memory emulator of the five operations; it is an
// http.Handler and is safe for concurrent use.
type Emulator struct {
	cfg      Config
	verifier verifier

	mu       sync.Mutex
	state    *state
	faults   []*Fault
	counts   map[string]int
	requests int
}

// New returns an Emulator holding the seed data, configured by cfg.
func New(cfg Config) *Emulator {
	cfg = withDefaults(cfg)
	return &Emulator{
		cfg:      cfg,
		verifier: verifier{credentials: cfg.Credentials, region: cfg.Region, now: cfg.Now},
		state:    newState(cfg),
		counts:   make(map[string]int),
	}
}

func withDefaults(cfg Config) Config {
	if len(cfg.Credentials) == 0 {
		cfg.Credentials = map[string]Credential{AccessKeyID: {SecretAccessKey: SecretAccessKey}}
	}
	cfg.Credentials = maps.Clone(cfg.Credentials)
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	if cfg.AccountID == "" {
		cfg.AccountID = DefaultAccountID
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.LightsailRecords == 0 {
		cfg.LightsailRecords = DefaultLightsailRecords
	}
	if cfg.LightsailPageSize <= 0 {
		cfg.LightsailPageSize = DefaultLightsailPageSize
	}
	if cfg.NeptuneSnapshotReadyDelay == 0 {
		cfg.NeptuneSnapshotReadyDelay = DefaultNeptuneSnapshotReadyDelay
	}
	return cfg
}

// ServeHTTP answers one request: it routes it, reads its body, verifies its
// signature, applies any pending fault and runs the operation.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op, labels, routeErr := route(r)
	e.countRequest(op)
	if routeErr != nil {
		e.send(w, routeErr.response(op))
		return
	}
	body, readErr := readBody(w, r)
	if readErr != nil {
		e.send(w, readErr.response(op))
		return
	}
	if authErr := e.verifier.verify(r, body, op.service.signingName); authErr != nil {
		e.send(w, authErr.response(op))
		return
	}
	routed := &call{op: op, labels: labels, body: body}
	if fault, ok := e.takeFault(op.name); ok {
		e.serveFault(w, r, routed, fault)
		return
	}
	e.send(w, e.process(routed))
}

// process runs the operation under the state lock and renders its response.
func (e *Emulator) process(c *call) response {
	e.mu.Lock()
	defer e.mu.Unlock()
	output, apiErr := c.op.handle(e.state, c, e.cfg.Now())
	if apiErr != nil {
		return apiErr.response(c.op)
	}
	return successResponse(c.op, output)
}

func (e *Emulator) countRequest(op *operation) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.requests++
	if op != nil {
		e.counts[op.name]++
	}
}

// RequestCount returns how many requests were routed to the named operation
// (for example OpCopySnapshot), including the ones that failed.
func (e *Emulator) RequestCount(operation string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.counts[operation]
}

// TotalRequests returns how many requests the emulator received, including
// the ones it could not route.
func (e *Emulator) TotalRequests() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.requests
}
