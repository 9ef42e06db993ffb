package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/sigv4"
)

// AuthResolver lists the auth options of an operation, best first. A
// service adapts its Options.AuthSchemeResolver to it.
type AuthResolver interface {
	ResolveAuthSchemes(ctx context.Context, operation, region string) ([]*smithyauth.Option, error)
}

// Auth are the auth settings of a call: the options' AuthSchemeResolver,
// AuthSchemes and AuthSchemePreference.
type Auth struct {
	// Resolver is the options' resolver, or nil for the service's default,
	// which offers SigV4 and then no auth (smithy.api#noAuth).
	Resolver AuthResolver
	// Schemes are the options' auth schemes; nil, or the one SigV4 scheme
	// a client sets by default, signs with Config.Signer.
	Schemes []smithyhttp.AuthScheme
	// Preference lists scheme names ("sigv4", "noAuth") to try first.
	Preference []string

	// custom says the call must go through the general selection; false
	// when the defaults leave only "SigV4 with the credentials, unsigned
	// without them".
	custom bool
	// anonymousFirst says the preference puts noAuth before SigV4, so a
	// call with the default resolver is sent unsigned.
	anonymousFirst bool
}

// finish works out whether the settings are the defaults, whose outcome is
// known without resolving anything per call.
func (a *Auth) finish() {
	a.custom = a.Resolver != nil || !isDefaultSchemes(a.Schemes)
	a.anonymousFirst = false
	for _, name := range a.Preference {
		if name == "noAuth" {
			a.anonymousFirst = true
			break
		}
		if name == "sigv4" {
			break
		}
	}
}

func isDefaultSchemes(schemes []smithyhttp.AuthScheme) bool {
	if schemes == nil {
		return true
	}
	if len(schemes) != 1 {
		return false
	}
	_, ok := schemes[0].(*SigV4Scheme)
	return ok
}

// authChoice is the auth scheme an attempt uses.
type authChoice struct {
	// anonymous sends the request unsigned (smithy.api#noAuth).
	anonymous bool
	// option is the selected auth option; nil where the defaults leave
	// SigV4 for the service's signing name and the call's region.
	option *smithyauth.Option
	// scheme is a scheme of the program's own, or nil for SigV4 with the
	// call's signer.
	scheme smithyhttp.AuthScheme
}

// SchemeID returns the ID of the chosen scheme.
func (a *authChoice) SchemeID() string {
	switch {
	case a.anonymous:
		return smithyauth.SchemeIDAnonymous
	case a.scheme != nil:
		return a.scheme.SchemeID()
	}
	return smithyauth.SchemeIDSigV4
}

// chooseAuth selects the auth scheme of an attempt of operation as the
// official clients do: the resolver's options (the service's default is
// SigV4 for signingName and the region, then noAuth) sorted by the
// preference; the first that is noAuth, or that names a configured scheme
// able to find an identity, wins. With the default settings the outcome is
// known without resolving anything.
func chooseAuth(ctx context.Context, cfg *Config, operation, signingName string) (authChoice, error) {
	a := cfg.Auth
	if a == nil {
		return authChoice{anonymous: cfg.Credentials == nil}, nil
	}
	if !a.custom {
		return authChoice{anonymous: cfg.Credentials == nil || a.anonymousFirst}, nil
	}
	var options []*smithyauth.Option
	if a.Resolver != nil {
		var err error
		// A program's resolver is given the region as written, a legacy
		// FIPS spelling included, as in the official clients; the
		// service's own options sign for the plain region (see Finish).
		if options, err = a.Resolver.ResolveAuthSchemes(ctx, operation, cfg.writtenRegion()); err != nil {
			return authChoice{}, fmt.Errorf("resolve auth scheme: %w", err)
		}
	} else {
		options = defaultAuthOptions(signingName, cfg.Region)
	}
	schemes := a.Schemes
	if schemes == nil {
		schemes = []smithyhttp.AuthScheme{&SigV4Scheme{}}
	}
	option, scheme := selectAuthScheme(sortAuthOptions(options, a.Preference), schemes, identityOptions{credentials: cfg.Credentials})
	switch {
	case option == nil:
		return authChoice{}, errors.New("could not select an auth scheme")
	case scheme == nil:
		return authChoice{anonymous: true}, nil
	}
	if _, ours := scheme.(*SigV4Scheme); ours {
		return authChoice{option: option}, nil
	}
	return authChoice{option: option, scheme: scheme}, nil
}

