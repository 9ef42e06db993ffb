package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// testIn and testOut are the input and output of the test operation.
type testIn struct {
	Name  *string
	Token *string
}

type testOut struct {
	Value          *string
	ResultMetadata middleware.Metadata
}

var testService = &Service{ID: "Test Service", SigningName: "testsvc"}

var testOp = newTestOp(testService)

// newTestOp declares the test operation in service.
func newTestOp(service *Service) *Operation[testIn, testOut] {
	return &Operation[testIn, testOut]{
		Service: service,
		Name:    "DoThing",
		Binding: protocol.NewAWSJSON(protocol.AWSJSON11, "TestService.DoThing"),
		Encode: func(in *testIn, req *protocol.Request) {
			req.Body.BeginObject()
			req.Body.StringMember("Name", in.Name)
			req.Body.StringMember("Token", in.Token)
			req.Body.EndObject()
		},
		Decode: func(r *jsonwire.Reader, out *testOut) {
			for it := r.Object(); r.More(&it); {
				if r.Key() == "Value" {
					out.Value = r.StringPtr()
				} else {
					r.Skip()
				}
			}
		},
		Validate: func(in *testIn, c *validate.Checker) {
			c.Required("Name", in.Name != nil)
		},
		InputName: "DoThingInput",
		Token:     func(in *testIn) **string { return &in.Token },
	}
}

// fixedEndpoint resolves every call to one URL.
type fixedEndpoint struct{ url string }

func (e fixedEndpoint) ResolveEndpoint(context.Context, EndpointKey, *string) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(e.url)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

// script answers requests in turn, repeating the last answer, and keeps
// what it received.
type script struct {
	mu       sync.Mutex
	answers  []func(w http.ResponseWriter)
	requests []*http.Request
	bodies   []string
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, r)
	s.bodies = append(s.bodies, string(body))
	answer := s.answers[min(n, len(s.answers)-1)]
	s.mu.Unlock()
	answer(w)
}

