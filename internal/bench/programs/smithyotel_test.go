package programs

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/metrics/smithyotelmetrics"
	"github.com/aws/smithy-go/tracing/smithyoteltracing"
	"github.com/google/go-cmp/cmp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// TestSmithyOTel runs each operation with the OpenTelemetry SDK behind
// smithy-go's adapters, smithyoteltracing.Adapt as the TracerProvider and
// smithyotelmetrics.Adapt as the MeterProvider of both clients, for a
// success, a modelled error, a retried throttle and retries running out,
// each within a span of the program's own, and compares what the SDK
// recorded: each span's name, parent, kind, status, instrumentation scope,
// attributes and events, and each metric's scope, name, unit and
// description with its data points' attributes and counts (durations and
// sizes masked, as they differ from call to call). The same with the HTTP
// client sending through otelhttp, and with otelhttp alone, without the
// adapters (a call without middleware, tracer or meter on our side).
func TestSmithyOTel(t *testing.T) {
	eachScenario(t, func(t *testing.T, s service, answers []answer) {
		for _, c := range []struct{ adapters, otelHTTP bool }{{true, false}, {true, true}, {false, true}} {
			ours, official := smithyOTel(t, answers, c.adapters, c.otelHTTP, s.callOurs), smithyOTel(t, answers, c.adapters, c.otelHTTP, s.callOfficial)
			parent := "program"
			if c.adapters {
				parent = "DoHTTPRequest"
			}
			if ours != official || c.adapters && !strings.Contains(ours, "client.call.duration") || !strings.Contains(ours, "span \"") ||
				c.otelHTTP && !strings.Contains(ours, `span "HTTP POST" (parent "`+parent+`"`) {
				t.Errorf("adapters %t, otelhttp %t: spans and metrics differ (-official +ours):\n%s", c.adapters, c.otelHTTP, cmp.Diff(official, ours))
			}
		}
	})
}

// peerPort is the test server's port among a span's attributes.
var peerPort = regexp.MustCompile(`((net\.peer|server)\.port=)[0-9]+`)

// masked is attributes printed without the test server's port and the
// version in the User-Agent's api/ token, each client's own.
func masked(attributes string) string {
	return apiVersion.ReplaceAllString(peerPort.ReplaceAllString(loopbackPort.ReplaceAllString(attributes, "127.0.0.1"), "$1"), "$1")
}

// measured are the numbers that differ from call to call.
var measured = regexp.MustCompile(`[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?`)

// smithyOTel makes call with the OpenTelemetry SDK's tracer and meter
// providers, adapted, in the client's options when adapters is set, and
// prints what they recorded. With otelHTTP, the HTTP client sends through
// OpenTelemetry's net/http instrumentation (otelhttp.NewTransport), with
// the same providers.
func smithyOTel(t *testing.T, answers []answer, adapters, otelHTTP bool, call func(context.Context, aws.Config) error) string {
	exporter := tracetest.NewInMemoryExporter()
	tracer := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	reader := sdkmetric.NewManualReader()
	meter := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	cfg := scenarioConfig(t, answers, nil)
	if adapters {
		cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, o any) {
			v := reflect.ValueOf(o).Elem()
			v.FieldByName("TracerProvider").Set(reflect.ValueOf(smithyoteltracing.Adapt(tracer)))
			v.FieldByName("MeterProvider").Set(reflect.ValueOf(smithyotelmetrics.Adapt(meter)))
		})
	}
	if otelHTTP {
		cfg.HTTPClient = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
			otelhttp.WithTracerProvider(tracer), otelhttp.WithMeterProvider(meter))}
	}
	ctx, root := tracer.Tracer("program").Start(context.Background(), "program")
	err := call(ctx, cfg)
	root.End()

	var b strings.Builder
	fmt.Fprintf(&b, "error: %v\n", err != nil)
	spans := exporter.GetSpans()
	names := map[[8]byte]string{}
	for _, span := range spans {
		names[span.SpanContext.SpanID()] = span.Name
	}
	for _, span := range spans {
		fmt.Fprintf(&b, "span %q (parent %q, scope %q) kind=%v status=%v %q\n", span.Name, names[span.Parent.SpanID()],
			span.InstrumentationScope.Name, span.SpanKind, span.Status.Code, span.Status.Description)
		lines := attributeLines("attr ", span.Attributes)
		for _, e := range span.Events {
			lines = append(lines, fmt.Sprintf("event %s %v", e.Name, attributeLines("", e.Attributes)))
		}
		sort.Strings(lines)
		b.WriteString(masked(strings.Join(lines, "\n")) + "\n")
	}

	var collected metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &collected); err != nil {
		t.Fatal(err)
	}
	var metrics []string
	for _, scope := range collected.ScopeMetrics {
		for _, m := range scope.Metrics {
			head := fmt.Sprintf("metric %s (scope %q, unit %q) %q", m.Name, scope.Scope.Name, m.Unit, m.Description)
			for _, point := range dataPoints(t, m.Name, m.Data) {
				metrics = append(metrics, head+" "+masked(point))
			}
		}
	}
	sort.Strings(metrics)
	b.WriteString(strings.Join(metrics, "\n"))
	return b.String()
}

// attributeLines prints attributes, one key=value string each, sorted.
func attributeLines(prefix string, attrs []attribute.KeyValue) []string {
	lines := make([]string, 0, len(attrs))
	for _, a := range attrs {
		lines = append(lines, fmt.Sprintf("%s%s=%s", prefix, a.Key, a.Value.String()))
	}
	sort.Strings(lines)
	return lines
}

// dataPoints prints the data points of the metric called name: their
// attributes and, for a counter, its count; for a histogram, its number of
// records; for a gauge or a sum of measurements, the value masked; for the
// connection metrics, the numbers masked.
func dataPoints(t *testing.T, name string, data metricdata.Aggregation) []string {
	var points []string
	add := func(set attribute.Set, value string) {
		if strings.HasPrefix(name, "client.http.connections.") {
			// How many connections were dialled, and when one is put
			// back into the pool, depend on net/http's goroutines: a
			// retry may find the last attempt's connection not yet back.
			value = measured.ReplaceAllString(value, "N")
		}
		points = append(points, fmt.Sprintf("%v %s", attributeLines("", set.ToSlice()), value))
	}
	switch d := data.(type) {
	case metricdata.Sum[int64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, fmt.Sprintf("sum %d", p.Value))
		}
	case metricdata.Sum[float64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, measured.ReplaceAllString(fmt.Sprintf("sum %v", p.Value), "N"))
		}
	case metricdata.Histogram[float64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, fmt.Sprintf("count %d", p.Count))
		}
	case metricdata.Histogram[int64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, fmt.Sprintf("count %d", p.Count))
		}
	case metricdata.Gauge[int64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, "gauge N")
		}
	case metricdata.Gauge[float64]:
		for _, p := range d.DataPoints {
			add(p.Attributes, "gauge N")
		}
	default:
		t.Fatalf("an aggregation of type %T", data)
	}
	return points
}