// identity finds the identity of an attempt: the AWS credentials for
// SigV4, the scheme's own identity otherwise, none when anonymous.
func (a *authChoice) identity(ctx context.Context, cfg *Config) (smithyauth.Identity, aws.Credentials, error) {
	switch {
	case a.anonymous:
		return nil, aws.Credentials{}, nil
	case a.scheme == nil:
		creds, err := cfg.Credentials.Retrieve(ctx)
		if err != nil {
			// The official clients' credentials identity resolver.
			return nil, creds, fmt.Errorf("get credentials: %w", err)
		}
		return nil, creds, nil
	}
	identity, err := a.scheme.IdentityResolver(identityOptions{credentials: cfg.Credentials}).GetIdentity(ctx, a.option.IdentityProperties)
	return identity, aws.Credentials{}, err
}

// sigV4Defaults returns the SigV4 signing name and region an endpoint
// without its own leaves: the chosen option's, else name and region.
func (a *authChoice) sigV4Defaults(name, region string) (string, string) {
	if a.option != nil {
		if v, ok := smithyhttp.GetSigV4SigningName(&a.option.SignerProperties); ok {
			name = v
		}
		if v, ok := smithyhttp.GetSigV4SigningRegion(&a.option.SignerProperties); ok {
			region = v
		}
	}
	return name, region
}

// requireSigning returns the official SigV4 signer adapter's error when
// the chosen option (of a program's auth scheme resolver) leaves the
// signing name or region unset and neither the endpoint nor an override
// sets it: WithSigV4SigningName or WithSigV4SigningRegion, a name or
// region a middleware put in the context (ctxName, ctxRegion), or, for
// the name, a legacy resolver, which always gives one.
func (a *authChoice) requireSigning(endpoint *smithyendpoints.Endpoint, cfg *Config, ctxName, ctxRegion string) error {
	_, hasName := smithyhttp.GetSigV4SigningName(&a.option.SignerProperties)
	_, hasRegion := smithyhttp.GetSigV4SigningRegion(&a.option.SignerProperties)
	for _, o := range endpoints.AuthOptions(&endpoint.Properties) {
		_, name := smithyhttp.GetSigV4SigningName(&o.SignerProperties)
		_, region := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties)
		hasName, hasRegion = hasName || name, hasRegion || region
	}
	switch {
	case !hasName && cfg.SigningName == "" && ctxName == "" && !isLegacy(endpoint):
		return errors.New("sigv4 signing name is required")
	case !hasRegion && cfg.SigningRegion == "" && ctxRegion == "":
		return errors.New("sigv4 signing region is required")
	}
	return nil
}

