package testutil

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Hooks is an interceptor for every hook of smithyhttp.InterceptorRegistry
// that records, in order, each hook it ran and what its context held.
// When FailAt names a hook, that hook returns ErrHook (every time, or
// only on the attempt numbers listed in FailOn).
type Hooks struct {
	FailAt string
	FailOn []int

	mu      sync.Mutex
	events  []string
	attempt int
}

// ErrHook is the error a failing hook returns.
var ErrHook = errors.New("hook failed")

// Interceptor is an interceptor at every hook.
type Interceptor interface {
	smithyhttp.BeforeExecutionInterceptor
	smithyhttp.BeforeSerializationInterceptor
	smithyhttp.AfterSerializationInterceptor
	smithyhttp.BeforeRetryLoopInterceptor
	smithyhttp.BeforeAttemptInterceptor
	smithyhttp.BeforeSigningInterceptor
	smithyhttp.AfterSigningInterceptor
	smithyhttp.BeforeTransmitInterceptor
	smithyhttp.AfterTransmitInterceptor
	smithyhttp.BeforeDeserializationInterceptor
	smithyhttp.AfterDeserializationInterceptor
	smithyhttp.AfterAttemptInterceptor
	smithyhttp.AfterExecutionInterceptor
}

// RegisterAll adds i to every hook of r.
func RegisterAll(r *smithyhttp.InterceptorRegistry, i Interceptor) {
	r.AddBeforeExecution(i)
	r.AddBeforeSerialization(i)
	r.AddAfterSerialization(i)
	r.AddBeforeRetryLoop(i)
	r.AddBeforeAttempt(i)
	r.AddBeforeSigning(i)
	r.AddAfterSigning(i)
	r.AddBeforeTransmit(i)
	r.AddAfterTransmit(i)
	r.AddBeforeDeserialization(i)
	r.AddAfterDeserialization(i)
	r.AddAfterAttempt(i)
	r.AddAfterExecution(i)
}

// Register adds h to every hook of r.
func (h *Hooks) Register(r *smithyhttp.InterceptorRegistry) { RegisterAll(r, h) }

// Events returns the hooks run so far, each with what its context held:
// the input and output types, whether a request was there and whether
// it was signed, and the response status.
func (h *Hooks) Events() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.events...)
}

func (h *Hooks) record(name string, in *smithyhttp.InterceptorContext) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if name == "BeforeAttempt" {
		h.attempt++
	}
	desc := name + " in=" + typeName(in.Input) + setMembers(in.Input)
	if in.Request != nil {
		desc += fmt.Sprintf(" req(signed=%t)", in.Request.Header.Get("Authorization") != "")
	}
	if in.Output != nil {
		desc += " out=" + typeName(in.Output)
	}
	if in.Response != nil {
		desc += fmt.Sprintf(" resp=%d", in.Response.StatusCode)
	}
	h.events = append(h.events, desc)
	if name != h.FailAt {
		return nil
	}
	if len(h.FailOn) == 0 {
		return ErrHook
	}
	for _, n := range h.FailOn {
		if n == h.attempt {
			return ErrHook
		}
	}
	return nil
}

// setMembers lists the exported members of the structure v points to that
// are not zero, such as an idempotency token once it is filled.
func setMembers(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return ""
	}
	rv = rv.Elem()
	var set []string
	for i := 0; i < rv.NumField(); i++ {
		if rv.Type().Field(i).IsExported() && !rv.Field(i).IsZero() {
			set = append(set, rv.Type().Field(i).Name)
		}
	}
	return "{" + strings.Join(set, ",") + "}"
}

// typeName is the type of v without its package, so that the official
// client's and this library's types read the same.
func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	name := fmt.Sprintf("%T", v)
	if i := strings.LastIndex(name, "."); i >= 0 {
		prefix := ""
		if strings.HasPrefix(name, "*") {
			prefix = "*"
		}
		name = prefix + name[i+1:]
	}
	return name
}

