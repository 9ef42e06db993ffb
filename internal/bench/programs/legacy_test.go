//lint:file-ignore SA1019 the legacy resolver of aws.Config is what this test compares

package programs

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestLegacyEndpointResolver gives both clients a legacy resolver through
// aws.Config.EndpointResolverWithOptions, the usual LocalStack setup, and
// compares the request each hands the HTTP client, credential scope
// included, and the call's error: URLs with a path, query, fragment, user
// information, escapes and doubled slashes, signing overrides, the
// resolver's own error and its EndpointNotFoundError, which hands the call
// on to the service's rules. An endpoint without a host is refused by
// design (README, "Deliberate differences").
func TestLegacyEndpointResolver(t *testing.T) {
	answer := func(e aws.Endpoint, err error) aws.EndpointResolverWithOptionsFunc {
		return func(string, string, ...any) (aws.Endpoint, error) { return e, err }
	}
	cases := map[string]aws.EndpointResolverWithOptionsFunc{
		"root":            answer(aws.Endpoint{URL: "https://legacy.example.com/"}, nil),
		"path":            answer(aws.Endpoint{URL: "https://legacy.example.com/p"}, nil),
		"trailing slash":  answer(aws.Endpoint{URL: "https://legacy.example.com/p/"}, nil),
		"doubled slashes": answer(aws.Endpoint{URL: "https://legacy.example.com//p//"}, nil),
		"escapes":         answer(aws.Endpoint{URL: "https://legacy.example.com/a%2Fb/%7Eu/"}, nil),
		"query":           answer(aws.Endpoint{URL: "https://legacy.example.com/p?c=d&a=b"}, nil),
		"fragment":        answer(aws.Endpoint{URL: "https://legacy.example.com/p#frag"}, nil),
		"user and port":   answer(aws.Endpoint{URL: "https://u:pw@legacy.example.com:8443/p/"}, nil),
		"signing":         answer(aws.Endpoint{URL: "https://legacy.example.com", SigningRegion: "eu-west-3", SigningName: "custom"}, nil),
		"custom source":   answer(aws.Endpoint{URL: "https://legacy.example.com", Source: aws.EndpointSourceCustom}, nil),
		"immutable host":  answer(aws.Endpoint{URL: "https://legacy.example.com", HostnameImmutable: true}, nil),
		"not found":       answer(aws.Endpoint{}, &aws.EndpointNotFoundError{}),
		"error":           answer(aws.Endpoint{}, errors.New("no endpoint for this tenant")),
		"by service": func(service, region string, _ ...any) (aws.Endpoint, error) {
			host := strings.ReplaceAll(strings.ToLower(service), " ", "-") + "." + region + ".legacy.example.com"
			return aws.Endpoint{URL: "https://" + host}, nil
		},
	}
	for name, resolver := range cases {
		compareRequests(t, name, func(cfg *aws.Config) { cfg.EndpointResolverWithOptions = resolver })
	}
}
