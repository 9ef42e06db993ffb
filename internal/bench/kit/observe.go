package kit

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
)

// Observer watches one call through everything an instrumented program
// hooks into: middleware in APIOptions (the kinds OpenTelemetry, X-Ray,
// Datadog and test code add), every interceptor hook, a tracer provider
// and a meter provider. A call of the official client and a call of ours
// observed alike must give the same Observation.
type Observer struct {
	Hooks  *testutil.Hooks
	Tracer *testutil.Tracer
	Meter  *testutil.Meter

	mu     sync.Mutex
	probes []string
	stack  map[string][]string
}

// NewObserver returns an observer with fresh recorders.
func NewObserver() *Observer {
	return &Observer{Hooks: &testutil.Hooks{}, Tracer: &testutil.Tracer{}, Meter: &testutil.Meter{}}
}

// Interceptors returns a registry with the observer's hooks at every point.
func (o *Observer) Interceptors() smithyhttp.InterceptorRegistry {
	var r smithyhttp.InterceptorRegistry
	o.Hooks.Register(&r)
	return r
}

func (o *Observer) probe(format string, args ...any) {
	o.mu.Lock()
	o.probes = append(o.probes, fmt.Sprintf(format, args...))
	o.mu.Unlock()
}

// APIOptions returns the middleware the observer adds: it records the
// client's own stack, adds a header and a User-Agent pair, and probes each
// step for the context values and transport types found there.
func (o *Observer) APIOptions() []func(*middleware.Stack) error {
	return []func(*middleware.Stack) error{
		func(s *middleware.Stack) error {
			o.stack = map[string][]string{
				"Initialize":  s.Initialize.List(),
				"Serialize":   s.Serialize.List(),
				"Build":       s.Build.List(),
				"Finalize":    s.Finalize.List(),
				"Deserialize": s.Deserialize.List(),
			}
			return nil
		},
		smithyhttp.AddHeaderValue("X-Observe", "1"),
		awsmiddleware.AddUserAgentKeyValue("observe", "1.0"),
		func(s *middleware.Stack) error {
			return s.Initialize.Add(middleware.InitializeMiddlewareFunc("ObserveInitialize",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
					middleware.InitializeOutput, middleware.Metadata, error) {
					o.probe("initialize service=%s operation=%s region=%s input=%s",
						awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx),
						awsmiddleware.GetRegion(ctx), shortTypeName(in.Parameters))
					out, md, err := next.HandleInitialize(ctx, in)
					o.probe("initialize returns result=%s err=%t", shortTypeName(out.Result), err != nil)
					return out, md, err
				}), middleware.After)
		},
		func(s *middleware.Stack) error {
			return s.Build.Add(middleware.BuildMiddlewareFunc("ObserveBuild",
				func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
					middleware.BuildOutput, middleware.Metadata, error) {
					req, _ := in.Request.(*smithyhttp.Request)
					o.probe("build request=%s header=%t", shortTypeName(in.Request), req != nil && req.Header.Get("X-Observe") == "1")
					return next.HandleBuild(ctx, in)
				}), middleware.After)
		},
		func(s *middleware.Stack) error {
			return s.Finalize.Insert(middleware.FinalizeMiddlewareFunc("ObserveFinalize",
				func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
					middleware.FinalizeOutput, middleware.Metadata, error) {
					req, _ := in.Request.(*smithyhttp.Request)
					o.probe("finalize after signing request=%s signed=%t service=%s operation=%s",
						shortTypeName(in.Request), req != nil && req.Header.Get("Authorization") != "",
						awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx))
					// What custom signing and tracing middleware read from
					// the context; of the credentials, only the key ID.
					//lint:ignore SA1019 deprecated, yet read by middleware written for older SDKs.
					signingName, signingRegion := awsmiddleware.GetSigningName(ctx), awsmiddleware.GetSigningRegion(ctx)
					o.probe("finalize context signing=%s/%s partition=%q legacy=%t endpoint source=%v key=%s payload hash=%d "+
						"hostname immutable=%t smithy service=%s operation=%s logger=%t",
						signingName, signingRegion, awsmiddleware.GetPartitionID(ctx),
						awsmiddleware.GetRequiresLegacyEndpoints(ctx), awsmiddleware.GetEndpointSource(ctx),
						awsmiddleware.GetSigningCredentials(ctx).AccessKeyID, len(v4.GetPayloadHash(ctx)),
						smithyhttp.GetHostnameImmutable(ctx), middleware.GetServiceID(ctx), middleware.GetOperationName(ctx),
						middleware.GetLogger(ctx) != nil)
					return next.HandleFinalize(ctx, in)
				}), "Signing", middleware.After)
		},
		func(s *middleware.Stack) error {
			return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("ObserveDeserialize",
				func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
					middleware.DeserializeOutput, middleware.Metadata, error) {
					out, md, err := next.HandleDeserialize(ctx, in)
					status := 0
					if resp, ok := out.RawResponse.(*smithyhttp.Response); ok {
						status = resp.StatusCode
					}
					o.probe("deserialize raw=%s status=%d", shortTypeName(out.RawResponse), status)
					return out, md, err
				}), middleware.After)
		},
	}
}