// BeforeExecution records the hook.
func (h *Hooks) BeforeExecution(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeExecution", in)
}

// BeforeSerialization records the hook.
func (h *Hooks) BeforeSerialization(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeSerialization", in)
}

// AfterSerialization records the hook.
func (h *Hooks) AfterSerialization(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterSerialization", in)
}

// BeforeRetryLoop records the hook.
func (h *Hooks) BeforeRetryLoop(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeRetryLoop", in)
}

// BeforeAttempt records the hook.
func (h *Hooks) BeforeAttempt(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeAttempt", in)
}

// BeforeSigning records the hook.
func (h *Hooks) BeforeSigning(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeSigning", in)
}

// AfterSigning records the hook.
func (h *Hooks) AfterSigning(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterSigning", in)
}

// BeforeTransmit records the hook.
func (h *Hooks) BeforeTransmit(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeTransmit", in)
}

// AfterTransmit records the hook.
func (h *Hooks) AfterTransmit(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterTransmit", in)
}

// BeforeDeserialization records the hook.
func (h *Hooks) BeforeDeserialization(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("BeforeDeserialization", in)
}

// AfterDeserialization records the hook.
func (h *Hooks) AfterDeserialization(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterDeserialization", in)
}

// AfterAttempt records the hook.
func (h *Hooks) AfterAttempt(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterAttempt", in)
}

// AfterExecution records the hook.
func (h *Hooks) AfterExecution(_ context.Context, in *smithyhttp.InterceptorContext) error {
	return h.record("AfterExecution", in)
}

// Tracer is a tracing.TracerProvider that keeps every span it starts.
type Tracer struct {
	mu    sync.Mutex
	spans []*Span
}

// Span is a span kept by Tracer.
type Span struct {
	tracer *Tracer
	Scope  string
	name   string
	Parent string
	Kind   tracing.SpanKind
	Status tracing.SpanStatus
	props  smithy.Properties
	// Ends counts the calls of End: the official middleware ends some
	// spans twice, and a tracer that counts them sees it.
	Ends int
}

type spanKey struct{}

// Tracer returns a tracer of the scope.
func (t *Tracer) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	return scopedTracer{t: t, scope: scope}
}

type scopedTracer struct {
	t     *Tracer
	scope string
}

func (s scopedTracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	span := &Span{tracer: s.t, Scope: s.scope, name: name, Kind: o.Kind, props: o.Properties}
	if parent, ok := ctx.Value(spanKey{}).(*Span); ok {
		span.Parent = parent.name
	}
	s.t.mu.Lock()
	s.t.spans = append(s.t.spans, span)
	s.t.mu.Unlock()
	return tracing.WithSpan(context.WithValue(ctx, spanKey{}, span), span), span
}

// Name returns the span's name.
func (s *Span) Name() string { return s.name }

// Context returns an empty span context.
func (s *Span) Context() tracing.SpanContext { return tracing.SpanContext{} }

// AddEvent ignores the event.
func (s *Span) AddEvent(string, ...tracing.EventOption) {}

// SetStatus keeps the status.
func (s *Span) SetStatus(status tracing.SpanStatus) {
	s.tracer.mu.Lock()
	s.Status = status
	s.tracer.mu.Unlock()
}

// SetProperty keeps the property.
func (s *Span) SetProperty(k, v any) {
	s.tracer.mu.Lock()
	s.props.Set(k, v)
	s.tracer.mu.Unlock()
}

// End counts the span's ends.
func (s *Span) End() {
	s.tracer.mu.Lock()
	s.Ends++
	s.tracer.mu.Unlock()
}

// Spans describes the spans started so far, in order: name, parent, kind,
// status, how many times ended, and the property keys (with values for the keys
// in values).
func (t *Tracer) Spans(values ...string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	show := map[string]bool{}
	for _, v := range values {
		show[v] = true
	}
	var out []string
	for _, s := range t.spans {
		desc := fmt.Sprintf("%s parent=%s kind=%d status=%d ended=%d", s.name, s.Parent, s.Kind, s.Status, s.Ends)
		desc += " " + describeProperties(&s.props, show)
		out = append(out, desc)
	}
	return out
}

