package transport

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/validate"
)

// usesStack reports whether a call runs through the middleware stack: it
// does when it carries middleware, interceptors, or a tracer or meter
// provider that records something. Every other call takes the direct
// path, which has the same effect on the wire at a fraction of the cost.
func usesStack(cfg *Config) bool {
	return len(cfg.APIOptions) > cfg.SigningOptions || hasInterceptors(&cfg.Interceptors) ||
		tracingEnabled(cfg.TracerProvider) || metricsEnabled(cfg.MeterProvider)
}

func hasInterceptors(r *smithyhttp.InterceptorRegistry) bool {
	return len(r.BeforeExecution) > 0 || len(r.BeforeSerialization) > 0 || len(r.AfterSerialization) > 0 ||
		len(r.BeforeRetryLoop) > 0 || len(r.BeforeAttempt) > 0 || len(r.BeforeSigning) > 0 ||
		len(r.AfterSigning) > 0 || len(r.BeforeTransmit) > 0 || len(r.AfterTransmit) > 0 ||
		len(r.BeforeDeserialization) > 0 || len(r.AfterDeserialization) > 0 || len(r.AfterAttempt) > 0 ||
		len(r.AfterExecution) > 0
}

// checkInterceptors returns an error naming the first nil interceptor of
// r, which the stack would otherwise call.
func checkInterceptors(r *smithyhttp.InterceptorRegistry) error {
	return cmp.Or(firstNil("BeforeExecution", r.BeforeExecution), firstNil("BeforeSerialization", r.BeforeSerialization),
		firstNil("AfterSerialization", r.AfterSerialization), firstNil("BeforeRetryLoop", r.BeforeRetryLoop),
		firstNil("BeforeAttempt", r.BeforeAttempt), firstNil("BeforeSigning", r.BeforeSigning),
		firstNil("AfterSigning", r.AfterSigning), firstNil("BeforeTransmit", r.BeforeTransmit),
		firstNil("AfterTransmit", r.AfterTransmit), firstNil("BeforeDeserialization", r.BeforeDeserialization),
		firstNil("AfterDeserialization", r.AfterDeserialization), firstNil("AfterAttempt", r.AfterAttempt),
		firstNil("AfterExecution", r.AfterExecution))
}

// callValues returns ctx with what the official clients put in a call's
// context before its middleware run: smithy-go's service and operation
// and, for a client of the schema layout, the logger, and the SDK's
// service, region as written, operation and whether a legacy endpoint
// resolver is set. The classic layout's middleware add those (its logger
// and service metadata middleware, in Initialize) before anything logs;
// all adds them for either layout.
func callValues(ctx context.Context, cfg *Config, op *operation, all bool) context.Context {
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, op.Service.ID)
	ctx = middleware.WithOperationName(ctx, op.Name)
	if op.Service.Layout != LayoutSchema && !all {
		return ctx
	}
	ctx = middleware.SetLogger(ctx, cfg.Logger)
	ctx = awsmiddleware.SetServiceID(ctx, op.Service.ID)
	if region := cfg.writtenRegion(); region != "" {
		ctx = awsmiddleware.SetRegion(ctx, region)
	}
	ctx = awsmiddleware.SetOperationName(ctx, op.Name)
	if cfg.Endpoints != nil && cfg.Endpoints.V1 != nil {
		ctx = awsmiddleware.SetRequiresLegacyEndpoints(ctx, true)
	}
	return ctx
}

// firstNil returns an error naming the first nil interceptor of list (nil,
// or a nil pointer or function), the registry's list called name.
func firstNil[T any](name string, list []T) error {
	for i, interceptor := range list {
		if any(interceptor) == nil || isNilImplementation(interceptor) {
			return fmt.Errorf("Options.Interceptors.%s[%d] is nil", name, i)
		}
	}
	return nil
}

// stackCall is what the middleware of one call share.
type stackCall struct {
	cfg *Config
	// signingName and signingRegion come from the resolved endpoint; skew
	// is the clock offset learned from the last attempt's response.
	signingName, signingRegion string
	skew                       atomic.Int64
	anonymous                  bool
	// authResolved is set once ResolveAuthScheme has run.
	authResolved bool
	service      *Service
	// auth is the auth scheme of the attempt, and endpointProperties are
	// the resolved endpoint's, which a program's own scheme signs with.
	auth               authChoice
	endpointProperties smithy.Properties
	// logBody is the request body rendered for logs, when they show it.
	logBody []byte
	// payload is the request body the operation serializer wrote, and
	// stream the reader of it that it gave the request; ownBody says
	// whether the attempt being sent still has that body (see replayable).
	payload []byte
	stream  *bytes.Reader
	ownBody bool
	// legacyEndpoint is the endpoint a legacy resolver gave, if one did.
	legacyEndpoint *smithyendpoints.Endpoint
	// callerInput is the input the caller gave, which is never modified.
	callerInput any
}

