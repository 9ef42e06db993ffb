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
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
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

// authenticate signs req for one attempt of the call as the auth settings
// say, or leaves it unsigned when they select no auth.
func (c *call) authenticate(ctx context.Context, req *http.Request, skew time.Duration) error {
	a := &c.cfg.Auth
	if !a.custom {
		if c.cfg.Credentials == nil || a.anonymousFirst {
			return nil
		}
		creds, err := c.cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return fmt.Errorf("failed to retrieve credentials, %w", err)
		}
		return c.signV4(ctx, req, creds, c.signingName, c.signingRegion, skew)
	}
	return c.authenticateWithSchemes(ctx, req, skew)
}

// signV4 signs req with SigV4 and the call's signer.
func (c *call) signV4(ctx context.Context, req *http.Request, creds aws.Credentials, name, region string, skew time.Duration) error {
	signingTime := time.Now().UTC().Add(skew)
	if err := sign(ctx, &c.cfg, creds, req, c.payloadHash, name, region, signingTime); err != nil {
		return fmt.Errorf("failed to sign request, %w", err)
	}
	return nil
}

// authenticateWithSchemes selects the auth scheme of the attempt as the
// official clients do (the resolver's options sorted by the preference;
// the first that is noAuth, or that names a configured scheme able to find
// an identity), gets the identity and signs.
func (c *call) authenticateWithSchemes(ctx context.Context, req *http.Request, skew time.Duration) error {
	a := &c.cfg.Auth
	var options []*smithyauth.Option
	if a.Resolver != nil {
		var err error
		if options, err = a.Resolver.ResolveAuthSchemes(ctx, c.operation, c.cfg.Region); err != nil {
			return fmt.Errorf("resolve auth scheme: %w", err)
		}
	} else {
		options = c.defaultAuthOptions()
	}
	identities := identityOptions{credentials: c.cfg.Credentials}
	schemes := a.Schemes
	if schemes == nil {
		schemes = []smithyhttp.AuthScheme{&SigV4Scheme{}}
	}
	option, scheme := selectAuthScheme(sortAuthOptions(options, a.Preference), schemes, identities)
	if option == nil {
		return errors.New("could not select an auth scheme")
	}
	if scheme == nil {
		return nil // noAuth
	}
	identity, err := scheme.IdentityResolver(identities).GetIdentity(ctx, option.IdentityProperties)
	if err != nil {
		return fmt.Errorf("get identity: %w", err)
	}
	props := c.signerProperties(scheme.SchemeID(), option)
	if _, ours := scheme.(*SigV4Scheme); ours {
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
		return c.signV4(ctx, req, creds.Credentials, name, region, skew)
	}
	signer := scheme.Signer()
	if signer == nil {
		return errors.New("no signer")
	}
	ctx = v4.SetPayloadHash(ctx, c.payloadHash)
	if err := signer.SignRequest(ctx, &smithyhttp.Request{Request: req}, identity, props); err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

// defaultAuthOptions are the options of the service's default resolver:
// SigV4 for the service's signing name and the call's region, then noAuth.
func (c *call) defaultAuthOptions() []*smithyauth.Option {
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, c.defaultSigningName)
	smithyhttp.SetSigV4SigningRegion(&props, c.cfg.Region)
	return []*smithyauth.Option{
		{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props},
		{SchemeID: smithyauth.SchemeIDAnonymous},
	}
}

// signerProperties are the signer properties of the selected option, with
// the endpoint's auth properties over them and the WithSigV4SigningName
// and WithSigV4SigningRegion overrides over both.
func (c *call) signerProperties(schemeID string, option *smithyauth.Option) smithy.Properties {
	var props smithy.Properties
	props.SetAll(&option.SignerProperties)
	endpointOptions, _ := smithyauth.GetAuthOptions(&c.endpointProperties)
	for _, o := range endpointOptions {
		props.SetAll(&o.SignerProperties)
	}
	switch schemeID {
	case smithyauth.SchemeIDSigV4:
		if c.cfg.SigningName != "" {
			smithyhttp.SetSigV4SigningName(&props, c.cfg.SigningName)
		}
		if c.cfg.SigningRegion != "" {
			smithyhttp.SetSigV4SigningRegion(&props, c.cfg.SigningRegion)
		}
	case smithyauth.SchemeIDSigV4A:
		if c.cfg.SigningName != "" {
			smithyhttp.SetSigV4ASigningName(&props, c.cfg.SigningName)
		}
		if c.cfg.SigningRegion != "" {
			smithyhttp.SetSigV4ASigningRegions(&props, []string{c.cfg.SigningRegion})
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
}

// NewSigV4Scheme returns the SigV4 scheme of a client with the given signer
// and logging settings.
func NewSigV4Scheme(signer Signer, logger logging.Logger, logSigning bool) *SigV4Scheme {
	return &SigV4Scheme{signer: signer, logger: logger, logSigning: logSigning}
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
