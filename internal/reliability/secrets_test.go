package reliability_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/datazone"
	datazonetypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	partnertypes "github.com/awssnap/awssnap/partnercentral/types"
)

// The marker strings of the secrets test: session credentials, and the
// values of DataZone's sensitive members. None may ever be printed.
const (
	markerAccessKeyID = "AKIDRELIABILITYTEST1" // not secret; it names the credentials
	markerSecret      = "SecretKeyMarker7QzXv0"
	markerToken       = "SessionTokenMarker9YwT"
	markerName        = "NameMarker3KxP"
	markerDescription = "DescriptionMarker5VjR"
	markerFormType    = "FormTypeMarker_2Tp8"
	markerFormName    = "FormNameMarker4Lq"
	markerFormRev     = "FormRevisionMarker6Hn"
	markerContent     = "ContentMarker8Gd"
)

var markers = []string{
	markerSecret, markerToken, markerName, markerDescription, markerFormType, markerFormName, markerFormRev, markerContent,
}

// scenario is one call of the secrets test: its input and what it did.
type scenario struct {
	name  string
	input any
	call  func(ctx context.Context, c *clients, in any) (any, error)
	// prepare readies the emulator, for example with a fault.
	prepare func(e *emulator.Emulator)
	// client picks the clients to call with.
	client func(s *secretsEnv) *clients
}

type secretsEnv struct {
	env
	tiny   *clients // with a response bound too small for any answer
	nobody *clients // pointed at a port nothing listens on
}

func dataZoneInput(name, description string) *datazone.CreateAssetRevisionInput {
	return &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(emulator.SeedDataZoneDomain),
		Identifier:       aws.String(emulator.SeedDataZoneAsset),
		Name:             aws.String(name),
		Description:      aws.String(description),
		FormsInput: []datazonetypes.FormInput{{
			FormName: aws.String("SecretsForm"), TypeIdentifier: aws.String(markerFormType),
			TypeRevision: aws.String("1"), Content: aws.String(`{}`),
		}},
	}
}

// invalidDataZoneInput breaks the rules of every sensitive member with
// values that hold markers.
func invalidDataZoneInput() *datazone.CreateAssetRevisionInput {
	in := dataZoneInput(strings.Repeat(markerName, 30), strings.Repeat(markerDescription, 120))
	in.FormsInput = []datazonetypes.FormInput{{
		FormName: aws.String(markerFormName + " !"), TypeIdentifier: aws.String("." + markerFormType),
		TypeRevision: aws.String(markerFormRev + " !"), Content: aws.String(strings.Repeat(markerContent, 20000)),
	}}
	return in
}

// operationCalls calls each operation with a given input.
var operationCalls = map[string]func(ctx context.Context, c *clients, in any) (any, error){
	emulator.OpCopySnapshot: func(ctx context.Context, c *clients, in any) (any, error) {
		return c.memorydb.CopySnapshot(ctx, in.(*memorydb.CopySnapshotInput))
	},
	emulator.OpGetExportSnapshotRecords: func(ctx context.Context, c *clients, in any) (any, error) {
		return c.lightsail.GetExportSnapshotRecords(ctx, in.(*lightsail.GetExportSnapshotRecordsInput))
	},
	emulator.OpCreateGraphSnapshot: func(ctx context.Context, c *clients, in any) (any, error) {
		return c.neptunegraph.CreateGraphSnapshot(ctx, in.(*neptunegraph.CreateGraphSnapshotInput))
	},
	emulator.OpCreateAssetRevision: func(ctx context.Context, c *clients, in any) (any, error) {
		return c.datazone.CreateAssetRevision(ctx, in.(*datazone.CreateAssetRevisionInput))
	},
	emulator.OpCreateResourceSnapshot: func(ctx context.Context, c *clients, in any) (any, error) {
		return c.partnercentral.CreateResourceSnapshot(ctx, in.(*partnercentral.CreateResourceSnapshotInput))
	},
}