// invokeStack runs one call through a smithy-go middleware stack laid out
// as the official clients lay it out, so that middleware written for them
// finds the steps, IDs, context values, request and response types it
// expects. Its errors are already *smithy.OperationError values.
func invokeStack(ctx context.Context, cfg *Config, op *operation, params any) (any, middleware.Metadata, error) {
	var metadata middleware.Metadata
	cfg = withFallbacks(cfg)
	chosen, err := choose(cfg, op)
	if err != nil {
		return nil, metadata, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: err}
	}
	op = chosen
	if err := checkInterceptors(&cfg.Interceptors); err != nil {
		return nil, metadata, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: err}
	}
	mw := &callMiddlewares{call: stackCall{cfg: cfg, service: op.Service}}
	sc := &mw.call
	if !cfg.DisableClockSkewCorrection {
		sc.skew.Store(int64(cfg.State.Skew()))
	}
	scopeName := scope(op.Service)

	ctx = callValues(ctx, cfg, op, false)

	stack := middleware.NewStack(op.Name, smithyhttp.NewStackRequest)
	if err := addCommonMiddlewares(stack, sc, &mw.common, op.Service, scopeName); err != nil {
		return nil, metadata, err
	}
	if err := addOperationMiddlewares(stack, mw, op); err != nil {
		return nil, metadata, err
	}
	for i, fn := range cfg.APIOptions {
		if fn == nil {
			return nil, metadata, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name,
				Err: fmt.Errorf("Options.APIOptions[%d] is nil", i)}
		}
		if err := fn(stack); err != nil {
			return nil, metadata, err
		}
	}

	tp := cfg.TracerProvider
	if tp == nil {
		tp = tracing.NopTracerProvider{}
	}
	mp := cfg.MeterProvider
	if mp == nil {
		mp = metrics.NopMeterProvider{}
	}
	ctx, err = withOperationMetrics(ctx, mp, scopeName)
	if err != nil {
		return nil, metadata, err
	}
	tracer := tp.Tracer(scopeName)
	ctx = tracing.WithOperationTracer(ctx, tracer)
	ctx, span := tracer.StartSpan(ctx, op.Service.ID+"."+op.Name, func(o *tracing.SpanOptions) {
		o.Kind = tracing.SpanKindClient
		o.Properties.Set("rpc.system", "aws-api")
		o.Properties.Set("rpc.method", op.Name)
		o.Properties.Set("rpc.service", op.Service.ID)
	})
	endTimer := startMetricTimer(ctx, metricCallDuration)
	defer endTimer()
	defer span.End()

	sc.callerInput = params
	if op.token != nil && *op.token(params) == nil {
		// The token is filled in place, as the official clients fill it, so
		// that interceptors holding the input see it; in a copy, so that
		// the caller's input is not modified.
		params = op.clone(params)
	}
	handler := smithyhttp.NewClientHandlerWithOptions(stackClient(cfg.HTTPClient, sc, op.Idempotent), func(o *smithyhttp.ClientHandler) {
		o.Meter = mp.Meter(scopeName)
	})
	result, metadata, err := middleware.DecorateHandler(handler, stack).Handle(ctx, params)
	if err == nil {
		if reflect.TypeOf(result) != op.outType {
			err = fmt.Errorf("the middleware stack returned a result of type %T, not %v", result, op.outType)
		} else if reflect.ValueOf(result).IsNil() {
			err = fmt.Errorf("the middleware stack returned a nil %v", op.outType)
		}
	}
	if err != nil {
		span.SetProperty("exception.type", fmt.Sprintf("%T", err))
		span.SetProperty("exception.message", err.Error())
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			span.SetProperty("api.error_code", apiErr.ErrorCode())
			span.SetProperty("api.error_message", apiErr.ErrorMessage())
			span.SetProperty("api.error_fault", apiErr.ErrorFault().String())
		}
		err = &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: err}
	}
	span.SetProperty("error", err != nil)
	if err != nil {
		span.SetStatus(tracing.SpanStatusError)
		return nil, metadata, err
	}
	span.SetStatus(tracing.SpanStatusOK)
	return result, metadata, nil
}

// callMiddlewares are the middleware of one call's stack that hold state
// (the call, the configuration, the operation), allocated together.
type callMiddlewares struct {
	call             stackCall
	common           commonMiddlewares
	serializer       operationSerializer
	deserializer     operationDeserializer
	timing           awsmiddleware.RecordResponseTiming
	credentialSource setCredentialSource
	token            idempotencyTokenAutoFill
	validation       inputValidation
	serviceMetadata  awsmiddleware.RegisterServiceMetadata
	logger           requestResponseLogger
	https            disableHTTPS
	resolveV1        resolveEndpointV1
	legacyContext    legacyEndpointContextSetter
}

// commonMiddlewares are those of callMiddlewares that every operation's
// stack holds.
type commonMiddlewares struct {
	auth            resolveAuthScheme
	identity        getIdentity
	endpoint        resolveEndpointV2
	signing         signRequest
	legacySigning   setLegacyContextSigningOptions
	spanRetry       spanRetryLoop
	beforeRetryLoop smithyhttp.InterceptBeforeRetryLoop
	attempt         smithyhttp.InterceptAttempt
}

// addCommonMiddlewares adds what the official clients add to every
// operation's stack, in their order; m holds the ones of this call.
func addCommonMiddlewares(stack *middleware.Stack, sc *stackCall, m *commonMiddlewares, service *Service, scopeName string) error {
	cfg := sc.cfg
	classic := service.Layout == LayoutClassic
	m.auth.call, m.identity.call, m.endpoint.call, m.signing.call, m.legacySigning.call = sc, sc, sc, sc, sc
	if err := stack.Serialize.Add(&setOperationInput{}, middleware.After); err != nil {
		return err
	}
	if err := stack.Finalize.Add(&m.auth, middleware.Before); err != nil {
		return fmt.Errorf("add ResolveAuthScheme: %w", err)
	}
	if err := stack.Finalize.Insert(&m.identity, "ResolveAuthScheme", middleware.After); err != nil {
		return fmt.Errorf("add GetIdentity: %w", err)
	}
	if err := stack.Finalize.Insert(&m.endpoint, "GetIdentity", middleware.After); err != nil {
		return fmt.Errorf("add ResolveEndpointV2: %w", err)
	}
	if err := stack.Finalize.Insert(&m.signing, "ResolveEndpointV2", middleware.After); err != nil {
		return fmt.Errorf("add Signing: %w", err)
	}
	if classic {
		if err := middleware.AddSetLoggerMiddleware(stack, cfg.Logger); err != nil {
			return err
		}
	}
	if err := stack.Build.Add(&awsmiddleware.ClientRequestID{}, middleware.After); err != nil {
		return err
	}
	mp := cfg.MeterProvider
	if mp == nil {
		mp = metrics.NopMeterProvider{}
	}
	attempt := retry.NewAttemptMiddleware(cfg.Retryer, smithyhttp.RequestCloner, func(m *retry.Attempt) {
		m.LogAttempts = cfg.LogMode.IsRetries()
		m.OperationMeter = mp.Meter(scopeName)
		m.ClientSkew = &cfg.State.skew
		m.DisableClockSkewCorrection = cfg.DisableClockSkewCorrection
	})
	if err := stack.Finalize.Insert(attempt, "ResolveAuthScheme", middleware.Before); err != nil {
		return err
	}
	if classic {
		//lint:ignore SA1019 the clients of the classic layout still add it
		if err := stack.Finalize.Insert(&retry.MetricsHeader{}, attempt.ID(), middleware.After); err != nil {
			return err
		}
	}
	if err := stack.Deserialize.Add(&awsmiddleware.AddRawResponse{}, middleware.Before); err != nil {
		return err
	}
	if classic {
		m.spanRetry = spanRetryLoop{tracer: cfg.TracerProvider, scope: scopeName}
		if err := stack.Finalize.Insert(&m.spanRetry, "Retry", middleware.Before); err != nil {
			return err
		}
	}
	ua, err := getOrAddRequestUserAgent(stack)
	if err != nil {
		return err
	}
	ua.AddSDKAgentKeyValue(awsmiddleware.APIMetadata, officialPackage(service), Version)
	if cfg.AppID != "" {
		ua.AddSDKAgentKey(awsmiddleware.ApplicationIdentifier, cfg.AppID)
	}
	if err := stack.Finalize.Insert(&m.legacySigning, "Signing", middleware.Before); err != nil {
		return err
	}
	if service.RPCv2CBOR {
		ua.AddUserAgentFeature(awsmiddleware.UserAgentFeatureProtocolRPCV2CBOR)
	}
	switch cfg.Retryer.(type) {
	case *retry.Standard:
		ua.AddUserAgentFeature(awsmiddleware.UserAgentFeatureRetryModeStandard)
	case *retry.AdaptiveMode:
		ua.AddUserAgentFeature(awsmiddleware.UserAgentFeatureRetryModeAdaptive)
	}
	if err := stack.Build.Add(&awsmiddleware.RecursionDetection{}, middleware.After); err != nil {
		return err
	}
	m.beforeRetryLoop.Interceptors = cfg.Interceptors.BeforeRetryLoop
	if err := stack.Finalize.Insert(&m.beforeRetryLoop, "Retry", middleware.Before); err != nil {
		return err
	}
	m.attempt.BeforeAttempt, m.attempt.AfterAttempt = cfg.Interceptors.BeforeAttempt, cfg.Interceptors.AfterAttempt
	return stack.Finalize.Insert(&m.attempt, "Retry", middleware.After)
}