// signWithScheme signs req with a scheme of the program's own, with the
// option's signer properties, the endpoint's over them and the
// WithSigV4SigningName and WithSigV4SigningRegion overrides over both.
func (a *authChoice) signWithScheme(ctx context.Context, cfg *Config, req *smithyhttp.Request, identity smithyauth.Identity,
	endpointProperties smithy.Properties, payloadHash string) error {
	signer := a.scheme.Signer()
	if signer == nil {
		return errors.New("no signer")
	}
	props := signerProperties(cfg, a.scheme.SchemeID(), a.option, endpointProperties)
	if err := signer.SignRequest(v4.SetPayloadHash(ctx, payloadHash), req, identity, props); err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

// attemptAuth is the auth scheme an attempt chose and the identity it
// found for it.
type attemptAuth struct {
	choice   authChoice
	identity smithyauth.Identity
	creds    aws.Credentials
}

// identify chooses the auth scheme of an attempt and finds its identity,
// as the official clients do first in each attempt.
func (c *call) identify(ctx context.Context) (attemptAuth, error) {
	choice, err := chooseAuth(ctx, c.cfg, c.operation, c.defaultSigningName)
	if err != nil || choice.anonymous {
		return attemptAuth{choice: choice}, err
	}
	identity, creds, err := choice.identity(ctx, c.cfg)
	if err != nil {
		return attemptAuth{}, fmt.Errorf("get identity: %w", err)
	}
	return attemptAuth{choice: choice, identity: identity, creds: creds}, nil
}

// authenticate signs req for one attempt of the call with the scheme and
// identity the attempt found, or leaves it unsigned when they select no
// auth.
func (c *call) authenticate(ctx context.Context, req *http.Request, auth *attemptAuth, skew time.Duration) error {
	choice := &auth.choice
	if choice.anonymous {
		return nil
	}
	if choice.scheme != nil {
		return choice.signWithScheme(ctx, c.cfg, &smithyhttp.Request{Request: req}, auth.identity, c.endpointProperties, c.payloadHash)
	}
	name, region := c.signingName, c.signingRegion
	if choice.option != nil {
		endpoint := smithyendpoints.Endpoint{Properties: c.endpointProperties}
		if err := choice.requireSigning(&endpoint, c.cfg, "", ""); err != nil {
			return fmt.Errorf("sign request: %w", err)
		}
		name, region = choice.sigV4Defaults(c.defaultSigningName, c.cfg.Region)
		if isLegacy(&endpoint) {
			// As the official legacy resolver middleware, which puts the
			// service's signing name in the context when the endpoint
			// gives none, over the option's.
			name = c.defaultSigningName
		}
		name, region = endpoints.Signing(&endpoint, name, region)
		if c.cfg.SigningName != "" {
			name = c.cfg.SigningName
		}
		if c.cfg.SigningRegion != "" {
			region = c.cfg.SigningRegion
		}
	}
	signingTime := time.Now().UTC().Add(skew)
	if err := sign(ctx, c.cfg, auth.creds, req, c.payloadHash, name, region, signingTime); err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

// defaultAuthOptions are the options of the service's default resolver:
// SigV4 for the service's signing name and the call's region, then noAuth.
func defaultAuthOptions(signingName, region string) []*smithyauth.Option {
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, signingName)
	smithyhttp.SetSigV4SigningRegion(&props, region)
	return []*smithyauth.Option{
		{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props},
		{SchemeID: smithyauth.SchemeIDAnonymous},
	}
}

// signerProperties are the signer properties of the selected option, with
// the endpoint's auth properties over them and the WithSigV4SigningName
// and WithSigV4SigningRegion overrides over both.
func signerProperties(cfg *Config, schemeID string, option *smithyauth.Option, endpointProperties smithy.Properties) smithy.Properties {
	var props smithy.Properties
	props.SetAll(&option.SignerProperties)
	for _, o := range endpoints.AuthOptions(&endpointProperties) {
		props.SetAll(&o.SignerProperties)
	}
	switch schemeID {
	case smithyauth.SchemeIDSigV4:
		if cfg.SigningName != "" {
			smithyhttp.SetSigV4SigningName(&props, cfg.SigningName)
		}
		if cfg.SigningRegion != "" {
			smithyhttp.SetSigV4SigningRegion(&props, cfg.SigningRegion)
		}
	case smithyauth.SchemeIDSigV4A:
		if cfg.SigningName != "" {
			smithyhttp.SetSigV4ASigningName(&props, cfg.SigningName)
		}
		if cfg.SigningRegion != "" {
			smithyhttp.SetSigV4ASigningRegions(&props, []string{cfg.SigningRegion})
		}
	}
	return props
}

// selectAuthScheme returns the first option that is noAuth (with a nil
// scheme) or that a configured scheme serves with an identity resolver.
func selectAuthScheme(options []*smithyauth.Option, schemes []smithyhttp.AuthScheme, identities smithyauth.IdentityResolverOptions) (*smithyauth.Option, smithyhttp.AuthScheme) {
	for _, option := range options {
		if option.SchemeID == smithyauth.SchemeIDAnonymous {
			return option, nil
		}
		for _, scheme := range schemes {
			if matchSchemeID(scheme.SchemeID(), option.SchemeID) && scheme.IdentityResolver(identities) != nil {
				return option, scheme
			}
		}
	}
	return nil, nil
}

func matchSchemeID(registered, option string) bool {
	if registered == option {
		return true
	}
	if i := strings.LastIndex(registered, "#"); i != -1 {
		return registered[i+1:] == option
	}
	return false
}

// sortAuthOptions puts the options the preference names first, in its
// order, then the others in theirs.
func sortAuthOptions(options []*smithyauth.Option, preferred []string) []*smithyauth.Option {
	if len(preferred) == 0 {
		return options
	}
	sorted := make([]*smithyauth.Option, 0, len(options))
	for _, name := range preferred {
		for _, option := range options {
			optionName := option.SchemeID
			if i := strings.IndexByte(optionName, '#'); i != -1 && strings.Count(optionName, "#") == 1 {
				optionName = optionName[i+1:]
			}
			if name == optionName {
				sorted = append(sorted, option)
			}
		}
	}
	for _, option := range options {
		if !slices.ContainsFunc(sorted, func(o *smithyauth.Option) bool { return o.SchemeID == option.SchemeID }) {
			sorted = append(sorted, option)
		}
	}
	return sorted
}

// IdentityResolver returns the identity resolver of a scheme for options
// carrying credentials, as the official Options.GetIdentityResolver does:
// the credentials for SigV4 (nil without them), anonymous for noAuth.
func IdentityResolver(schemeID string, credentials aws.CredentialsProvider) smithyauth.IdentityResolver {
	switch schemeID {
	case smithyauth.SchemeIDSigV4:
		if credentials != nil {
			return &CredentialsIdentityResolver{Provider: credentials}
		}
	case smithyauth.SchemeIDAnonymous:
		return &smithyauth.AnonymousIdentityResolver{}
	}
	return nil
}

// identityOptions are what the pipeline hands a scheme looking for its
// identity resolver.
type identityOptions struct{ credentials aws.CredentialsProvider }

func (o identityOptions) GetIdentityResolver(schemeID string) smithyauth.IdentityResolver {
	return IdentityResolver(schemeID, o.credentials)
}

// CredentialsIdentityResolver finds AWS credentials as a smithy identity.
type CredentialsIdentityResolver struct {
	Provider aws.CredentialsProvider
}

// GetIdentity retrieves the credentials.
func (r *CredentialsIdentityResolver) GetIdentity(ctx context.Context, _ smithy.Properties) (smithyauth.Identity, error) {
	if r.Provider == nil {
		return &CredentialsIdentity{}, nil
	}
	creds, err := r.Provider.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("get credentials: %w", err)
	}
	return &CredentialsIdentity{Credentials: creds}, nil
}

