package memorydb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

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
	core *transport.Client[Options]
}

// New returns a client configured by options and then by optFns.
func New(options Options, optFns ...func(*Options)) *Client {
	return &Client{core: transport.NewClient(clientSpec, options, optFns)}
}

// NewFromConfig returns a client configured by cfg (as loaded by
// config.LoadDefaultConfig) and then by optFns.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{core: transport.NewClientFromConfig(clientSpec, cfg, optFns)}
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options {
	return c.core.Options()
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

// clientSpec tells the shared client code where the options' fields are
// and how this service resolves endpoints.
var clientSpec = &transport.ClientSpec[Options]{
	ServiceID: ServiceID,
	Fields: func(o *Options) transport.OptionFields {
		return transport.OptionFields{
			APIOptions: &o.APIOptions, AppID: &o.AppID, BaseEndpoint: &o.BaseEndpoint,
			ClientLogMode: &o.ClientLogMode, Credentials: &o.Credentials,
			DisableClockSkewCorrection: &o.DisableClockSkewCorrection, EndpointOptions: &o.EndpointOptions,
			HTTPClient: &o.HTTPClient, HTTPSignerV4: &o.HTTPSignerV4, Logger: &o.Logger,
			MaxResponseBytes: &o.MaxResponseBytes, Protocol: &o.Protocol, Region: &o.Region, RetryMaxAttempts: &o.RetryMaxAttempts,
			RetryMode: &o.RetryMode, Retryer: &o.Retryer, Validation: &o.Validation,
			SigningName: &o.signingName, SigningRegion: &o.signingRegion,
		}
	},
	Defaults: func(o *Options) {
		if o.EndpointResolverV2 == nil {
			o.EndpointResolverV2 = NewDefaultEndpointResolverV2()
		}
	},
	PureResolver: func(o *Options) bool {
		_, pure := o.EndpointResolverV2.(*defaultResolver)
		return pure || o.EndpointResolverV2 == nil
	},
	Resolve: func(ctx context.Context, o *Options, key transport.EndpointKey) (smithyendpoints.Endpoint, error) {
		resolver := o.EndpointResolverV2
		if resolver == nil {
			resolver = NewDefaultEndpointResolverV2()
		}
		return resolver.ResolveEndpoint(ctx, endpointParameters(key, o.BaseEndpoint))
	},
}