// addOperationMiddlewares adds what the official clients add for one
// operation, in their order; m holds the ones of this call.
func addOperationMiddlewares(stack *middleware.Stack, m *callMiddlewares, op *operation) error {
	sc := &m.call
	cfg := sc.cfg
	classic := op.Service.Layout == LayoutClassic
	steps := []func() error{
		func() error {
			m.serializer = operationSerializer{call: sc, op: op}
			return stack.Serialize.Add(&m.serializer, middleware.After)
		},
		func() error {
			m.deserializer = operationDeserializer{call: sc, op: op}
			return stack.Deserialize.Add(&m.deserializer, middleware.After)
		},
		func() error {
			if !classic {
				return nil
			}
			m.legacyContext = legacyEndpointContextSetter{legacy: cfg.Endpoints.V1 != nil}
			return stack.Initialize.Add(&m.legacyContext, middleware.Before)
		},
		func() error {
			if !classic {
				return nil
			}
			return stack.Build.Insert(&smithyhttp.ComputeContentLength{}, "ClientRequestID", middleware.After)
		},
		func() error {
			m.resolveV1 = resolveEndpointV1{call: sc}
			return stack.Serialize.Insert(&m.resolveV1, "OperationSerializer", middleware.Before)
		},
		func() error {
			return stack.Finalize.Insert(&v4.ComputePayloadSHA256{}, "ResolveEndpointV2", middleware.After)
		},
		func() error {
			m.timing.DisableClockSkewCorrection = cfg.DisableClockSkewCorrection
			return stack.Deserialize.Add(&m.timing, middleware.After)
		},
		func() error {
			if !classic {
				return nil
			}
			//lint:ignore SA1019 the clients of the classic layout still add it
			return smithyhttp.AddErrorCloseResponseBodyMiddleware(stack)
		},
		func() error {
			if !classic {
				return nil
			}
			//lint:ignore SA1019 the clients of the classic layout still add it
			return smithyhttp.AddCloseResponseBodyMiddleware(stack)
		},
		func() error {
			ua, err := getOrAddRequestUserAgent(stack)
			if err != nil {
				return err
			}
			if !classic {
				addCredentialSources(ua, cfg.Credentials)
				return nil
			}
			m.credentialSource = setCredentialSource{ua: ua, credentials: cfg.Credentials}
			return stack.Build.Insert(&m.credentialSource, "UserAgent", middleware.Before)
		},
		func() error {
			if op.token == nil {
				return nil
			}
			m.token = idempotencyTokenAutoFill{call: &m.call, op: op}
			return stack.Initialize.Add(&m.token, middleware.Before)
		},
		func() error {
			if op.validate == nil || cfg.Validation == validate.Off {
				return nil
			}
			m.validation = inputValidation{op: op, mode: cfg.Validation}
			return stack.Initialize.Add(&m.validation, middleware.After)
		},
		func() error {
			if !classic {
				return nil
			}
			m.serviceMetadata = awsmiddleware.RegisterServiceMetadata{
				Region: cfg.writtenRegion(), ServiceID: op.Service.ID, OperationName: op.Name,
			}
			return stack.Initialize.Add(&m.serviceMetadata, middleware.Before)
		},
		func() error {
			return stack.Deserialize.Insert(&awsmiddleware.RequestIDRetriever{}, "OperationDeserializer", middleware.Before)
		},
		func() error {
			return stack.Deserialize.Insert(&awshttp.ResponseErrorWrapper{}, "RequestIDRetriever", middleware.Before)
		},
		func() error {
			m.logger = requestResponseLogger{call: sc, op: op}
			return stack.Deserialize.Add(&m.logger, middleware.After)
		},
		func() error {
			m.https.call = sc
			return stack.Finalize.Insert(&m.https, "ResolveEndpointV2", middleware.After)
		},
		func() error { return addInterceptors(stack, &cfg.Interceptors) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// addInterceptors adds the interceptor middleware when any hook is
// registered, as the official clients do.
func addInterceptors(stack *middleware.Stack, r *smithyhttp.InterceptorRegistry) error {
	if !hasInterceptors(r) {
		return nil
	}
	return errors.Join(
		stack.Initialize.Add(&smithyhttp.InterceptExecution{
			BeforeExecution: r.BeforeExecution,
			AfterExecution:  r.AfterExecution,
		}, middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptBeforeSerialization{
			Interceptors: r.BeforeSerialization,
		}, "OperationSerializer", middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptAfterSerialization{
			Interceptors: r.AfterSerialization,
		}, "OperationSerializer", middleware.After),
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeSigning{
			Interceptors: r.BeforeSigning,
		}, "Signing", middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAfterSigning{
			Interceptors: r.AfterSigning,
		}, "Signing", middleware.After),
		stack.Deserialize.Add(&smithyhttp.InterceptTransmit{
			BeforeTransmit: r.BeforeTransmit,
			AfterTransmit:  r.AfterTransmit,
		}, middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptBeforeDeserialization{
			Interceptors: r.BeforeDeserialization,
		}, "OperationDeserializer", middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptAfterDeserialization{
			Interceptors: r.AfterDeserialization,
		}, "OperationDeserializer", middleware.Before),
	)
}

// getOrAddRequestUserAgent returns the stack's User-Agent middleware (the
// official type, which awsmiddleware.AddUserAgentKeyValue and friends
// look up), adding it when missing.
func getOrAddRequestUserAgent(stack *middleware.Stack) (*awsmiddleware.RequestUserAgent, error) {
	id := (*awsmiddleware.RequestUserAgent)(nil).ID()
	mw, ok := stack.Build.Get(id)
	if !ok {
		mw = awsmiddleware.NewRequestUserAgent()
		if err := stack.Build.Add(mw, middleware.After); err != nil {
			return nil, err
		}
	}
	ua, ok := mw.(*awsmiddleware.RequestUserAgent)
	if !ok {
		return nil, fmt.Errorf("%T for %s middleware did not match expected type", mw, id)
	}
	return ua, nil
}

type setOperationInput struct{}

func (*setOperationInput) ID() string { return "setOperationInput" }

func (*setOperationInput) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	return next.HandleSerialize(ctx, in)
}

// legacyEndpointContextSetter marks, as the official classic clients do,
// the calls of options with a legacy (version 1) endpoint resolver, which
// resolveEndpointV1 then asks.
type legacyEndpointContextSetter struct{ legacy bool }

func (*legacyEndpointContextSetter) ID() string { return "legacyEndpointContextSetter" }

func (m *legacyEndpointContextSetter) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	if m.legacy {
		ctx = awsmiddleware.SetRequiresLegacyEndpoints(ctx, true)
	}
	return next.HandleInitialize(ctx, in)
}