func answer(status int, header map[string]string, body string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

func newTestConfig(t *testing.T, answers ...func(http.ResponseWriter)) (*Config, *script) {
	t.Helper()
	s := &script{answers: answers}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	cfg := &Config{
		Region:      "us-west-2",
		Credentials: testutil.Credentials,
		HTTPClient:  srv.Client(),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
		Signer:    testutil.FixedSigner{Time: testutil.SigningTime},
		Endpoints: &Endpoints{V2: fixedEndpoint{srv.URL + "/base"}},
		State:     NewState(testService.ID, ""),
		Tokens:    fixedToken("tok-1"),
	}
	cfg.Finish()
	return cfg, s
}

type fixedToken string

func (f fixedToken) GetIdempotencyToken() (string, error) { return string(f), nil }

func ok(body string) func(http.ResponseWriter) {
	return answer(200, map[string]string{"X-Amzn-Requestid": "req-1", "Date": "Mon, 02 Jan 2006 15:04:05 GMT"}, body)
}

var noop = func(*middleware.Stack) error { return nil }

// stackIDs lists the middleware IDs of each step of stack.
func stackIDs(stack *middleware.Stack) map[string][]string {
	return map[string][]string{
		"Initialize":  stack.Initialize.List(),
		"Serialize":   stack.Serialize.List(),
		"Build":       stack.Build.List(),
		"Finalize":    stack.Finalize.List(),
		"Deserialize": stack.Deserialize.List(),
	}
}

// TestStackLayout checks the stack has the official clients' steps and
// middleware IDs in their order: those of the official DataZone v1.62
// CreateAssetRevision (classic layout, an operation with an idempotency
// token) and of MemoryDB v1.43 CopySnapshot (schema layout).
func TestStackLayout(t *testing.T) {
	classic := map[string][]string{
		"Initialize": {"RegisterServiceMetadata", "OperationIdempotencyTokenAutoFill", "legacyEndpointContextSetter",
			"SetLogger", "OperationInputValidation"},
		"Serialize": {"setOperationInput", "ResolveEndpoint", "OperationSerializer"},
		"Build":     {"ClientRequestID", "ComputeContentLength", "SetCredentialSourceMiddleware", "UserAgent", "RecursionDetection"},
		"Finalize": {"spanRetryLoop", "InterceptBeforeRetryLoop", "Retry", "InterceptAttempt", "RetryMetricsHeader",
			"ResolveAuthScheme", "GetIdentity", "ResolveEndpointV2", "disableHTTPS", "ComputePayloadHash",
			"setLegacyContextSigningOptions", "Signing"},
		"Deserialize": {"AddRawResponseToMetadata", "ErrorCloseResponseBody", "CloseResponseBody", "ResponseErrorWrapper",
			"RequestIDRetriever", "OperationDeserializer", "RecordResponseTiming", "RequestResponseLogger"},
	}
	schema := map[string][]string{
		"Initialize": {"OperationIdempotencyTokenAutoFill", "OperationInputValidation"},
		"Serialize":  {"setOperationInput", "ResolveEndpoint", "OperationSerializer"},
		"Build":      {"ClientRequestID", "UserAgent", "RecursionDetection"},
		"Finalize": {"InterceptBeforeRetryLoop", "Retry", "InterceptAttempt",
			"ResolveAuthScheme", "GetIdentity", "ResolveEndpointV2", "disableHTTPS", "ComputePayloadHash",
			"setLegacyContextSigningOptions", "Signing"},
		"Deserialize": {"AddRawResponseToMetadata", "ResponseErrorWrapper",
			"RequestIDRetriever", "OperationDeserializer", "RecordResponseTiming", "RequestResponseLogger"},
	}
	for layout, want := range map[StackLayout]map[string][]string{LayoutClassic: classic, LayoutSchema: schema} {
		cfg, _ := newTestConfig(t, ok(`{}`))
		var got map[string][]string
		stop := errors.New("stop")
		cfg.APIOptions = []func(*middleware.Stack) error{func(s *middleware.Stack) error {
			got = stackIDs(s)
			return stop
		}}
		op := newTestOp(&Service{ID: testService.ID, SigningName: testService.SigningName, Layout: layout})
		_, _, err := Invoke(context.Background(), cfg, op, &testIn{Name: aws.String("n")})
		if !errors.Is(err, stop) {
			t.Fatalf("err = %v", err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("layout %d (-want +got):\n%s", layout, diff)
		}
	}
}

// TestStackCall runs a call through the stack with middleware of the
// kinds applications add, and checks what each saw and what was sent.
func TestStackCall(t *testing.T) {
	cfg, srv := newTestConfig(t, ok(`{"Value":"v"}`))
	var seen []string
	record := func(format string, args ...any) { seen = append(seen, fmt.Sprintf(format, args...)) }
	cfg.APIOptions = []func(*middleware.Stack) error{
		smithyhttp.AddHeaderValue("X-Custom", "yes"),
		awsmiddleware.AddUserAgentKeyValue("otel", "1.0"),
		func(s *middleware.Stack) error {
			return s.Initialize.Add(middleware.InitializeMiddlewareFunc("probeInit",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					record("init %s %s %s %T", awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx),
						awsmiddleware.GetRegion(ctx), in.Parameters)
					return next.HandleInitialize(ctx, in)
				}), middleware.After)
		},
		func(s *middleware.Stack) error {
			return s.Finalize.Insert(middleware.FinalizeMiddlewareFunc("probeFinalize",
				func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
					req := in.Request.(*smithyhttp.Request)
					record("finalize %t %t", req.URL.Host != "", req.Header.Get("Authorization") != "")
					return next.HandleFinalize(ctx, in)
				}), "Signing", middleware.After)
		},
		func(s *middleware.Stack) error {
			return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("probeDeserialize",
				func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
					out, md, err := next.HandleDeserialize(ctx, in)
					record("deserialize %T %d", out.RawResponse, out.RawResponse.(*smithyhttp.Response).StatusCode)
					return out, md, err
				}), middleware.After)
		},
	}
	in := &testIn{Name: aws.String("n")}
	out, metadata, err := Invoke(context.Background(), cfg, testOp, in)
	if err != nil {
		t.Fatal(err)
	}
	if out.Value == nil || *out.Value != "v" {
		t.Errorf("output %+v", out)
	}
	if in.Token != nil {
		t.Error("the caller's input was modified")
	}
	want := []string{
		"init Test Service DoThing us-west-2 *transport.testIn",
		"finalize true true",
		"deserialize *http.Response 200",
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("observations (-want +got):\n%s", diff)
	}
	req := srv.requests[0]
	if req.Header.Get("X-Custom") != "yes" || !strings.Contains(req.Header.Get("User-Agent"), "otel/1.0") ||
		!strings.Contains(req.Header.Get("User-Agent"), "api/testservice#"+Version) {
		t.Errorf("headers %v", req.Header)
	}
	if req.URL.Path != "/base" || req.Header.Get("X-Amz-Target") != "TestService.DoThing" ||
		srv.bodies[0] != `{"Name":"n","Token":"tok-1"}` {
		t.Errorf("request %s %v %s", req.URL.Path, req.Header, srv.bodies[0])
	}
	if !strings.Contains(req.Header.Get("Authorization"), "/us-west-2/testsvc/aws4_request") {
		t.Errorf("Authorization %s", req.Header.Get("Authorization"))
	}
	checkMetadata(t, metadata, "req-1", 1)
}

