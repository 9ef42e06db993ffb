package transport

import (
	"context"
	"crypto/fips140"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"crypto/rand"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	smithyrand "github.com/aws/smithy-go/rand"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/redact"
	"github.com/awssnap/awssnap/internal/sigv4"
	"github.com/awssnap/awssnap/internal/validate"
)

// Version is the library version reported in the User-Agent header.
const Version = "0.1.0"

// DefaultMaxResponseBytes bounds the response bodies a client reads when
// its options set no bound: 10 MiB, far above any response of these
// operations (a Lightsail page of 100 records is about 83 KB).
const DefaultMaxResponseBytes = 10 << 20

// responseLimit is the bound on the response bodies the client reads:
// MaxResponseBytes, or DefaultMaxResponseBytes when it is 0 or less.
func (c *Config) responseLimit() int64 {
	if c.MaxResponseBytes > 0 {
		return c.MaxResponseBytes
	}
	return DefaultMaxResponseBytes
}

// HTTPClient sends HTTP requests; *http.Client satisfies it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Signer signs requests with SigV4; *v4.Signer satisfies it.
type Signer interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash string,
		service string, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error
}

// TokenProvider makes idempotency tokens.
type TokenProvider interface {
	GetIdempotencyToken() (string, error)
}

// Config is everything one call needs besides its operation and input.
// A service builds it from its Options in plain code (once per client, and
// again for a call made with per-call options) and hands it to Invoke; the
// pipeline reads it and calls back into the service only through the
// Operation.
type Config struct {
	// Region is the region the call is signed for when nothing overrides
	// it: the options' region, written plainly when it was given in a
	// legacy FIPS form. Finish sets it.
	Region string
	// Credentials sign the call; nil sends it unsigned where the auth
	// settings allow it, as the official clients do.
	Credentials aws.CredentialsProvider
	HTTPClient  HTTPClient
	Retryer     aws.Retryer
	Signer      Signer
	Logger      logging.Logger
	LogMode     aws.ClientLogMode
	Validation  validate.Mode
	// MaxResponseBytes bounds the body read; 0 means DefaultMaxResponseBytes.
	MaxResponseBytes int64
	Tokens           TokenProvider
	// DisableHTTPS sends the call over plain http, to any host. Without it,
	// plain http is refused for hosts other than loopback.
	DisableHTTPS               bool
	DisableClockSkewCorrection bool
	// SigningName and SigningRegion, when set, override the signing name
	// and region of every other source, as the official clients'
	// WithSigV4SigningName and WithSigV4SigningRegion do.
	SigningName, SigningRegion string
	// SigningOptions is how many of APIOptions are the entries of signing
	// overrides (see ApplySigningOverrides), which a call without other
	// middleware applies without the middleware stack.
	SigningOptions int
	// APIOptions are the middleware functions of the client and the call.
	// With any, the call runs through a smithy-go middleware stack laid out
	// as the official clients lay it out; without, it takes the direct path.
	APIOptions []func(*middleware.Stack) error
	// Interceptors are the hooks run at the documented points of a call.
	Interceptors smithyhttp.InterceptorRegistry
	// TracerProvider and MeterProvider receive the call's spans and
	// metrics; nil means none.
	TracerProvider tracing.TracerProvider
	MeterProvider  metrics.MeterProvider
	// Protocol is Options.Protocol: nil for the operation's default
	// protocol, else the smithy-go protocol value that selects one of the
	// protocols the operation is offered in.
	Protocol smithyhttp.ClientProtocol
	// AppID is the application identifier of the call, which the
	// User-Agent carries.
	AppID string
	// UserAgent is the User-Agent header value of the call's requests.
	// Finish sets it.
	UserAgent []string
	// Endpoints resolves the endpoint of the call.
	Endpoints *Endpoints
	// Auth selects how the call is authenticated; nil means the defaults
	// (SigV4 with the credentials, unsigned without them).
	Auth  *Auth
	State *State
	// Misuse, when set, is a mistake in how the client was built or
	// called, such as a nil option function: every call made with the
	// Config fails with it before anything is sent.
	Misuse error

	// values are the context values of the calls made with the Config
	// (see withCallValues); Finish makes them anew for each Config.
	values *valuesCache
}