// resolveEndpointV1 resolves the endpoint with the options' legacy
// (version 1) resolver where the official clients do: before the
// operation's serializer, which adds the operation's path to the
// endpoint's URL, putting the signing name and region, the endpoint's
// source and partition and whether its host may change in the context.
// An aws.EndpointNotFoundError hands the call on to ResolveEndpointV2.
type resolveEndpointV1 struct{ call *stackCall }

func (*resolveEndpointV1) ID() string { return "ResolveEndpoint" }

func (m *resolveEndpointV1) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	out middleware.SerializeOutput, metadata middleware.Metadata, err error,
) {
	if !awsmiddleware.GetRequiresLegacyEndpoints(ctx) {
		return next.HandleSerialize(ctx, in)
	}
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return out, metadata, fmt.Errorf("unknown transport type %T", in.Request)
	}
	e := m.call.cfg.Endpoints
	if e.V1 == nil {
		return out, metadata, ErrNoEndpointResolver
	}
	v1, found, err := e.askLegacy(ctx)
	if err != nil {
		return out, metadata, resolveError(err)
	}
	if !found {
		ctx = awsmiddleware.SetRequiresLegacyEndpoints(ctx, false)
		return next.HandleSerialize(ctx, in)
	}
	endpoint, err := fromLegacy(v1)
	if err != nil {
		return out, metadata, err
	}
	u := endpoint.URI
	req.URL = &u
	//lint:ignore SA1019 the official clients still set it here
	if awsmiddleware.GetSigningName(ctx) == "" {
		name := v1.SigningName
		if name == "" {
			name = m.call.service.SigningName
		}
		//lint:ignore SA1019 the official clients still set it here
		ctx = awsmiddleware.SetSigningName(ctx, name)
	}
	ctx = awsmiddleware.SetEndpointSource(ctx, v1.Source)
	ctx = smithyhttp.SetHostnameImmutable(ctx, v1.HostnameImmutable)
	//lint:ignore SA1019 the official clients still set it here
	ctx = awsmiddleware.SetSigningRegion(ctx, v1.SigningRegion)
	ctx = awsmiddleware.SetPartitionID(ctx, v1.PartitionID)
	m.call.legacyEndpoint = &endpoint
	return next.HandleSerialize(ctx, in)
}

// idempotencyTokenAutoFill fills a nil idempotency token in place, as the
// official clients fill it, in the copy of the caller's input the call
// made for it or in an input a program's middleware made; only the
// caller's own input is filled in a copy.
type idempotencyTokenAutoFill struct {
	call *stackCall
	op   *operation
}

func (*idempotencyTokenAutoFill) ID() string { return "OperationIdempotencyTokenAutoFill" }

func (m *idempotencyTokenAutoFill) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	out middleware.InitializeOutput, metadata middleware.Metadata, err error,
) {
	if reflect.TypeOf(in.Parameters) != m.op.inType || reflect.ValueOf(in.Parameters).IsNil() {
		// As the official clients word it, space included.
		return out, metadata, fmt.Errorf("expected middleware input to be of type *%s ", m.op.InputName)
	}
	if in.Parameters == m.call.callerInput {
		// The caller's own input, handed back by a program's middleware.
		if in.Parameters, err = fillToken(m.call.cfg, m.op, in.Parameters); err != nil {
			return out, metadata, err
		}
	} else if token := m.op.token(in.Parameters); *token == nil {
		// The call's copy, or an input a program's middleware made.
		if *token, err = newToken(m.call.cfg); err != nil {
			return out, metadata, err
		}
	}
	return next.HandleInitialize(ctx, in)
}

// inputValidation checks the input against the model's constraints.
type inputValidation struct {
	op   *operation
	mode validate.Mode
}

