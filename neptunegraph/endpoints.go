package neptunegraph

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/transport"
)

// EndpointParameters are the inputs of the service's endpoint rules.
type EndpointParameters struct {
	// The AWS region used to dispatch the request.
	//
	// AWS::Region
	Region *string

	// When true, send this request to the FIPS-compliant regional endpoint. If the
	// configured endpoint does not have a FIPS compliant endpoint, dispatching the
	// request will return an error.
	//
	// Defaults to false if no value is provided.
	//
	// AWS::UseFIPS
	UseFIPS *bool

	// When true, use the dual-stack endpoint. If the configured endpoint does not
	// support dual-stack, dispatching the request MAY return an error.
	//
	// Defaults to false if no value is provided.
	//
	// AWS::UseDualStack
	UseDualStack *bool

	// Override the endpoint used to send this request
	//
	// SDK::Endpoint
	Endpoint *string

	// Parameter to determine whether current API is a control plane or dataplane
	// API: "ControlPlane" or "DataPlane". CreateGraphSnapshot sets it to
	// "ControlPlane".
	//
	// Parameter is required.
	ApiType *string
}

// The values of EndpointParameters.ApiType the rules know.
const (
	apiTypeControlPlane = "ControlPlane"
	apiTypeDataPlane    = "DataPlane"
)

// ValidateRequired returns an error if a required parameter is unset.
func (p EndpointParameters) ValidateRequired() error {
	if p.ApiType == nil {
		return fmt.Errorf("parameter ApiType is required")
	}
	if p.UseDualStack == nil {
		return fmt.Errorf("parameter UseDualStack is required")
	}
	if p.UseFIPS == nil {
		return fmt.Errorf("parameter UseFIPS is required")
	}
	return nil
}

// WithDefaults returns a copy of p with the rules' defaults applied to
// unset parameters.
func (p EndpointParameters) WithDefaults() EndpointParameters {
	if p.UseDualStack == nil {
		p.UseDualStack = aws.Bool(false)
	}
	if p.UseFIPS == nil {
		p.UseFIPS = aws.Bool(false)
	}
	return p
}

// EndpointResolverV2 resolves the endpoint of a call from its parameters.
type EndpointResolverV2 interface {
	ResolveEndpoint(ctx context.Context, params EndpointParameters) (smithyendpoints.Endpoint, error)
}

// NewDefaultEndpointResolverV2 returns the resolver that implements the
// service's endpoint rules.
func NewDefaultEndpointResolverV2() EndpointResolverV2 {
	return &defaultResolver{}
}

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
		return endpoints.Host(prefix + "." + region + "." + suffix), nil
	case apiTypeDataPlane:
		switch {
		case useFIPS:
			return smithyendpoints.Endpoint{}, errFIPSDataPlane
		case useDualStack:
			return endpoints.Host("neptune-graph." + region + ".on.aws"), nil
		}
		return endpoints.Host(region + ".neptune-graph." + partition.DNSSuffix), nil
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

// endpointParameters returns the rule parameters of key. ApiType is
// "ControlPlane", as the operation's static context parameters say.
func endpointParameters(key transport.EndpointKey, baseEndpoint *string) EndpointParameters {
	params := EndpointParameters{
		UseFIPS:      aws.Bool(key.UseFIPS),
		UseDualStack: aws.Bool(key.UseDualStack),
		Endpoint:     baseEndpoint,
		ApiType:      aws.String(apiTypeControlPlane),
	}
	if key.Region != "" {
		params.Region = aws.String(key.Region)
	}
	return params
}
