package memorydb

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/transport"
)

// ServiceID is the SDK identifier of the service.
const ServiceID = "MemoryDB"

// ServiceAPIVersion is the API version the client speaks.
const ServiceAPIVersion = "2021-01-01"

var service = &transport.Service{ID: ServiceID, SigningName: "memorydb", Layout: transport.LayoutSchema}

// Client calls Amazon MemoryDB. It is safe for concurrent use.
type Client struct {
	options Options
	state   *transport.State
	// base is the configuration of a call made without per-call options.
	base transport.Config
}

// New returns a client configured by options and then by optFns, with the
// official client's defaults for what they leave unset.
func New(options Options, optFns ...func(*Options)) *Client {
	options = options.Copy()
	options.setDefaults()
	for _, fn := range optFns {
		fn(&options)
	}
	options.finalize()
	c := &Client{options: options, state: transport.NewState(ServiceID, options.AppID)}
	c.base = c.build(&c.options)
	return c
}

// NewFromConfig returns a client configured by cfg (as loaded by
// config.LoadDefaultConfig), then by cfg.ServiceOptions (called with
// ServiceID and a *Options), then by optFns.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	shared := transport.FromAWSConfig(cfg, ServiceID)
	options := Options{
		Region:                     cfg.Region,
		DefaultsMode:               cfg.DefaultsMode,
		RuntimeEnvironment:         cfg.RuntimeEnvironment,
		HTTPClient:                 cfg.HTTPClient,
		Credentials:                cfg.Credentials,
		APIOptions:                 cfg.APIOptions,
		Logger:                     cfg.Logger,
		ClientLogMode:              cfg.ClientLogMode,
		AppID:                      cfg.AppID,
		DisableClockSkewCorrection: cfg.DisableClockSkewCorrection,
		AuthSchemePreference:       cfg.AuthSchemePreference,
		Retryer:                    shared.Retryer,
		RetryMaxAttempts:           cfg.RetryMaxAttempts,
		RetryMode:                  cfg.RetryMode,
		EndpointResolver:           shared.EndpointResolver,
		Interceptors:               cfg.Interceptors.Copy(),
		BaseEndpoint:               shared.BaseEndpoint,
	}
	options.EndpointOptions.UseDualStackEndpoint = shared.UseDualStack
	options.EndpointOptions.UseFIPSEndpoint = shared.UseFIPS
	return New(options, func(o *Options) {
		for _, fn := range cfg.ServiceOptions {
			fn(ServiceID, o)
		}
		for _, fn := range optFns {
			fn(o)
		}
	})
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options {
	return c.options.Copy()
}

// setDefaults gives options the official client's defaults before the
// functional options run, in the official client's order.
func (o *Options) setDefaults() {
	if o.Logger == nil {
		o.Logger = logging.Nop{}
	}
	o.resolvedDefaultsMode = transport.ResolveDefaultsMode(o.DefaultsMode, o.Region, o.RuntimeEnvironment)
	if o.Retryer == nil {
		o.RetryMode, o.Retryer = transport.ResolveRetryer(o.RetryMode, o.RetryMaxAttempts, o.resolvedDefaultsMode)
	}
	o.HTTPClient = transport.ResolveHTTPClient(o.HTTPClient, o.resolvedDefaultsMode, ServiceID, true)
	if o.HTTPSignerV4 == nil {
		o.HTTPSignerV4 = transport.DefaultSigner(o.Logger, o.ClientLogMode.IsSigning())
	}
	if o.EndpointResolverV2 == nil {
		o.EndpointResolverV2 = NewDefaultEndpointResolverV2()
	}
	if o.TracerProvider == nil {
		o.TracerProvider = &tracing.NopTracerProvider{}
	}
	if o.MeterProvider == nil {
		o.MeterProvider = metrics.NopMeterProvider{}
	}
	if o.AuthSchemeResolver == nil {
		o.AuthSchemeResolver = &defaultAuthSchemeResolver{}
	}
}

// finalize completes options after the functional options ran, as the
// official client does: the attempt limit on the retryer, anonymous
// credentials as none, noAuth after the default auth options, and the
// default SigV4 scheme.
func (o *Options) finalize() {
	if o.RetryMaxAttempts != 0 {
		o.Retryer = transport.WithMaxAttempts(o.Retryer, o.RetryMaxAttempts)
	}
	if transport.IsAnonymous(o.Credentials) {
		o.Credentials = nil
	}
	if _, ok := o.AuthSchemeResolver.(*defaultAuthSchemeResolver); ok {
		o.AuthSchemeResolver = &withAnonymous{resolver: o.AuthSchemeResolver}
	}
	if o.AuthSchemes == nil {
		o.AuthSchemes = []smithyhttp.AuthScheme{
			transport.NewSigV4Scheme(o.HTTPSignerV4, o.Logger, o.ClientLogMode.IsSigning()),
		}
	}
}

// config returns the configuration of a call: the client's own, or one
// built from a copy of its options with optFns applied.
func (c *Client) config(optFns []func(*Options)) transport.Config {
	if len(optFns) == 0 {
		return c.base
	}
	options := c.options.Copy()
	for _, fn := range optFns {
		fn(&options)
	}
	options.Retryer = transport.FinalizeRetryMaxAttempts(options.Retryer, options.RetryMaxAttempts, c.options.RetryMaxAttempts)
	return c.build(&options)
}

// build returns the configuration of calls made with options o.
func (c *Client) build(o *Options) transport.Config {
	cfg := transport.Config{
		Region:                     o.Region,
		Credentials:                o.Credentials,
		HTTPClient:                 o.HTTPClient,
		Retryer:                    o.Retryer,
		Signer:                     o.HTTPSignerV4,
		Logger:                     o.Logger,
		LogMode:                    o.ClientLogMode,
		Validation:                 o.Validation,
		MaxResponseBytes:           o.MaxResponseBytes,
		DisableClockSkewCorrection: o.DisableClockSkewCorrection,
		SigningName:                o.signingName,
		SigningRegion:              o.signingRegion,
		APIOptions:                 o.APIOptions,
		Interceptors:               o.Interceptors,
		TracerProvider:             o.TracerProvider,
		MeterProvider:              o.MeterProvider,
		AppID:                      o.AppID,
		Endpoints: &transport.Endpoints{
			Options:      o.EndpointOptions,
			BaseEndpoint: o.BaseEndpoint,
			V1:           o.EndpointResolver,
		},
		Auth: &transport.Auth{
			Resolver:   authResolverFor(o.AuthSchemeResolver),
			Schemes:    o.AuthSchemes,
			Preference: o.AuthSchemePreference,
		},
		Protocol: o.Protocol,
		State:    c.state,
	}
	cfg.Endpoints.V2, cfg.Endpoints.Rules = endpointResolverFor(o.EndpointResolverV2)
	cfg.Finish()
	return cfg
}

// ResponseTooLargeError is the error of a call whose response body is
// longer than Options.MaxResponseBytes; it is found with errors.As and sits
// inside an *awshttp.ResponseError that carries the status and request ID.
type ResponseTooLargeError = transport.ResponseTooLargeError

// RedirectedError is the error of a call whose HTTP client followed a
// redirect by itself: the answer from the other location is refused. It
// is found with errors.As and sits inside an *awshttp.ResponseError.
type RedirectedError = transport.RedirectedError

// ErrInsecureEndpoint is the error of a call to a plain-http endpoint whose
// host is not loopback, unless EndpointOptions.DisableHTTPS is set.
var ErrInsecureEndpoint = endpoints.ErrInsecureEndpoint
