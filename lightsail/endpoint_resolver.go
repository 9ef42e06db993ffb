//lint:file-ignore SA1019 the legacy endpoint resolver and aws.Endpoint are part of the official client's API

package lightsail

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
	if _, ok := resolver.(*defaultResolver); ok {
		return rulesResolver, true
	}
	return &endpointResolver{resolver: resolver}, false
}
