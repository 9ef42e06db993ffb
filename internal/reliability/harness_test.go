// Package reliability_test checks the five clients together under faults,
// bad input and hostile responses: a call succeeds once or fails with a
// clear typed error; it never panics, never loops forever, never creates a
// resource twice and never shows a secret.
//
// Most tests run the clients against the local emulator, which injects
// faults on request; the others serve hostile answers from an httptest
// server. Retries use a retryer without backoff unless the test is about
// the default retryer.
package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/datazone"
	datazonetypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	memorydbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	partnertypes "github.com/awssnap/awssnap/partnercentral/types"
)

// sent is one request as it left the client.
type sent struct {
	method string
	url    string // the scheme and host
	uri    string // the escaped path and query
	header http.Header
	body   string
}

// recorder is an HTTP client that records every request, then hands it to
// next (a plain client when nil).
type recorder struct {
	next interface {
		Do(*http.Request) (*http.Response, error)
	}
	mu       sync.Mutex
	requests []sent
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		// Read the body and hand next a new reader of the same bytes,
		// leaving GetBody as the client set it.
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	r.mu.Lock()
	r.requests = append(r.requests, sent{method: req.Method, url: req.URL.Scheme + "://" + req.URL.Host, uri: req.URL.RequestURI(), header: req.Header.Clone(), body: string(body)})
	r.mu.Unlock()
	next := r.next
	if next == nil {
		next = plainHTTPClient
	}
	return next.Do(req)
}

func (r *recorder) sent() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.requests...)
}

// onStackPath runs every test's calls on the middleware-stack path, which
// any program with middleware, interceptors or telemetry takes, instead of
// the direct path: CI runs the suite once each way.
var onStackPath = os.Getenv("AWSSNAP_RELIABILITY_STACK") == "1"

// plainHTTPClient sends requests over its own transport and does not
// follow redirects.
var plainHTTPClient = &http.Client{
	Transport:     http.DefaultTransport.(*http.Transport).Clone(),
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// fastRetryer retries like the standard retryer, up to attempts times,
// without waiting and without a retry quota.
func fastRetryer(attempts int) func() aws.Retryer {
	return func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = attempts
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			o.RateLimiter = ratelimit.None
		})
	}
}

// settings configure the five clients of a test alike.
type settings struct {
	endpoint         string
	httpClient       aws.HTTPClient
	retryer          func() aws.Retryer // fastRetryer(3) when nil
	credentials      aws.CredentialsProvider
	logger           logging.Logger
	logMode          aws.ClientLogMode
	maxResponseBytes int64
	validation       validate.Mode
	disableHTTPS     bool
	noSkewCorrection bool
	// stack gives the clients a middleware (one that adds a header), so
	// that their calls take the middleware-stack path. Every test does so
	// when AWSSNAP_RELIABILITY_STACK is 1 (see onStackPath).
	stack bool
	// tokens is the idempotency token provider of the clients that fill
	// one (the default provider when nil).
	tokens partnercentral.IdempotencyTokenProvider
}

// clients are one client of each service.
type clients struct {
	memorydb       *memorydb.Client
	lightsail      *lightsail.Client
	neptunegraph   *neptunegraph.Client
	datazone       *datazone.Client
	partnercentral *partnercentral.Client
}

// memorydbJSON pins MemoryDB to awsJson1_1: the answers these tests
// write are JSON, the same for every service. Its default, Smithy RPC v2
// CBOR, is tested in the memorydb package and compared with the official
// client in internal/bench.
func memorydbJSON(o *memorydb.Options) { o.Protocol = awsjson.New11(schemas.AmazonMemoryDB) }