// CredentialsIdentity is AWS credentials as a smithy identity.
type CredentialsIdentity struct {
	Credentials aws.Credentials
}

// Expiration returns when the credentials expire.
func (i *CredentialsIdentity) Expiration() time.Time { return i.Credentials.Expires }

// SigV4Scheme is the SigV4 auth scheme a client sets in Options.AuthSchemes
// by default. In a call it signs with the call's HTTPSignerV4.
type SigV4Scheme struct {
	signer     Signer
	logger     logging.Logger
	logSigning bool
	// held is signer as a call signs with it (see SchemeSigner).
	held Signer
}

// schemeSigner is a program's own SigV4 signer as a client's SigV4 scheme
// holds it: with the logger and logging mode the client's New was given,
// which the official clients' SigV4 scheme hands it whatever a call's
// options set.
type schemeSigner struct {
	Signer
	logger     logging.Logger
	logSigning bool
}

// SchemeSigner returns the signer a call with the given auth schemes
// signs SigV4 with: when they are the one SigV4 scheme of a client, the
// signer New gave it, with the logger and logging mode New was given
// when it is the program's own, as the official clients' SigV4 scheme
// keeps them whatever a call's options set; else signer.
func SchemeSigner(schemes []smithyhttp.AuthScheme, signer Signer) Signer {
	if len(schemes) == 1 {
		if s, ok := schemes[0].(*SigV4Scheme); ok && s.held != nil {
			return s.held
		}
	}
	return signer
}

