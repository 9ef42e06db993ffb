package main

import (
	"bytes"
	"fmt"
	"text/template"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// clientFacts are what the client files of a service say about it: facts
// of its model, and the overlay's settings for what the model does not
// say.
type clientFacts struct {
	// Package is the Go package name.
	Package string
	// ServiceID is the SDK service ID (aws.api#service sdkId).
	ServiceID string
	// APIVersion is the version of the service shape.
	APIVersion string
	// SigningName is the SigV4 service name (aws.auth#sigv4 name).
	SigningName string
	// ServiceShape is the absolute ID of the service shape, ServiceName
	// its name.
	ServiceShape, ServiceName string
	// Calls completes "Client calls ...": the overlay's Calls, or the
	// model's title.
	Calls string
	// Tokens says the operation input has an idempotency token member.
	Tokens bool
	// SchemaSerde is the overlay's SchemaSerde.
	SchemaSerde bool
	// Protocol is the model's AWS protocol ("awsJson1_1"), ProtocolNew
	// the smithy-go constructor of that protocol, CBOR whether the model
	// also lists Smithy RPC v2 CBOR, and CBORSince the overlay's
	// CBORSince.
	Protocol, ProtocolNew string
	CBOR                  bool
	CBORSince             string
	// NoSkewOption is the overlay's NoSkewOption.
	NoSkewOption bool
}

// protocolConstructors maps the protocols a Protocol option can name to
// the smithy-go function that builds their ClientProtocol.
var protocolConstructors = map[string]string{"awsJson1_1": "awsjson.New11"}

// facts gathers the facts of the service's client files.
func (g *generator) facts() (*clientFacts, error) {
	s := g.m.Service()
	if s == nil {
		return nil, fmt.Errorf("the model has no single service shape")
	}
	var api struct {
		SdkID string `json:"sdkId"`
	}
	var sigv4 struct {
		Name string `json:"name"`
	}
	var title string
	if !s.Traits.Decode("aws.api#service", &api) || api.SdkID == "" {
		return nil, fmt.Errorf("%s has no aws.api#service sdkId", s.ID)
	}
	if !s.Traits.Decode("aws.auth#sigv4", &sigv4) || sigv4.Name == "" {
		return nil, fmt.Errorf("%s has no aws.auth#sigv4 name", s.ID)
	}
	if s.Version == "" {
		return nil, fmt.Errorf("%s has no version", s.ID)
	}
	s.Traits.Decode("smithy.api#title", &title)
	f := &clientFacts{
		Package:      g.svc.Name,
		ServiceID:    api.SdkID,
		APIVersion:   s.Version,
		SigningName:  sigv4.Name,
		ServiceShape: s.ID,
		ServiceName:  smithymodel.Name(s.ID),
		Calls:        g.svc.Calls,
		SchemaSerde:  g.svc.SchemaSerde,
		Protocol:     s.Protocol(),
		CBOR:         s.Traits.Has("smithy.protocols#rpcv2Cbor"),
		CBORSince:    g.svc.CBORSince,
		NoSkewOption: g.svc.NoSkewOption,
	}
	if f.Calls == "" {
		f.Calls = title
	}
	if f.Calls == "" {
		return nil, fmt.Errorf("%s has no smithy.api#title and overlay.go no Calls", s.ID)
	}
	op := g.m.Operation()
	if op == nil {
		return nil, fmt.Errorf("the model has no single operation shape")
	}
	if in := g.m.Shape(op.Input); in != nil {
		for _, mem := range in.Members {
			if mem.Traits.Has(smithymodel.TraitIdempotencyToken) {
				f.Tokens = true
			}
		}
	}
	if f.SchemaSerde {
		f.ProtocolNew = protocolConstructors[f.Protocol]
		if f.ProtocolNew == "" {
			return nil, fmt.Errorf("the generator does not handle a Protocol option for %q", f.Protocol)
		}
		if f.CBOR && f.CBORSince == "" {
			return nil, fmt.Errorf("the model lists rpcv2Cbor but overlay.go has no CBORSince")
		}
	}
	return f, nil
}

// clientTemplates are the client files of a service package, by file
// name. Their actions are in [[ ]], as Go composite literals use {{ }}.
var clientTemplates = template.Must(template.New("").Delims("[[", "]]").Parse(optionsTemplate + clientTemplate + authTemplate + endpointResolverTemplate))

// clientFiles writes the client, options, auth and endpoint resolver files
// of the service.
func (g *generator) clientFiles() error {
	f, err := g.facts()
	if err != nil {
		return err
	}
	for _, name := range []string{"options.go", "client.go", "auth.go", "endpoint_resolver.go"} {
		var b bytes.Buffer
		if err := clientTemplates.ExecuteTemplate(&b, name, f); err != nil {
			return err
		}
		if err := g.emit(g.svc.Name+"/"+name, &b); err != nil {
			return err
		}
	}
	return nil
}

// The templates of the client files. Each is executed with the
// clientFacts of a service, and its output formatted.
const (
	optionsTemplate = `[[define "options.go"]]package [[.Package]]

import (
	"slices"

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
[[if .Tokens]]
// IdempotencyTokenProvider makes the idempotency tokens a call fills into
// an input that leaves its token unset; smithy-go's
// rand.UUIDIdempotencyToken satisfies it.
type IdempotencyTokenProvider = transport.TokenProvider
[[end]]
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
	// signing time to the clock of the service.[[if .NoSkewOption]] NewFromConfig leaves it
	// false whatever aws.Config holds, as the official client, which has
	// no such option, corrects the skew whatever aws.Config holds.[[end]]
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
[[- if .Tokens]]

	// IdempotencyTokenProvider makes the idempotency token of a call whose
	// input leaves it nil; New sets a provider of random version 4 UUIDs.
	// The token is set on a copy of the input, never in the caller's
	// struct, and the same token is sent on every retry of the call.
	IdempotencyTokenProvider IdempotencyTokenProvider
[[- end]]

	// Logger receives the messages selected by ClientLogMode.
	Logger logging.Logger

	// MaxResponseBytes bounds the size of a response body; a longer body
	// fails the call without being read. Zero means 10 MiB; a negative
	// bound fails every call, naming it.
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
	// or ValidationOff; any other value fails every call, naming it.
	Validation ValidationMode
[[- if .SchemaSerde]]
[[- if .CBOR]]

	// Protocol selects the wire protocol. Nil sends Smithy RPC v2 CBOR, as
	// the official client does since [[.CBORSince]] of its [[.ServiceID]] module, and
	// so does rpcv2.NewCBOR(schemas.[[.ServiceName]]) (smithy-go's
	// transport/http/protocol/rpcv2 and this module's [[.Package]]/schemas),
	// which New sets when it is nil, as the official client's New sets it;
	// [[.ProtocolNew]](schemas.[[.ServiceName]]) sends [[.Protocol]], the service's
	// protocol before then. This client frames requests itself: any other
	// value, including a protocol value built for another service or a
	// ClientProtocol of one's own, fails the call before anything is sent.
[[- else]]

	// Protocol selects the wire protocol: [[.Protocol]], the service's only
	// protocol. New sets it when it is nil to a value that names that
	// protocol, as the official client's New sets smithy-go's
	// [[.ProtocolNew]](schemas.[[.ServiceName]]) (this module's [[.Package]]/schemas),
	// which selects it too. This client frames requests itself: any other
	// value, including a protocol value built for another service or a
	// ClientProtocol of one's own, fails the call before anything is sent.
[[- end]]
	Protocol smithyhttp.ClientProtocol
[[- end]]

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

	// signingOverrides are the WithSigV4SigningName and
	// WithSigV4SigningRegion options given, with the APIOptions entries
	// they appended.
	signingOverrides []transport.SigningOverride

	// misuse is the first nil option function New or a call was given;
	// every call made with the options fails with it.
	misuse error
}

// Copy returns a copy of the options that shares no slices with o.
func (o Options) Copy() Options {
	to := o
	to.APIOptions = make([]func(*middleware.Stack) error, len(o.APIOptions))
	copy(to.APIOptions, o.APIOptions)
	to.Interceptors = o.Interceptors.Copy()
	to.signingOverrides = slices.Clone(o.signingOverrides)
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
// service name, taking precedence over the name the endpoint gives. As in
// the official client, it appends to APIOptions a middleware function that
// sets the name; of several, the first given stands, and options of a call
// that drop that entry drop the name with it. Without other middleware the
// call still takes the direct path.
func WithSigV4SigningName(name string) func(*Options) {
	return func(o *Options) {
		o.APIOptions = append(o.APIOptions, transport.SigningNameOption(name))
		o.signingOverrides = append(o.signingOverrides, transport.SigningOverride{Index: len(o.APIOptions) - 1, Name: name})
	}
}

// WithSigV4SigningRegion returns an option that signs requests for the given
// region, taking precedence over the region the endpoint gives. It is added
// as WithSigV4SigningName is.
func WithSigV4SigningRegion(region string) func(*Options) {
	return func(o *Options) {
		o.APIOptions = append(o.APIOptions, transport.SigningRegionOption(region))
		o.signingOverrides = append(o.signingOverrides, transport.SigningOverride{Index: len(o.APIOptions) - 1, Region: region})
	}
}
[[end]]`

	clientTemplate = `[[define "client.go"]]package [[.Package]]

import (
	"cmp"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
[[- if .CBOR]]
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
[[- else if .SchemaSerde]]
	"github.com/aws/smithy-go"
[[- end]]

	"github.com/awssnap/awssnap/internal/endpoints"
[[- if and .SchemaSerde (not .CBOR)]]
	"github.com/awssnap/awssnap/internal/protocol"
[[- end]]
	"github.com/awssnap/awssnap/internal/transport"
[[- if .CBOR]]
	"github.com/awssnap/awssnap/[[.Package]]/schemas"
[[- end]]
)

// ServiceID is the SDK identifier of the service.
const ServiceID = [[printf "%q" .ServiceID]]

// ServiceAPIVersion is the API version the client speaks.
const ServiceAPIVersion = [[printf "%q" .APIVersion]]

var service = &transport.Service{ID: ServiceID, SigningName: [[printf "%q" .SigningName]][[if .SchemaSerde]], Layout: transport.LayoutSchema[[end]][[if .CBOR]], RPCv2CBOR: true[[end]]}
[[- if .CBOR]]

// defaultProtocol is the Options.Protocol New sets when it is nil: Smithy
// RPC v2 CBOR, as the official client's New sets it. One value serves
// every client, so the protocol each call selects is recognised at once.
var defaultProtocol = rpcv2.NewCBOR(schemas.[[.ServiceName]])
[[- else if .SchemaSerde]]

// defaultProtocol is the Options.Protocol New sets when it is nil, which,
// as the official client's value, names [[.Protocol]]. It frames nothing,
// so smithy-go's schema serializers are not linked into every program;
// [[.ProtocolNew]](schemas.[[.ServiceName]]), the official client's value, selects
// the same protocol. One value serves every client, so the protocol each
// call selects is recognised at once.
var defaultProtocol = protocol.NewNamed(smithy.ShapeID{Namespace: "aws.protocols", Name: [[printf "%q" .Protocol]]})
[[- end]]

// Client calls [[.Calls]]. It is safe for concurrent use.
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
	transport.ApplyOptions(&options, &options.misuse, "New", optFns)
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
		AppID:                      cfg.AppID,[[if not .NoSkewOption]]
		DisableClockSkewCorrection: cfg.DisableClockSkewCorrection,[[end]]
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
		for i, fn := range cfg.ServiceOptions {
			if fn == nil {
				o.misuse = cmp.Or(o.misuse, transport.NilOption("aws.Config.ServiceOptions", i))
				continue
			}
			fn(ServiceID, o)
		}
		transport.ApplyOptions(o, &o.misuse, "NewFromConfig", optFns)
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
	o.HTTPClient = transport.ResolveHTTPClient(o.HTTPClient, o.resolvedDefaultsMode, ServiceID, [[.SchemaSerde]])
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
[[- if .SchemaSerde]]
	if o.Protocol == nil {
		o.Protocol = defaultProtocol
	}
[[- end]]
[[- if .Tokens]]
	if o.IdempotencyTokenProvider == nil {
		o.IdempotencyTokenProvider = transport.DefaultTokens()
	}
[[- end]]
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

// config returns the configuration of a call: the client's own, shared
// by every call and never written, or one built from a copy of its
// options with optFns applied. A nil or zero Client has none: its calls
// fail with an error saying so.
func (c *Client) config(optFns []func(*Options)) *transport.Config {
	if c == nil || c.state == nil {
		return transport.NoClient
	}
	if len(optFns) == 0 {
		return &c.base
	}
	options := c.options.Copy()
	transport.ApplyOptions(&options, &options.misuse, "per-call options", optFns)
	options.Retryer = transport.FinalizeRetryMaxAttempts(options.Retryer, options.RetryMaxAttempts, c.options.RetryMaxAttempts)
	cfg := c.build(&options)
	return &cfg
}

// build returns the configuration of calls made with options o.
func (c *Client) build(o *Options) transport.Config {
	cfg := transport.Config{
		Region:                     o.Region,
		Credentials:                o.Credentials,
		HTTPClient:                 o.HTTPClient,
		Retryer:                    o.Retryer,
		Signer:                     transport.SchemeSigner(o.AuthSchemes, o.HTTPSignerV4),
		Logger:                     o.Logger,
		LogMode:                    o.ClientLogMode,
		Validation:                 o.Validation,
		MaxResponseBytes:           o.MaxResponseBytes,
[[- if .Tokens]]
		Tokens:                     o.IdempotencyTokenProvider,
[[- end]]
		DisableClockSkewCorrection: o.DisableClockSkewCorrection,
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
			Schemes:    transport.OptionSchemes(o.AuthSchemes),
			Preference: o.AuthSchemePreference,
		},
[[- if .SchemaSerde]]
		Protocol: o.Protocol,
[[- end]]
		State: c.state,
		// The resolvers are wrapped below, so Finish cannot see them.
		Misuse: cmp.Or(o.misuse, transport.NilImplementation([]transport.Field{
			{Name: "EndpointResolverV2", Value: o.EndpointResolverV2}, {Name: "AuthSchemeResolver", Value: o.AuthSchemeResolver},
		})),
	}
	cfg.Endpoints.V2, cfg.Endpoints.Rules = endpointResolverFor(o.EndpointResolverV2)
	transport.ApplySigningOverrides(&cfg, o.signingOverrides)
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
[[end]]`

	authTemplate = `[[define "auth.go"]]package [[.Package]]

import (
	"context"
	"errors"

	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/transport"
)

// AuthResolverParameters are the inputs of auth scheme resolution.
type AuthResolverParameters struct {
	// Operation is the name of the operation called.
	Operation string

	// Region is the region of the call.
	Region string
}

// AuthSchemeResolver lists the auth options of an operation, best first.
type AuthSchemeResolver interface {
	ResolveAuthSchemes(context.Context, *AuthResolverParameters) ([]*smithyauth.Option, error)
}

// defaultAuthSchemeResolver offers SigV4, signed for the service and the
// call's region.
type defaultAuthSchemeResolver struct{}

func (*defaultAuthSchemeResolver) ResolveAuthSchemes(_ context.Context, params *AuthResolverParameters) ([]*smithyauth.Option, error) {
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, service.SigningName)
	smithyhttp.SetSigV4SigningRegion(&props, params.Region)
	return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props}}, nil
}

// withAnonymous adds noAuth after the options of the default resolver, so
// a client without credentials sends unsigned requests.
type withAnonymous struct {
	resolver AuthSchemeResolver
}

func (v *withAnonymous) ResolveAuthSchemes(ctx context.Context, params *AuthResolverParameters) ([]*smithyauth.Option, error) {
	options, err := v.resolver.ResolveAuthSchemes(ctx, params)
	if err != nil {
		return nil, err
	}
	return append(options, &smithyauth.Option{SchemeID: smithyauth.SchemeIDAnonymous}), nil
}

// authResolver hands the pipeline a resolver of the options.
type authResolver struct {
	resolver AuthSchemeResolver
}

func (r *authResolver) ResolveAuthSchemes(ctx context.Context, operation, region string) ([]*smithyauth.Option, error) {
	if r.resolver == nil { // set to nil by an option function
		return nil, errors.New("Options.AuthSchemeResolver is nil")
	}
	return r.resolver.ResolveAuthSchemes(ctx, &AuthResolverParameters{Operation: operation, Region: region})
}

// authResolverFor returns the pipeline's view of resolver: nil for the
// default one, whose options the pipeline knows.
func authResolverFor(resolver AuthSchemeResolver) transport.AuthResolver {
	if v, ok := resolver.(*withAnonymous); ok {
		if _, ok := v.resolver.(*defaultAuthSchemeResolver); ok {
			return nil
		}
	}
	return &authResolver{resolver: resolver}
}
[[end]]`

	endpointResolverTemplate = `[[define "endpoint_resolver.go"]]//lint:file-ignore SA1019 the legacy endpoint resolver and aws.Endpoint are part of the official client's API

package [[.Package]]

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/transport"
)

// EndpointResolver is the legacy endpoint resolver of Options.EndpointResolver:
// it maps a region and the endpoint options to an endpoint.
//
// Deprecated: set Options.BaseEndpoint, or Options.EndpointResolverV2, instead.
type EndpointResolver interface {
	ResolveEndpoint(region string, options EndpointResolverOptions) (aws.Endpoint, error)
}

// EndpointResolverFunc is a function that serves as an EndpointResolver.
type EndpointResolverFunc func(region string, options EndpointResolverOptions) (aws.Endpoint, error)

// ResolveEndpoint calls fn.
func (fn EndpointResolverFunc) ResolveEndpoint(region string, options EndpointResolverOptions) (aws.Endpoint, error) {
	return fn(region, options)
}

// EndpointResolverFromURL returns an EndpointResolver that always answers
// url, marked as a custom endpoint and signed for the client's region
// unless optFns set another signing region.
func EndpointResolverFromURL(url string, optFns ...func(*aws.Endpoint)) EndpointResolver {
	e := aws.Endpoint{URL: url, Source: aws.EndpointSourceCustom}
	for _, fn := range optFns {
		fn(&e)
	}
	return EndpointResolverFunc(func(region string, _ EndpointResolverOptions) (aws.Endpoint, error) {
		endpoint := e
		if endpoint.SigningRegion == "" {
			endpoint.SigningRegion = region
		}
		return endpoint, nil
	})
}

// NewDefaultEndpointResolver returns the legacy resolver of the service's
// own endpoints, for a legacy EndpointResolver that hands some regions on
// to it; it resolves with the service's endpoint rules.
//
// Deprecated: set Options.BaseEndpoint, or Options.EndpointResolverV2, instead.
func NewDefaultEndpointResolver() *transport.RulesEndpointResolverV1 {
	return &transport.RulesEndpointResolverV1{Rules: rulesResolver}
}

// endpointResolver hands the pipeline a resolver of the options.
type endpointResolver struct {
	resolver EndpointResolverV2
}

func (r *endpointResolver) ResolveEndpoint(ctx context.Context, key transport.EndpointKey, base *string) (smithyendpoints.Endpoint, error) {
	return r.resolver.ResolveEndpoint(ctx, endpointParameters(key, base))
}

// rulesResolver is the pipeline's view of the default resolver.
var rulesResolver = &endpointResolver{resolver: NewDefaultEndpointResolverV2()}

// endpointResolverFor returns the pipeline's view of resolver, and whether
// it is the service's rule set, whose results may be kept.
func endpointResolverFor(resolver EndpointResolverV2) (transport.EndpointResolverV2, bool) {
	switch resolver.(type) {
	case *defaultResolver:
		return rulesResolver, true
	case nil: // set to nil by an option function: the call fails
		return nil, false
	}
	return &endpointResolver{resolver: resolver}, false
}
[[end]]`
)
