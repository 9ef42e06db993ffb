package programs

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/tracing"
	"github.com/aws/smithy-go/tracing/smithyoteltracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	gocmp "github.com/google/go-cmp/cmp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/awssnap/awssnap/internal/testutil"
)

// spanLog records, in order, what the context each of a program's
// components was called with says of the call: the current span, and the
// service and operation (awsmiddleware.GetServiceID, GetOperationName).
type spanLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *spanLog) record(ctx context.Context, component string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, component+" in "+describe(ctx))
}

// describe says what ctx holds of the call.
func describe(ctx context.Context) string {
	name := "(none)"
	if span, ok := tracing.GetSpan(ctx); ok {
		name = span.Name()
	}
	return fmt.Sprintf("%s (%s/%s)", name, awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx))
}

// spanRetryer is the standard retryer, noting what the contexts its
// attempt and retry tokens are asked for in say of the call.
type spanRetryer struct {
	aws.RetryerV2
	log *spanLog
}

func (r spanRetryer) GetAttemptToken(ctx context.Context) (func(error) error, error) {
	r.log.record(ctx, "Retryer.GetAttemptToken")
	return r.RetryerV2.GetAttemptToken(ctx)
}

func (r spanRetryer) GetRetryToken(ctx context.Context, opErr error) (func(error) error, error) {
	r.log.record(ctx, "Retryer.GetRetryToken")
	return r.RetryerV2.GetRetryToken(ctx, opErr)
}

// spanLogger is a logging.ContextLogger that notes, for each entry, what
// the context it was given says of the call.
type spanLogger struct {
	log     *spanLog
	context string
}

func (l spanLogger) Logf(logging.Classification, string, ...any) {
	l.log.mu.Lock()
	defer l.log.mu.Unlock()
	l.log.lines = append(l.log.lines, "Logger.Logf in "+cmp.Or(l.context, "(no context)"))
}

func (l spanLogger) WithContext(ctx context.Context) logging.Logger {
	l.context = describe(ctx)
	return l
}

// spanSigner is the SDK's SigV4 signer, noting what the context it signs
// in says of the call.
type spanSigner struct {
	signer *v4.Signer
	log    *spanLog
}

func (s spanSigner) SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	s.log.record(ctx, "HTTPSignerV4.SignHTTP")
	return s.signer.SignHTTP(ctx, credentials, r, payloadHash, service, region, signingTime, optFns...)
}

// spanClient is net/http's default client, noting what each request's
// context says of the call.
type spanClient struct{ log *spanLog }

func (c spanClient) Do(r *http.Request) (*http.Response, error) {
	c.log.record(r.Context(), "HTTPClient.Do")
	return http.DefaultClient.Do(r)
}

// spanHooks is an interceptor at every hook, noting what each hook's
// context says of the call.
type spanHooks struct{ log *spanLog }

func (h spanHooks) record(ctx context.Context, hook string) error {
	h.log.record(ctx, "Interceptor."+hook)
	return nil
}

func (h spanHooks) BeforeExecution(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeExecution")
}

func (h spanHooks) BeforeSerialization(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeSerialization")
}

func (h spanHooks) AfterSerialization(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterSerialization")
}

func (h spanHooks) BeforeRetryLoop(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeRetryLoop")
}

func (h spanHooks) BeforeAttempt(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeAttempt")
}

func (h spanHooks) BeforeSigning(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeSigning")
}

func (h spanHooks) AfterSigning(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterSigning")
}

func (h spanHooks) BeforeTransmit(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeTransmit")
}

func (h spanHooks) AfterTransmit(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterTransmit")
}

func (h spanHooks) BeforeDeserialization(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "BeforeDeserialization")
}

func (h spanHooks) AfterDeserialization(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterDeserialization")
}

func (h spanHooks) AfterAttempt(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterAttempt")
}

func (h spanHooks) AfterExecution(ctx context.Context, _ *smithyhttp.InterceptorContext) error {
	return h.record(ctx, "AfterExecution")
}

// TestComponentSpans calls each operation with a credentials provider, a
// retryer, a SigV4 signer, an HTTP client and a context logger (logging
// requests, responses and retries) of the program's own, for a success, a
// modelled error, a retried throttle and retries running out, on both
// paths: without middleware, and with the OpenTelemetry SDK as the
// TracerProvider (through smithyoteltracing) and an interceptor at every
// hook. It compares what each component found in the context it was
// given: which of the call's spans, and the service and operation, so a
// component that starts spans of its own or tags what it records sees the
// same with both clients.
func TestComponentSpans(t *testing.T) {
	eachScenario(t, func(t *testing.T, s service, answers []answer) {
		for _, stack := range []bool{false, true} {
			run := func(call func(context.Context, aws.Config) error) string {
				log := &spanLog{}
				cfg := scenarioConfig(t, answers, nil)
				cfg.Credentials = aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
					log.record(ctx, "Credentials.Retrieve")
					return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "program"}, nil
				})
				cfg.Retryer = func() aws.Retryer { return spanRetryer{retry.NewStandard(), log} }
				cfg.HTTPClient = spanClient{log}
				cfg.Logger, cfg.ClientLogMode = spanLogger{log: log}, aws.LogRetries|aws.LogRequest|aws.LogResponse
				cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, o any) {
					reflect.ValueOf(o).Elem().FieldByName("HTTPSignerV4").Set(reflect.ValueOf(spanSigner{v4.NewSigner(), log}))
				})
				if stack {
					testutil.RegisterAll(&cfg.Interceptors, spanHooks{log})
					tracer := smithyoteltracing.Adapt(sdktrace.NewTracerProvider())
					cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, o any) {
						reflect.ValueOf(o).Elem().FieldByName("TracerProvider").Set(reflect.ValueOf(tracer))
					})
				}
				err := call(context.Background(), cfg)
				return "error: " + map[bool]string{false: "no", true: "yes"}[err != nil] + "\n" + strings.Join(log.lines, "\n")
			}
			ours, official := run(s.callOurs), run(s.callOfficial)
			if ours != official || !strings.Contains(ours, "HTTPClient.Do in ") {
				t.Errorf("middleware stack %t: components saw different contexts (-official +ours):\n%s", stack, gocmp.Diff(official, ours))
			}
		}
	})
}