func newClients(s settings) *clients {
	if s.retryer == nil {
		s.retryer = fastRetryer(3)
	}
	if s.credentials == nil {
		s.credentials = credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, "")
	}
	cfg := aws.Config{
		Region:                     emulator.DefaultRegion,
		Credentials:                s.credentials,
		HTTPClient:                 s.httpClient,
		Retryer:                    s.retryer,
		Logger:                     s.logger,
		ClientLogMode:              s.logMode,
		DisableClockSkewCorrection: s.noSkewCorrection,
	}
	if s.endpoint != "" {
		cfg.BaseEndpoint = aws.String(s.endpoint)
	}
	if s.stack || onStackPath {
		cfg.APIOptions = append(cfg.APIOptions, smithyhttp.AddHeaderValue("X-Program", "1"))
	}
	return &clients{
		memorydb: memorydb.NewFromConfig(cfg, memorydbJSON, func(o *memorydb.Options) {
			o.MaxResponseBytes, o.Validation, o.EndpointOptions.DisableHTTPS = s.maxResponseBytes, s.validation, s.disableHTTPS
		}),
		lightsail: lightsail.NewFromConfig(cfg, func(o *lightsail.Options) {
			o.MaxResponseBytes, o.Validation, o.EndpointOptions.DisableHTTPS = s.maxResponseBytes, s.validation, s.disableHTTPS
		}),
		neptunegraph: neptunegraph.NewFromConfig(cfg, func(o *neptunegraph.Options) {
			o.MaxResponseBytes, o.Validation, o.EndpointOptions.DisableHTTPS = s.maxResponseBytes, s.validation, s.disableHTTPS
			// NewFromConfig does not take it from aws.Config, as the
			// official client does not.
			o.DisableClockSkewCorrection = s.noSkewCorrection
		}),
		datazone: datazone.NewFromConfig(cfg, func(o *datazone.Options) {
			o.MaxResponseBytes, o.Validation, o.EndpointOptions.DisableHTTPS = s.maxResponseBytes, s.validation, s.disableHTTPS
			// NewFromConfig does not take it from aws.Config, as the
			// official client does not.
			o.DisableClockSkewCorrection = s.noSkewCorrection
			if s.tokens != nil {
				o.IdempotencyTokenProvider = s.tokens
			}
		}),
		partnercentral: partnercentral.NewFromConfig(cfg, func(o *partnercentral.Options) {
			o.MaxResponseBytes, o.Validation, o.EndpointOptions.DisableHTTPS = s.maxResponseBytes, s.validation, s.disableHTTPS
			if s.tokens != nil {
				o.IdempotencyTokenProvider = s.tokens
			}
		}),
	}
}

// env is an emulator with a recording client of each service.
type env struct {
	server  *emulator.Server
	emu     *emulator.Emulator
	rec     *recorder
	clients *clients
}

// newEnv starts an emulator configured by cfg and builds the clients with
// s, recording every request they send.
func newEnv(t *testing.T, cfg emulator.Config, s settings) *env {
	t.Helper()
	server, err := emulator.Start(cfg)
	if err != nil {
		t.Fatalf("starting the emulator: %v", err)
	}
	t.Cleanup(func() { _ = server.Close() })
	rec := &recorder{next: s.httpClient}
	s.httpClient = rec
	s.endpoint = server.URL
	return &env{server: server, emu: server.Emulator, rec: rec, clients: newClients(s)}
}

// op is one of the five operations, as the tests drive it.
type op struct {
	name string // the emulator's operation name
	// idempotent says a request that may have reached the service is sent
	// again after a connection failure.
	idempotent bool
	// token is the body member that holds the idempotency token.
	token string
	// input returns the input of call number n, which creates resource n
	// (Lightsail reads a page instead).
	input func(n int) any
	// fullInput returns an input of the operation with its optional
	// members set too (an idempotency token only when token is given).
	fullInput func(token *string) any
	// send calls the operation with in (nil or one of its inputs) and
	// per-call options (each given a pointer to the service's Options),
	// and reports what it returned.
	send func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error)
	// created counts the resources the calls created in a new emulator
	// (calls 0 to n-1); Lightsail creates none and reports -1.
	created func(e *emulator.Emulator, n int) int
	// retryer returns the client's retryer.
	retryer func(c *clients) aws.Retryer
	// path is the path of call 0 under an endpoint without one.
	path string
	// model is the service's model file in the shared models directory.
	model string
	// answer is a successful answer's body that sets one member, at the
	// field path member of the output, to "n".
	answer, member string
}

