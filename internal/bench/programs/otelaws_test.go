package programs

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	officialdatazone "github.com/aws/aws-sdk-go-v2/service/datazone"
	officiallightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	officialmemorydb "github.com/aws/aws-sdk-go-v2/service/memorydb"
	officialneptunegraph "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"
	//lint:ignore SA1019 deprecated in favour of the SDK's own TracerProvider (compared in kit.Observer), yet still in programs that run today.
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
)

// answer is one canned HTTP response.
type answer struct {
	status int
	header map[string]string
	body   string
}

// service is one operation called through both clients, with the answers
// its protocol gives a success and a modelled error.
type service struct {
	name                   string
	ok, modelled           answer
	callOurs, callOfficial func(context.Context, aws.Config) error
	// oursPerCall and officialPerCall make the call with perCall applied,
	// as an option of the call, to the call's *Options.
	oursPerCall, officialPerCall func(ctx context.Context, cfg aws.Config, perCall func(options any)) error
}

const requestID = "X-Amzn-RequestId"

var services = []service{
	{
		name:     "memorydb",
		ok:       cborAnswer(200, smithycbor.Map{"Snapshot": smithycbor.Map{"Name": smithycbor.String("copy"), "Status": smithycbor.String("creating")}}),
		modelled: cborAnswer(400, smithycbor.Map{"__type": smithycbor.String("com.amazonaws.memorydb#SnapshotAlreadyExistsFault"), "message": smithycbor.String("exists")}),
		callOurs: func(ctx context.Context, cfg aws.Config) error {
			_, err := memorydb.NewFromConfig(cfg).CopySnapshot(ctx, &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy")})
			return err
		},
		callOfficial: func(ctx context.Context, cfg aws.Config) error {
			_, err := officialmemorydb.NewFromConfig(cfg).CopySnapshot(ctx, &officialmemorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy")})
			return err
		},
		oursPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := memorydb.NewFromConfig(cfg).CopySnapshot(ctx, &memorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy")}, func(o *memorydb.Options) { perCall(o) })
			return err
		},
		officialPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := officialmemorydb.NewFromConfig(cfg).CopySnapshot(ctx, &officialmemorydb.CopySnapshotInput{
				SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy")}, func(o *officialmemorydb.Options) { perCall(o) })
			return err
		},
	},
	{
		name:     "lightsail",
		ok:       jsonAnswer(200, "application/x-amz-json-1.1", nil, `{"exportSnapshotRecords":[{"name":"r1"}],"nextPageToken":"t"}`),
		modelled: jsonAnswer(400, "application/x-amz-json-1.1", nil, `{"__type":"InvalidInputException","message":"bad token"}`),
		callOurs: func(ctx context.Context, cfg aws.Config) error {
			_, err := lightsail.NewFromConfig(cfg).GetExportSnapshotRecords(ctx, &lightsail.GetExportSnapshotRecordsInput{})
			return err
		},
		callOfficial: func(ctx context.Context, cfg aws.Config) error {
			_, err := officiallightsail.NewFromConfig(cfg).GetExportSnapshotRecords(ctx, &officiallightsail.GetExportSnapshotRecordsInput{})
			return err
		},
		oursPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := lightsail.NewFromConfig(cfg).GetExportSnapshotRecords(ctx, &lightsail.GetExportSnapshotRecordsInput{},
				func(o *lightsail.Options) { perCall(o) })
			return err
		},
		officialPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := officiallightsail.NewFromConfig(cfg).GetExportSnapshotRecords(ctx, &officiallightsail.GetExportSnapshotRecordsInput{},
				func(o *officiallightsail.Options) { perCall(o) })
			return err
		},
	},
	{
		name:     "neptunegraph",
		ok:       jsonAnswer(201, "application/json", nil, `{"id":"gs-1","name":"snap","arn":"arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-1","status":"CREATING"}`),
		modelled: jsonAnswer(409, "application/json", map[string]string{"X-Amzn-ErrorType": "ConflictException"}, `{"message":"exists","reason":"CONCURRENT_MODIFICATION"}`),
		callOurs: func(ctx context.Context, cfg aws.Config) error {
			_, err := neptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("snap")})
			return err
		},
		callOfficial: func(ctx context.Context, cfg aws.Config) error {
			_, err := officialneptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(ctx, &officialneptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("snap")})
			return err
		},
		oursPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := neptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("snap")}, func(o *neptunegraph.Options) { perCall(o) })
			return err
		},
		officialPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := officialneptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(ctx, &officialneptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("snap")}, func(o *officialneptunegraph.Options) { perCall(o) })
			return err
		},
	},
	{
		name:     "datazone",
		ok:       jsonAnswer(201, "application/json", nil, `{"id":"a1","name":"orders","revision":"2","domainId":"dzd_1","owningProjectId":"p1","typeIdentifier":"t","typeRevision":"1"}`),
		modelled: jsonAnswer(404, "application/json", map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, `{"message":"no such asset"}`),
		callOurs: func(ctx context.Context, cfg aws.Config) error {
			_, err := datazone.NewFromConfig(cfg).CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String("dzd_1"), Identifier: aws.String("a1"), Name: aws.String("orders"), ClientToken: aws.String("token-1")})
			return err
		},
		callOfficial: func(ctx context.Context, cfg aws.Config) error {
			_, err := officialdatazone.NewFromConfig(cfg).CreateAssetRevision(ctx, &officialdatazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String("dzd_1"), Identifier: aws.String("a1"), Name: aws.String("orders"), ClientToken: aws.String("token-1")})
			return err
		},
		oursPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := datazone.NewFromConfig(cfg).CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String("dzd_1"), Identifier: aws.String("a1"), Name: aws.String("orders"), ClientToken: aws.String("token-1")},
				func(o *datazone.Options) { perCall(o) })
			return err
		},
		officialPerCall: func(ctx context.Context, cfg aws.Config, perCall func(any)) error {
			_, err := officialdatazone.NewFromConfig(cfg).CreateAssetRevision(ctx, &officialdatazone.CreateAssetRevisionInput{
				DomainIdentifier: aws.String("dzd_1"), Identifier: aws.String("a1"), Name: aws.String("orders"), ClientToken: aws.String("token-1")},
				func(o *officialdatazone.Options) { perCall(o) })
			return err
		},
	},
}