// inputs returns, for each operation, an input that succeeds (the n-th),
// one the service rejects, and one the client's validation rejects.
func inputs(n int) map[string][3]any {
	snapshot := fmt.Sprintf("secrets-%d", n)
	partner := func(engagement, template string) *partnercentral.CreateResourceSnapshotInput {
		return &partnercentral.CreateResourceSnapshotInput{
			Catalog: aws.String("AWS"), EngagementIdentifier: aws.String(engagement),
			ResourceType: partnertypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String(emulator.SeedPartnerCentralOpportunity),
			ResourceSnapshotTemplateIdentifier: aws.String(template),
		}
	}
	missingAsset := dataZoneInput(markerName, markerDescription)
	missingAsset.Identifier = aws.String("no-such-asset")
	return map[string][3]any{
		emulator.OpCopySnapshot: {
			&memorydb.CopySnapshotInput{SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot), TargetSnapshotName: aws.String(snapshot)},
			&memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("no-such-snapshot"), TargetSnapshotName: aws.String(snapshot + "-x")},
			&memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"), TargetBucket: aws.String("not a bucket")},
		},
		emulator.OpGetExportSnapshotRecords: {
			&lightsail.GetExportSnapshotRecordsInput{},
			&lightsail.GetExportSnapshotRecordsInput{PageToken: aws.String("not-a-token")},
			&lightsail.GetExportSnapshotRecordsInput{PageToken: aws.String("also-not-a-token")},
		},
		emulator.OpCreateGraphSnapshot: {
			&neptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String(emulator.SeedNeptuneGraph), SnapshotName: aws.String(snapshot)},
			&neptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String("g-nosuchgraph"), SnapshotName: aws.String(snapshot)},
			&neptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String("graph"), SnapshotName: aws.String("Bad Name")},
		},
		emulator.OpCreateAssetRevision: {
			dataZoneInput(markerName, markerDescription), missingAsset, invalidDataZoneInput(),
		},
		emulator.OpCreateResourceSnapshot: {
			partner(emulator.SeedPartnerCentralEngagement, partnerTemplate),
			partner("eng-00000000000000", partnerTemplate),
			partner("engagement", "x"),
		},
	}
}

// scenarios are the calls of the secrets test for one operation:
// successes, retries, service errors, validation errors and transport
// errors.
func scenarios(op string, n int) []scenario {
	in := inputs(n)[op]
	retryIn := inputs(n + 1000)[op]
	failIn := inputs(n + 2000)[op]
	call := operationCalls[op]
	main := func(s *secretsEnv) *clients { return s.clients }
	fault := func(kind emulator.FaultKind) func(e *emulator.Emulator) {
		return func(e *emulator.Emulator) { e.InjectFault(emulator.Fault{Kind: kind, Operation: op}) }
	}
	return []scenario{
		{name: "success", input: in[0], call: call, client: main},
		{name: "retried throttling", input: retryIn[0], call: call, client: main, prepare: fault(emulator.FaultThrottle)},
		{name: "retried clock skew", input: inputs(n + 3000)[op][0], call: call, client: main, prepare: fault(emulator.FaultClockSkew)},
		{name: "service error", input: in[1], call: call, client: main},
		{name: "validation error", input: in[2], call: call, client: main},
		{name: "dropped connection", input: failIn[0], call: call, client: main, prepare: fault(emulator.FaultDropAfterProcessing)},
		{name: "truncated body", input: inputs(n + 4000)[op][0], call: call, client: main, prepare: fault(emulator.FaultTruncatedBody)},
		{name: "response too large", input: inputs(n + 5000)[op][0], call: call, client: func(s *secretsEnv) *clients { return s.tiny }},
		{name: "nothing listening", input: inputs(n + 6000)[op][0], call: call, client: func(s *secretsEnv) *clients { return s.nobody }},
	}
}

// logModes are every ClientLogMode flag alone, and all of them together.
var logModes = map[string]aws.ClientLogMode{
	"LogSigning":             aws.LogSigning,
	"LogRetries":             aws.LogRetries,
	"LogRequest":             aws.LogRequest,
	"LogRequestWithBody":     aws.LogRequestWithBody,
	"LogResponse":            aws.LogResponse,
	"LogResponseWithBody":    aws.LogResponseWithBody,
	"LogRequestEventMessage": aws.LogRequestEventMessage,
	"all": aws.LogSigning | aws.LogRetries | aws.LogRequest | aws.LogRequestWithBody | aws.LogResponse |
		aws.LogResponseWithBody | aws.LogRequestEventMessage | aws.LogResponseEventMessage | aws.LogDeprecatedUsage,
}

