package endpoints

import "github.com/aws/aws-sdk-go-v2/aws"

// GetResolvedRegion returns ResolvedRegion.
func (o ResolverOptions) GetResolvedRegion() string { return o.ResolvedRegion }

// GetDisableHTTPS returns DisableHTTPS.
func (o ResolverOptions) GetDisableHTTPS() bool { return o.DisableHTTPS }

// GetUseDualStackEndpoint returns UseDualStackEndpoint.
func (o ResolverOptions) GetUseDualStackEndpoint() aws.DualStackEndpointState {
	return o.UseDualStackEndpoint
}

// GetUseFIPSEndpoint returns UseFIPSEndpoint.
func (o ResolverOptions) GetUseFIPSEndpoint() aws.FIPSEndpointState { return o.UseFIPSEndpoint }
