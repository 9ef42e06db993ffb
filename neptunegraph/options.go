package neptunegraph

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"

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

	// Validation selects how much of the model's constraints a call checks
	// before sending: ValidationFull (the default), ValidationRequiredOnly
	// or ValidationOff.
	Validation ValidationMode

	// HTTPClient sends the requests.
	HTTPClient HTTPClient
}

// Copy returns a copy of the options that shares no slices with o.
func (o Options) Copy() Options {
	to := o
	to.APIOptions = append([]func(*middleware.Stack) error(nil), o.APIOptions...)
	return to
}
