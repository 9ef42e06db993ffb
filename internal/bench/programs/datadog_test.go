package programs

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	awstracev2 "github.com/DataDog/dd-trace-go/contrib/aws/aws-sdk-go-v2/v2/aws"
	mocktracerv2 "github.com/DataDog/dd-trace-go/v2/ddtrace/mocktracer"
	tracerv2 "github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"
	awstrace "gopkg.in/DataDog/dd-trace-go.v1/contrib/aws/aws-sdk-go-v2/aws"
	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/mocktracer"
	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

// datadogSpan is what the comparison reads of a span of either major
// version of dd-trace-go.
type datadogSpan struct {
	name       string
	id, parent uint64
	tags       map[string]any
}

// datadogTracer is one major version of dd-trace-go's AWS SDK integration
// with its mock tracer.
type datadogTracer struct {
	name string
	// start starts the mock tracer as the global one and returns a
	// function that stops it.
	start func() (stop func())
	// instrument adds the integration's middleware to cfg.
	instrument func(cfg *aws.Config)
	// span runs call within a span of the program's own and returns the
	// spans finished.
	span func(call func(ctx context.Context)) []datadogSpan
}

// datadogTracers are the two major versions compared, each with the mock
// tracer it started last.
var datadogTracers = func() []datadogTracer {
	var v1 mocktracer.Tracer
	var v2 mocktracerv2.Tracer
	return []datadogTracer{
		{
			name:  "dd-trace-go.v1",
			start: func() func() { v1 = mocktracer.Start(); return v1.Stop },
			instrument: func(cfg *aws.Config) {
				awstrace.AppendMiddleware(cfg, awstrace.WithServiceName("snapshots"))
			},
			span: func(call func(context.Context)) []datadogSpan {
				v1.Reset()
				root, ctx := tracer.StartSpanFromContext(context.Background(), "program")
				call(ctx)
				root.Finish()
				return readSpans(v1.FinishedSpans())
			},
		},
		{
			name:  "dd-trace-go/v2",
			start: func() func() { v2 = mocktracerv2.Start(); return v2.Stop },
			instrument: func(cfg *aws.Config) {
				awstracev2.AppendMiddleware(cfg, awstracev2.WithService("snapshots"))
			},
			span: func(call func(context.Context)) []datadogSpan {
				v2.Reset()
				root, ctx := tracerv2.StartSpanFromContext(context.Background(), "program")
				call(ctx)
				root.Finish()
				return readSpans(v2.FinishedSpans())
			},
		},
	}
}()

// TestDatadog records a call of each operation with Datadog's tracing
// middleware (AppendMiddleware of dd-trace-go.v1's and dd-trace-go v2's
// AWS SDK integrations, on an aws.Config) through both clients, for a
// success, a modelled error, a retried throttle and retries running out,
// inside a span of the program's own, and compares the spans finished:
// their names, their parents and their tags, less the version in the
// User-Agent's api/ token (each client's own), the test server's port,
// the stack frames of an error and the time-based half of the trace ID;
// and the tracing headers the requests carried. (Not parallel: the
// tracer is global.)
func TestDatadog(t *testing.T) {
	for _, dd := range datadogTracers {
		stop := dd.start()
		for _, s := range services {
			for name, answers := range s.scenarios() {
				record := func(call func(context.Context, aws.Config) error) string {
					var mu sync.Mutex
					var headers []string
					seen := func(r *http.Request) {
						mu.Lock()
						defer mu.Unlock()
						for k := range r.Header {
							if strings.HasPrefix(strings.ToLower(k), "x-datadog") || strings.EqualFold(k, "traceparent") {
								headers = append(headers, k)
							}
						}
					}
					cfg := scenarioConfig(t, answers, seen)
					dd.instrument(&cfg)
					var err error
					spans := dd.span(func(ctx context.Context) { err = call(ctx, cfg) })
					sort.Strings(headers)
					return fmt.Sprintf("error: %v\ntracing headers: %v\n%s", err != nil, headers, printDatadog(spans))
				}
				ours, official := record(s.callOurs), record(s.callOfficial)
				if ours != official || !strings.Contains(ours, "aws.request_id=request-") {
					t.Errorf("%s: %s, %s: spans differ (-official +ours):\n%s", dd.name, s.name, name, cmp.Diff(official, ours))
				}
			}
		}
		stop()
	}
}

// readSpans reads finished, the spans a mock tracer of either version
// finished.
func readSpans[S interface {
	OperationName() string
	SpanID() uint64
	ParentID() uint64
	Tags() map[string]any
}](finished []S) []datadogSpan {
	spans := make([]datadogSpan, 0, len(finished))
	for _, s := range finished {
		spans = append(spans, datadogSpan{s.OperationName(), s.SpanID(), s.ParentID(), s.Tags()})
	}
	return spans
}

var (
	// apiVersion is the version in a User-Agent's api/ token.
	apiVersion = regexp.MustCompile(`(api/[^#\s]+)#[^\s]+`)
	// loopbackPort is the port of each call's own test server.
	loopbackPort = regexp.MustCompile(`127\.0\.0\.1:[0-9]+`)
)

// printDatadog prints spans, in order, each with its parent's name and its
// tags sorted.
func printDatadog(spans []datadogSpan) string {
	names := map[uint64]string{}
	for _, s := range spans {
		names[s.id] = s.name
	}
	var b strings.Builder
	for _, s := range spans {
		fmt.Fprintf(&b, "span %s (parent %q)\n", s.name, names[s.parent])
		tags := s.tags
		keys := make([]string, 0, len(tags))
		for k := range tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := fmt.Sprint(tags[k])
			switch k {
			case "aws.agent":
				v = apiVersion.ReplaceAllString(v, "$1")
			case "http.url":
				v = loopbackPort.ReplaceAllString(v, "127.0.0.1")
			case "error.stack", "error.handling_stack":
				v = "(the frames)" // each client's own functions
			case "_dd.p.tid":
				v = "(the trace ID's upper half)" // the time the trace began
			}
			fmt.Fprintf(&b, "  %s=%s\n", k, v)
		}
	}
	return b.String()
}