func (*inputValidation) ID() string { return "OperationInputValidation" }

func (m *inputValidation) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	out middleware.InitializeOutput, metadata middleware.Metadata, err error,
) {
	if reflect.TypeOf(in.Parameters) != m.op.inType {
		return out, metadata, fmt.Errorf("unknown input parameters type %T", in.Parameters)
	}
	if err := check(m.op, in.Parameters, m.mode); err != nil {
		return out, metadata, err
	}
	return next.HandleInitialize(ctx, in)
}

// operationSerializer writes the operation's request into the stack's
// *smithyhttp.Request.
type operationSerializer struct {
	call *stackCall
	op   *operation
}

func (*operationSerializer) ID() string { return "OperationSerializer" }

func (m *operationSerializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	out middleware.SerializeOutput, metadata middleware.Metadata, err error,
) {
	if m.op.Service.Layout == LayoutSchema {
		// The schema-driven serializers check the request's type before
		// their span starts, and end the span once, when the request is
		// built or has failed to be.
		if _, ok := in.Request.(*smithyhttp.Request); !ok {
			return out, metadata, fmt.Errorf("unexpected transport type %T", in.Request)
		}
		if reflect.TypeOf(in.Parameters) != m.op.inType || reflect.ValueOf(in.Parameters).IsNil() {
			// As the official clients word it, naming the request's type.
			return out, metadata, fmt.Errorf("input %T is not Serializable", in.Request)
		}
		_, span := tracing.StartSpan(ctx, "OperationSerializer")
		endTimer := startMetricTimer(ctx, metricSerialization)
		err = m.serialize(&in)
		endTimer()
		span.End()
		if err != nil {
			return out, metadata, err
		}
		return next.HandleSerialize(ctx, in)
	}
	// The classic ones end it when the request is built, and again, by a
	// deferred call, when the call returns through them.
	_, span := tracing.StartSpan(ctx, "OperationSerializer")
	endTimer := startMetricTimer(ctx, metricSerialization)
	defer endTimer()
	defer span.End()
	if err := m.serialize(&in); err != nil {
		return out, metadata, err
	}
	endTimer()
	span.End()
	return next.HandleSerialize(ctx, in)
}

// serialize builds the operation's request into in.Request.
func (m *operationSerializer) serialize(in *middleware.SerializeInput) error {
	request, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	params := in.Parameters
	if reflect.TypeOf(params) != m.op.inType {
		return &smithy.SerializationError{Err: fmt.Errorf("unknown input parameters type %T", params)}
	}
	req, err := encodeRequest(m.op, params)
	if err != nil {
		return err
	}
	if m.call.cfg.LogMode.IsRequestWithBody() {
		m.call.logBody = redactedBody(m.op, params, req.Payload())
	}
	path, rawPath := req.Path()
	request.Method = m.op.Binding.Method
	// Over what a middleware (or a legacy endpoint) may have set.
	if err := setOperationPath(request.URL, m.op.cbor, path, rawPath); err != nil {
		return err
	}
	for _, h := range m.op.Binding.Headers() {
		request.Header[h.Name] = append([]string(nil), h.Values...)
	}
	m.call.payload = req.Payload()
	m.call.stream = bytes.NewReader(m.call.payload)
	if request, err = request.SetStream(m.call.stream); err != nil {
		return &smithy.SerializationError{Err: err}
	}
	in.Request = request
	return nil
}

// readAndClosed is, on the stack path, a response body the deserializer
// has read (or drained) and closed. The deserializers of the official
// clients of the schema layout drain and close the body themselves; those
// of the classic layout leave it open, and their CloseResponseBody
// middlewares, which follow the deserializer here too, drain and close
// it. To those middlewares this body is drained (a read gives io.EOF, so
// they warn of nothing) and closing it closes nothing a second time. Once
// closed, a read gives the closed body's own error (net/http's "read on
// closed response body"), so a program reading the raw response's body
// after the call finds it closed, as with the official clients.
type readAndClosed struct {
	io.ReadCloser
	closed bool
}

// closedAfterReading wraps body, which the deserializer of op has read
// and closed, for the middlewares that follow (see readAndClosed).
func closedAfterReading(body io.ReadCloser, op *operation) *readAndClosed {
	return &readAndClosed{ReadCloser: body, closed: op.Service.Layout != LayoutClassic}
}

// Read reads nothing: before Close it gives io.EOF; after, it asks the
// closed body for nothing and returns its error, or io.EOF when there is
// none.
func (b *readAndClosed) Read(p []byte) (int, error) {
	if b.closed {
		if _, err := b.ReadCloser.Read(p[:0]); err != nil {
			return 0, err
		}
	}
	return 0, io.EOF
}

// Close records that the body was closed, which it already is.
func (b *readAndClosed) Close() error {
	b.closed = true
	return nil
}

// operationDeserializer reads the *smithyhttp.Response into the
// operation's output or typed error.
type operationDeserializer struct {
	call *stackCall
	op   *operation
}

func (*operationDeserializer) ID() string { return "OperationDeserializer" }

func (m *operationDeserializer) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	out middleware.DeserializeOutput, metadata middleware.Metadata, err error,
) {
	out, metadata, err = next.HandleDeserialize(ctx, in)
	if skew, ok := awsmiddleware.GetAttemptSkew(metadata); ok && !m.call.cfg.DisableClockSkewCorrection {
		m.call.skew.Store(int64(skew))
	}
	limit := m.call.cfg.responseLimit()
	if err != nil {
		if response, ok := out.RawResponse.(*smithyhttp.Response); ok && response != nil && response.Body != nil {
			discardBody(ctx, response.Response, limit, m.op, nil, err)
			response.Body = closedAfterReading(response.Body, m.op)
		}
		return out, metadata, err
	}
	schema := m.op.Service.Layout == LayoutSchema
	response, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok && schema {
		// The schema-driven deserializers check the response's type
		// before their span starts.
		return out, metadata, &smithy.DeserializationError{Err: fmt.Errorf("unknown transport type %T", out.RawResponse)}
	}
	_, span := tracing.StartSpan(ctx, "OperationDeserializer")
	endTimer := startMetricTimer(ctx, metricDeserialization)
	defer endTimer()
	defer span.End()
	if !ok {
		return out, metadata, &smithy.DeserializationError{Err: fmt.Errorf("unknown transport type %T", out.RawResponse)}
	}
	success := response.StatusCode >= 200 && response.StatusCode < 300
	output, err := m.deserialize(ctx, response, limit, success)
	// Interceptors and middleware see the output with an error too: the
	// schema-driven deserializers hand back theirs, empty or as far as it
	// was read, after any response; the classic ones after a successful
	// status, before they read the body.
	if schema || success {
		if output == nil {
			output = m.op.newOut()
		}
		out.Result = output
	}
	if err != nil {
		return out, metadata, err
	}
	if !schema {
		// The classic deserializers end their span here, and again when
		// they return.
		span.End()
	}
	return out, metadata, nil
}

