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

// DefaultMemoryDBSnapshotReadyDelay is how long a MemoryDB snapshot made by
// CopySnapshot stays creating when Config.MemoryDBSnapshotReadyDelay is zero.
const DefaultMemoryDBSnapshotReadyDelay = 5 * time.Second

// DefaultHeaderReadTimeout is how long the server Start runs waits for a
// request's headers when Config.HeaderReadTimeout is zero.
const DefaultHeaderReadTimeout = 10 * time.Second

// DefaultBodyReadTimeout is how long the emulator waits for a request's body
// when Config.BodyReadTimeout is zero.
const DefaultBodyReadTimeout = 30 * time.Second

// DefaultWriteTimeout is how long the emulator gives a client to take in
// an answer when Config.WriteTimeout is zero: ample for the largest answer
// (a page of Lightsail records, some tens of kilobytes), short enough that a
// client that never reads cannot hold a connection through a shutdown.
const DefaultWriteTimeout = 5 * time.Second

// maxBodyBytes caps the request bodies the emulator reads.
const maxBodyBytes = 10 << 20

// maxBufferedBodyBytes caps the memory that the bodies of all the requests
// being handled at once may hold, before and after their signatures are checked.
const maxBufferedBodyBytes = 32 << 20

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
	// MemoryDBSnapshotReadyDelay is how long a snapshot made by CopySnapshot
	// stays creating before it becomes available:
	// DefaultMemoryDBSnapshotReadyDelay when zero, immediately when negative.
	MemoryDBSnapshotReadyDelay time.Duration
	// AcceptAnyCredentials turns authentication off: every request is
	// accepted, signed with any key or not signed at all, and Credentials is
	// not used. Only for experiments nothing else can reach.
	AcceptAnyCredentials bool
	// HeaderReadTimeout is how long the server returned by HTTPServer (and
	// so Start) waits for a request's headers: DefaultHeaderReadTimeout when zero.
	HeaderReadTimeout time.Duration
	// BodyReadTimeout is how long the emulator waits for a request's whole
	// body once its headers are in: DefaultBodyReadTimeout when zero. A
	// request that takes longer is answered 400 and its connection closed.
	BodyReadTimeout time.Duration
	// WriteTimeout is how long the emulator waits for the client to take in
	// an answer once it starts writing it: DefaultWriteTimeout when zero. A
	// client that takes longer has its connection closed.
	WriteTimeout time.Duration
	// Seed is the data the emulator starts from and returns to on Reset;
	// the built-in seed (see seed.go) when nil. LightsailRecords applies to
	// the built-in Lightsail records, used when Seed is nil or leaves
	// Lightsail out.
	Seed *Seed
	// OnRequest, when set, is called once for every request, after it is
	// answered (or its connection dropped). It must be safe for concurrent use.
	OnRequest func(RequestRecord)
}

// RequestRecord describes one request the emulator handled. It holds no
// header values and no bodies, so it can be logged as it is.
type RequestRecord struct {
	// Time is when the request's headers had arrived.
	Time time.Time
	// Service is the signing name of the service the request was routed to
	// (such as "memorydb"), empty when it matched no operation.
	Service string
	// Operation is the operation's name (such as OpCopySnapshot), empty when
	// the request matched none.
	Operation string
	// Status is the HTTP status answered, 0 when the connection was dropped
	// without an answer.
	Status int
	// ErrorCode is the error code of an error answer, such as
	// "InvalidSignatureException"; empty on success.
	ErrorCode string
	// Duration is how long the request took, from Time to the answer.
	Duration time.Duration
	// RequestID is the X-Amzn-RequestId of the answer, empty when there was none.
	RequestID string
}

// Emulator is an in-memory emulator of the five operations; it is an
// http.Handler and is safe for concurrent use.
type Emulator struct {
	cfg      Config
	verifier verifier

	bodies bodyBudget

	mu       sync.Mutex
	state    *state
	faults   []*Fault
	counts   map[string]int
	requests int
	version  uint64
}

// New returns an Emulator holding the seed data (Config.Seed, or the
// built-in seed), configured by cfg.
func New(cfg Config) *Emulator {
	cfg = withDefaults(cfg)
	e := &Emulator{
		cfg:      cfg,
		verifier: verifier{credentials: cfg.Credentials, region: cfg.Region, now: cfg.Now},
		counts:   make(map[string]int),
		bodies:   bodyBudget{limit: maxBufferedBodyBytes},
	}
	e.state = e.seededState()
	return e
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
	if cfg.MemoryDBSnapshotReadyDelay == 0 {
		cfg.MemoryDBSnapshotReadyDelay = DefaultMemoryDBSnapshotReadyDelay
	}
	if cfg.HeaderReadTimeout <= 0 {
		cfg.HeaderReadTimeout = DefaultHeaderReadTimeout
	}
	if cfg.BodyReadTimeout <= 0 {
		cfg.BodyReadTimeout = DefaultBodyReadTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	return cfg
}

// ServeHTTP answers one request: it routes it, checks its signature's
// header, reads its body (bounded in size, time and, across concurrent
// requests, memory), checks the signature against the body, applies any
// pending fault and runs the operation.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &recorder{ResponseWriter: w, start: time.Now()}
	if e.cfg.OnRequest != nil {
		defer func() { e.cfg.OnRequest(rec.record()) }()
	}
	e.limitBodyTime(rec, r)
	op, labels, routeErr := route(r)
	rec.op = op
	e.countRequest(op)
	if routeErr != nil {
		e.refuseUnread(rec, r, routeErr.response(op))
		return
	}
	var sig signer
	if !e.cfg.AcceptAnyCredentials {
		var authErr *apiError
		if sig, authErr = e.verifier.authenticate(r, op.service.signingName); authErr != nil {
			e.refuseUnread(rec, r, authErr.response(op))
			return
		}
	}
	body, reserved, readErr := e.readBody(rec, r)
	defer e.bodies.release(reserved)
	if readErr != nil {
		e.refuseUnread(rec, r, readErr.response(op))
		return
	}
	if !e.cfg.AcceptAnyCredentials {
		if authErr := sig.check(r, body); authErr != nil {
			e.send(rec, authErr.response(op))
			return
		}
	}
	routed := &call{op: op, labels: labels, body: body}
	if fault, ok := e.takeFault(op.name); ok {
		e.serveFault(rec, r, routed, fault)
		return
	}
	e.send(rec, e.process(routed))
}

// HTTPServer returns an http.Server serving e, with the header read timeout
// of e's configuration, an idle timeout, and a write timeout that covers the
// body's timeout and then the answer's (both applied by e itself, the
// answer's from when it starts to be written; the server's is a bound for
// handlers that wrap e). Set its Addr, or call Serve with a listener.
func (e *Emulator) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           e,
		ReadHeaderTimeout: e.cfg.HeaderReadTimeout,
		WriteTimeout:      e.cfg.BodyReadTimeout + e.cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
	}
}

// process runs the operation under the state lock and renders its response.
func (e *Emulator) process(c *call) response {
	e.mu.Lock()
	defer e.mu.Unlock()
	output, apiErr := c.op.handle(e.state, c, e.cfg.Now())
	if apiErr != nil {
		return apiErr.response(c.op)
	}
	e.version++
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
