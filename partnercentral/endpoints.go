package partnercentral

import (
	"context"
	"fmt"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// defaultResolver is the resolver NewDefaultEndpointResolverV2 returns.
type defaultResolver struct{}

// endpointPrefix is the first label of the service's host names.
const endpointPrefix = "partnercentral-selling"

// ResolveEndpoint applies the Partner Central Selling endpoint rules to
// params: a custom endpoint as it is (not with FIPS), else
// https://partnercentral-selling[-fips].{Region}.{dual-stack DNS suffix}.
func (*defaultResolver) ResolveEndpoint(_ context.Context, params EndpointParameters) (smithyendpoints.Endpoint, error) {
	params = params.WithDefaults()
	if err := params.ValidateRequired(); err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint parameters are not valid, %w", err)
	}
	useFIPS := *params.UseFIPS
	if params.Endpoint != nil {
		return endpoints.Custom(*params.Endpoint, useFIPS, false)
	}
	if params.Region == nil {
		return smithyendpoints.Endpoint{}, endpoints.ErrMissingRegion
	}
	region := *params.Region
	prefix := endpointPrefix
	if useFIPS {
		prefix += "-fips"
	}
	return endpoints.HostOf(prefix + "." + region + "." + endpoints.PartitionOf(region).DualStackDNSSuffix)
}