// scenarios are the answers of the calls the instrumentation comparisons
// make: a success, a modelled error, a 503 then the success, and 503s
// until retries run out.
func (s service) scenarios() map[string][]answer {
	unavailable := answer{status: 503}
	return map[string][]answer{
		"success":         {s.ok},
		"modelled error":  {s.modelled},
		"retried":         {unavailable, s.ok},
		"retries run out": {unavailable},
	}
}

// eachScenario runs test for each service and each of its scenarios, as
// parallel subtests named service/scenario.
func eachScenario(t *testing.T, test func(t *testing.T, s service, answers []answer)) {
	for _, s := range services {
		for name, answers := range s.scenarios() {
			t.Run(s.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				test(t, s, answers)
			})
		}
	}
}

// scenarioConfig returns the aws.Config of a call answered with answers
// (see serve): three attempts at most, static credentials.
func scenarioConfig(t *testing.T, answers []answer, seen func(*http.Request)) aws.Config {
	return aws.Config{
		Region: "us-west-2", BaseEndpoint: aws.String(serve(t, answers, seen)), RetryMaxAttempts: 3,
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
	}
}

func jsonAnswer(status int, contentType string, header map[string]string, body string) answer {
	h := map[string]string{"Content-Type": contentType}
	for k, v := range header {
		h[k] = v
	}
	return answer{status: status, header: h, body: body}
}

func cborAnswer(status int, body smithycbor.Map) answer {
	return answer{status: status, header: map[string]string{"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor"},
		body: string(smithycbor.Encode(body))}
}

// serve answers the n-th request with answers[n], the last one once they
// run out, each with its own request ID; seen, when not nil, is shown
// each request first.
func serve(t *testing.T, answers []answer, seen func(*http.Request)) string {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if seen != nil {
			seen(r)
		}
		i := int(n.Add(1)) - 1
		a := answers[min(i, len(answers)-1)]
		for k, v := range a.header {
			w.Header().Set(k, v)
		}
		w.Header().Set(requestID, fmt.Sprintf("request-%d", i+1))
		w.WriteHeader(a.status)
		_, _ = fmt.Fprint(w, a.body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestOTelAWS records a call of each operation with OpenTelemetry's AWS
// SDK instrumentation (otelaws.AppendMiddlewares on aws.Config.APIOptions)
// through both clients, for a success, a modelled error, a retried
// throttle and retries running out, and compares the spans: name, kind,
// status and its description, attributes and events.
func TestOTelAWS(t *testing.T) {
	eachScenario(t, func(t *testing.T, s service, answers []answer) {
		ours, official := otelSpans(t, answers, s.callOurs), otelSpans(t, answers, s.callOfficial)
		if ours != official {
			t.Errorf("spans differ\nours:\n%s\nofficial:\n%s", ours, official)
		}
		if !strings.Contains(ours, "attr aws.request_id=request-") {
			t.Errorf("no request ID recorded:\n%s", ours)
		}
	})
}

// otelSpans makes one call with otelaws recording into an in-memory
// exporter and renders the spans it ended.
func otelSpans(t *testing.T, answers []answer, call func(context.Context, aws.Config) error) string {
	exporter := tracetest.NewInMemoryExporter()
	provider := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	cfg := scenarioConfig(t, answers, nil)
	otelaws.AppendMiddlewares(&cfg.APIOptions, otelaws.WithTracerProvider(provider))
	err := call(context.Background(), cfg)
	var b strings.Builder
	fmt.Fprintf(&b, "error: %v\n", err != nil)
	for _, span := range exporter.GetSpans() {
		fmt.Fprintf(&b, "span %q kind=%v status=%v %q\n", span.Name, span.SpanKind, span.Status.Code, span.Status.Description)
		var attrs []string
		for _, a := range span.Attributes {
			attrs = append(attrs, fmt.Sprintf("attr %s=%s", a.Key, a.Value.String()))
		}
		for _, e := range span.Events {
			var values []string
			for _, a := range e.Attributes {
				values = append(values, fmt.Sprintf("%s=%s", a.Key, a.Value.String()))
			}
			sort.Strings(values)
			attrs = append(attrs, fmt.Sprintf("event %s %v", e.Name, values))
		}
		sort.Strings(attrs)
		b.WriteString(strings.Join(attrs, "\n") + "\n")
	}
	return b.String()
}
