package programs

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	officialdatazone "github.com/aws/aws-sdk-go-v2/service/datazone"
	officiallightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	officialmemorydb "github.com/aws/aws-sdk-go-v2/service/memorydb"
	officialneptunegraph "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
)

// fixedResolver is a program's EndpointResolverV2, of any service whose
// parameters are P: it answers every call with e and err.
type fixedResolver[P any] struct {
	e   smithyendpoints.Endpoint
	err error
}

func (r fixedResolver[P]) ResolveEndpoint(context.Context, P) (smithyendpoints.Endpoint, error) {
	return r.e, r.err
}

// withResolver returns a service option that sets a fixedResolver as the
// EndpointResolverV2 of whichever client's options it is given.
func withResolver(e smithyendpoints.Endpoint, err error) func(string, any) {
	return func(_ string, options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			o.EndpointResolverV2 = fixedResolver[memorydb.EndpointParameters]{e, err}
		case *officialmemorydb.Options:
			o.EndpointResolverV2 = fixedResolver[officialmemorydb.EndpointParameters]{e, err}
		case *lightsail.Options:
			o.EndpointResolverV2 = fixedResolver[lightsail.EndpointParameters]{e, err}
		case *officiallightsail.Options:
			o.EndpointResolverV2 = fixedResolver[officiallightsail.EndpointParameters]{e, err}
		case *neptunegraph.Options:
			o.EndpointResolverV2 = fixedResolver[neptunegraph.EndpointParameters]{e, err}
		case *officialneptunegraph.Options:
			o.EndpointResolverV2 = fixedResolver[officialneptunegraph.EndpointParameters]{e, err}
		case *datazone.Options:
			o.EndpointResolverV2 = fixedResolver[datazone.EndpointParameters]{e, err}
		case *officialdatazone.Options:
			o.EndpointResolverV2 = fixedResolver[officialdatazone.EndpointParameters]{e, err}
		default:
			panic(fmt.Sprintf("no resolver for %T", options))
		}
	}
}

// TestCustomEndpointResolver gives both clients a program's own
// EndpointResolverV2 and compares the request each hands the HTTP
// client, credential scope included, and the call's error: endpoints with
// a path and query, headers, and auth options the clients sign with, skip
// or cannot use. Endpoints without a host or in plain http to another
// host are refused by design (README, "Deliberate differences").
func TestCustomEndpointResolver(t *testing.T) {
	endpoint := func(raw string, options ...*smithyauth.Option) smithyendpoints.Endpoint {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		e := smithyendpoints.Endpoint{URI: *u, Headers: http.Header{}}
		if options != nil {
			smithyauth.SetAuthOptions(&e.Properties, options)
		}
		return e
	}
	withHeaders := endpoint("https://example.com/base")
	withHeaders.Headers.Add("X-Route", "a")
	withHeaders.Headers.Add("X-Route", "b")
	cases := map[string]struct {
		e   smithyendpoints.Endpoint
		err error
	}{
		"host":                 {e: endpoint("https://example.com")},
		"path and query":       {e: endpoint("https://example.com/p/q?x=1")},
		"upper-case scheme":    {e: endpoint("HTTPS://Example.com:8443")},
		"headers":              {e: withHeaders},
		"nil headers":          {e: smithyendpoints.Endpoint{URI: url.URL{Scheme: "https", Host: "example.com"}}},
		"sigv4 without props":  {e: endpoint("https://example.com", &smithyauth.Option{SchemeID: "aws.auth#sigv4"})},
		"noAuth":               {e: endpoint("https://example.com", &smithyauth.Option{SchemeID: "smithy.api#noAuth"})},
		"sigv4a only":          {e: endpoint("https://example.com", &smithyauth.Option{SchemeID: "aws.auth#sigv4a"})},
		"unknown scheme first": {e: endpoint("https://example.com", &smithyauth.Option{SchemeID: "example#x"}, &smithyauth.Option{SchemeID: "aws.auth#sigv4"})},
		"empty auth options":   {e: endpoint("https://example.com", []*smithyauth.Option{}...)},
		"resolver error":       {err: errors.New("no endpoint for this tenant")},
	}
	for name, c := range cases {
		compareRequests(t, name, func(cfg *aws.Config) {
			cfg.ServiceOptions = append(cfg.ServiceOptions, withResolver(c.e, c.err))
		})
	}
}
