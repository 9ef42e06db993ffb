//lint:file-ignore SA1019 the legacy endpoint resolvers and aws.Endpoint are part of the official clients' API

package transport

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// EndpointResolverV1 is the endpoint resolver of the official clients
// before endpoint rules (a service's Options.EndpointResolver): it maps a
// region and the endpoint options to an aws.Endpoint.
type EndpointResolverV1 interface {
	ResolveEndpoint(region string, options endpoints.ResolverOptions) (aws.Endpoint, error)
}

// EndpointResolverV2 resolves an endpoint with a service's endpoint rules
// or a resolver of its own. A service adapts its Options.EndpointResolverV2
// to it, turning key and base into its EndpointParameters.
type EndpointResolverV2 interface {
	ResolveEndpoint(ctx context.Context, key EndpointKey, base *string) (smithyendpoints.Endpoint, error)
}

// Endpoints are the endpoint settings of a call.
type Endpoints struct {
	// Region is the options' region as written. Config.Finish sets it.
	Region string
	// Options are the options' EndpointOptions, finalised by Config.Finish
	// as the official clients finalise them before each call (a legacy
	// FIPS region becomes ResolvedRegion with FIPS enabled).
	Options endpoints.ResolverOptions
	// BaseEndpoint is the options' BaseEndpoint.
	BaseEndpoint *string
	// V1 is the options' EndpointResolver, or nil. When set it is asked
	// first, and its endpoint wins over BaseEndpoint and the rules; only
	// an aws.EndpointNotFoundError hands the call on to V2.
	V1 EndpointResolverV1
	// V2 resolves with the options' EndpointResolverV2.
	V2 EndpointResolverV2
	// Rules says V2 is the service's own rule set, whose result depends
	// only on its parameters and so is kept between calls.
	Rules bool
}

// ErrNoEndpointResolver is the error of a call whose options hold no
// EndpointResolverV2 (an option function set it to nil) and no legacy
// resolver that answered, worded as the official clients word it.
var ErrNoEndpointResolver = errors.New("expected endpoint resolver to not be nil")

// askLegacy asks the legacy resolver, which must be set, as the official
// clients do once per call, before the operation's serializer, handing it
// the logger of the call's context. found is false when it answered with
// an aws.EndpointNotFoundError, which hands the call on to V2, asked on
// each attempt.
func (e *Endpoints) askLegacy(ctx context.Context) (v1 aws.Endpoint, found bool, err error) {
	options := e.Options
	options.Logger = middleware.GetLogger(ctx)
	v1, err = e.V1.ResolveEndpoint(e.Region, options)
	var notFound *aws.EndpointNotFoundError
	if err != nil && errors.As(err, &notFound) {
		return v1, false, nil
	}
	return v1, err == nil, err
}

// resolveLegacy is askLegacy for the direct path, when a legacy resolver
// is set (found is false otherwise), with its answer as an endpoint.
func (e *Endpoints) resolveLegacy(ctx context.Context) (endpoint smithyendpoints.Endpoint, found bool, err error) {
	if e.V1 == nil {
		return endpoint, false, nil
	}
	v1, found, err := e.askLegacy(ctx)
	if !found || err != nil {
		return endpoint, false, err
	}
	endpoint, err = fromLegacy(v1)
	return endpoint, err == nil, err
}

// resolveV2 resolves with the rules' resolver, V2.
func (e *Endpoints) resolveV2(ctx context.Context, state *State) (smithyendpoints.Endpoint, error) {
	if e.V2 == nil {
		return smithyendpoints.Endpoint{}, ErrNoEndpointResolver
	}
	key, err := e.key()
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	if e.Rules && state != nil {
		if endpoint, ok := state.CachedEndpoint(key); ok {
			return endpoint, nil
		}
	}
	endpoint, err := e.V2.ResolveEndpoint(ctx, key, e.BaseEndpoint)
	if err == nil && e.Rules && state != nil {
		state.StoreEndpoint(key, endpoint)
	}
	return endpoint, err
}