// StubAPIOptions returns middleware that ends the call in step without
// calling next, returning result, as test code stubs a service.
func StubAPIOptions(step string, result any) []func(*middleware.Stack) error {
	return []func(*middleware.Stack) error{func(s *middleware.Stack) error {
		switch step {
		case "Finalize":
			return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("Stub",
				func(context.Context, middleware.FinalizeInput, middleware.FinalizeHandler) (
					middleware.FinalizeOutput, middleware.Metadata, error) {
					return middleware.FinalizeOutput{Result: result}, middleware.Metadata{}, nil
				}), middleware.Before)
		default:
			return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("Stub",
				func(context.Context, middleware.DeserializeInput, middleware.DeserializeHandler) (
					middleware.DeserializeOutput, middleware.Metadata, error) {
					return middleware.DeserializeOutput{Result: result}, middleware.Metadata{}, nil
				}), middleware.Before)
		}
	}}
}

// Script is an HTTP client that answers the requests of a call in turn
// (repeating the last answer, dated now unless it carries a Date) and
// keeps a description of each request.
type Script struct {
	Answers []Response

	mu       sync.Mutex
	requests []string
}

// Do answers req with the next answer of the script.
func (s *Script) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, describeRequest(req))
	s.mu.Unlock()
	answer := s.Answers[min(n, len(s.Answers)-1)]
	header := answer.Header.Clone()
	if header.Get("Date") == "" {
		header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", answer.Status, http.StatusText(answer.Status)),
		StatusCode:    answer.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(answer.Body)),
		ContentLength: int64(len(answer.Body)),
		Request:       req,
	}, nil
}

// describeRequest names the headers of a request, with the values that
// must agree between clients (the ones that carry a time, a signature, a
// random ID or the SDK's name are only named).
func describeRequest(req *http.Request) string {
	var names []string
	for name := range req.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	var parts []string
	for _, name := range names {
		switch name {
		case "X-Observe", "Amz-Sdk-Request", "X-Amz-Target", "Content-Type":
			parts = append(parts, name+"="+req.Header.Get(name))
		case "User-Agent":
			ua := req.Header.Get(name)
			// The features the official clients list (m/...) are
			// compared; the SDK's name and version are not.
			var features string
			for _, token := range strings.Fields(ua) {
				if strings.HasPrefix(token, "m/") {
					features = token
				}
			}
			parts = append(parts, fmt.Sprintf("User-Agent(observe/1.0=%t %s)", strings.Contains(ua, " observe/1.0"), features))
		default:
			parts = append(parts, name)
		}
	}
	return req.Method + " " + strings.Join(parts, " ")
}

// Observation is what an Observer saw of one call.
type Observation struct {
	Stack       map[string][]string
	Middleware  []string
	Hooks       []string
	Spans       []string
	Instruments []string
	Metrics     []string
	Requests    []string
	Metadata    []string
	Result      string
}

// Observe collects what o saw, with the script's requests, the call's
// result metadata, output and error.
func (o *Observer) Observe(script *Script, metadata middleware.Metadata, output any, err error) Observation {
	obs := Observation{
		Stack:       o.stack,
		Middleware:  append([]string(nil), o.probes...),
		Hooks:       o.Hooks.Events(),
		Spans:       o.Tracer.Spans("rpc.system", "rpc.method", "rpc.service", "operation.attempt", "auth.scheme_id", "error"),
		Instruments: o.Meter.Instruments(),
		Metrics:     o.Meter.Records(),
		Result:      fmt.Sprintf("output=%s err=%t", shortTypeName(output), err != nil),
	}
	if script != nil {
		obs.Requests = append(obs.Requests, script.requests...)
	}
	md := ViewMetadata(metadata)
	obs.Metadata = []string{
		fmt.Sprintf("request ID %q %t", md.RequestID, md.HasRequestID),
		"raw response " + md.RawResponse,
		fmt.Sprintf("response time %t, server time %t", md.HasResponseAt, md.HasServerTime),
	}
	if results, ok := retry.GetAttemptResults(metadata); ok {
		for i, r := range results.Results {
			rid, _ := awsmiddleware.GetRequestIDMetadata(r.ResponseMetadata)
			obs.Metadata = append(obs.Metadata, fmt.Sprintf("attempt %d: err=%t retryable=%t retried=%t request ID %q",
				i+1, r.Err != nil, r.Retryable, r.Retried, rid))
		}
	} else {
		obs.Metadata = append(obs.Metadata, "no attempt results")
	}
	return obs
}

