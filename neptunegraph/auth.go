package neptunegraph

import (
	"context"

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
