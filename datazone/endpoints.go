package datazone

import (
	"context"
	"fmt"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// defaultResolver is the resolver NewDefaultEndpointResolverV2 returns.
type defaultResolver struct{}

// ResolveEndpoint applies the DataZone endpoint rules to params: a custom
// endpoint as it is (not with FIPS), else
// https://datazone[-fips].{Region}.{suffix}, where the suffix is the
// partition's dual-stack DNS suffix when it supports dual-stack.
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
	partition := endpoints.PartitionOf(region)
	suffix := partition.DNSSuffix
	if partition.SupportsDualStack {
		suffix = partition.DualStackDNSSuffix
	}
	prefix := "datazone."
	if useFIPS {
		if !partition.SupportsFIPS {
			return smithyendpoints.Endpoint{}, endpoints.ErrFIPSUnsupported
		}
		prefix = "datazone-fips."
	}
	return endpoints.HostOf(prefix + region + "." + suffix)
}