// perCall turns options written for any service into options of one.
func perCall[O any](fns []func(any)) []func(*O) {
	out := make([]func(*O), len(fns))
	for i, fn := range fns {
		out[i] = func(o *O) { fn(o) }
	}
	return out
}

// call makes call number n of the operation.
func (o op) call(ctx context.Context, c *clients, n int) (any, error) {
	return o.send(ctx, c, o.input(n))
}

// target names the MemoryDB snapshot copy and Neptune snapshot of call n.
func target(n int) string { return "rel-copy-" + strconv.Itoa(n) }

const partnerTemplate = "OpportunitySummary"

var ops = []op{
	{
		name: emulator.OpCopySnapshot,
		input: func(n int) any {
			return &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot),
				TargetSnapshotName: aws.String(target(n)),
			}
		},
		fullInput: func(*string) any {
			return &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot),
				TargetSnapshotName: aws.String(target(0)),
				KmsKeyId:           aws.String("alias/backups"),
				TargetBucket:       aws.String("exports-bucket"),
				Tags:               []memorydbtypes.Tag{{Key: aws.String("team"), Value: aws.String("data")}, {Key: aws.String("env")}},
			}
		},
		send: func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error) {
			input, _ := in.(*memorydb.CopySnapshotInput)
			return c.memorydb.CopySnapshot(ctx, input, perCall[memorydb.Options](optFns)...)
		},
		created: func(e *emulator.Emulator, n int) int {
			total := 0
			for i := range n {
				total += e.MemoryDBSnapshotCount(target(i))
			}
			return total
		},
		retryer: func(c *clients) aws.Retryer { return c.memorydb.Options().Retryer },
		path:    "/",
		answer:  `{"Snapshot":{"Name":"n"}}`, member: "Snapshot.Name",
		model: "memorydb.json",
	},
	{
		name:       emulator.OpGetExportSnapshotRecords,
		idempotent: true,
		input:      func(int) any { return &lightsail.GetExportSnapshotRecordsInput{} },
		fullInput: func(*string) any {
			return &lightsail.GetExportSnapshotRecordsInput{PageToken: aws.String("page-2")}
		},
		send: func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error) {
			input, _ := in.(*lightsail.GetExportSnapshotRecordsInput)
			return c.lightsail.GetExportSnapshotRecords(ctx, input, perCall[lightsail.Options](optFns)...)
		},
		created: func(*emulator.Emulator, int) int { return -1 },
		retryer: func(c *clients) aws.Retryer { return c.lightsail.Options().Retryer },
		path:    "/",
		answer:  `{"nextPageToken":"n"}`, member: "NextPageToken",
		model: "lightsail.json",
	},
	{
		name: emulator.OpCreateGraphSnapshot,
		input: func(n int) any {
			return &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String(emulator.SeedNeptuneGraph),
				SnapshotName:    aws.String(target(n)),
			}
		},
		fullInput: func(*string) any {
			return &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String(emulator.SeedNeptuneGraph),
				SnapshotName:    aws.String(target(0)),
				Tags:            map[string]string{"team": "graph", "env": ""},
			}
		},
		send: func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error) {
			input, _ := in.(*neptunegraph.CreateGraphSnapshotInput)
			return c.neptunegraph.CreateGraphSnapshot(ctx, input, perCall[neptunegraph.Options](optFns)...)
		},
		created: func(e *emulator.Emulator, _ int) int { return e.GraphSnapshotCount(emulator.SeedNeptuneGraph) - 1 },
		retryer: func(c *clients) aws.Retryer { return c.neptunegraph.Options().Retryer },
		path:    "/snapshots",
		answer:  `{"id":"n"}`, member: "Id",
		model: "neptunegraph.json",
	},
	{
		name:       emulator.OpCreateAssetRevision,
		idempotent: true,
		token:      "clientToken",
		input: func(n int) any {
			return &datazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String(emulator.SeedDataZoneDomain),
				Identifier:       aws.String(emulator.SeedDataZoneAsset),
				Name:             aws.String("orders " + strconv.Itoa(n)),
			}
		},
		fullInput: func(token *string) any {
			return &datazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String(emulator.SeedDataZoneDomain),
				Identifier:       aws.String(emulator.SeedDataZoneAsset),
				Name:             aws.String("orders"),
				ClientToken:      token,
				Description:      aws.String("daily orders"),
				FormsInput: []datazonetypes.FormInput{
					{FormName: aws.String("AssetCommonDetailsForm"), TypeIdentifier: aws.String("amazon.datazone.AssetCommonDetailsFormType"),
						TypeRevision: aws.String("7"), Content: aws.String(`{"description":"x"}`)},
					{FormName: aws.String("_1")},
				},
				GlossaryTerms: []string{"term-1", "term_2"},
				PredictionConfiguration: &datazonetypes.PredictionConfiguration{
					BusinessNameGeneration: &datazonetypes.BusinessNameGenerationConfiguration{Enabled: aws.Bool(true)},
				},
				TypeRevision: aws.String("3"),
			}
		},
		send: func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error) {
			input, _ := in.(*datazone.CreateAssetRevisionInput)
			return c.datazone.CreateAssetRevision(ctx, input, perCall[datazone.Options](optFns)...)
		},
		created: func(e *emulator.Emulator, _ int) int {
			return e.DataZoneRevisionCount(emulator.SeedDataZoneDomain, emulator.SeedDataZoneAsset) - 1
		},
		retryer: func(c *clients) aws.Retryer { return c.datazone.Options().Retryer },
		path:    "/v2/domains/" + emulator.SeedDataZoneDomain + "/assets/" + emulator.SeedDataZoneAsset + "/revisions",
		answer:  `{"id":"n"}`, member: "Id",
		model: "datazone.json",
	},
	{
		name:       emulator.OpCreateResourceSnapshot,
		idempotent: true,
		token:      "ClientToken",
		input:      func(int) any { return partnerInput(nil) },
		fullInput:  func(token *string) any { return partnerInput(token) },
		send: func(ctx context.Context, c *clients, in any, optFns ...func(any)) (any, error) {
			input, _ := in.(*partnercentral.CreateResourceSnapshotInput)
			return c.partnercentral.CreateResourceSnapshot(ctx, input, perCall[partnercentral.Options](optFns)...)
		},
		created: func(e *emulator.Emulator, _ int) int { return e.PartnerCentralSnapshotCount() },
		retryer: func(c *clients) aws.Retryer { return c.partnercentral.Options().Retryer },
		path:    "/",
		answer:  `{"Arn":"n"}`, member: "Arn",
		model: "partnercentral.json",
	},
}