// resolveError words a failure to resolve an endpoint as the official
// clients word it.
func resolveError(err error) error {
	var urlErr *endpointURLError
	var regionErr *endpoints.RegionError
	switch {
	case err == ErrNoEndpointResolver, errors.As(err, &urlErr):
		return err
	case errors.As(err, &regionErr):
		// As the official clients, which check the region as they bind
		// the endpoint parameters.
		return fmt.Errorf("failed to bind endpoint params, %w", err)
	}
	return fmt.Errorf("failed to resolve service endpoint, %w", err)
}

// key returns the rule inputs of the settings: the region (a legacy FIPS
// spelling turned into FIPS), the FIPS and dual-stack settings and the
// base endpoint. As in the official clients, EndpointOptions.ResolvedRegion
// is for the legacy resolver alone: the rules are given the region.
func (e *Endpoints) key() (EndpointKey, error) {
	region := e.Region
	if err := endpoints.CheckRegion(region); err != nil {
		return EndpointKey{}, err
	}
	region, _ = endpoints.FIPSRegion(region)
	key := EndpointKey{
		Region:       region,
		UseFIPS:      e.Options.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled,
		UseDualStack: e.Options.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled,
	}
	if e.BaseEndpoint != nil {
		key.Endpoint, key.HasEndpoint = *e.BaseEndpoint, true
	}
	return key, nil
}

// fromLegacy turns a legacy resolver's answer into an endpoint: its URL,
// and the signing name and region it gives (an empty one leaves the
// default).
func fromLegacy(v1 aws.Endpoint) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(v1.URL)
	if err != nil {
		return smithyendpoints.Endpoint{}, &endpointURLError{err: err}
	}
	endpoint := smithyendpoints.Endpoint{URI: *u}
	if v1.SigningName != "" || v1.SigningRegion != "" {
		var signer smithy.Properties
		if v1.SigningName != "" {
			smithyhttp.SetSigV4SigningName(&signer, v1.SigningName)
		}
		if v1.SigningRegion != "" {
			smithyhttp.SetSigV4SigningRegion(&signer, v1.SigningRegion)
		}
		smithyauth.SetAuthOptions(&endpoint.Properties, []*smithyauth.Option{{
			SchemeID:         smithyauth.SchemeIDSigV4,
			SignerProperties: signer,
		}})
	}
	if v1.HostnameImmutable {
		endpoint.Properties.Set(hostnameImmutableKey{}, true)
	}
	endpoint.Properties.Set(legacyKey{}, true)
	return endpoint, nil
}

type hostnameImmutableKey struct{}

// endpointURLError is the error of a legacy endpoint whose URL does not
// parse, worded as the official clients word it; it is not wrapped in
// "failed to resolve service endpoint", as there.
type endpointURLError struct{ err error }

func (e *endpointURLError) Error() string { return "failed to parse endpoint URL: " + e.err.Error() }

func (e *endpointURLError) Unwrap() error { return e.err }

type legacyKey struct{}

// isLegacy reports whether a legacy (version 1) resolver gave endpoint.
func isLegacy(endpoint *smithyendpoints.Endpoint) bool {
	v, _ := endpoints.Property(&endpoint.Properties, legacyKey{}).(bool)
	return v
}

// legacyURL returns the URL of a request to endpoint, which a legacy
// (version 1) resolver gave, as the official clients build it: their
// legacy resolver middleware sets the request's URL to the endpoint's
// whole URL, query, fragment and user information included, before the
// operation's serializer adds the operation's path (see
// setOperationPath). cbor is set for an rpcv2Cbor operation; path and
// rawPath are the operation's path and escaped path.
func legacyURL(endpoint *smithyendpoints.Endpoint, cbor bool, path, rawPath string) (url.URL, error) {
	u := endpoint.URI
	err := setOperationPath(&u, cbor, path, rawPath)
	return u, err
}