// deserialize reads the response into the operation's output, or its
// typed error. With an error, the output is nil or as far as it was read.
func (m *operationDeserializer) deserialize(ctx context.Context, response *smithyhttp.Response, limit int64, success bool) (any, error) {
	body, warnings, err := readResponse(ctx, response.Response, limit, m.op)
	response.Body = closedAfterReading(response.Body, m.op)
	warnings.log(ctx, nil, false)
	if err != nil {
		return nil, err
	}
	if !success {
		return nil, apiErrorOf(m.op, response.Header, body)
	}
	output, err := m.op.decode(body)
	if err != nil {
		return output, err
	}
	warnings.log(ctx, nil, true)
	return output, nil
}

// resolveAuthScheme picks the auth scheme of the call as the official
// clients do (see chooseAuth).
type resolveAuthScheme struct{ call *stackCall }

func (*resolveAuthScheme) ID() string { return "ResolveAuthScheme" }

func (m *resolveAuthScheme) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	_, span := tracing.StartSpan(ctx, "ResolveAuthScheme")
	defer span.End()
	m.call.auth, err = chooseAuth(ctx, m.call.cfg, middleware.GetOperationName(ctx), m.call.service.SigningName)
	if err != nil {
		return out, metadata, err
	}
	m.call.anonymous, m.call.authResolved = m.call.auth.anonymous, true
	span.SetProperty("auth.scheme_id", m.call.auth.SchemeID())
	span.End()
	return next.HandleFinalize(ctx, in)
}

func (m *stackCall) schemeID() string {
	return m.auth.SchemeID()
}

type identityKey struct{}

// schemeIdentityKey holds the identity a program's own auth scheme found.
type schemeIdentityKey struct{}

// errNoAuthScheme and errNoIdentity are the official clients' errors of a
// call whose stack lost the middleware that resolves the auth scheme or
// the identity (a program removed it).
var (
	errNoAuthScheme = errors.New("no resolved auth scheme")
	errNoIdentity   = errors.New("no identity")
)

// getIdentity retrieves the call's credentials.
type getIdentity struct{ call *stackCall }

func (*getIdentity) ID() string { return "GetIdentity" }

func (m *getIdentity) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	innerCtx, span := tracing.StartSpan(ctx, "GetIdentity")
	defer span.End()
	if !m.call.authResolved {
		return out, metadata, errNoAuthScheme
	}
	var creds aws.Credentials
	var identity smithyauth.Identity
	if !m.call.anonymous {
		creds, err = timeOperationMetric(ctx, metricResolveIdentity, func() (aws.Credentials, error) {
			var creds aws.Credentials
			var err error
			identity, creds, err = m.call.auth.identity(innerCtx, m.call.cfg)
			return creds, err
		}, func(o *metrics.RecordMetricOptions) {
			o.Properties.Set("auth.scheme_id", m.call.schemeID())
		})
		if err != nil {
			return out, metadata, fmt.Errorf("get identity: %w", err)
		}
	}
	ctx = middleware.WithStackValue(ctx, identityKey{}, creds)
	if identity != nil {
		ctx = middleware.WithStackValue(ctx, schemeIdentityKey{}, identity)
	}
	span.End()
	return next.HandleFinalize(ctx, in)
}

// resolveEndpointV2 resolves the endpoint and points the request at it.
type resolveEndpointV2 struct{ call *stackCall }

func (*resolveEndpointV2) ID() string { return "ResolveEndpointV2" }

func (m *resolveEndpointV2) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	_, span := tracing.StartSpan(ctx, "ResolveEndpoint")
	defer span.End()
	cfg := m.call.cfg
	if awsmiddleware.GetRequiresLegacyEndpoints(ctx) {
		// Resolved by the legacy resolver before the serializer, as in the
		// official clients; the request holds its URL and the context its
		// signing name and region.
		if legacy := m.call.legacyEndpoint; legacy != nil {
			name, region := m.call.auth.sigV4Defaults(m.call.service.SigningName, cfg.Region)
			m.call.signingName, m.call.signingRegion = endpoints.Signing(legacy, name, region)
			m.call.endpointProperties = legacy.Properties
		}
		return next.HandleFinalize(ctx, in)
	}
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return out, metadata, fmt.Errorf("unknown transport type %T", in.Request)
	}
	endpoint, err := timeOperationMetric(ctx, metricResolveEndpoint, func() (smithyendpoints.Endpoint, error) {
		return cfg.Endpoints.resolveV2(ctx, cfg.State)
	})
	if err != nil {
		return out, metadata, resolveError(err)
	}
	// Redacted: a password in the endpoint's URL stays out of the trace.
	span.SetProperty("client.call.resolved_endpoint", endpoint.URI.Redacted())
	if endpoint.URI.RawPath == "" && req.URL.RawPath != "" {
		endpoint.URI.RawPath = endpoint.URI.Path
	}
	req.URL.Scheme = endpoint.URI.Scheme
	req.URL.Host = endpoint.URI.Host
	req.URL.Path = smithyhttp.JoinPath(endpoint.URI.Path, req.URL.Path)
	req.URL.RawPath = smithyhttp.JoinPath(endpoint.URI.RawPath, req.URL.RawPath)
	for k := range endpoint.Headers {
		req.Header.Set(k, endpoint.Headers.Get(k))
	}
	if !m.call.authResolved {
		return out, metadata, errNoAuthScheme
	}
	name, region := m.call.auth.sigV4Defaults(m.call.service.SigningName, cfg.Region)
	m.call.signingName, m.call.signingRegion = endpoints.Signing(&endpoint, name, region)
	m.call.endpointProperties = endpoint.Properties
	if HostnameImmutable(&endpoint) {
		ctx = smithyhttp.SetHostnameImmutable(ctx, true)
	}
	span.End()
	return next.HandleFinalize(ctx, in)
}