// String renders the observation for reading.
func (o Observation) String() string {
	var b strings.Builder
	for _, step := range []string{"Initialize", "Serialize", "Build", "Finalize", "Deserialize"} {
		fmt.Fprintf(&b, "stack %s: %s\n", step, strings.Join(o.Stack[step], ", "))
	}
	for _, section := range []struct {
		name  string
		lines []string
	}{
		{"middleware", o.Middleware}, {"hook", o.Hooks}, {"span", o.Spans}, {"instrument", o.Instruments},
		{"metric", o.Metrics}, {"request", o.Requests}, {"metadata", o.Metadata},
	} {
		for _, line := range section.lines {
			fmt.Fprintf(&b, "%s: %s\n", section.name, line)
		}
	}
	b.WriteString("result: " + o.Result + "\n")
	return b.String()
}

// Instrument sets on options, a service client's *Options, what an
// instrumented program sets: the observer's middleware, interceptors,
// tracer and meter; and retryer.
func (o *Observer) Instrument(options any, retryer aws.Retryer) {
	v := reflect.ValueOf(options).Elem()
	v.FieldByName("Retryer").Set(reflect.ValueOf(retryer))
	v.FieldByName("APIOptions").Set(reflect.ValueOf(o.APIOptions()))
	v.FieldByName("Interceptors").Set(reflect.ValueOf(o.Interceptors()))
	v.FieldByName("TracerProvider").Set(reflect.ValueOf(o.Tracer))
	v.FieldByName("MeterProvider").Set(reflect.ValueOf(o.Meter))
}

// ObservedCall makes one call with a client that o instruments (see
// Instrument) and s answers, and returns its output and error.
type ObservedCall func(o *Observer, s *Script) (any, error)

// CompareObservedCalls makes the call through ours and through the
// official client, each with an observer of its own and a script of
// answers(), and fails t unless both succeed and see the same (see
// CompareObservations).
func CompareObservedCalls(t *testing.T, answers func() []Response, ours, official ObservedCall) {
	t.Helper()
	compareObservedCalls(t, answers, false, ours, official)
}

// CompareObservedFailures is CompareObservedCalls for answers that make
// the call fail: it fails t unless both clients fail and see the same.
func CompareObservedFailures(t *testing.T, answers func() []Response, ours, official ObservedCall) {
	t.Helper()
	compareObservedCalls(t, answers, true, ours, official)
}

func compareObservedCalls(t *testing.T, answers func() []Response, fail bool, ours, official ObservedCall) {
	t.Helper()
	fo, fs := NewObserver(), &Script{Answers: answers()}
	fout, ferr := official(fo, fs)
	oo, os := NewObserver(), &Script{Answers: answers()}
	oout, oerr := ours(oo, os)
	if (ferr != nil) != fail || (oerr != nil) != fail {
		t.Fatalf("want failures %t; official: %v, ours: %v", fail, ferr, oerr)
	}
	CompareObservations(t, oo.Observe(os, resultMetadata(oout), oout, oerr), fo.Observe(fs, resultMetadata(fout), fout, ferr), nil)
}

// MalformedAnswers is a successful status with a body that is neither
// JSON nor CBOR: the call fails in the operation's deserializer, after
// which middleware and interceptors still see its output.
func MalformedAnswers() []Response {
	return []Response{{
		Status: http.StatusOK,
		Header: http.Header{"X-Amzn-Requestid": {"req-malformed"}},
		Body:   []byte("\xff{not valid"),
	}}
}

// resultMetadata returns the ResultMetadata of an output (a pointer to an
// output struct), or none for a nil output.
func resultMetadata(output any) middleware.Metadata {
	v := reflect.ValueOf(output)
	if !v.IsValid() || v.IsNil() {
		return middleware.Metadata{}
	}
	return v.Elem().FieldByName("ResultMetadata").Interface().(middleware.Metadata)
}

// CompareObservations fails t when the two clients' observations differ
// in anything but the differences allowed (each a step name mapped to the
// middleware IDs only ours has there, with the reason).
func CompareObservations(t *testing.T, ours, official Observation, extraMiddleware map[string][]string) {
	t.Helper()
	t.Logf("official client:\n%s", official)
	t.Logf("ours:\n%s", ours)
	for step, ids := range extraMiddleware {
		var kept []string
		for _, id := range ours.Stack[step] {
			if !contains(ids, id) {
				kept = append(kept, id)
			}
		}
		ours.Stack[step] = kept
	}
	if diff := cmp.Diff(official, ours); diff != "" {
		t.Errorf("observations differ (-official +ours):\n%s", diff)
	}
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// shortTypeName is the type of v without its package path, so the official
// client's and this library's types read the same.
func shortTypeName(v any) string {
	if v == nil {
		return "nil"
	}
	name := fmt.Sprintf("%T", v)
	prefix := ""
	if strings.HasPrefix(name, "*") {
		prefix, name = "*", name[1:]
	}
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	return prefix + name
}

// Requests returns the descriptions of the requests s answered.
func Requests(s *Script) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}