// checkMetadata checks what the official middleware leaves in the result
// metadata.
func checkMetadata(t *testing.T, metadata middleware.Metadata, requestID string, attempts int) {
	t.Helper()
	if id, _ := awsmiddleware.GetRequestIDMetadata(metadata); id != requestID {
		t.Errorf("request ID %q, want %q", id, requestID)
	}
	if raw, ok := awsmiddleware.GetRawResponse(metadata).(*smithyhttp.Response); !ok || raw.StatusCode == 0 {
		t.Errorf("raw response %v", awsmiddleware.GetRawResponse(metadata))
	}
	if at, ok := awsmiddleware.GetResponseAt(metadata); !ok || time.Since(at) > time.Minute {
		t.Errorf("response time %v %v", at, ok)
	}
	if st, ok := awsmiddleware.GetServerTime(metadata); !ok || st.Year() != 2006 {
		t.Errorf("server time %v %v", st, ok)
	}
	if results, ok := retry.GetAttemptResults(metadata); !ok || len(results.Results) != attempts {
		t.Errorf("attempt results %+v %v, want %d", results, ok, attempts)
	}
}

// TestStackShortCircuit checks that middleware returning without calling
// next ends the call with its output, and that an output of another type
// is an error, not a panic.
func TestStackShortCircuit(t *testing.T) {
	for _, step := range []string{"Finalize", "Deserialize"} {
		for _, result := range []any{&testOut{Value: aws.String("canned")}, "wrong", (*testOut)(nil)} {
			cfg, srv := newTestConfig(t, ok(`{}`))
			cfg.APIOptions = []func(*middleware.Stack) error{func(s *middleware.Stack) error {
				if step == "Finalize" {
					return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("stub",
						func(context.Context, middleware.FinalizeInput, middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
							return middleware.FinalizeOutput{Result: result}, middleware.Metadata{}, nil
						}), middleware.Before)
				}
				return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("stub",
					func(context.Context, middleware.DeserializeInput, middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
						return middleware.DeserializeOutput{Result: result}, middleware.Metadata{}, nil
					}), middleware.Before)
			}}
			out, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
			if canned, _ := result.(*testOut); canned != nil {
				if err != nil || out.Value == nil || *out.Value != "canned" {
					t.Errorf("%s: %v %v", step, out, err)
				}
			} else if want := wrongResult(result); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s %#v: %v, want an error with %q", step, result, err, want)
			}
			if len(srv.requests) != 0 {
				t.Errorf("%s: %d requests sent", step, len(srv.requests))
			}
		}
	}
}

// wrongResult is the error a call gives when the stack's result is the
// wrong one.
func wrongResult(result any) string {
	if _, ok := result.(*testOut); ok {
		return "the middleware stack returned a nil *transport.testOut"
	}
	return fmt.Sprintf("the middleware stack returned a result of type %T, not *transport.testOut", result)
}

// TestStackWrongParameters replaces the input with a value of another
// type before the operation's middleware read it, and checks that the
// first of them to read it refuses it and nothing is sent.
func TestStackWrongParameters(t *testing.T) {
	schema := &Service{ID: testService.ID, SigningName: testService.SigningName, Layout: LayoutSchema}
	for _, tc := range []struct {
		name          string
		service       *Service
		token, checks bool
		want          string
	}{
		{"token", testService, true, true, "expected middleware input to be of type *DoThingInput "},
		{"validation", testService, false, true, "unknown input parameters type string"},
		{"serializer", testService, false, false, "serialization failed: unknown input parameters type string"},
		{"schema-layout serializer", schema, false, false, "input *http.Request is not Serializable"},
	} {
		op := newTestOp(tc.service)
		if !tc.token {
			op.Token = nil
		}
		if !tc.checks {
			op.Validate = nil
		}
		cfg, srv := newTestConfig(t, ok(`{}`))
		cfg.APIOptions = []func(*middleware.Stack) error{func(s *middleware.Stack) error {
			return s.Initialize.Add(middleware.InitializeMiddlewareFunc("swap",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					in.Parameters = "wrong"
					return next.HandleInitialize(ctx, in)
				}), middleware.Before)
		}}
		_, _, err := Invoke(context.Background(), cfg, op, &testIn{Name: aws.String("n")})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
		if len(srv.requests) != 0 {
			t.Errorf("%s: %d requests sent", tc.name, len(srv.requests))
		}
	}
}