// disableHTTPS switches the request to plain http when the options ask
// for it, and otherwise refuses plain http to hosts other than loopback.
type disableHTTPS struct{ call *stackCall }

func (*disableHTTPS) ID() string { return "disableHTTPS" }

func (m *disableHTTPS) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return out, metadata, fmt.Errorf("unknown transport type %T", in.Request)
	}
	allow := m.call.cfg.DisableHTTPS
	if allow && !smithyhttp.GetHostnameImmutable(ctx) {
		req.URL.Scheme = "http"
	}
	if err := checkScheme(req.URL, allow); err != nil {
		return out, metadata, err
	}
	return next.HandleFinalize(ctx, in)
}

// setLegacyContextSigningOptions lets a signing name or region set in the
// context by earlier middleware override the endpoint's.
type setLegacyContextSigningOptions struct{ call *stackCall }

func (*setLegacyContextSigningOptions) ID() string { return "setLegacyContextSigningOptions" }

func (m *setLegacyContextSigningOptions) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	if !m.call.anonymous {
		//lint:ignore SA1019 the official clients still honour it here
		if name := awsmiddleware.GetSigningName(ctx); name != "" {
			m.call.signingName = name
		}
		//lint:ignore SA1019 the official clients still honour it here
		if region := awsmiddleware.GetSigningRegion(ctx); region != "" {
			m.call.signingRegion = region
		}
	}
	return next.HandleFinalize(ctx, in)
}

// signRequest signs the request of an attempt with SigV4.
type signRequest struct{ call *stackCall }

func (*signRequest) ID() string { return "Signing" }

func (m *signRequest) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	_, span := tracing.StartSpan(ctx, "SignRequest")
	defer span.End()
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return out, metadata, fmt.Errorf("unexpected transport type %T", in.Request)
	}
	if !m.call.authResolved {
		return out, metadata, errNoAuthScheme
	}
	if middleware.GetStackValue(ctx, identityKey{}) == nil {
		return out, metadata, errNoIdentity
	}
	if m.call.auth.scheme != nil {
		identity, _ := middleware.GetStackValue(ctx, schemeIdentityKey{}).(smithyauth.Identity)
		_, err = timeOperationMetric(ctx, metricSigning, func() (struct{}, error) {
			return struct{}{}, m.call.auth.signWithScheme(ctx, m.call.cfg, req, identity, m.call.endpointProperties, v4.GetPayloadHash(ctx))
		}, func(o *metrics.RecordMetricOptions) {
			o.Properties.Set("auth.scheme_id", m.call.schemeID())
		})
		if err != nil {
			return out, metadata, err
		}
	} else if !m.call.anonymous {
		creds, _ := middleware.GetStackValue(ctx, identityKey{}).(aws.Credentials)
		cfg := m.call.cfg
		name, region := m.call.signingName, m.call.signingRegion
		if cfg.SigningName != "" {
			name = cfg.SigningName
		}
		if cfg.SigningRegion != "" {
			region = cfg.SigningRegion
		}
		signingTime := time.Now().UTC().Add(time.Duration(m.call.skew.Load()))
		_, err = timeOperationMetric(ctx, metricSigning, func() (struct{}, error) {
			if m.call.auth.option != nil {
				endpoint := smithyendpoints.Endpoint{Properties: m.call.endpointProperties}
				//lint:ignore SA1019 the official clients still honour them here
				if err := m.call.auth.requireSigning(&endpoint, cfg, awsmiddleware.GetSigningName(ctx), awsmiddleware.GetSigningRegion(ctx)); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, sign(ctx, cfg, creds, req.Request, v4.GetPayloadHash(ctx), name, region, signingTime)
		}, func(o *metrics.RecordMetricOptions) {
			o.Properties.Set("auth.scheme_id", m.call.schemeID())
		})
		if err != nil {
			return out, metadata, fmt.Errorf("sign request: %w", err)
		}
	}
	span.End()
	return next.HandleFinalize(ctx, in)
}

// setCredentialSource reports the credential sources in the User-Agent,
// as the official clients do.
type setCredentialSource struct {
	ua          *awsmiddleware.RequestUserAgent
	credentials aws.CredentialsProvider
}

func (*setCredentialSource) ID() string { return "SetCredentialSourceMiddleware" }

func (m *setCredentialSource) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	addCredentialSources(m.ua, m.credentials)
	return next.HandleBuild(ctx, in)
}

// addCredentialSources reports the sources of credentials in the
// User-Agent.
func addCredentialSources(ua *awsmiddleware.RequestUserAgent, credentials aws.CredentialsProvider) {
	if source, ok := credentials.(aws.CredentialProviderSource); ok {
		for _, s := range source.ProviderSources() {
			ua.AddCredentialsSource(s)
		}
	}
}

// spanRetryLoop opens the RetryLoop span around the retry middleware.
type spanRetryLoop struct {
	tracer tracing.TracerProvider
	scope  string
}

func (*spanRetryLoop) ID() string { return "spanRetryLoop" }

func (m *spanRetryLoop) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	tp := m.tracer
	if tp == nil {
		tp = tracing.NopTracerProvider{}
	}
	ctx, span := tp.Tracer(m.scope).StartSpan(ctx, "RetryLoop")
	defer span.End()
	return next.HandleFinalize(ctx, in)
}

// requestResponseLogger logs what the client's log mode asks for, with
// secrets withheld, as the direct path does.
type requestResponseLogger struct {
	call *stackCall
	op   *operation
}

func (*requestResponseLogger) ID() string { return "RequestResponseLogger" }

