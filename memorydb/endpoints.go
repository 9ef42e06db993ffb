package memorydb

import (
	"context"
	"fmt"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// defaultResolver is the resolver NewDefaultEndpointResolverV2 returns.
type defaultResolver struct{}

// ResolveEndpoint applies the MemoryDB endpoint rules to params.
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
	region := *params.Region
	if region == "fips" && !useFIPS && !useDualStack {
		// The legacy "fips" region is served in us-west-1 and signed for it.
		return endpoints.WithSigV4(endpoints.Host("memory-db-fips.us-west-1.amazonaws.com"), "memorydb", "us-west-1"), nil
	}
	return endpoints.Regional("memory-db", region, useFIPS, useDualStack)
}
