package transport

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/validate"
)

// OptionFields points at the fields of a service's Options that the shared
// client code reads and sets. Each service declares its own Options struct,
// with the official client's field names, and says where its fields are.
type OptionFields struct {
	APIOptions                 *[]func(*middleware.Stack) error
	AppID                      *string
	BaseEndpoint               **string
	ClientLogMode              *aws.ClientLogMode
	Credentials                *aws.CredentialsProvider
	DisableClockSkewCorrection *bool
	EndpointOptions            *endpoints.ResolverOptions
	HTTPClient                 *HTTPClient
	HTTPSignerV4               *Signer
	Logger                     *logging.Logger
	MaxResponseBytes           *int64
	Region                     *string
	RetryMaxAttempts           *int
	RetryMode                  *aws.RetryMode
	Retryer                    *aws.Retryer
	Validation                 *validate.Mode
	// Protocol is nil for a service whose Options have no Protocol field.
	Protocol *smithyhttp.ClientProtocol
	// Tokens is nil for a service without idempotency tokens.
	Tokens *TokenProvider
	// SigningName and SigningRegion hold the overrides set by
	// WithSigV4SigningName and WithSigV4SigningRegion.
	SigningName, SigningRegion *string
}

// ClientSpec declares what is particular to a service's client.
type ClientSpec[O any] struct {
	ServiceID string
	// Fields returns where the shared fields of options are.
	Fields func(options *O) OptionFields
	// Defaults sets the service's own defaults (its endpoint resolver) on
	// options that leave them unset.
	Defaults func(options *O)
	// PureResolver reports whether the options' endpoint resolver is the
	// service's default one (or unset), whose results depend only on the
	// endpoint key and may be cached.
	PureResolver func(options *O) bool
	// Resolve resolves the endpoint for key with the options' resolver,
	// or the default one when it is unset.
	Resolve func(ctx context.Context, options *O, key EndpointKey) (smithyendpoints.Endpoint, error)
}

// Client is the part of a service client that every service shares: its
// options, its state, and the building of each call's Config.
type Client[O any] struct {
	spec    *ClientSpec[O]
	options O
	state   *State
	source  endpointSource[O]
}

// NewClient returns a client configured by options and then by optFns,
// with the official clients' defaults for what they leave unset.
func NewClient[O any](spec *ClientSpec[O], options O, optFns []func(*O)) *Client[O] {
	f := spec.Fields(&options)
	*f.APIOptions = append([]func(*middleware.Stack) error(nil), *f.APIOptions...)
	if *f.Logger == nil {
		*f.Logger = logging.Nop{}
	}
	if *f.Retryer == nil {
		*f.Retryer = DefaultRetryer(*f.RetryMode, *f.RetryMaxAttempts)
	}
	if *f.HTTPClient == nil {
		*f.HTTPClient = DefaultHTTPClient()
	}
	if *f.HTTPSignerV4 == nil {
		*f.HTTPSignerV4 = DefaultSigner(*f.Logger, f.ClientLogMode.IsSigning())
	}
	if f.Tokens != nil && *f.Tokens == nil {
		*f.Tokens = DefaultTokens()
	}
	spec.Defaults(&options)
	for _, fn := range optFns {
		fn(&options)
	}
	if *f.RetryMaxAttempts != 0 {
		*f.Retryer = WithMaxAttempts(*f.Retryer, *f.RetryMaxAttempts)
	}
	c := &Client[O]{spec: spec, options: options, state: NewState(spec.ServiceID, *f.AppID)}
	c.source = endpointSource[O]{spec: spec, options: &c.options}
	return c
}

// NewClientFromConfig returns a client configured by cfg (as loaded by
// config.LoadDefaultConfig), then by cfg.ServiceOptions, then by optFns.
func NewClientFromConfig[O any](spec *ClientSpec[O], cfg aws.Config, optFns []func(*O)) *Client[O] {
	shared := FromAWSConfig(cfg, spec.ServiceID)
	var options O
	f := spec.Fields(&options)
	*f.Region = cfg.Region
	*f.HTTPClient = cfg.HTTPClient
	*f.Credentials = cfg.Credentials
	*f.APIOptions = cfg.APIOptions
	*f.Logger = cfg.Logger
	*f.ClientLogMode = cfg.ClientLogMode
	*f.AppID = cfg.AppID
	*f.DisableClockSkewCorrection = cfg.DisableClockSkewCorrection
	*f.RetryMaxAttempts = cfg.RetryMaxAttempts
	*f.RetryMode = cfg.RetryMode
	*f.Retryer = shared.Retryer
	*f.BaseEndpoint = shared.BaseEndpoint
	f.EndpointOptions.UseFIPSEndpoint = shared.UseFIPS
	f.EndpointOptions.UseDualStackEndpoint = shared.UseDualStack
	configFns := make([]func(*O), 0, len(cfg.ServiceOptions)+len(optFns))
	for _, fn := range cfg.ServiceOptions {
		configFns = append(configFns, func(o *O) { fn(spec.ServiceID, o) })
	}
	return NewClient(spec, options, append(configFns, optFns...))
}