func (m *requestResponseLogger) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	out middleware.DeserializeOutput, metadata middleware.Metadata, err error,
) {
	mode := m.call.cfg.LogMode
	logger := middleware.GetLogger(ctx)
	if req, ok := in.Request.(*smithyhttp.Request); ok {
		// The innermost of this client's middleware sees the request as it
		// is sent.
		m.call.ownBody = m.call.stream != nil && req.GetStream() == io.Reader(m.call.stream)
		if mode.IsRequest() || mode.IsRequestWithBody() {
			body := m.call.logBody
			if mode.IsRequestWithBody() && !m.call.ownBody {
				// A program's middleware replaced the body: the log shows the
				// one sent, read as the official logger reads it, and the
				// request is sent with what was read.
				var err error
				if body, req, err = readReplacedBody(req, m.op); err != nil {
					logger.Logf(logging.Warn, "failed to dump request for logging: %v", err)
					return out, metadata, err
				}
				in.Request = req
			}
			logger.Logf(logDebug, "Request\n%v", requestLog(req.Request, body))
		}
	}
	out, metadata, err = next.HandleDeserialize(ctx, in)
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	// As the official middleware: a response that came with an error is
	// not logged.
	if err != nil || !ok || resp.Response == nil || !(mode.IsResponse() || mode.IsResponseWithBody()) {
		return out, metadata, err
	}
	var body string
	if mode.IsResponseWithBody() && resp.Body != nil {
		limit := m.call.cfg.responseLimit()
		if err := dumpResponse(ctx, resp.Response, limit, m.op, logger); err != nil {
			return out, metadata, err // the deserializer closes the body
		}
		if !m.op.SensitiveOutput {
			// The body is in memory now, and within the limit.
			body, _ = readBody(resp.Response, limit)
			resp.Body = io.NopCloser(strings.NewReader(body))
		}
	}
	logger.Logf(logDebug, "Response\n%v", responseLog(resp.Response, body, mode.IsResponseWithBody(), m.op.SensitiveOutput))
	return out, metadata, err
}

// readReplacedBody reads the body a program's middleware gave req, and
// returns it for the request log with req sending what was read. Of an
// operation whose input has sensitive members, the body is withheld from
// the log: it may hold them, and cannot be redacted here.
func readReplacedBody(req *smithyhttp.Request, op *operation) ([]byte, *smithyhttp.Request, error) {
	stream := req.GetStream()
	if stream == nil {
		return []byte{}, req, nil
	}
	body, err := io.ReadAll(stream)
	if err != nil {
		return nil, req, err
	}
	if req, err = req.SetStream(bytes.NewReader(body)); err != nil {
		return nil, req, err
	}
	if op.SensitiveInput {
		return []byte("<body withheld: a program's middleware replaced it, and the input has sensitive members>"), req, nil
	}
	return body, req, nil
}

// replayable lets net/http send req's body again on a fresh connection when
// a reused one turns out to be closed before the request was written, as
// the direct path lets it (see call.send), while the body is still the one
// the operation serializer wrote. Without it such a request fails, and
// keepFromRetry keeps a create from being retried. A body a program's
// middleware replaced is sent as it is, once.
func (c *stackCall) replayable(req *http.Request) {
	if !c.ownBody {
		return
	}
	payload := c.payload
	req.GetBody = func() (io.ReadCloser, error) { return newBodyReader(payload), nil }
}

// readOnlyBody hands the HTTP client req's body through Read alone.
//
// smithy-go's ClientHandler closes the body it built as soon as the HTTP
// client returns the response's headers, while net/http's write loop may
// still read the body once more, to check that it ends at its
// Content-Length. Read from the closed body returns io.EOF, which ends
// that check; but the body smithy-go builds over a *bytes.Reader is an
// io.WriterTo, which net/http would read with WriteTo, and that returns
// io.EOF as an error once the body is closed: net/http then closes the
// connection under the response being read.
func readOnlyBody(req *http.Request) {
	if req.Body != nil && req.Body != http.NoBody {
		req.Body = readOnly{req.Body}
	}
}

// readOnly is a request body without the methods of the body it wraps
// other than Read and Close.
type readOnly struct{ body io.ReadCloser }

func (r readOnly) Read(p []byte) (int, error) { return r.body.Read(p) }
func (r readOnly) Close() error               { return r.body.Close() }

// stackClient returns the HTTP client of a stack-path call, sending as the
// direct path sends (see call.send and attemptOnce):
//   - it follows no redirect: an *http.Client is used through a copy that
//     refuses them, and a response another client fetched from elsewhere
//     is refused;
//   - it hands the request body through Read alone (see readOnlyBody), and
//     an *http.Client may send it again (see replayable);
//   - a response without a body is read as an empty one;
//   - a failure after the request may have reached the service is retried
//     only for an idempotent operation (see keepFromRetry); one before
//     net/http had a connection for it is known not to have (see
//     connTrace).
func stackClient(client HTTPClient, call *stackCall, idempotent bool) smithyhttp.ClientDo {
	hc, isHTTPClient := client.(*http.Client)
	if isHTTPClient {
		hc = refusingRedirects(hc)
	}
	var conns *connTrace
	if !idempotent && tracesConnections(client) {
		conns = newConnTrace()
	}
	return smithyhttp.ClientDoFunc(func(req *http.Request) (*http.Response, error) {
		if conns != nil {
			req = req.WithContext(conns.attach(req.Context()))
		}
		readOnlyBody(req)
		var resp *http.Response
		var err error
		if isHTTPClient {
			call.replayable(req)
			resp, err = hc.Do(req)
		} else {
			resp, err = checkedResponse(req, client)
		}
		if err != nil && keepFromRetry(err, idempotent || conns.neverConnected()) {
			return resp, &transportFailure{Err: err}
		}
		return resp, err
	})
}

// checkedResponse sends req through a program's own HTTP client, which may
// return neither a response nor an error, a response without a body, a
// response with an error (handed on with it, as the official clients hand
// it on: the deserializer drains and closes its body), or one it fetched
// by following a redirect (which is refused).
func checkedResponse(req *http.Request, client HTTPClient) (*http.Response, error) {
	resp, err := client.Do(req)
	if resp != nil && resp.Body == nil {
		resp.Body = http.NoBody // as the direct path reads a response without one
	}
	if err != nil {
		return resp, err
	}
	if resp == nil {
		return nil, errors.New("the HTTP client returned neither a response nor an error")
	}
	if err := checkOrigin(req, resp); err != nil {
		_ = resp.Body.Close()
		return nil, err
	}
	return resp, nil
}