// partnerInput is the one Partner Central input the tests send, with the
// given idempotency token.
func partnerInput(token *string) *partnercentral.CreateResourceSnapshotInput {
	return &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		ClientToken:                        token,
		EngagementIdentifier:               aws.String(emulator.SeedPartnerCentralEngagement),
		ResourceType:                       partnertypes.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(emulator.SeedPartnerCentralOpportunity),
		ResourceSnapshotTemplateIdentifier: aws.String(partnerTemplate),
	}
}

// bodyMember returns the string member name of a JSON request body.
func bodyMember(t *testing.T, body, name string) string {
	t.Helper()
	var members map[string]any
	if err := json.Unmarshal([]byte(body), &members); err != nil {
		t.Fatalf("request body %q: %v", body, err)
	}
	v, _ := members[name].(string)
	return v
}

// closedAddress returns a loopback address nothing listens on.
func closedAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return addr
}

// testContext returns a context that ends with the test, bounded so that
// a call that loops forever fails the test instead of hanging it (with
// room for 64 goroutines under -race on a loaded two-core machine).
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// runConcurrently runs f as the subtest name in its own goroutine, added
// to wg. Tests whose cases mostly wait (on deadlines, delays and
// backoffs) run them this way, all at once, instead of under the
// -parallel limit, which on a two-core machine runs two at a time.
func runConcurrently(t *testing.T, wg *sync.WaitGroup, name string, f func(t *testing.T)) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.Run(name, f)
	}()
}

// logBuffer is a logging.Logger that keeps every message.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Logf(classification logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, "%s "+format+"\n", append([]any{classification}, v...)...)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