// programSigner returns the program's own signer s holds, or s.
func programSigner(s Signer) Signer {
	if held, ok := s.(*schemeSigner); ok {
		return held.Signer
	}
	return s
}

// OptionSchemes returns Auth.Schemes for the auth schemes of a call's
// options. New fills them, so nil there is a call's options clearing them:
// no scheme, as in the official clients, where such a call goes unsigned
// when the resolver allows no auth, and fails otherwise. (Auth.Schemes
// nil stands for the defaults.)
func OptionSchemes(schemes []smithyhttp.AuthScheme) []smithyhttp.AuthScheme {
	if schemes == nil {
		return []smithyhttp.AuthScheme{}
	}
	return schemes
}

// NewSigV4Scheme returns the SigV4 scheme of a client with the given signer
// and logging settings.
func NewSigV4Scheme(signer Signer, logger logging.Logger, logSigning bool) *SigV4Scheme {
	s := &SigV4Scheme{signer: signer, logger: logger, logSigning: logSigning, held: signer}
	if _, own := signer.(*sigv4.Signer); !own && signer != nil {
		// This library's signer was made with them (DefaultSigner).
		s.held = &schemeSigner{Signer: signer, logger: logger, logSigning: logSigning}
	}
	return s
}

// SchemeID returns "aws.auth#sigv4".
func (*SigV4Scheme) SchemeID() string { return smithyauth.SchemeIDSigV4 }

// IdentityResolver returns the options' SigV4 identity resolver.
func (*SigV4Scheme) IdentityResolver(o smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return o.GetIdentityResolver(smithyauth.SchemeIDSigV4)
}

// Signer returns a signer that signs with the scheme's SigV4 signer.
func (s *SigV4Scheme) Signer() smithyhttp.Signer { return sigV4Signer{s} }

// sigV4Signer signs a request with a SigV4 scheme outside a call.
type sigV4Signer struct{ scheme *SigV4Scheme }

func (s sigV4Signer) SignRequest(ctx context.Context, r *smithyhttp.Request, identity smithyauth.Identity, props smithy.Properties) error {
	creds, ok := identity.(*CredentialsIdentity)
	if !ok {
		return fmt.Errorf("unexpected identity type: %T", identity)
	}
	name, ok := smithyhttp.GetSigV4SigningName(&props)
	if !ok {
		return errors.New("sigv4 signing name is required")
	}
	region, ok := smithyhttp.GetSigV4SigningRegion(&props)
	if !ok {
		return errors.New("sigv4 signing region is required")
	}
	signer := s.scheme.signer
	if signer == nil {
		signer = fallbackSigner()
	}
	if creds.Credentials.SessionToken != "" && s.scheme.logSigning {
		ctx = withSessionToken(ctx, creds.Credentials.SessionToken)
	}
	return signer.SignHTTP(ctx, creds.Credentials, r.Request, v4.GetPayloadHash(ctx), name, region, time.Now().UTC(),
		func(o *v4.SignerOptions) {
			o.Logger = redactingLogger{next: s.scheme.logger}
			o.LogSigning = s.scheme.logSigning
		})
}