// NoClient is the Config of a call made on a nil *Client, or on a Client
// value not made by New or NewFromConfig.
var NoClient = &Config{Misuse: errors.New("the client is nil or was not made by New or NewFromConfig")}

// ApplyOptions calls each of fns on o, in order. A nil function is
// skipped, and the first one found is recorded in *misuse (unless it
// already holds a mistake), so that the calls made with o fail with an
// error naming where it was given and its index.
func ApplyOptions[O any](o *O, misuse *error, where string, fns []func(*O)) {
	for i, fn := range fns {
		if fn == nil {
			if *misuse == nil {
				*misuse = NilOption(where, i)
			}
			continue
		}
		fn(o)
	}
}

// Field is the name of an option and its value, for NilImplementation.
type Field struct {
	Name  string
	Value any
}

// NilImplementation returns an error naming the first of fields whose
// value is an interface holding a nil pointer or a nil function, such as
// a nil *http.Client as the HTTPClient: a call would use it and panic.
func NilImplementation(fields []Field) error {
	for _, f := range fields {
		if isNilImplementation(f.Value) {
			return fmt.Errorf("%s is a nil %T", "Options."+f.Name, f.Value)
		}
	}
	return nil
}

// isNilImplementation reports whether v is a nil pointer or a nil
// function held in an interface.
func isNilImplementation(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Func:
		return rv.IsNil()
	}
	return false
}

// NilOption is the mistake of a nil option function: the i-th of those
// given to where.
func NilOption(where string, i int) error {
	return fmt.Errorf("%s: option function %d is nil", where, i)
}

// Finish derives what a call needs from the settings a service filled in:
// the signing region, the endpoint options as the official clients finalise
// them, the User-Agent and the auth path. A service calls it once for each
// Config it builds.
func (c *Config) Finish() {
	// First, while the values are those the options gave (a no-op
	// provider is dropped below).
	c.checkImplementations()
	if c.Endpoints == nil {
		c.Endpoints = new(Endpoints)
	}
	e := c.Endpoints
	e.Region = c.Region
	e.Options.Logger = c.Logger
	e.Options.LogDeprecated = c.LogMode.IsDeprecatedUsage()
	// As the official clients finish the options of a legacy FIPS region
	// (such as fips-us-east-1): the legacy resolver is given the plain
	// region and FIPS. A ResolvedRegion of the program's own is for the
	// legacy resolver alone, as there.
	plain, fipsRegion := endpoints.FIPSRegion(c.Region)
	if fipsRegion && e.Options.ResolvedRegion == "" {
		e.Options.ResolvedRegion = plain
		e.Options.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	}
	if fipsRegion {
		// Signed for the plain region (see the README's deliberate
		// differences).
		c.Region = plain
	}
	c.DisableHTTPS = e.Options.DisableHTTPS
	if _, nop := c.TracerProvider.(*tracing.NopTracerProvider); nop {
		c.TracerProvider = nil
	}
	if _, nop := c.MeterProvider.(metrics.NopMeterProvider); nop {
		c.MeterProvider = nil
	}
	if c.State != nil {
		c.UserAgent = c.State.UserAgent(c.AppID)
	}
	c.values = new(valuesCache)
	if c.Auth != nil {
		c.Auth.finish()
	}
	if (c.Validation < validate.Full || c.Validation > validate.Off) && c.Misuse == nil {
		c.Misuse = fmt.Errorf("Options.Validation is %v: give ValidationFull, ValidationRequiredOnly or ValidationOff", c.Validation)
	}
	if c.MaxResponseBytes < 0 && c.Misuse == nil {
		c.Misuse = fmt.Errorf("Options.MaxResponseBytes is %d: give 0 for the default bound of 10 MiB, or a positive bound", c.MaxResponseBytes)
	}
}

