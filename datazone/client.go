package datazone

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"

	"github.com/awssnap/awssnap/internal/transport"
)

// ServiceID is the SDK identifier of the service.
const ServiceID = "DataZone"

// ServiceAPIVersion is the API version the client speaks.
const ServiceAPIVersion = "2018-05-10"

var service = &transport.Service{ID: ServiceID, SigningName: "datazone"}

// Client calls Amazon DataZone. It is safe for concurrent use.
type Client struct {
	options Options
	state   *transport.State
}

// New returns a client configured by options and then by optFns.
func New(options Options, optFns ...func(*Options)) *Client {
	options = options.Copy()
	if options.Logger == nil {
		options.Logger = logging.Nop{}
	}
	if options.Retryer == nil {
		options.Retryer = transport.DefaultRetryer(options.RetryMode, options.RetryMaxAttempts)
	}
	if options.HTTPClient == nil {
		options.HTTPClient = transport.DefaultHTTPClient()
	}
	if options.HTTPSignerV4 == nil {
		options.HTTPSignerV4 = transport.DefaultSigner(options.Logger, options.ClientLogMode.IsSigning())
	}
	if options.EndpointResolverV2 == nil {
		options.EndpointResolverV2 = NewDefaultEndpointResolverV2()
	}
	if options.IdempotencyTokenProvider == nil {
		options.IdempotencyTokenProvider = transport.DefaultTokens()
	}
	for _, fn := range optFns {
		fn(&options)
	}
	if options.RetryMaxAttempts != 0 {
		options.Retryer = transport.WithMaxAttempts(options.Retryer, options.RetryMaxAttempts)
	}
	return &Client{options: options, state: transport.NewState(ServiceID, options.AppID)}
}

// NewFromConfig returns a client configured by cfg (as loaded by
// config.LoadDefaultConfig) and then by optFns.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	shared := transport.FromAWSConfig(cfg, ServiceID)
	options := Options{
		Region:                     cfg.Region,
		HTTPClient:                 cfg.HTTPClient,
		Credentials:                cfg.Credentials,
		APIOptions:                 cfg.APIOptions,
		Logger:                     cfg.Logger,
		ClientLogMode:              cfg.ClientLogMode,
		AppID:                      cfg.AppID,
		DisableClockSkewCorrection: cfg.DisableClockSkewCorrection,
		RetryMaxAttempts:           cfg.RetryMaxAttempts,
		RetryMode:                  cfg.RetryMode,
		Retryer:                    shared.Retryer,
		BaseEndpoint:               shared.BaseEndpoint,
		EndpointOptions: EndpointResolverOptions{
			UseFIPSEndpoint:      shared.UseFIPS,
			UseDualStackEndpoint: shared.UseDualStack,
		},
	}
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

// callOptions returns the options of one call: the client's, or a copy
// with optFns applied.
func (c *Client) callOptions(optFns []func(*Options)) *Options {
	if len(optFns) == 0 {
		return &c.options
	}
	options := c.options.Copy()
	for _, fn := range optFns {
		fn(&options)
	}
	if v := options.RetryMaxAttempts; v != 0 && v != c.options.RetryMaxAttempts {
		options.Retryer = transport.WithMaxAttempts(options.Retryer, v)
	}
	return &options
}

// config converts options to the pipeline's configuration.
func (c *Client) config(options *Options) transport.Config {
	return transport.Config{
		Region:                     signingRegion(options),
		Credentials:                options.Credentials,
		HTTPClient:                 options.HTTPClient,
		Retryer:                    options.Retryer,
		Signer:                     options.HTTPSignerV4,
		Logger:                     options.Logger,
		LogMode:                    options.ClientLogMode,
		Validation:                 options.Validation,
		MaxResponseBytes:           options.MaxResponseBytes,
		Tokens:                     options.IdempotencyTokenProvider,
		DisableHTTPS:               options.EndpointOptions.DisableHTTPS,
		DisableClockSkewCorrection: options.DisableClockSkewCorrection,
		MiddlewareCount:            len(options.APIOptions),
		SigningName:                options.signingName,
		SigningRegion:              options.signingRegion,
		State:                      c.state,
		Endpoints:                  (*endpointSource)(options),
	}
}
