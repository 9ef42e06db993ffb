package transport

import (
	"context"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// SharedSettings is what a client reads from an aws.Config beyond its plain
// fields: the retryer, the legacy endpoint resolver, the base endpoint
// (including the service-specific AWS_ENDPOINT_URL_<SERVICE> setting) and
// the FIPS and dual-stack settings of the config sources, resolved as the
// official clients resolve them.
type SharedSettings struct {
	Retryer          aws.Retryer
	EndpointResolver EndpointResolverV1
	BaseEndpoint     *string
	UseFIPS          aws.FIPSEndpointState
	UseDualStack     aws.DualStackEndpointState
}

// FromAWSConfig resolves the SharedSettings of cfg for the service with
// the given SDK ID (e.g. "MemoryDB").
func FromAWSConfig(cfg aws.Config, serviceID string) SharedSettings {
	var s SharedSettings
	if cfg.Retryer != nil {
		s.Retryer = cfg.Retryer()
	}
	s.EndpointResolver = AWSConfigEndpointResolver(cfg, serviceID)
	s.BaseEndpoint = cfg.BaseEndpoint
	if endpoint, ok := serviceEndpoint(cfg.ConfigSources, serviceID); ok {
		s.BaseEndpoint = &endpoint
	}
	ctx := context.Background()
	for _, source := range cfg.ConfigSources {
		if p, ok := source.(interface {
			GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
		}); ok {
			if v, found, err := p.GetUseFIPSEndpoint(ctx); err == nil && found {
				s.UseFIPS = v
				break
			}
		}
	}
	for _, source := range cfg.ConfigSources {
		if p, ok := source.(interface {
			GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
		}); ok {
			if v, found, err := p.GetUseDualStackEndpoint(ctx); err == nil && found {
				s.UseDualStack = v
				break
			}
		}
	}
	return s
}

// serviceEndpoint finds a service-specific endpoint in the config sources
// (AWS_ENDPOINT_URL_<SERVICE> or the shared config's services section).
// As in the official clients, a global AWS_ENDPOINT_URL without a
// service-specific one leaves the base endpoint to aws.Config, and
// ignore_configured_endpoint_urls turns the lookup off.
func serviceEndpoint(sources []interface{}, serviceID string) (string, bool) {
	if len(sources) == 0 {
		return "", false
	}
	envName := "AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(serviceID, " ", "_"))
	_, global := os.LookupEnv("AWS_ENDPOINT_URL")
	_, specific := os.LookupEnv(envName)
	if global && !specific {
		return "", false
	}
	ctx := context.Background()
	for _, source := range sources {
		if p, ok := source.(interface {
			GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error)
		}); ok {
			if ignore, found, _ := p.GetIgnoreConfiguredEndpoints(ctx); found && ignore {
				return "", false
			}
		}
	}
	for _, source := range sources {
		if p, ok := source.(interface {
			GetServiceBaseEndpoint(context.Context, string) (string, bool, error)
		}); ok {
			if v, found, err := p.GetServiceBaseEndpoint(ctx, serviceID); err == nil && found {
				return v, true
			}
		}
	}
	return "", false
}