// TestStackErrors checks typed errors, retries and validation on the
// stack path.
func TestStackErrors(t *testing.T) {
	cfg, srv := newTestConfig(t,
		answer(503, map[string]string{"X-Amz-Requestid": "req-503"}, ``),
		answer(400, map[string]string{"X-Amz-Requestid": "req-400", "Date": "Mon, 02 Jan 2006 15:04:05 GMT"},
			`{"__type":"BadThing","message":"no"}`))
	cfg.APIOptions = []func(*middleware.Stack) error{noop}
	_, metadata, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 400 || re.ServiceRequestID() != "req-400" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "BadThing") || len(srv.requests) != 2 {
		t.Errorf("err = %v after %d requests", err, len(srv.requests))
	}
	checkMetadata(t, metadata, "req-400", 2)

	_, _, err = Invoke(context.Background(), cfg, testOp, &testIn{})
	if err == nil || !strings.Contains(err.Error(), "Name") || len(srv.requests) != 2 {
		t.Errorf("validation: %v", err)
	}
	cfg.APIOptions = []func(*middleware.Stack) error{nil}
	if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err == nil ||
		!strings.Contains(err.Error(), "APIOptions[0] is nil") {
		t.Errorf("nil middleware: %v", err)
	}
}

// TestStackAnonymous checks that anonymous and missing credentials send
// unsigned requests.
// TestStackAnonymous checks that a call without credentials is sent
// unsigned. (A client turns aws.AnonymousCredentials into none when it is
// built; options_test.go checks that through the clients.)
func TestStackAnonymous(t *testing.T) {
	for _, creds := range []aws.CredentialsProvider{nil} {
		cfg, srv := newTestConfig(t, ok(`{}`))
		cfg.Credentials = creds
		cfg.APIOptions = []func(*middleware.Stack) error{noop}
		if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err != nil {
			t.Fatal(err)
		}
		if auth := srv.requests[0].Header.Get("Authorization"); auth != "" {
			t.Errorf("%T: Authorization %q", creds, auth)
		}
	}
}

// TestStackSameRequest checks that the stack path sends what the direct
// path sends, apart from the headers only the stack adds, and that both
// leave the official middleware's result metadata.
func TestStackSameRequest(t *testing.T) {
	var paths, bodies []string
	for _, apiOptions := range [][]func(*middleware.Stack) error{nil, {noop}} {
		cfg, srv := newTestConfig(t, ok(`{}`))
		cfg.APIOptions = apiOptions
		_, metadata, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
		if err != nil {
			t.Fatal(err)
		}
		checkMetadata(t, metadata, "req-1", 1)
		paths = append(paths, srv.requests[0].URL.Path)
		bodies = append(bodies, srv.bodies[0])
	}
	if paths[0] != paths[1] || bodies[0] != bodies[1] {
		t.Errorf("direct %s %s, stack %s %s", paths[0], bodies[0], paths[1], bodies[1])
	}
}