// Options returns a copy of the client's options.
func (c *Client[O]) Options() O {
	options := c.options
	f := c.spec.Fields(&options)
	*f.APIOptions = append([]func(*middleware.Stack) error(nil), *f.APIOptions...)
	return options
}

// Config returns the configuration of one call: the client's options, or
// a copy with optFns applied.
func (c *Client[O]) Config(optFns []func(*O)) Config {
	if len(optFns) == 0 {
		return c.config(&c.source)
	}
	options := c.Options()
	for _, fn := range optFns {
		fn(&options)
	}
	f := c.spec.Fields(&options)
	if v := *f.RetryMaxAttempts; v != 0 && v != *c.spec.Fields(&c.options).RetryMaxAttempts {
		*f.Retryer = WithMaxAttempts(*f.Retryer, v)
	}
	return c.config(&endpointSource[O]{spec: c.spec, options: &options})
}

func (c *Client[O]) config(source *endpointSource[O]) Config {
	f := c.spec.Fields(source.options)
	region, _, _, _ := endpointSettings(f)
	cfg := Config{
		Region:                     region,
		Credentials:                *f.Credentials,
		HTTPClient:                 *f.HTTPClient,
		Retryer:                    *f.Retryer,
		Signer:                     *f.HTTPSignerV4,
		Logger:                     *f.Logger,
		LogMode:                    *f.ClientLogMode,
		Validation:                 *f.Validation,
		MaxResponseBytes:           *f.MaxResponseBytes,
		DisableHTTPS:               f.EndpointOptions.DisableHTTPS,
		DisableClockSkewCorrection: *f.DisableClockSkewCorrection,
		APIOptions:                 *f.APIOptions,
		AppID:                      *f.AppID,
		SigningName:                *f.SigningName,
		SigningRegion:              *f.SigningRegion,
		Endpoints:                  source,
		State:                      c.state,
	}
	if f.Tokens != nil {
		cfg.Tokens = *f.Tokens
	}
	if f.Protocol != nil {
		cfg.Protocol = *f.Protocol
	}
	return cfg
}

// endpointSettings returns the region (a legacy FIPS spelling turned into
// FIPS) and the FIPS and dual-stack settings of the options.
func endpointSettings(f OptionFields) (region string, useFIPS, useDualStack bool, err error) {
	region = *f.Region
	if f.EndpointOptions.ResolvedRegion != "" {
		region = f.EndpointOptions.ResolvedRegion
	}
	if err := endpoints.CheckRegion(region); err != nil {
		return "", false, false, err
	}
	region, fipsRegion := endpoints.FIPSRegion(region)
	useFIPS = fipsRegion || f.EndpointOptions.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled
	useDualStack = f.EndpointOptions.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled
	return region, useFIPS, useDualStack, nil
}

// endpointSource resolves the endpoints of calls made with some options,
// reusing the last result of the service's default resolver when its
// inputs are unchanged.
type endpointSource[O any] struct {
	spec    *ClientSpec[O]
	options *O
}

func (s *endpointSource[O]) ResolveEndpoint(ctx context.Context, state *State) (smithyendpoints.Endpoint, error) {
	f := s.spec.Fields(s.options)
	region, useFIPS, useDualStack, err := endpointSettings(f)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	key := EndpointKey{Region: region, UseFIPS: useFIPS, UseDualStack: useDualStack}
	if base := *f.BaseEndpoint; base != nil {
		key.Endpoint, key.HasEndpoint = *base, true
	}
	cacheable := s.spec.PureResolver(s.options)
	if cacheable {
		if endpoint, ok := state.CachedEndpoint(key); ok {
			return endpoint, nil
		}
	}
	endpoint, err := s.spec.Resolve(ctx, s.options, key)
	if err == nil && cacheable {
		state.StoreEndpoint(key, endpoint)
	}
	return endpoint, err
}
