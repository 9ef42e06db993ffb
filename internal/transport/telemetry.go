package transport

import (
	"context"
	"strings"
	"time"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
)

// The instrumentation scope of a service's spans and metrics is the
// official module's path, so that dashboards and filters written for the
// official clients keep matching.
const scopePrefix = "github.com/aws/aws-sdk-go-v2/service/"

// officialPackage returns the official client's package name for the
// service: its ID in lower case without spaces ("PartnerCentral Selling"
// becomes "partnercentralselling").
func officialPackage(s *Service) string {
	s.namesOnce.Do(s.setNames)
	return s.pkg
}

// scope returns the instrumentation scope of the service.
func scope(s *Service) string {
	s.namesOnce.Do(s.setNames)
	return s.scope
}

// setNames works out, once, the names officialPackage and scope return.
func (s *Service) setNames() {
	s.pkg = strings.ToLower(strings.ReplaceAll(s.ID, " ", ""))
	s.scope = scopePrefix + s.pkg
}

// tracingEnabled reports whether p records spans: nil and the no-op
// providers do not.
func tracingEnabled(p tracing.TracerProvider) bool {
	switch p.(type) {
	case nil, tracing.NopTracerProvider, *tracing.NopTracerProvider:
		return false
	}
	return true
}

// metricsEnabled reports whether p records metrics: nil and the no-op
// providers do not.
func metricsEnabled(p metrics.MeterProvider) bool {
	switch p.(type) {
	case nil, metrics.NopMeterProvider, *metrics.NopMeterProvider:
		return false
	}
	return true
}

// operationMetrics are the histograms of one call, as the official
// clients define them.
type operationMetrics struct {
	Duration                metrics.Float64Histogram
	SerializeDuration       metrics.Float64Histogram
	ResolveIdentityDuration metrics.Float64Histogram
	ResolveEndpointDuration metrics.Float64Histogram
	SignRequestDuration     metrics.Float64Histogram
	DeserializeDuration     metrics.Float64Histogram
}

// Names under which the histograms are looked up.
const (
	metricCallDuration    = "client.call.duration"
	metricSerialization   = "client.call.serialization_duration"
	metricResolveIdentity = "client.call.resolve_identity_duration"
	metricResolveEndpoint = "client.call.resolve_endpoint_duration"
	metricSigning         = "client.call.signing_duration"
	metricDeserialization = "client.call.deserialization_duration"
)

func (m *operationMetrics) histogramFor(name string) metrics.Float64Histogram {
	switch name {
	case metricCallDuration:
		return m.Duration
	case metricSerialization:
		return m.SerializeDuration
	case metricResolveIdentity:
		return m.ResolveIdentityDuration
	case metricResolveEndpoint:
		return m.ResolveEndpointDuration
	case metricSigning:
		return m.SignRequestDuration
	default:
		return m.DeserializeDuration
	}
}

type operationMetricsKey struct{}

// withOperationMetrics returns ctx carrying the call's histograms from mp,
// or ctx itself when mp records nothing.
func withOperationMetrics(ctx context.Context, mp metrics.MeterProvider, scope string) (context.Context, error) {
	if !metricsEnabled(mp) {
		return ctx, nil
	}
	meter := mp.Meter(scope)
	om := &operationMetrics{}
	instruments := []struct {
		dst        *metrics.Float64Histogram
		name, desc string
	}{
		{&om.Duration, "client.call.duration",
			"Overall call duration (including retries and time to send or receive request and response body)"},
		{&om.SerializeDuration, "client.call.serialization_duration",
			"The time it takes to serialize a message body"},
		{&om.ResolveIdentityDuration, "client.call.auth.resolve_identity_duration",
			"The time taken to acquire an identity (AWS credentials, bearer token, etc) from an Identity Provider"},
		{&om.ResolveEndpointDuration, "client.call.resolve_endpoint_duration",
			"The time it takes to resolve an endpoint (endpoint resolver, not DNS) for the request"},
		{&om.SignRequestDuration, "client.call.auth.signing_duration",
			"The time it takes to sign a request"},
		{&om.DeserializeDuration, "client.call.deserialization_duration",
			"The time it takes to deserialize a message body"},
	}
	for _, in := range instruments {
		h, err := meter.Float64Histogram(in.name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel = "s"
			o.Description = in.desc
		})
		if err != nil {
			return nil, err
		}
		*in.dst = h
	}
	return context.WithValue(ctx, operationMetricsKey{}, om), nil
}

func getOperationMetrics(ctx context.Context) *operationMetrics {
	om, _ := ctx.Value(operationMetricsKey{}).(*operationMetrics)
	return om
}

// withOperationMetadata labels a measurement with the call's service and
// operation.
func withOperationMetadata(ctx context.Context) metrics.RecordMetricOption {
	return func(o *metrics.RecordMetricOptions) {
		o.Properties.Set("rpc.service", middleware.GetServiceID(ctx))
		o.Properties.Set("rpc.method", middleware.GetOperationName(ctx))
	}
}

// startMetricTimer starts timing the named histogram; the returned
// function records the elapsed seconds once.
func startMetricTimer(ctx context.Context, metric string, opts ...metrics.RecordMetricOption) func() {
	om := getOperationMetrics(ctx)
	if om == nil {
		return func() {}
	}
	instr := om.histogramFor(metric)
	opts = append([]metrics.RecordMetricOption{withOperationMetadata(ctx)}, opts...)
	var ended bool
	start := time.Now()
	return func() {
		if ended {
			return
		}
		ended = true
		instr.Record(ctx, float64(time.Since(start))/1e9, opts...)
	}
}

// timeOperationMetric runs fn and records its duration in the named
// histogram.
func timeOperationMetric[T any](ctx context.Context, metric string, fn func() (T, error), opts ...metrics.RecordMetricOption) (T, error) {
	end := startMetricTimer(ctx, metric, opts...)
	v, err := fn()
	end()
	return v, err
}