// setOperationPath puts an operation's path into u, the URL a request
// already has, as the official serializers do: restJson1 (whose escaped
// path is never empty) joins its path and escaped path to u's and encodes
// u's query again, as the binding encoder does; rpcv2Cbor (cbor) sets its
// path; awsJson sets its "/" where u has no path.
func setOperationPath(u *url.URL, cbor bool, path, rawPath string) error {
	switch {
	case rawPath != "":
		joinPaths(u, path, rawPath)
		if u.RawQuery != "" {
			query, err := url.ParseQuery(u.RawQuery)
			if err != nil {
				return &smithy.SerializationError{Err: err}
			}
			u.RawQuery = query.Encode()
		}
	case cbor:
		u.Path = path
	case u.Path == "":
		u.Path = path
	}
	return nil
}

// HostnameImmutable reports whether a legacy resolver marked endpoint's
// host as not to be changed; EndpointOptions.DisableHTTPS then leaves its
// scheme alone, as in the official clients.
func HostnameImmutable(endpoint *smithyendpoints.Endpoint) bool {
	v, _ := endpoints.Property(&endpoint.Properties, hostnameImmutableKey{}).(bool)
	return v
}

// awsEndpointResolver adapts the resolver of an aws.Config to a service's
// legacy resolver, as the official clients' NewFromConfig does.
type awsEndpointResolver struct {
	serviceID string
	resolver  aws.EndpointResolverWithOptions
}

func (r *awsEndpointResolver) ResolveEndpoint(region string, options endpoints.ResolverOptions) (aws.Endpoint, error) {
	return r.resolver.ResolveEndpoint(r.serviceID, region, options)
}

// awsEndpointResolverAdaptor adapts an aws.EndpointResolver to an
// aws.EndpointResolverWithOptions.
type awsEndpointResolverAdaptor func(service, region string) (aws.Endpoint, error)

func (a awsEndpointResolverAdaptor) ResolveEndpoint(service, region string, _ ...interface{}) (aws.Endpoint, error) {
	return a(service, region)
}

// AWSConfigEndpointResolver returns the legacy resolver a client built
// from an aws.Config uses: EndpointResolverWithOptions when set, else
// EndpointResolver, or nil when neither is.
func AWSConfigEndpointResolver(cfg aws.Config, serviceID string) EndpointResolverV1 {
	switch {
	case cfg.EndpointResolverWithOptions != nil:
		return &awsEndpointResolver{serviceID: serviceID, resolver: cfg.EndpointResolverWithOptions}
	case cfg.EndpointResolver != nil:
		return &awsEndpointResolver{serviceID: serviceID, resolver: awsEndpointResolverAdaptor(cfg.EndpointResolver.ResolveEndpoint)}
	}
	return nil
}

// RulesEndpointResolverV1 answers legacy endpoint resolution (a service's
// NewDefaultEndpointResolver) from the service's endpoint rules: the
// region, resolved region and FIPS and dual-stack options select the
// endpoint as they do for a call, and its signing region is the rules'
// or the region.
type RulesEndpointResolverV1 struct {
	// Rules is the service's rule set.
	Rules EndpointResolverV2
}

// ResolveEndpoint resolves the endpoint of region with options.
func (r *RulesEndpointResolverV1) ResolveEndpoint(region string, options endpoints.ResolverOptions) (aws.Endpoint, error) {
	if region == "" {
		return aws.Endpoint{}, &aws.MissingRegionError{}
	}
	settings := Endpoints{Region: region, Options: options}
	key, err := settings.key()
	if err != nil {
		return aws.Endpoint{}, err
	}
	endpoint, err := r.Rules.ResolveEndpoint(context.Background(), key, nil)
	if err != nil {
		return aws.Endpoint{}, err
	}
	u := endpoint.URI
	if options.DisableHTTPS {
		u.Scheme = "http"
	}
	name, signingRegion := endpoints.Signing(&endpoint, "", key.Region)
	return aws.Endpoint{
		URL:           u.String(),
		PartitionID:   endpoints.PartitionOf(key.Region).Name,
		SigningName:   name,
		SigningRegion: signingRegion,
		SigningMethod: "v4",
	}, nil
}