// TestSecretsNeverPrinted drives every operation through successes,
// retries, service errors, validation errors and transport errors, with
// session credentials and sensitive values that are marker strings, at
// every ClientLogMode. It prints every input, output and error every way
// a program can (fmt verbs, String, the chain of wrapped errors, slog's
// JSON and text handlers at Debug) and collects the client's logs; no
// marker, and no request signature, appears anywhere.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	for mode, logMode := range logModes {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			logs := &logBuffer{}
			creds := credentials.NewStaticCredentialsProvider(markerAccessKeyID, markerSecret, markerToken)
			s := settings{credentials: creds, logger: logs, logMode: logMode}
			e := newEnv(t, emulator.Config{Credentials: map[string]emulator.Credential{
				markerAccessKeyID: {SecretAccessKey: markerSecret, SessionToken: markerToken},
			}}, s)
			tiny := s
			tiny.endpoint, tiny.httpClient, tiny.maxResponseBytes = e.server.URL, e.rec, 8
			nobody := s
			nobody.endpoint, nobody.httpClient = "http://"+closedAddress(t), e.rec
			se := &secretsEnv{env: *e, tiny: newClients(tiny), nobody: newClients(nobody)}
			var printed []string
			outcomes := map[string]int{}
			for i, op := range ops {
				for _, sc := range scenarios(op.name, i) {
					if sc.prepare != nil {
						sc.prepare(e.emu)
					}
					out, err := sc.call(testContext(t), sc.client(se), sc.input)
					outcomes[sc.name+" "+map[bool]string{true: "failed", false: "succeeded"}[err != nil]]++
					printed = append(printed, renderings(sc.input, out, err)...)
				}
			}
			printed = append(printed, logs.String())
			secrets := append([]string(nil), markers...)
			for _, req := range e.rec.sent() {
				if auth := req.header.Get("Authorization"); auth != "" {
					secrets = append(secrets, auth[strings.LastIndex(auth, "=")+1:])
				}
			}
			for _, text := range printed {
				for _, secret := range secrets {
					if strings.Contains(text, secret) {
						t.Fatalf("%q shows the secret %q", text, secret)
					}
				}
			}
			if logMode != aws.LogRequestEventMessage && logs.String() == "" {
				t.Errorf("nothing was logged")
			}
			t.Logf("%d renderings and %d bytes of logs checked for %d secrets; outcomes %v",
				len(printed), len(logs.String()), len(secrets), outcomes)
		})
	}
}

// renderings prints an input, an output and an error every way a program
// can.
func renderings(in, out any, err error) []string {
	var texts []string
	for _, v := range []any{in, out} {
		texts = append(texts, formats(v)...)
		if s, ok := v.(fmt.Stringer); ok && !isNilPointer(v) {
			texts = append(texts, s.String())
		}
	}
	for e := range chain(err) {
		texts = append(texts, e.Error())
		texts = append(texts, formats(e)...)
	}
	var jsonLog, textLog bytes.Buffer
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	for _, h := range []slog.Handler{slog.NewJSONHandler(&jsonLog, opts), slog.NewTextHandler(&textLog, opts)} {
		slog.New(h).Debug("call", "input", in, "output", out, "error", err)
	}
	return append(texts, jsonLog.String(), textLog.String())
}

func formats(v any) []string {
	return []string{
		fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v), fmt.Sprintf("%s", v),
		fmt.Sprintf("%q", v), fmt.Sprintf("%x", v),
	}
}

// chain yields err and every error it wraps.
func chain(err error) func(yield func(error) bool) {
	return func(yield func(error) bool) {
		var walk func(error) bool
		walk = func(err error) bool {
			if err == nil {
				return true
			}
			if !yield(err) {
				return false
			}
			switch e := err.(type) {
			case interface{ Unwrap() error }:
				return walk(e.Unwrap())
			case interface{ Unwrap() []error }:
				for _, inner := range e.Unwrap() {
					if !walk(inner) {
						return false
					}
				}
			}
			return true
		}
		walk(err)
	}
}

// TestOddSessionTokensNeverLogged signs each operation with session
// tokens that hold line breaks, runs of spaces and a fake header line, at
// every log mode: no part of the token appears in the logs, the signing
// log included, which still shows the canonical request.
func TestOddSessionTokensNeverLogged(t *testing.T) {
	t.Parallel()
	tokens := map[string]string{
		"newline":      "TokenHeadQ7\nTokenTailW3",
		"crlf":         "TokenHeadQ7\r\nTokenTailW3",
		"spaces":       "  TokenHeadQ7   TokenTailW3  ",
		"header line":  "TokenHeadQ7\nx-amz-security-token:TokenTailW3",
		"trailing tab": "TokenHeadQ7 TokenTailW3\t",
	}
	for _, op := range ops {
		for name, token := range tokens {
			t.Run(op.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				logs := &logBuffer{}
				c := newClients(settings{
					endpoint: "https://service.example", httpClient: cannedHTTPClient{},
					credentials: credentials.NewStaticCredentialsProvider(markerAccessKeyID, markerSecret, token),
					logger:      logs, logMode: logModes["all"],
				})
				if _, err := op.call(testContext(t), c, 0); err != nil {
					t.Fatalf("call failed: %v", err)
				}
				log := logs.String()
				if !strings.Contains(log, "x-amz-security-token:") {
					t.Fatalf("no canonical request logged:\n%s", log)
				}
				for _, part := range []string{"TokenHeadQ7", "TokenTailW3", markerSecret} {
					if strings.Contains(log, part) {
						t.Errorf("the logs show %q:\n%s", part, log)
					}
				}
			})
		}
	}
}
