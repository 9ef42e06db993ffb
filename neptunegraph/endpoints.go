package neptunegraph

import (
	"context"
	"fmt"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// The values of EndpointParameters.ApiType the rules know.
const (
	apiTypeControlPlane = "ControlPlane"
	apiTypeDataPlane    = "DataPlane"
)

// defaultResolver is the resolver NewDefaultEndpointResolverV2 returns.
type defaultResolver struct{}

// The error results of the Neptune Analytics rules that other services do
// not share.
var (
	errUnknownAPIType = endpoints.RuleError("Invalid Configuration: Unknown ApiType")
	errFIPSDataPlane  = endpoints.RuleError("Invalid Configuration: fips endpoint is not supported for this API")
)

// ResolveEndpoint applies the Neptune Analytics endpoint rules to params:
// a custom endpoint as it is, else the control-plane host
// neptune-graph[-fips].{Region}.{dnsSuffix or dualStackDnsSuffix}, or the
// data-plane host {Region}.neptune-graph.{dnsSuffix} (dual-stack:
// neptune-graph.{Region}.on.aws; no FIPS).
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
	return regionalEndpoint(*params.Region, *params.ApiType, useFIPS, useDualStack)
}

// regionalEndpoint is the rules' region branch. What the partition does not
// support is reported before the ApiType is looked at.
func regionalEndpoint(region, apiType string, useFIPS, useDualStack bool) (smithyendpoints.Endpoint, error) {
	partition := endpoints.PartitionOf(region)
	if err := partitionSupport(partition, useFIPS, useDualStack); err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	switch apiType {
	case apiTypeControlPlane:
		prefix, suffix := "neptune-graph", partition.DNSSuffix
		if useFIPS {
			prefix = "neptune-graph-fips"
		}
		if useDualStack {
			suffix = partition.DualStackDNSSuffix
		}
		return endpoints.HostOf(prefix + "." + region + "." + suffix)
	case apiTypeDataPlane:
		switch {
		case useFIPS:
			return smithyendpoints.Endpoint{}, errFIPSDataPlane
		case useDualStack:
			return endpoints.HostOf("neptune-graph." + region + ".on.aws")
		}
		return endpoints.HostOf(region + ".neptune-graph." + partition.DNSSuffix)
	}
	return smithyendpoints.Endpoint{}, errUnknownAPIType
}

// partitionSupport returns the rules' error for FIPS or dual-stack on a
// partition that lacks it.
func partitionSupport(p endpoints.Partition, useFIPS, useDualStack bool) error {
	switch {
	case useFIPS && useDualStack:
		if !p.SupportsFIPS || !p.SupportsDualStack {
			return endpoints.ErrFIPSAndDualStack
		}
	case useFIPS:
		if !p.SupportsFIPS {
			return endpoints.ErrFIPSUnsupported
		}
	case useDualStack:
		if !p.SupportsDualStack {
			return endpoints.ErrDualStackUnsupport
		}
	}
	return nil
}
