package memorydb

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
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

// EndpointResolverOptions are the endpoint settings of a client.
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
// options to an operation.
type Options struct {
	// APIOptions are middleware functions of the official client. This
	// client has no middleware stack: a call whose options carry any fails
	// with an error before sending.
	APIOptions []func(*middleware.Stack) error

	// AppID is an optional application identifier appended to the
	// User-Agent header.
	AppID string

	// BaseEndpoint overrides the endpoint the rules resolve, e.g.
	// "http://127.0.0.1:4566" for a local emulator. A path is kept as a
	// prefix of every request path.
	BaseEndpoint *string

	// ClientLogMode selects what is logged: retries, requests and
	// responses (with or without bodies) and signing. Credentials and
	// signatures are never logged.
	ClientLogMode aws.ClientLogMode

	// Credentials sign requests. Use aws.AnonymousCredentials{} to send
	// unsigned requests.
	Credentials aws.CredentialsProvider

	// DisableClockSkewCorrection stops the client from adjusting its
	// signing time to the clock of the service.
	DisableClockSkewCorrection bool

	// EndpointOptions select FIPS and dual-stack endpoints and allow plain
	// http.
	EndpointOptions EndpointResolverOptions

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

	// Region is the AWS Region of the service, e.g. "us-east-1".
	Region string

	// RetryMaxAttempts, when not zero, is the maximum number of attempts
	// of a call, first attempt included.
	RetryMaxAttempts int

	// RetryMode selects the default retryer (standard or adaptive) when
	// Retryer is nil.
	RetryMode aws.RetryMode

	// Retryer decides which failures are retried, how often, and after
	// what delay.
	Retryer aws.Retryer

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

	// Validation selects how much of the model's constraints a call checks
	// before sending: ValidationFull (the default), ValidationRequiredOnly
	// or ValidationOff.
	Validation ValidationMode

	// HTTPClient sends the requests.
	HTTPClient HTTPClient

	// signingName and signingRegion override the SigV4 signing name and
	// region; see WithSigV4SigningName and WithSigV4SigningRegion.
	signingName, signingRegion string
}

// Copy returns a copy of the options that shares no slices with o.
func (o Options) Copy() Options {
	to := o
	to.APIOptions = append([]func(*middleware.Stack) error(nil), o.APIOptions...)
	return to
}

// WithAPIOptions returns an option that appends middleware functions to
// Options.APIOptions. This client runs no middleware stack, so a call with
// any fails before sending; the function exists so that code written for
// the official client compiles.
func WithAPIOptions(optFns ...func(*middleware.Stack) error) func(*Options) {
	return func(o *Options) {
		o.APIOptions = append(o.APIOptions, optFns...)
	}
}

// WithEndpointResolverV2 returns an option that sets Options.EndpointResolverV2.
func WithEndpointResolverV2(v EndpointResolverV2) func(*Options) {
	return func(o *Options) {
		o.EndpointResolverV2 = v
	}
}

// WithSigV4SigningName returns an option that signs requests with the given
// service name, taking precedence over the name the endpoint rules give.
func WithSigV4SigningName(name string) func(*Options) {
	return func(o *Options) {
		o.signingName = name
	}
}

// WithSigV4SigningRegion returns an option that signs requests for the given
// region, taking precedence over the region the endpoint rules give.
func WithSigV4SigningRegion(region string) func(*Options) {
	return func(o *Options) {
		o.signingRegion = region
	}
}
