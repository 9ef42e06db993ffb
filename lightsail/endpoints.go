package lightsail

import (
	"context"
	"fmt"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// defaultResolver is the resolver NewDefaultEndpointResolverV2 returns.
type defaultResolver struct{}

// ResolveEndpoint applies the Lightsail endpoint rules to params: a custom
// endpoint as it is, else https://lightsail[-fips].{Region}.{dnsSuffix},
// with the partition's dual-stack suffix when UseDualStack is set.
func (*defaultResolver) ResolveEndpoint(_ context.Context, params EndpointParameters) (smithyendpoints.Endpoint, error) {
	params = params.WithDefaults()
	if err := params.ValidateRequired(); err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint parameters are not valid, %w", err)
	}
	useFIPS, useDualStack := *params.UseFIPS, *params.UseDualStack
	if params.Endpoint != nil {
		return endpoints.Custom(*params.Endpoint, useFIPS, useDualStack)
	}
	if params.Region == nil {
		return smithyendpoints.Endpoint{}, endpoints.ErrMissingRegion
	}
	return endpoints.Regional("lightsail", *params.Region, useFIPS, useDualStack)
}