// TestStackInterceptors checks that interceptors alone put a call on the
// stack, that per-attempt hooks run once per attempt, and that a failing
// hook before the retry loop ends the call before anything is sent.
func TestStackInterceptors(t *testing.T) {
	cfg, srv := newTestConfig(t, answer(503, nil, ``), ok(`{"Value":"v"}`))
	hooks := &testutil.Hooks{}
	hooks.Register(&cfg.Interceptors)
	if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	events := hooks.Events()
	for _, e := range events {
		count[strings.Fields(e)[0]]++
	}
	for hook, want := range map[string]int{"BeforeExecution": 1, "BeforeSerialization": 1, "AfterSerialization": 1,
		"BeforeRetryLoop": 1, "BeforeAttempt": 2, "BeforeSigning": 2, "AfterSigning": 2, "BeforeTransmit": 2,
		"AfterTransmit": 2, "BeforeDeserialization": 2, "AfterDeserialization": 2, "AfterAttempt": 2, "AfterExecution": 1} {
		if count[hook] != want {
			t.Errorf("%s ran %d times, want %d: %v", hook, count[hook], want, events)
		}
	}
	// The token is filled after BeforeExecution, and the hooks after it
	// see it in the input they hold.
	if events[0] != "BeforeExecution in=*testIn{Name}" ||
		events[len(events)-1] != "AfterExecution in=*testIn{Name,Token} req(signed=false) out=*testOut resp=200" {
		t.Errorf("events %v", events)
	}
	if len(srv.requests) != 2 {
		t.Errorf("%d requests", len(srv.requests))
	}

	for _, at := range []string{"BeforeExecution", "BeforeSerialization", "BeforeRetryLoop"} {
		cfg, srv := newTestConfig(t, ok(`{}`))
		hooks := &testutil.Hooks{FailAt: at}
		hooks.Register(&cfg.Interceptors)
		_, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
		if !errors.Is(err, testutil.ErrHook) || len(srv.requests) != 0 {
			t.Errorf("failing %s: %v after %d requests", at, err, len(srv.requests))
		}
	}
}

