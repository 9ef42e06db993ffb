//lint:file-ignore SA1019 a legacy resolver of aws.Config is among the cases compared

package programs

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	officialdatazone "github.com/aws/aws-sdk-go-v2/service/datazone"
	officiallightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	officialmemorydb "github.com/aws/aws-sdk-go-v2/service/memorydb"
	officialneptunegraph "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
)

// funcResolver is a program's EndpointResolverV2, of any service whose
// parameters are P: it answers every call with what resolve returns.
type funcResolver[P any] struct {
	resolve func() (smithyendpoints.Endpoint, error)
}

func (r funcResolver[P]) ResolveEndpoint(context.Context, P) (smithyendpoints.Endpoint, error) {
	return r.resolve()
}

// withResolver returns a service option that sets an EndpointResolverV2
// answering every call with e and err.
func withResolver(e smithyendpoints.Endpoint, err error) func(string, any) {
	return withResolverFunc(func() (smithyendpoints.Endpoint, error) { return e, err })
}

// withResolverFunc returns a service option that sets a funcResolver
// calling resolve as the EndpointResolverV2 of whichever client's options
// it is given.
func withResolverFunc(resolve func() (smithyendpoints.Endpoint, error)) func(string, any) {
	return func(_ string, options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			o.EndpointResolverV2 = funcResolver[memorydb.EndpointParameters]{resolve}
		case *officialmemorydb.Options:
			o.EndpointResolverV2 = funcResolver[officialmemorydb.EndpointParameters]{resolve}
		case *lightsail.Options:
			o.EndpointResolverV2 = funcResolver[lightsail.EndpointParameters]{resolve}
		case *officiallightsail.Options:
			o.EndpointResolverV2 = funcResolver[officiallightsail.EndpointParameters]{resolve}
		case *neptunegraph.Options:
			o.EndpointResolverV2 = funcResolver[neptunegraph.EndpointParameters]{resolve}
		case *officialneptunegraph.Options:
			o.EndpointResolverV2 = funcResolver[officialneptunegraph.EndpointParameters]{resolve}
		case *datazone.Options:
			o.EndpointResolverV2 = funcResolver[datazone.EndpointParameters]{resolve}
		case *officialdatazone.Options:
			o.EndpointResolverV2 = funcResolver[officialdatazone.EndpointParameters]{resolve}
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

// eventClient is a program's HTTP client that notes each request's host,
// X-Route header and credential scope in a shared list of events and
// answers from a sequence.
type eventClient struct {
	answerSequence
	events *[]string
}

func (c *eventClient) Do(req *http.Request) (*http.Response, error) {
	scope, _, _ := strings.Cut(req.Header.Get("Authorization"), ",")
	*c.events = append(*c.events, fmt.Sprintf("send to %s, X-Route %q, %s", req.URL.Host, req.Header.Get("X-Route"), scope))
	return c.answerSequence.Do(req)
}

// TestResolverEachAttempt compares when a program's EndpointResolverV2
// and credentials provider are asked, against the requests sent, for a
// resolver that answers each call with a new host, header and signing
// region (as one that fails over does): on every attempt, after the
// credentials, so a retry goes to the host the resolver names then, with
// its header and signed for its region; and what a call returns when the
// credentials, the resolver or both fail, and how it goes on when one
// fails once with an error the retryer retries; a legacy resolver that
// finds no endpoint is asked once per call, before them.
func TestResolverEachAttempt(t *testing.T) {
	errCredentials := errors.New("no credentials here")
	errResolver := errors.New("no endpoint here")
	cases := map[string]struct {
		answers                      []answer
		failCredentials, failResolve bool
		// once makes the failing component fail its first call alone,
		// with a refused connection, which the retryer retries.
		once bool
		// legacyNotFound adds a legacy resolver that finds no endpoint,
		// which hands the call on to the resolver.
		legacyNotFound bool
		// rules leaves the service's own endpoint rules in place of the
		// program's resolver; region is the call's, us-west-2 when empty.
		rules  bool
		region string
	}{
		"success":                            {},
		"retried once":                       {answers: []answer{{status: 503}}},
		"retries run out":                    {answers: []answer{{status: 503}, {status: 503}, {status: 503}}},
		"credentials fail":                   {failCredentials: true},
		"resolver fails":                     {failResolve: true},
		"credentials and resolver fail":      {failCredentials: true, failResolve: true},
		"rules, retried once":                {rules: true, answers: []answer{{status: 503}}},
		"rules, no region":                   {rules: true, region: "-"},
		"rules, no region, credentials fail": {rules: true, region: "-", failCredentials: true},
		"bad region, credentials fail":       {region: "a/b", failCredentials: true},
		"credentials fail once":              {failCredentials: true, once: true},
		"resolver fails once":                {failResolve: true, once: true},
		"legacy not found, retried once":     {legacyNotFound: true, answers: []answer{{status: 503}}},
	}
	for _, s := range services {
		for name, c := range cases {
			for _, stack := range []bool{false, true} {
				seen := func(call func(context.Context, aws.Config) error) string {
					var events []string
					failures := 0
					fail := func(err error) error {
						failures++
						if c.once {
							if failures > 1 {
								return nil
							}
							return &net.OpError{Op: "dial", Net: "tcp", Err: err}
						}
						return err
					}
					resolve := func() (smithyendpoints.Endpoint, error) {
						n := len(events)
						events = append(events, "resolve endpoint")
						if c.failResolve {
							if err := fail(errResolver); err != nil {
								return smithyendpoints.Endpoint{}, err
							}
						}
						// Each answer has its own host, header and signing region.
						e := smithyendpoints.Endpoint{URI: url.URL{Scheme: "https", Host: fmt.Sprintf("host-%d.example.com", n)},
							Headers: http.Header{"X-Route": {fmt.Sprint(n)}}}
						option := &smithyauth.Option{SchemeID: "aws.auth#sigv4"}
						smithyhttp.SetSigV4SigningRegion(&option.SignerProperties, fmt.Sprintf("region-%d", n))
						smithyauth.SetAuthOptions(&e.Properties, []*smithyauth.Option{option})
						return e, nil
					}
					credentials := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
						events = append(events, "retrieve credentials")
						if c.failCredentials {
							if err := fail(errCredentials); err != nil {
								return aws.Credentials{}, err
							}
						}
						// Expired at once, so that a cache asks again.
						return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", CanExpire: true, Expires: time.Now()}, nil
					})
					client := &eventClient{answerSequence{answers: append(c.answers, s.ok)}, &events}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: client, Retryer: noDelayRetryer, APIOptions: onStack(stack),
						Credentials: credentials}
					if !c.rules {
						cfg.ServiceOptions = []func(string, any){withResolverFunc(resolve)}
					}
					if c.legacyNotFound {
						cfg.EndpointResolverWithOptions = aws.EndpointResolverWithOptionsFunc(func(string, string, ...any) (aws.Endpoint, error) {
							events = append(events, "legacy resolver")
							return aws.Endpoint{}, &aws.EndpointNotFoundError{}
						})
					}
					switch c.region {
					case "":
					case "-":
						cfg.Region = ""
					default:
						cfg.Region = c.region
					}
					err := call(context.Background(), cfg)
					return strings.Join(events, "\n") + fmt.Sprint("\nerror: ", err)
				}
				if ours, official := seen(s.callOurs), seen(s.callOfficial); ours != official {
					t.Errorf("%s, %s, middleware stack %v: differ\nours:\n%s\nofficial:\n%s", s.name, name, stack, ours, official)
				}
			}
		}
	}
}