// checkImplementations sets Misuse, unless it holds a mistake already,
// when an option the Config carries as it was given holds a nil pointer
// or function (see NilImplementation). The resolvers a service wraps
// before they reach the Config are checked by the service.
func (c *Config) checkImplementations() {
	if c.Misuse != nil {
		return
	}
	var legacy any
	if c.Endpoints != nil {
		legacy = c.Endpoints.V1
	}
	c.Misuse = NilImplementation([]Field{
		{Name: "HTTPClient", Value: c.HTTPClient}, {Name: "Credentials", Value: c.Credentials},
		{Name: "Retryer", Value: c.Retryer}, {Name: "HTTPSignerV4", Value: programSigner(c.Signer)}, {Name: "Logger", Value: c.Logger},
		{Name: "TracerProvider", Value: c.TracerProvider}, {Name: "MeterProvider", Value: c.MeterProvider},
		{Name: "IdempotencyTokenProvider", Value: c.Tokens}, {Name: "Protocol", Value: c.Protocol},
		{Name: "EndpointResolver", Value: legacy},
	})
}

// writtenRegion is the options' region as the program wrote it, which
// the official clients put in the context: Region less a legacy FIPS
// spelling's rewriting (see Finish).
func (c *Config) writtenRegion() string {
	if c.Endpoints != nil {
		return c.Endpoints.Region
	}
	return c.Region
}

// State is what a client keeps between calls: the clock offset learned
// from the service, its User-Agent, and the last endpoint its default
// resolver produced.
type State struct {
	skew      atomic.Int64
	serviceID string
	appID     string
	userAgent []string // the User-Agent header value for appID, shared by requests
	endpoint  atomic.Pointer[cachedEndpoint]
}

// EndpointKey identifies the inputs of an endpoint resolution.
type EndpointKey struct {
	Region       string
	Endpoint     string
	HasEndpoint  bool
	UseFIPS      bool
	UseDualStack bool
}

type cachedEndpoint struct {
	key      EndpointKey
	endpoint smithyendpoints.Endpoint
}

// CachedEndpoint returns the endpoint stored for key, if any. Only the
// results of a service's default (pure) resolver are stored.
func (s *State) CachedEndpoint(key EndpointKey) (smithyendpoints.Endpoint, bool) {
	if c := s.endpoint.Load(); c != nil && c.key == key {
		return c.endpoint, true
	}
	return smithyendpoints.Endpoint{}, false
}

// StoreEndpoint remembers endpoint as the result for key.
func (s *State) StoreEndpoint(key EndpointKey, endpoint smithyendpoints.Endpoint) {
	s.endpoint.Store(&cachedEndpoint{key: key, endpoint: endpoint})
}

// NewState returns the state of a new client of the named service whose
// options carry appID.
func NewState(serviceID, appID string) *State {
	return &State{serviceID: serviceID, appID: appID, userAgent: []string{userAgent(serviceID, appID)}}
}

// UserAgent returns the User-Agent header value of a call with the given
// application identifier: the client's own value when appID is the
// client's, else a new one.
func (s *State) UserAgent(appID string) []string {
	if appID == s.appID {
		return s.userAgent
	}
	return []string{userAgent(s.serviceID, appID)}
}

func userAgent(serviceID, appID string) string {
	ua := "awssnap/" + Version + " lang/go#" + strings.TrimPrefix(runtime.Version(), "go") +
		" os/" + runtime.GOOS + " md/GOARCH#" + runtime.GOARCH + " api/" + strings.ReplaceAll(serviceID, " ", "_")
	if appID != "" {
		ua += " app/" + strings.Map(userAgentRune, appID)
	}
	return ua
}

// userAgentRune keeps the characters the official clients keep in a
// User-Agent token (letters, digits and !#$%&'*+-.^_`|~) and turns every
// other one, CR and LF included, into '-', as they do.
func userAgentRune(r rune) rune {
	switch {
	case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return r
	case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
		return r
	}
	return '-'
}

// Skew returns the clock offset (server minus local) the client applies
// when it signs.
func (s *State) Skew() time.Duration { return time.Duration(s.skew.Load()) }