// TestStackTelemetry checks that a tracer or meter provider alone puts a
// call on the stack and receives the official spans and metrics.
func TestStackTelemetry(t *testing.T) {
	cfg, _ := newTestConfig(t, ok(`{}`))
	tracer, meter := &testutil.Tracer{}, &testutil.Meter{}
	cfg.TracerProvider, cfg.MeterProvider = tracer, meter
	if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range tracer.Spans() {
		name, _, _ := strings.Cut(s, " parent=")
		names = append(names, name)
	}
	want := []string{"Test Service.DoThing", "OperationSerializer", "RetryLoop", "RetryLoop", "Attempt",
		"ResolveAuthScheme", "GetIdentity", "ResolveEndpoint", "ComputePayloadSHA256", "SignRequest", "DoHTTPRequest",
		"OperationDeserializer"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
	instruments := strings.Join(meter.Instruments(), "\n")
	for _, name := range []string{"client.call.duration", "client.call.attempts", "client.call.errors",
		"client.call.serialization_duration", "client.call.auth.resolve_identity_duration",
		"client.call.resolve_endpoint_duration", "client.call.auth.signing_duration",
		"client.call.deserialization_duration"} {
		if !strings.Contains(instruments, name+" ") {
			t.Errorf("no instrument %s in\n%s", name, instruments)
		}
	}
}

// TestStackNoRedirects checks that the stack path follows no redirect,
// as the direct path does.
func TestStackNoRedirects(t *testing.T) {
	other := &script{answers: []func(http.ResponseWriter){ok(`{}`)}}
	otherSrv := httptest.NewServer(other)
	defer otherSrv.Close()
	cfg, srv := newTestConfig(t, answer(307, map[string]string{"Location": otherSrv.URL + "/elsewhere"}, ``))
	cfg.APIOptions = []func(*middleware.Stack) error{noop}
	cfg.HTTPClient = &http.Client{}
	_, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 307 {
		t.Errorf("err = %v", err)
	}
	if len(other.requests) != 0 || len(srv.requests) != 1 {
		t.Errorf("redirect followed: %d %d", len(srv.requests), len(other.requests))
	}
}

// contextLogger records the value of ctxKey in the contexts it is given.
type contextLogger struct {
	mu   sync.Mutex
	seen []string
	ctx  context.Context
}

type ctxKey struct{}

func (l *contextLogger) Logf(logging.Classification, string, ...interface{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v := "none"
	if l.ctx != nil {
		v, _ = l.ctx.Value(ctxKey{}).(string)
	}
	l.seen = append(l.seen, v)
}

func (l *contextLogger) WithContext(ctx context.Context) logging.Logger {
	return &boundLogger{l: l, ctx: ctx}
}

type boundLogger struct {
	l   *contextLogger
	ctx context.Context
}

func (b *boundLogger) Logf(c logging.Classification, format string, v ...interface{}) {
	b.l.mu.Lock()
	b.l.ctx = b.ctx
	b.l.mu.Unlock()
	b.l.Logf(c, format, v...)
}

// TestContextLogger checks that a logging.ContextLogger logs with the
// call's context on both paths.
func TestContextLogger(t *testing.T) {
	for _, apiOptions := range [][]func(*middleware.Stack) error{nil, {noop}} {
		cfg, _ := newTestConfig(t, answer(503, nil, ``), ok(`{}`))
		logger := &contextLogger{}
		cfg.Logger = logger
		cfg.LogMode = aws.LogRequest | aws.LogResponse | aws.LogRetries
		cfg.APIOptions = apiOptions
		ctx := context.WithValue(context.Background(), ctxKey{}, "call")
		if _, _, err := Invoke(ctx, cfg, testOp, &testIn{Name: aws.String("n")}); err != nil {
			t.Fatal(err)
		}
		if len(logger.seen) < 5 {
			t.Errorf("stack %t: %d messages", apiOptions != nil, len(logger.seen))
		}
		for _, v := range logger.seen {
			if v != "call" {
				t.Errorf("stack %t: logged with context value %q", apiOptions != nil, v)
			}
		}
	}
}

// TestReadOnlyBodyAfterClose checks the request body the stack path hands
// the HTTP client, used as smithy-go's ClientHandler and net/http use it:
// the body is closed as soon as the response's headers arrive, and
// net/http's write loop may read it once more afterwards, to check that it
// ends at its Content-Length. That read must end without an error, or
// net/http closes the connection the response is still being read from.
func TestReadOnlyBodyAfterClose(t *testing.T) {
	payload := []byte(`{"Name":"snap"}`)
	req, err := smithyhttp.NewStackRequest().(*smithyhttp.Request).SetStream(bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = int64(len(payload))
	built := req.Build(context.Background())
	readOnlyBody(built)
	sent, err := io.ReadAll(io.LimitReader(built.Body, int64(len(payload))))
	if err != nil || string(sent) != string(payload) {
		t.Fatalf("sent %q, %v", sent, err)
	}
	if err := built.Body.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := io.Copy(io.Discard, built.Body); n != 0 || err != nil {
		t.Errorf("reading the closed body gave %d bytes and %v", n, err)
	}
}

// capturingTransport records the requests it sends.
type capturingTransport struct {
	next http.RoundTripper
	reqs []*http.Request
}

func (c *capturingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	c.reqs = append(c.reqs, req)
	return c.next.RoundTrip(req)
}

// TestStackBodyReplayable checks that net/http can send a stack-path
// request's body again on a fresh connection, as it can the direct path's,
// while the body is the one the operation serializer wrote, and cannot
// once a program's middleware replaced it.
func TestStackBodyReplayable(t *testing.T) {
	replace := func(s *middleware.Stack) error {
		return s.Build.Add(middleware.BuildMiddlewareFunc("replaceBody",
			func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
				req := in.Request.(*smithyhttp.Request)
				replaced, err := req.SetStream(strings.NewReader(`{"Name":"replaced"}`))
				if err != nil {
					return middleware.BuildOutput{}, middleware.Metadata{}, err
				}
				replaced.ContentLength = int64(len(`{"Name":"replaced"}`))
				in.Request = replaced
				return next.HandleBuild(ctx, in)
			}), middleware.After)
	}
	for _, c := range []struct {
		name       string
		options    []func(*middleware.Stack) error
		replayable bool
	}{
		{"serializer's body", []func(*middleware.Stack) error{smithyhttp.AddHeaderValue("X-Custom", "yes")}, true},
		{"body replaced", []func(*middleware.Stack) error{replace}, false},
	} {
		cfg, srv := newTestConfig(t, ok(`{"Value":"v"}`))
		capture := &capturingTransport{next: cfg.HTTPClient.(*http.Client).Transport}
		cfg.HTTPClient = &http.Client{Transport: capture}
		cfg.APIOptions = c.options
		if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(capture.reqs) != 1 || len(srv.requests) != 1 {
			t.Fatalf("%s: %d requests sent, %d received", c.name, len(capture.reqs), len(srv.requests))
		}
		getBody := capture.reqs[0].GetBody
		if (getBody != nil) != c.replayable {
			t.Fatalf("%s: GetBody set %v, want %v", c.name, getBody != nil, c.replayable)
		}
		if getBody == nil {
			continue
		}
		body, err := getBody()
		if err != nil {
			t.Fatal(err)
		}
		again, _ := io.ReadAll(body)
		if sent := srv.bodies[0]; string(again) != sent {
			t.Errorf("%s: GetBody gives %s, the request sent %s", c.name, again, sent)
		}
	}
}
