package memorydb

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/internal/validate"
)

// HTTPClient sends HTTP requests; *http.Client satisfies it.
type HTTPClient = transport.HTTPClient

// HTTPSignerV4 signs requests with Signature Version 4; the signer of
// github.com/aws/aws-sdk-go-v2/aws/signer/v4 satisfies it.
type HTTPSignerV4 = transport.Signer

// EndpointResolverOptions are the endpoint settings of a client, which a
// legacy EndpointResolver also receives.
type EndpointResolverOptions = endpoints.ResolverOptions

// ValidationMode selects how much of the model's constraints a call checks
// before sending.
type ValidationMode = validate.Mode

// The validation modes.
const (
	// ValidationFull checks every constraint of the model (the default).
	ValidationFull = validate.Full
	// ValidationRequiredOnly checks required members only, like the
	// official client.
	ValidationRequiredOnly = validate.RequiredOnly
	// ValidationOff checks nothing.
	ValidationOff = validate.Off
)

// Options configure a Client, and a single call when passed as functional
// options to an operation. The fields are those of the official client,
// with the same types and effects, plus Validation and MaxResponseBytes.
type Options struct {
	// APIOptions are smithy-go middleware functions. A call with any runs
	// through a middleware stack laid out as the official client's, so
	// instrumentation and test stubs written for it work unchanged.
	APIOptions []func(*middleware.Stack) error

	// AppID is an optional application identifier added to the User-Agent
	// header; characters a header token cannot hold become '-'.
	AppID string

	// BaseEndpoint overrides the endpoint the rules resolve, e.g.
	// "http://127.0.0.1:4566" for a local emulator. A path is kept as a
	// prefix of every request path. A legacy EndpointResolver, when set,
	// takes precedence over it.
	BaseEndpoint *string

	// ClientLogMode selects what is logged: retries, requests and
	// responses (with or without bodies) and signing. Credentials and
	// signatures are never logged.
	ClientLogMode aws.ClientLogMode

	// Credentials sign requests. A client built with nil or
	// aws.AnonymousCredentials{} sends unsigned requests.
	Credentials aws.CredentialsProvider

	// DefaultsMode selects the official SDK defaults a client is built
	// with: "standard", "in-region", "cross-region", "mobile", "auto"
	// (chosen from the region and RuntimeEnvironment) or "legacy" (the
	// default, which changes nothing). It sets the retry mode when
	// RetryMode is empty and the connect and TLS handshake timeouts of the
	// default HTTP client (or of an *awshttp.BuildableClient). Like the
	// official client, a client reads it when it is built: set per call it
	// changes nothing.
	DefaultsMode aws.DefaultsMode

	// DisableClockSkewCorrection stops the client from adjusting its
	// signing time to the clock of the service.
	DisableClockSkewCorrection bool

	// EndpointOptions select FIPS and dual-stack endpoints and allow plain
	// http.
	EndpointOptions EndpointResolverOptions

	// EndpointResolver is the legacy endpoint resolver. When set it is
	// asked for every call and its endpoint is used, over BaseEndpoint and
	// the rules; only an *aws.EndpointNotFoundError hands the call on to
	// EndpointResolverV2.
	//
	// Deprecated: set BaseEndpoint, or EndpointResolverV2, instead.
	EndpointResolver EndpointResolver

	// EndpointResolverV2 resolves the endpoint of each call; the default
	// implements the service's endpoint rules.
	EndpointResolverV2 EndpointResolverV2

	// HTTPSignerV4 signs requests.
	HTTPSignerV4 HTTPSignerV4

	// Logger receives the messages selected by ClientLogMode.
	Logger logging.Logger

	// MaxResponseBytes bounds the size of a response body; a longer body
	// fails the call without being read. Zero means 10 MiB.
	MaxResponseBytes int64

	// MeterProvider receives the call metrics of the official client; nil
	// or a no-op provider records nothing.
	MeterProvider metrics.MeterProvider

	// Region is the AWS Region of the service, e.g. "us-east-1".
	Region string

	// RetryMaxAttempts, when not zero, is the maximum number of attempts
	// of a call, first attempt included.
	RetryMaxAttempts int

	// RetryMode selects the default retryer (standard or adaptive) when
	// Retryer is nil. Like the official client, a client reads it when it
	// is built: set per call it changes nothing.
	RetryMode aws.RetryMode

	// Retryer decides which failures are retried, how often, and after
	// what delay.
	Retryer aws.Retryer

	// RuntimeEnvironment describes where the program runs, as
	// config.LoadDefaultConfig finds it; DefaultsMode "auto" reads it when
	// the client is built.
	RuntimeEnvironment aws.RuntimeEnvironment

	// TracerProvider receives the spans of the official client; nil or a
	// no-op provider records nothing.
	TracerProvider tracing.TracerProvider

	// Validation selects how much of the model's constraints a call checks
	// before sending: ValidationFull (the default), ValidationRequiredOnly
	// or ValidationOff.
	Validation ValidationMode

	// Protocol selects the wire protocol. Nil sends awsJson1_1, the
	// protocol of the official clients before v1.43.0 of their MemoryDB
	// module; rpcv2.NewCBOR(schemas.AmazonMemoryDB) (smithy-go's
	// transport/http/protocol/rpcv2 and this module's memorydb/schemas)
	// sends Smithy RPC v2 CBOR, the official client's default since then;
	// awsjson.New11(schemas.AmazonMemoryDB) names awsJson1_1 explicitly.
	// This client frames requests itself: any other value, including a
	// protocol value built for another service or a ClientProtocol of
	// one's own, fails the call before anything is sent.
	Protocol smithyhttp.ClientProtocol

	// HTTPClient sends the requests.
	HTTPClient HTTPClient

	// Interceptors are hooks run at the documented points of every call.
	Interceptors smithyhttp.InterceptorRegistry

	// AuthSchemeResolver lists the auth options of each operation. The
	// default offers SigV4 and then, when no credentials are set, unsigned
	// requests.
	AuthSchemeResolver AuthSchemeResolver

	// AuthSchemes are the auth schemes the client can sign with. New sets
	// SigV4 with HTTPSignerV4 when it is nil.
	AuthSchemes []smithyhttp.AuthScheme

	// AuthSchemePreference lists auth scheme names ("sigv4", "noAuth") to
	// try before the others the AuthSchemeResolver offers.
	AuthSchemePreference []string

	// resolvedDefaultsMode is the defaults mode New resolved.
	resolvedDefaultsMode aws.DefaultsMode

	// signingName and signingRegion override the SigV4 signing name and
	// region; see WithSigV4SigningName and WithSigV4SigningRegion.
	signingName, signingRegion string
}

