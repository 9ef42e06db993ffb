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
	if v, found, err := lookUp(cfg.ConfigSources, func(p interface {
		GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
	}) (aws.FIPSEndpointState, bool, error) {
		return p.GetUseFIPSEndpoint(ctx)
	}); err == nil && found {
		s.UseFIPS = v
	}
	if v, found, err := lookUp(cfg.ConfigSources, func(p interface {
		GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
	}) (aws.DualStackEndpointState, bool, error) {
		return p.GetUseDualStackEndpoint(ctx)
	}); err == nil && found {
		s.UseDualStack = v
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
	if ignore, found, _ := lookUp(sources, func(p interface {
		GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error)
	}) (bool, bool, error) {
		return p.GetIgnoreConfiguredEndpoints(ctx)
	}); found && ignore {
		return "", false
	}
	v, found, err := lookUp(sources, func(p interface {
		GetServiceBaseEndpoint(context.Context, string) (string, bool, error)
	}) (string, bool, error) {
		return p.GetServiceBaseEndpoint(ctx, serviceID)
	})
	return v, found && err == nil
}

// lookUp asks the config sources that provide a setting (those of type P),
// in order, until one finds it or fails, and returns what that one gave,
// as the official clients look a setting up: the first source that holds
// it wins, and a failure ends the search.
func lookUp[P, V any](sources []any, get func(P) (V, bool, error)) (value V, found bool, err error) {
	for _, source := range sources {
		if p, ok := source.(P); ok {
			if value, found, err = get(p); err != nil || found {
				break
			}
		}
	}
	return value, found, err
}