// DefaultRetryer returns the retryer the official clients build from a
// retry mode and a maximum attempt count (0 keeps the mode's default).
func DefaultRetryer(mode aws.RetryMode, maxAttempts int) aws.Retryer {
	var standard []func(*retry.StandardOptions)
	if maxAttempts != 0 {
		standard = append(standard, func(o *retry.StandardOptions) { o.MaxAttempts = maxAttempts })
	}
	if mode == aws.RetryModeAdaptive {
		return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
			o.StandardOptions = append(o.StandardOptions, standard...)
		})
	}
	return retry.NewStandard(standard...)
}

// WithMaxAttempts returns r limited to maxAttempts, as a per-call
// RetryMaxAttempts option does.
func WithMaxAttempts(r aws.Retryer, maxAttempts int) aws.Retryer {
	if isNilImplementation(r) {
		return r // not wrapped, so that the call reports it (see NilImplementation)
	}
	return retry.AddWithMaxAttempts(r, maxAttempts)
}

// DefaultHTTPClient returns the HTTP client of a new client: the official
// SDK's tuned transport (its dialer, which records the peer on the call's
// span, its TLS settings and its limit of connections per host), with more
// idle connections kept per host, and no redirects, so signed headers and
// session tokens are never replayed to another location.
func DefaultHTTPClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = tracedDial(awshttp.DefaultDialConnectTimeout)
	transport.TLSClientConfig = &tls.Config{MinVersion: awshttp.DefaultHTTPTransportTLSMinVersion}
	if fips140.Enabled() {
		// As the official transport: Go's default curves lead with
		// X25519, which FIPS 140-3 mode refuses.
		transport.TLSClientConfig.CurvePreferences = awshttp.DefaultHTTPTransportTLSCurvePreferencesFIPS
	}
	transport.MaxIdleConnsPerHost = 100
	transport.MaxIdleConns = awshttp.DefaultHTTPTransportMaxIdleConns
	transport.MaxConnsPerHost = awshttp.DefaultHTTPTransportMaxConnsPerHost
	return &http.Client{
		Transport:     transport,
		CheckRedirect: refuseRedirect,
	}
}

// DefaultSigner returns the SigV4 signer of a new client: this library's
// own (internal/sigv4), which produces the same headers as aws/signer/v4
// at a fraction of its cost. When it logs what it signs (aws.LogSigning),
// the session token and secret key are redacted.
func DefaultSigner(logger logging.Logger, logSigning bool) Signer {
	return sigv4.New(func(o *v4.SignerOptions) {
		o.Logger = redactingLogger{next: logger}
		o.LogSigning = logSigning
	})
}

// redactingLogger removes session tokens from the signer's messages: the
// token being signed with, by value (see WithContext), and any
// x-amz-security-token header line.
type redactingLogger struct {
	next  logging.Logger
	token string
}

func (l redactingLogger) Logf(classification logging.Classification, format string, v ...interface{}) {
	if l.next == nil {
		return
	}
	// With the signer's format, as the official clients log it, where
	// redacting its arguments gives the same text (see redact.Logf).
	redact.Logf(l.next, classification, l.redact, format, v...)
}

// redact removes the session token from text.
func (l redactingLogger) redact(text string) string {
	return redactTokenLines(redactToken(text, l.token))
}

// DefaultTokens returns the idempotency token provider of a new client:
// random version 4 UUIDs.
func DefaultTokens() TokenProvider {
	return smithyrand.NewUUIDIdempotencyToken(rand.Reader)
}

var (
	fallbackHTTPClient = sync.OnceValue(func() HTTPClient { return DefaultHTTPClient() })
	fallbackSigner     = sync.OnceValue(func() Signer { return sigv4.New() })
)

// withFallbacks returns cfg, or a copy with defaults in place of the
// pieces a per-call option cleared.
func withFallbacks(cfg *Config) *Config {
	if cfg.HTTPClient != nil && cfg.Retryer != nil && cfg.Signer != nil && cfg.Logger != nil {
		return cfg
	}
	c := *cfg
	c.values = nil // made for the Config's own logger
	if c.HTTPClient == nil {
		c.HTTPClient = fallbackHTTPClient()
	}
	if c.Retryer == nil {
		c.Retryer = retry.NewStandard()
	}
	if c.Signer == nil {
		c.Signer = fallbackSigner()
	}
	if c.Logger == nil {
		c.Logger = logging.Nop{}
	}
	return &c
}
