package datazone

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/transport"
)

// EndpointParameters are the inputs of the service's endpoint rules. The
// rules have no dual-stack parameter: the endpoints are dual-stack
// wherever the partition supports it.
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

	// Override the endpoint used to send this request
	//
	// SDK::Endpoint
	Endpoint *string
}

// ValidateRequired returns an error if a required parameter is unset.
func (p EndpointParameters) ValidateRequired() error {
	if p.UseFIPS == nil {
		return fmt.Errorf("parameter UseFIPS is required")
	}
	return nil
}

// WithDefaults returns a copy of p with the rules' defaults applied to
// unset parameters.
func (p EndpointParameters) WithDefaults() EndpointParameters {
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
	return endpoints.Host(prefix + region + "." + suffix), nil
}

// endpointParameters returns the rule parameters of key.
func endpointParameters(key transport.EndpointKey, baseEndpoint *string) EndpointParameters {
	params := EndpointParameters{UseFIPS: aws.Bool(key.UseFIPS), Endpoint: baseEndpoint}
	if key.Region != "" {
		params.Region = aws.String(key.Region)
	}
	return params
}