// Copy returns a copy of the options that shares no slices with o.
func (o Options) Copy() Options {
	to := o
	to.APIOptions = append([]func(*middleware.Stack) error(nil), o.APIOptions...)
	to.Interceptors = o.Interceptors.Copy()
	return to
}

// GetIdentityResolver returns the identity resolver of an auth scheme:
// the credentials for SigV4 (nil when there are none), anonymous for
// smithy.api#noAuth.
func (o Options) GetIdentityResolver(schemeID string) smithyauth.IdentityResolver {
	return transport.IdentityResolver(schemeID, o.Credentials)
}

// WithAPIOptions returns an option that appends middleware functions to
// Options.APIOptions.
func WithAPIOptions(optFns ...func(*middleware.Stack) error) func(*Options) {
	return func(o *Options) {
		o.APIOptions = append(o.APIOptions, optFns...)
	}
}

// WithEndpointResolver returns an option that sets the legacy
// Options.EndpointResolver.
//
// Deprecated: set BaseEndpoint, or use WithEndpointResolverV2, instead.
func WithEndpointResolver(v EndpointResolver) func(*Options) {
	return func(o *Options) {
		o.EndpointResolver = v
	}
}

// WithEndpointResolverV2 returns an option that sets Options.EndpointResolverV2.
func WithEndpointResolverV2(v EndpointResolverV2) func(*Options) {
	return func(o *Options) {
		o.EndpointResolverV2 = v
	}
}

// WithSigV4SigningName returns an option that signs requests with the given
// service name, taking precedence over the name the endpoint gives.
func WithSigV4SigningName(name string) func(*Options) {
	return func(o *Options) {
		o.signingName = name
	}
}

// WithSigV4SigningRegion returns an option that signs requests for the given
// region, taking precedence over the region the endpoint gives.
func WithSigV4SigningRegion(region string) func(*Options) {
	return func(o *Options) {
		o.signingRegion = region
	}
}