func describeProperties(p *smithy.Properties, show map[string]bool) string {
	var keys []string
	for k, v := range p.Values() {
		key := fmt.Sprint(k)
		if show[key] {
			key += "=" + fmt.Sprint(v)
		}
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return "{" + strings.Join(keys, " ") + "}"
}

// Meter is a metrics.MeterProvider that keeps every instrument created
// and every measurement recorded.
type Meter struct {
	metrics.NopMeterProvider
	mu          sync.Mutex
	instruments map[string]string
	records     []string
}

// Meter returns a meter of the scope.
func (m *Meter) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	return &scopedMeter{m: m, scope: scope}
}

type scopedMeter struct {
	metrics.Meter
	m     *Meter
	scope string
}

func (s *scopedMeter) instrument(kind, name string, opts []metrics.InstrumentOption) *instrument {
	var o metrics.InstrumentOptions
	for _, fn := range opts {
		fn(&o)
	}
	s.m.mu.Lock()
	defer s.m.mu.Unlock()
	if s.m.instruments == nil {
		s.m.instruments = map[string]string{}
	}
	s.m.instruments[name] = fmt.Sprintf("%s %s unit=%q scope=%s", kind, name, o.UnitLabel, s.scope)
	return &instrument{m: s.m, name: name}
}

func (s *scopedMeter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return intInstrument{s.instrument("int64counter", name, opts)}, nil
}

func (s *scopedMeter) Int64UpDownCounter(name string, opts ...metrics.InstrumentOption) (metrics.Int64UpDownCounter, error) {
	return intInstrument{s.instrument("int64updown", name, opts)}, nil
}

func (s *scopedMeter) Int64Gauge(name string, opts ...metrics.InstrumentOption) (metrics.Int64Gauge, error) {
	return intInstrument{s.instrument("int64gauge", name, opts)}, nil
}

func (s *scopedMeter) Int64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Int64Histogram, error) {
	return intInstrument{s.instrument("int64histogram", name, opts)}, nil
}

func (s *scopedMeter) Float64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Float64Counter, error) {
	return floatInstrument{s.instrument("float64counter", name, opts)}, nil
}

func (s *scopedMeter) Float64UpDownCounter(name string, opts ...metrics.InstrumentOption) (metrics.Float64UpDownCounter, error) {
	return floatInstrument{s.instrument("float64updown", name, opts)}, nil
}

func (s *scopedMeter) Float64Gauge(name string, opts ...metrics.InstrumentOption) (metrics.Float64Gauge, error) {
	return floatInstrument{s.instrument("float64gauge", name, opts)}, nil
}

func (s *scopedMeter) Float64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	return floatInstrument{s.instrument("float64histogram", name, opts)}, nil
}

type instrument struct {
	m    *Meter
	name string
}

func (i *instrument) record(opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	i.m.mu.Lock()
	defer i.m.mu.Unlock()
	i.m.records = append(i.m.records, i.name+" "+describeProperties(&o.Properties, map[string]bool{
		"rpc.service": true, "rpc.method": true, "auth.scheme_id": true, "exception.type": true,
	}))
}

type intInstrument struct{ *instrument }

func (i intInstrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}
func (i intInstrument) Sample(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}
func (i intInstrument) Record(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

type floatInstrument struct{ *instrument }

func (i floatInstrument) Add(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}
func (i floatInstrument) Sample(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}
func (i floatInstrument) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

// Instruments describes the instruments created, sorted by name.
func (m *Meter) Instruments() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, d := range m.instruments {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// Records describes the measurements recorded (instrument and
// attributes), sorted, so concurrent recording order does not matter.
func (m *Meter) Records() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := append([]string(nil), m.records...)
	sort.Strings(out)
	return out
}
