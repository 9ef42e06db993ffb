package memorydb

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

	// When true, use the dual-stack endpoint. If the configured endpoint does not
	// support dual-stack, dispatching the request MAY return an error.
	//
	// Defaults to false if no value is provided.
	//
	// AWS::UseDualStack
	UseDualStack *bool

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

// endpointParameters returns the rule parameters of key.
func endpointParameters(key transport.EndpointKey, baseEndpoint *string) EndpointParameters {
	params := EndpointParameters{
		UseFIPS:      aws.Bool(key.UseFIPS),
		UseDualStack: aws.Bool(key.UseDualStack),
		Endpoint:     baseEndpoint,
	}
	if key.Region != "" {
		params.Region = aws.String(key.Region)
	}
	return params
}
