//lint:file-ignore SA1019 the legacy endpoint resolvers and aws.Endpoint are part of the official clients' API

package transport_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	partnertypes "github.com/awssnap/awssnap/partnercentral/types"
)

// A program's options are set here through reflection on the field names,
// which the five Options types share with the official clients, so one
// table drives every operation.

// caller makes one call of an operation with per-call options.
type caller func(ctx context.Context, optFns ...func(options any)) error

// operation is one of the five operations, with its client built from an
// aws.Config and client options.
type operation struct {
	name, serviceID, signingName string
	// protocolShape is the service shape whose schema builds protocol
	// values, when its Options has a Protocol field.
	protocolShape smithy.ShapeID
	// newClient builds a client and returns its call and its Options().
	newClient func(cfg aws.Config, optFns ...func(options any)) (caller, func() any)
	// defaultV1 is the service's NewDefaultEndpointResolver.
	defaultV1 func() transport.EndpointResolverV1
	// authResolver returns an AuthSchemeResolver of the service that
	// answers with fn.
	authResolver func(fn func(operation, region string) []*smithyauth.Option) any
	// misused calls the operation on clients misused as misusedClients
	// lists; options are the Options of the service given to New.
	misused func(options any) []error
}

func adapt[O any](fns []func(any)) []func(*O) {
	out := make([]func(*O), len(fns))
	for i, fn := range fns {
		if fn != nil { // a nil option stays nil
			out[i] = func(o *O) { fn(o) }
		}
	}
	return out
}

// misusedClients returns a function calling op (with a nil input) on a
// nil *C, on a zero C, and on a client newClient was given a nil option
// function, with the errors of the three calls.
func misusedClients[C, O, In, Out any](newClient func(O, ...func(*O)) *C, op func(*C, context.Context, *In, ...func(*O)) (*Out, error)) func(O) []error {
	return func(options O) []error {
		_, onNil := op(nil, context.Background(), nil)
		_, onZero := op(new(C), context.Background(), nil)
		_, onNilOption := op(newClient(options, nil), context.Background(), nil)
		return []error{onNil, onZero, onNilOption}
	}
}

var operations = []operation{
	{
		name: "MemoryDB.CopySnapshot", serviceID: memorydb.ServiceID, signingName: "memorydb",
		protocolShape: smithy.ShapeID{Namespace: "com.amazonaws.memorydb", Name: "AmazonMemoryDB"},
		authResolver: func(fn func(string, string) []*smithyauth.Option) any {
			return authResolverOf[memorydb.AuthResolverParameters](fn)
		},
		defaultV1: func() transport.EndpointResolverV1 { return memorydb.NewDefaultEndpointResolver() },
		misused: func(options any) []error {
			return misusedClients(memorydb.New, (*memorydb.Client).CopySnapshot)(options.(memorydb.Options))
		},
		newClient: func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
			c := memorydb.NewFromConfig(cfg, adapt[memorydb.Options](optFns)...)
			return func(ctx context.Context, optFns ...func(any)) error {
				_, err := c.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
					SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy"),
				}, adapt[memorydb.Options](optFns)...)
				return err
			}, func() any { return c.Options() }
		},
	},
	{
		name: "Lightsail.GetExportSnapshotRecords", serviceID: lightsail.ServiceID, signingName: "lightsail",
		protocolShape: smithy.ShapeID{Namespace: "com.amazonaws.lightsail", Name: "Lightsail_20161128"},
		authResolver: func(fn func(string, string) []*smithyauth.Option) any {
			return authResolverOf[lightsail.AuthResolverParameters](fn)
		},
		defaultV1: func() transport.EndpointResolverV1 { return lightsail.NewDefaultEndpointResolver() },
		misused: func(options any) []error {
			return misusedClients(lightsail.New, (*lightsail.Client).GetExportSnapshotRecords)(options.(lightsail.Options))
		},
		newClient: func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
			c := lightsail.NewFromConfig(cfg, adapt[lightsail.Options](optFns)...)
			return func(ctx context.Context, optFns ...func(any)) error {
				_, err := c.GetExportSnapshotRecords(ctx, &lightsail.GetExportSnapshotRecordsInput{}, adapt[lightsail.Options](optFns)...)
				return err
			}, func() any { return c.Options() }
		},
	},
	{
		name: "NeptuneGraph.CreateGraphSnapshot", serviceID: neptunegraph.ServiceID, signingName: "neptune-graph",
		authResolver: func(fn func(string, string) []*smithyauth.Option) any {
			return authResolverOf[neptunegraph.AuthResolverParameters](fn)
		},
		defaultV1: func() transport.EndpointResolverV1 { return neptunegraph.NewDefaultEndpointResolver() },
		misused: func(options any) []error {
			return misusedClients(neptunegraph.New, (*neptunegraph.Client).CreateGraphSnapshot)(options.(neptunegraph.Options))
		},
		newClient: func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
			c := neptunegraph.NewFromConfig(cfg, adapt[neptunegraph.Options](optFns)...)
			return func(ctx context.Context, optFns ...func(any)) error {
				_, err := c.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
					GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("snap"),
				}, adapt[neptunegraph.Options](optFns)...)
				return err
			}, func() any { return c.Options() }
		},
	},
	{
		name: "DataZone.CreateAssetRevision", serviceID: datazone.ServiceID, signingName: "datazone",
		authResolver: func(fn func(string, string) []*smithyauth.Option) any {
			return authResolverOf[datazone.AuthResolverParameters](fn)
		},
		defaultV1: func() transport.EndpointResolverV1 { return datazone.NewDefaultEndpointResolver() },
		misused: func(options any) []error {
			return misusedClients(datazone.New, (*datazone.Client).CreateAssetRevision)(options.(datazone.Options))
		},
		newClient: func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
			c := datazone.NewFromConfig(cfg, adapt[datazone.Options](optFns)...)
			return func(ctx context.Context, optFns ...func(any)) error {
				_, err := c.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
					DomainIdentifier: aws.String("dzd_0123456789"), Identifier: aws.String("asset1"), Name: aws.String("orders"),
				}, adapt[datazone.Options](optFns)...)
				return err
			}, func() any { return c.Options() }
		},
	},
	{
		name: "PartnerCentralSelling.CreateResourceSnapshot", serviceID: partnercentral.ServiceID, signingName: "partnercentral-selling",
		authResolver: func(fn func(string, string) []*smithyauth.Option) any {
			return authResolverOf[partnercentral.AuthResolverParameters](fn)
		},
		defaultV1: func() transport.EndpointResolverV1 { return partnercentral.NewDefaultEndpointResolver() },
		misused: func(options any) []error {
			return misusedClients(partnercentral.New, (*partnercentral.Client).CreateResourceSnapshot)(options.(partnercentral.Options))
		},
		newClient: func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
			c := partnercentral.NewFromConfig(cfg, adapt[partnercentral.Options](optFns)...)
			return func(ctx context.Context, optFns ...func(any)) error {
				_, err := c.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
					Catalog: aws.String("AWS"), EngagementIdentifier: aws.String("eng-0123456789abcd"),
					ResourceType: partnertypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String("O1234567"),
					ResourceSnapshotTemplateIdentifier: aws.String("MyTemplate"),
				}, adapt[partnercentral.Options](optFns)...)
				return err
			}, func() any { return c.Options() }
		},
	},
}

// set returns an option that sets the named field of any service's
// Options to v (its zero value when v is nil).
func set(field string, v any) func(any) {
	return func(options any) {
		f := reflect.ValueOf(options).Elem().FieldByName(field)
		if v == nil {
			f.Set(reflect.Zero(f.Type()))
			return
		}
		f.Set(reflect.ValueOf(v))
	}
}

// get returns the named field of an Options value.
func get(options any, field string) any {
	return reflect.ValueOf(options).FieldByName(field).Interface()
}

// baseConfig is the aws.Config of a program that talks to srv.
func baseConfig(srv *testutil.Server) aws.Config {
	return aws.Config{Region: "us-east-1", Credentials: testutil.Credentials, BaseEndpoint: srv.Endpoint()}
}

// signed reports whether a request carries a SigV4 signature, and the
// credential scope it names.
func signed(r testutil.Request) (bool, string) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return false, ""
	}
	_, scope, _ := strings.Cut(auth, "Credential=AKIDEXAMPLE/")
	scope, _, _ = strings.Cut(scope, ",")
	return true, scope
}

// forEachOperation runs f for each operation, once on the direct path
// and once on the middleware stack (each call carrying a middleware that
// only passes the call on).
func forEachOperation(t *testing.T, f func(t *testing.T, op operation)) {
	for _, path := range []struct {
		name string
		via  []func(any)
	}{
		{name: "direct"},
		{name: "stack", via: []func(any){appendAPIOption(passThrough)}},
	} {
		for _, op := range operations {
			newClient := op.newClient
			op.newClient = func(cfg aws.Config, optFns ...func(any)) (caller, func() any) {
				call, options := newClient(cfg, optFns...)
				return func(ctx context.Context, perCall ...func(any)) error {
					return call(ctx, append(append([]func(any){}, perCall...), path.via...)...)
				}, options
			}
			t.Run(op.name+"/"+path.name, func(t *testing.T) {
				t.Parallel()
				f(t, op)
			})
		}
	}
}

// appendAPIOption appends fn to the APIOptions of whichever service
// options it is given, after those already there (signing overrides
// among them).
func appendAPIOption(fn func(*middleware.Stack) error) func(any) {
	return func(options any) {
		v := reflect.ValueOf(options).Elem().FieldByName("APIOptions")
		v.Set(reflect.Append(v, reflect.ValueOf(fn)))
	}
}

// passThrough adds a middleware that only calls the next one.
func passThrough(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("passThrough",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
			middleware.InitializeOutput, middleware.Metadata, error,
		) {
			return next.HandleInitialize(ctx, in)
		}), middleware.After)
}

func TestAnonymousAndMissingCredentialsSendUnsignedRequests(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		cases := []struct {
			name    string
			cfg     func(*aws.Config)
			client  []func(any)
			perCall []func(any)
			signed  bool
			err     string // the error of a call that fails, as in the official client
		}{
			{name: "credentials", signed: true},
			{name: "aws.Config anonymous", cfg: func(c *aws.Config) { c.Credentials = aws.AnonymousCredentials{} }},
			{name: "aws.Config anonymous in a cache", cfg: func(c *aws.Config) {
				c.Credentials = aws.NewCredentialsCache(aws.AnonymousCredentials{})
			}},
			{name: "aws.Config without credentials", cfg: func(c *aws.Config) { c.Credentials = nil }},
			{name: "Options anonymous", client: []func(any){set("Credentials", aws.AnonymousCredentials{})}},
			{name: "per call nil", perCall: []func(any){set("Credentials", nil)}},
			// The official client resolves anonymous credentials at New
			// only: given per call they fail to sign, before sending.
			{name: "per call anonymous", perCall: []func(any){set("Credentials", aws.AnonymousCredentials{})},
				err: "AnonymousCredentials is not a valid credential provider"},
		}
		for _, c := range cases {
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			if c.cfg != nil {
				c.cfg(&cfg)
			}
			call, _ := op.newClient(cfg, c.client...)
			err := call(context.Background(), c.perCall...)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || srv.Count() != 0 {
					t.Errorf("%s: error %v with %d requests sent, want %q before sending", c.name, err, srv.Count(), c.err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if got, _ := signed(srv.Requests()[0]); got != c.signed {
				t.Errorf("%s: signed = %v, want %v", c.name, got, c.signed)
			}
		}
	})
}

// v1Resolver is a legacy endpoint resolver that records what it was asked.
type v1Resolver struct {
	endpoint aws.Endpoint
	err      error
	region   string
	options  endpoints.ResolverOptions
}

func (r *v1Resolver) ResolveEndpoint(region string, options endpoints.ResolverOptions) (aws.Endpoint, error) {
	r.region, r.options = region, options
	return r.endpoint, r.err
}

// withOptionsResolver is an aws.EndpointResolverWithOptions that records
// the service it was asked for.
type withOptionsResolver struct {
	url, service, region string
}

func (r *withOptionsResolver) ResolveEndpoint(service, region string, _ ...any) (aws.Endpoint, error) {
	r.service, r.region = service, region
	return aws.Endpoint{URL: r.url, SigningRegion: "eu-west-3"}, nil
}

func TestLegacyEndpointResolvers(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		// Every case sets BaseEndpoint to a host that does not exist: the
		// legacy resolver wins over it, as in the official client.
		unreachable := aws.String("https://unreachable.invalid")

		t.Run("aws.Config.EndpointResolverWithOptions", func(t *testing.T) {
			srv := testutil.NewServer(t)
			resolver := &withOptionsResolver{url: srv.URL + srv.Prefix}
			cfg := baseConfig(srv)
			cfg.BaseEndpoint = unreachable
			cfg.EndpointResolverWithOptions = resolver
			call, _ := op.newClient(cfg)
			if err := call(context.Background()); err != nil {
				t.Fatal(err)
			}
			if resolver.service != op.serviceID || resolver.region != "us-east-1" {
				t.Errorf("resolver asked for (%q, %q), want (%q, us-east-1)", resolver.service, resolver.region, op.serviceID)
			}
			if _, scope := signed(srv.Requests()[0]); !strings.Contains(scope, "/eu-west-3/"+op.signingName+"/") {
				t.Errorf("credential scope %q, want the resolver's signing region and the service's name", scope)
			}
		})

		t.Run("aws.Config.EndpointResolver", func(t *testing.T) {
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			cfg.BaseEndpoint = unreachable
			var asked string
			cfg.EndpointResolver = aws.EndpointResolverFunc(func(service, region string) (aws.Endpoint, error) {
				asked = service
				return aws.Endpoint{URL: srv.URL + srv.Prefix, SigningName: "custom-name"}, nil
			})
			call, _ := op.newClient(cfg)
			if err := call(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, scope := signed(srv.Requests()[0]); asked != op.serviceID || !strings.Contains(scope, "/us-east-1/custom-name/") {
				t.Errorf("asked for %q, credential scope %q", asked, scope)
			}
		})

		t.Run("Options.EndpointResolver per call", func(t *testing.T) {
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			cfg.BaseEndpoint = unreachable
			resolver := &v1Resolver{endpoint: aws.Endpoint{URL: srv.URL + srv.Prefix}}
			call, _ := op.newClient(cfg, set("ClientLogMode", aws.LogDeprecatedUsage))
			err := call(context.Background(), set("EndpointResolver", resolver), set("Region", "us-west-2-fips"))
			if err != nil {
				t.Fatal(err)
			}
			// The official client hands a legacy resolver the region as
			// written and the options finalised for it.
			if resolver.region != "us-west-2-fips" || resolver.options.ResolvedRegion != "us-west-2" ||
				resolver.options.UseFIPSEndpoint != aws.FIPSEndpointStateEnabled || !resolver.options.LogDeprecated ||
				resolver.options.Logger == nil {
				t.Errorf("resolver asked for %q with %+v", resolver.region, resolver.options)
			}
		})

		t.Run("not found falls back to the rules", func(t *testing.T) {
			srv := testutil.NewServer(t)
			resolver := &v1Resolver{err: &aws.EndpointNotFoundError{Err: errors.New("none here")}}
			call, _ := op.newClient(baseConfig(srv), set("EndpointResolver", resolver))
			if err := call(context.Background()); err != nil || srv.Count() != 1 {
				t.Fatalf("error %v, %d requests; want the call sent to BaseEndpoint", err, srv.Count())
			}
		})

		t.Run("other errors end the call", func(t *testing.T) {
			srv := testutil.NewServer(t)
			resolver := &v1Resolver{err: errors.New("resolver broke")}
			call, _ := op.newClient(baseConfig(srv), set("EndpointResolver", resolver))
			err := call(context.Background())
			if err == nil || !strings.Contains(err.Error(), "failed to resolve service endpoint") ||
				!strings.Contains(err.Error(), "resolver broke") || srv.Count() != 0 {
				t.Errorf("error %v with %d requests sent", err, srv.Count())
			}
		})
	})
}

func TestDefaultLegacyResolver(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		// A program's legacy resolver that sends one region to a local
		// server and hands every other to the service's default resolver
		// reaches the same host, signed the same way, as the rules.
		srv := testutil.NewServer(t)
		cfg := aws.Config{Region: "us-east-1", Credentials: testutil.Credentials, HTTPClient: srv.HTTPClient()}
		call, _ := op.newClient(cfg)
		if err := call(context.Background()); err != nil {
			t.Fatal(err)
		}
		legacy := &v1Resolver{}
		resolver := endpointResolverFunc(func(region string, options endpoints.ResolverOptions) (aws.Endpoint, error) {
			if region == "local" {
				return legacy.ResolveEndpoint(region, options)
			}
			return op.defaultV1().ResolveEndpoint(region, options)
		})
		if err := call(context.Background(), set("EndpointResolver", resolver)); err != nil {
			t.Fatal(err)
		}
		requests := srv.Requests()
		_, rulesScope := signed(requests[0])
		_, legacyScope := signed(requests[1])
		if requests[0].Host != requests[1].Host || rulesScope != legacyScope || requests[0].Host == "" {
			t.Errorf("rules: %s %s; default legacy resolver: %s %s", requests[0].Host, rulesScope, requests[1].Host, legacyScope)
		}
		if _, err := op.defaultV1().ResolveEndpoint("", endpoints.ResolverOptions{}); err == nil {
			t.Error("no error for an empty region")
		}
	})
}

// endpointResolverFunc is a legacy resolver written as a function.
type endpointResolverFunc func(region string, options endpoints.ResolverOptions) (aws.Endpoint, error)

func (fn endpointResolverFunc) ResolveEndpoint(region string, options endpoints.ResolverOptions) (aws.Endpoint, error) {
	return fn(region, options)
}

func TestEndpointResolverFromURL(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	cfg := baseConfig(srv)
	cfg.BaseEndpoint = aws.String("https://unreachable.invalid")
	client := memorydb.NewFromConfig(cfg, memorydb.WithEndpointResolver(memorydb.EndpointResolverFromURL(srv.URL+srv.Prefix)))
	_, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
	}, memorydb.WithEndpointResolver(memorydb.EndpointResolverFromURL(srv.URL+srv.Prefix, func(e *aws.Endpoint) {
		e.SigningRegion = "ap-south-2"
	})))
	if err != nil {
		t.Fatal(err)
	}
	if _, scope := signed(srv.Requests()[0]); !strings.Contains(scope, "/ap-south-2/memorydb/") {
		t.Errorf("credential scope %q", scope)
	}
	resolved, err := memorydb.EndpointResolverFromURL("https://example.com").ResolveEndpoint("us-east-2", memorydb.EndpointResolverOptions{})
	if err != nil || resolved.SigningRegion != "us-east-2" || resolved.Source != aws.EndpointSourceCustom {
		t.Errorf("EndpointResolverFromURL resolved %+v, %v", resolved, err)
	}
}

func TestServiceOptionsAndConfigFields(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		srv := testutil.NewServer(t)
		cfg := baseConfig(srv)
		cfg.DefaultsMode = aws.DefaultsModeInRegion
		cfg.RuntimeEnvironment = aws.RuntimeEnvironment{EnvironmentIdentifier: "test", Region: "us-east-1"}
		cfg.AuthSchemePreference = []string{"sigv4"}
		cfg.AppID = "from-config"
		var interceptor smithyhttp.InterceptorRegistry
		interceptor.AddBeforeExecution(nopInterceptor{})
		cfg.Interceptors = interceptor
		var gotID string
		var gotType string
		cfg.ServiceOptions = []func(string, any){func(id string, options any) {
			gotID, gotType = id, reflect.TypeOf(options).String()
			set("AppID", "from-service-options")(options)
		}}
		_, options := op.newClient(cfg)
		if gotID != op.serviceID || !strings.HasSuffix(gotType, ".Options") || !strings.HasPrefix(gotType, "*") {
			t.Errorf("ServiceOptions called with (%q, %s)", gotID, gotType)
		}
		o := options()
		if get(o, "AppID") != "from-service-options" || get(o, "DefaultsMode") != aws.DefaultsModeInRegion ||
			get(o, "RuntimeEnvironment") != cfg.RuntimeEnvironment ||
			!reflect.DeepEqual(get(o, "AuthSchemePreference"), []string{"sigv4"}) ||
			len(get(o, "Interceptors").(smithyhttp.InterceptorRegistry).BeforeExecution) != 1 {
			t.Errorf("options from the config: %+v", o)
		}
		if get(o, "AuthSchemeResolver") == nil || len(get(o, "AuthSchemes").([]smithyhttp.AuthScheme)) != 1 ||
			get(o, "TracerProvider") == nil || get(o, "MeterProvider") == nil {
			t.Error("New left an official default unset")
		}
	})
}

type nopInterceptor struct{}

func (nopInterceptor) BeforeExecution(context.Context, *smithyhttp.InterceptorContext) error {
	return nil
}

func TestDefaultsMode(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		env := aws.RuntimeEnvironment{EnvironmentIdentifier: "test", Region: "eu-west-1"}
		cases := []struct {
			mode    aws.DefaultsMode
			env     aws.RuntimeEnvironment
			timeout time.Duration // connect and TLS handshake; 0 leaves the transport's own
		}{
			{mode: "", timeout: 0},
			{mode: aws.DefaultsModeLegacy, timeout: 0},
			{mode: aws.DefaultsModeStandard, timeout: 3100 * time.Millisecond},
			{mode: aws.DefaultsModeInRegion, timeout: 1100 * time.Millisecond},
			{mode: aws.DefaultsModeCrossRegion, timeout: 3100 * time.Millisecond},
			{mode: aws.DefaultsModeMobile, timeout: 30 * time.Second},
			{mode: "Auto", env: env, timeout: 3100 * time.Millisecond}, // cross-region: us-east-1 from eu-west-1
			{mode: aws.DefaultsModeAuto, env: aws.RuntimeEnvironment{EnvironmentIdentifier: "test", Region: "us-east-1"},
				timeout: 1100 * time.Millisecond},
		}
		for _, c := range cases {
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			cfg.DefaultsMode, cfg.RuntimeEnvironment = c.mode, c.env
			call, options := op.newClient(cfg)
			o := options()
			if mode := get(o, "RetryMode"); mode != aws.RetryModeStandard {
				t.Errorf("%q: RetryMode %v", c.mode, mode)
			}
			if _, ok := get(o, "Retryer").(*retry.Standard); !ok {
				t.Errorf("%q: Retryer %T", c.mode, get(o, "Retryer"))
			}
			transport := get(o, "HTTPClient").(*http.Client).Transport.(*http.Transport)
			want := c.timeout
			if want == 0 {
				want = http.DefaultTransport.(*http.Transport).TLSHandshakeTimeout
			}
			if transport.TLSHandshakeTimeout != want {
				t.Errorf("%q: TLS handshake timeout %v, want %v", c.mode, transport.TLSHandshakeTimeout, want)
			}
			if err := call(context.Background()); err != nil {
				t.Errorf("%q: %v", c.mode, err)
			}
		}

		// A mode never overrides what the program chose, and it tunes a
		// buildable client as the official client does.
		cfg := aws.Config{Region: "us-east-1", DefaultsMode: aws.DefaultsModeInRegion, RetryMode: aws.RetryModeAdaptive,
			HTTPClient: awshttp.NewBuildableClient()}
		_, options := op.newClient(cfg)
		o := options()
		if get(o, "RetryMode") != aws.RetryModeAdaptive {
			t.Errorf("RetryMode %v", get(o, "RetryMode"))
		}
		if _, ok := get(o, "Retryer").(*retry.AdaptiveMode); !ok {
			t.Errorf("Retryer %T", get(o, "Retryer"))
		}
		buildable := get(o, "HTTPClient").(*awshttp.BuildableClient)
		if got := buildable.GetTransport().TLSHandshakeTimeout; got != 1100*time.Millisecond {
			t.Errorf("buildable client TLS handshake timeout %v", got)
		}
		if got := buildable.GetDialer().Timeout; got != 1100*time.Millisecond {
			t.Errorf("buildable client connect timeout %v", got)
		}
	})
}

// authResolverOf is an AuthSchemeResolver of the service whose parameters
// are P.
type authResolverOf[P any] func(operation, region string) []*smithyauth.Option

func (fn authResolverOf[P]) ResolveAuthSchemes(_ context.Context, params *P) ([]*smithyauth.Option, error) {
	v := reflect.ValueOf(params).Elem()
	return fn(v.FieldByName("Operation").String(), v.FieldByName("Region").String()), nil
}

// headerScheme is an auth scheme that "signs" by setting a header from its
// identity.
type headerScheme struct{}

type headerIdentity struct{ value string }

func (headerIdentity) Expiration() time.Time { return time.Time{} }

type headerIdentityResolver struct{}

func (headerIdentityResolver) GetIdentity(context.Context, smithy.Properties) (smithyauth.Identity, error) {
	return headerIdentity{value: "token-1"}, nil
}

type headerSigner struct{}

func (headerSigner) SignRequest(_ context.Context, r *smithyhttp.Request, identity smithyauth.Identity, props smithy.Properties) error {
	r.Header.Set("X-Test-Token", identity.(headerIdentity).value+";"+props.Get("scope").(string))
	return nil
}

func (headerScheme) SchemeID() string { return "com.example#token" }
func (headerScheme) IdentityResolver(smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return headerIdentityResolver{}
}
func (headerScheme) Signer() smithyhttp.Signer { return headerSigner{} }

func TestAuthSchemes(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		tokenOption := func(string, string) []*smithyauth.Option {
			var props smithy.Properties
			props.Set("scope", "s1")
			return []*smithyauth.Option{{SchemeID: "com.example#token", SignerProperties: props}}
		}
		var askedOperation, askedRegion string
		sigv4Option := func(operation, region string) []*smithyauth.Option {
			askedOperation, askedRegion = operation, region
			var props smithy.Properties
			smithyhttp.SetSigV4SigningName(&props, "from-resolver")
			smithyhttp.SetSigV4SigningRegion(&props, "sa-east-1")
			return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props}}
		}
		operationName := op.name[strings.IndexByte(op.name, '.')+1:]
		cases := []struct {
			name    string
			client  []func(any)
			perCall []func(any)
			check   func(r testutil.Request) string // "" when the request is as expected
			err     string
		}{
			{name: "preference noAuth first", client: []func(any){set("AuthSchemePreference", []string{"noAuth", "sigv4"})},
				check: func(r testutil.Request) string {
					if ok, _ := signed(r); ok {
						return "signed"
					}
					return ""
				}},
			{name: "preference sigv4 first", perCall: []func(any){set("AuthSchemePreference", []string{"sigv4a", "sigv4", "noAuth"})},
				check: func(r testutil.Request) string {
					if ok, _ := signed(r); !ok {
						return "unsigned"
					}
					return ""
				}},
			{name: "resolver's SigV4 properties", perCall: []func(any){set("AuthSchemeResolver", op.authResolver(sigv4Option))},
				check: func(r testutil.Request) string {
					if _, scope := signed(r); !strings.Contains(scope, "/sa-east-1/from-resolver/") {
						return "credential scope " + scope
					}
					if askedOperation != operationName || askedRegion != "us-east-1" {
						return "resolver asked for " + askedOperation + " in " + askedRegion
					}
					return ""
				}},
			{name: "custom resolver without credentials", perCall: []func(any){
				set("AuthSchemeResolver", op.authResolver(sigv4Option)), set("Credentials", nil)},
				err: "could not select an auth scheme"},
			{name: "scheme of the program's own", perCall: []func(any){
				set("AuthSchemeResolver", op.authResolver(tokenOption)),
				set("AuthSchemes", []smithyhttp.AuthScheme{headerScheme{}})},
				check: func(r testutil.Request) string {
					if ok, _ := signed(r); ok || r.Header.Get("X-Test-Token") != "token-1;s1" {
						return "headers " + strings.Join(r.Header.Values("X-Test-Token"), ",")
					}
					return ""
				}},
			{name: "SigV4 override over the resolver", perCall: []func(any){
				set("AuthSchemeResolver", op.authResolver(sigv4Option)), sigV4Name("override")},
				check: func(r testutil.Request) string {
					if _, scope := signed(r); !strings.Contains(scope, "/sa-east-1/override/") {
						return "credential scope " + scope
					}
					return ""
				}},
		}
		for _, c := range cases {
			srv := testutil.NewServer(t)
			call, _ := op.newClient(baseConfig(srv), c.client...)
			err := call(context.Background(), c.perCall...)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || srv.Count() != 0 {
					t.Errorf("%s: error %v with %d requests sent, want %q before sending", c.name, err, srv.Count(), c.err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if problem := c.check(srv.Requests()[0]); problem != "" {
				t.Errorf("%s: %s", c.name, problem)
			}
		}
	})
}

// sigV4Name applies WithSigV4SigningName of whichever service options is.
func sigV4Name(name string) func(any) {
	return func(options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			memorydb.WithSigV4SigningName(name)(o)
		case *lightsail.Options:
			lightsail.WithSigV4SigningName(name)(o)
		case *neptunegraph.Options:
			neptunegraph.WithSigV4SigningName(name)(o)
		case *datazone.Options:
			datazone.WithSigV4SigningName(name)(o)
		case *partnercentral.Options:
			partnercentral.WithSigV4SigningName(name)(o)
		}
	}
}

func TestProtocol(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		if op.protocolShape == (smithy.ShapeID{}) {
			return // the official client of this service has no Protocol option
		}
		schema := func(id smithy.ShapeID) *smithy.ServiceSchema {
			return smithy.NewServiceSchema(smithy.NewSchema(id, smithy.ShapeTypeService, 0), "2020-01-01")
		}
		srv := testutil.NewServer(t)
		call, _ := op.newClient(baseConfig(srv))
		if err := call(context.Background(), set("Protocol", awsjson.New11(schema(op.protocolShape)))); err != nil {
			t.Errorf("awsJson1_1 built for the service: %v", err)
		}
		err := call(context.Background(), set("Protocol", awsjson.New11(schema(smithy.ShapeID{Namespace: "com.example", Name: "Other"}))))
		if err == nil || !strings.Contains(err.Error(), "Options.Protocol") {
			t.Errorf("a protocol built for another service: error %v", err)
		}
		if srv.Count() != 1 {
			t.Errorf("%d requests sent, want 1", srv.Count())
		}
	})
}

func TestAppIDReachesUserAgent(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		srv := testutil.NewServer(t)
		cfg := baseConfig(srv)
		cfg.AppID = "shop\r\nX-Injected: 1"
		call, _ := op.newClient(cfg)
		for _, c := range []struct {
			perCall []func(any)
			want    string
		}{
			{want: " app/shop--X-Injected--1"},
			{perCall: []func(any){set("AppID", "billing/v2 (beta)")}, want: " app/billing-v2--beta-"},
			{perCall: []func(any){set("AppID", "ok.~!#$%&'*+^_`|")}, want: " app/ok.~!#$%&'*+^_`|"},
		} {
			if err := call(context.Background(), c.perCall...); err != nil {
				t.Fatal(err)
			}
			requests := srv.Requests()
			ua := requests[len(requests)-1].Header.Get("User-Agent")
			if !strings.Contains(ua+" ", c.want+" ") || requests[len(requests)-1].Header.Get("X-Injected") != "" {
				t.Errorf("User-Agent %q, want it to hold %q", ua, c.want)
			}
		}
	})
}

// TestServiceReadTimeout checks the read timeout the newest official
// Lightsail and MemoryDB clients apply when the program opts in, that the
// other services' clients apply none, and that the opt-in is read once, as
// the official clients read it once per process.
func TestServiceReadTimeout(t *testing.T) {
	const variable = "AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026"
	readTimeout := func(op operation) (time.Duration, bool) {
		_, options := op.newClient(aws.Config{Region: "us-east-1", HTTPClient: awshttp.NewBuildableClient()})
		return get(options(), "HTTPClient").(*awshttp.BuildableClient).GetReadTimeout()
	}
	for _, optIn := range []string{"true", ""} {
		defer transport.RereadReadTimeoutVariable()()
		t.Setenv(variable, optIn)
		want := map[string]bool{memorydb.ServiceID: optIn == "true", lightsail.ServiceID: optIn == "true"}
		for _, op := range operations {
			if got, set := readTimeout(op); set != want[op.serviceID] || (set && got != 5*time.Minute) {
				t.Errorf("%q: %s: read timeout %v, %v", optIn, op.name, got, set)
			}
		}
		// Changed once clients were built, the variable no longer counts.
		t.Setenv(variable, map[string]string{"true": "", "": "true"}[optIn])
		if _, set := readTimeout(operations[0]); set != (optIn == "true") {
			t.Errorf("%q: the variable changed to %q was read again", optIn, os.Getenv(variable))
		}
	}
}

// TestNewFromConfig builds each client from an aws.Config alone: the call
// goes to the config's BaseEndpoint, keeping its path, signed for the
// config's region and the service's signing name, with the service in the
// User-Agent and the config's retryer in charge. A client built from an
// empty config and options alone works as well.
func TestNewFromConfig(t *testing.T) {
	t.Parallel()
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			cfg.Region = "eu-west-1"
			cfg.Retryer = func() aws.Retryer { return retry.AddWithMaxAttempts(retry.NewStandard(), 1) }
			call, _ := op.newClient(cfg)
			if err := call(context.Background()); err != nil {
				t.Fatal(err)
			}
			requests := srv.Requests()
			if len(requests) != 1 || requests[0].Path != srv.Prefix && !strings.HasPrefix(requests[0].Path, srv.Prefix+"/") {
				t.Fatalf("requests %+v, want one under %s", requests, srv.Prefix)
			}
			header := requests[0].Header
			if _, scope := signed(requests[0]); !strings.HasSuffix(scope, "/eu-west-1/"+op.signingName+"/aws4_request") {
				t.Errorf("credential scope %q, want eu-west-1 and %s", scope, op.signingName)
			}
			if ua, want := header.Get("User-Agent"), " api/"+strings.ReplaceAll(op.serviceID, " ", "_")+" "; !strings.Contains(ua+" ", want) {
				t.Errorf("User-Agent %q, want it to hold %q", ua, want)
			}
			if attempt := header.Get("Amz-Sdk-Request"); attempt != "attempt=1; max=1" {
				t.Errorf("amz-sdk-request %q: the config's retryer was not used", attempt)
			}

			// An empty config with every setting in the client's options.
			call, _ = op.newClient(aws.Config{}, set("Region", "us-east-1"), set("Credentials", testutil.Credentials),
				set("BaseEndpoint", srv.Endpoint()))
			if err := call(context.Background()); err != nil {
				t.Fatalf("empty config with options: %v", err)
			}
			if n := srv.Count(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

// appendNilAPIOption adds a nil entry to a call's APIOptions.
func appendNilAPIOption(options any) {
	f := reflect.ValueOf(options).Elem().FieldByName("APIOptions")
	f.Set(reflect.Append(f, reflect.Zero(f.Type().Elem())))
}

// addNilInterceptor adds an interceptor and then a nil one after each
// attempt of a call.
func addNilInterceptor(options any) {
	r := reflect.ValueOf(options).Elem().FieldByName("Interceptors").Addr().Interface().(*smithyhttp.InterceptorRegistry)
	r.AddAfterAttempt(&testutil.Hooks{})
	r.AddAfterAttempt(nil)
}

// appendNoOpAPIOption adds a middleware function that changes nothing, so
// that the call runs through the middleware stack.
func appendNoOpAPIOption(options any) {
	f := reflect.ValueOf(options).Elem().FieldByName("APIOptions")
	f.Set(reflect.Append(f, reflect.ValueOf(func(*middleware.Stack) error { return nil })))
}

// TestRefusesMisconfiguration calls each operation with options it cannot
// honour, and with a nil context: the call fails with an error naming the
// problem, before anything is sent.
func TestRefusesMisconfiguration(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		perCall []func(any)
		nilCtx  bool
		want    string
	}{
		{name: "nil middleware", perCall: []func(any){appendNilAPIOption}, want: "APIOptions[0] is nil"},
		{name: "no region", perCall: []func(any){set("BaseEndpoint", nil), set("Region", "")},
			want: "Invalid Configuration: Missing Region"},
		{name: "invalid region", perCall: []func(any){set("BaseEndpoint", nil), set("Region", "us-east-1/../x")},
			want: "invalid input region"},
		{name: "FIPS with a custom endpoint", perCall: []func(any){func(options any) {
			reflect.ValueOf(options).Elem().FieldByName("EndpointOptions").FieldByName("UseFIPSEndpoint").
				Set(reflect.ValueOf(aws.FIPSEndpointStateEnabled))
		}}, want: "FIPS and custom endpoint are not supported"},
		{name: "nil context", nilCtx: true, want: "nil context"},
		{name: "nil EndpointResolverV2", perCall: []func(any){set("EndpointResolverV2", nil)},
			want: ", expected endpoint resolver to not be nil"},
		{name: "nil EndpointResolverV2, with middleware", perCall: []func(any){set("EndpointResolverV2", nil), appendNoOpAPIOption},
			want: ", expected endpoint resolver to not be nil"},
		{name: "nil *http.Client", perCall: []func(any){set("HTTPClient", (*http.Client)(nil))},
			want: "Options.HTTPClient is a nil *http.Client"},
		{name: "nil retryer with an attempt limit", perCall: []func(any){set("Retryer", (*retry.Standard)(nil)), set("RetryMaxAttempts", 2)},
			want: "Options.Retryer is a nil *retry.Standard"},
		{name: "nil credentials provider function", perCall: []func(any){set("Credentials", aws.CredentialsProviderFunc(nil))},
			want: "Options.Credentials is a nil aws.CredentialsProviderFunc"},
		{name: "nil *Hooks interceptor", perCall: []func(any){func(options any) {
			r := reflect.ValueOf(options).Elem().FieldByName("Interceptors").Addr().Interface().(*smithyhttp.InterceptorRegistry)
			r.AddBeforeSigning((*testutil.Hooks)(nil))
		}}, want: "Options.Interceptors.BeforeSigning[0] is nil"},
		{name: "unknown Validation", perCall: []func(any){func(options any) {
			reflect.ValueOf(options).Elem().FieldByName("Validation").SetInt(3)
		}}, want: "Options.Validation is Mode(3): give ValidationFull, ValidationRequiredOnly or ValidationOff"},
		{name: "negative MaxResponseBytes", perCall: []func(any){set("MaxResponseBytes", int64(-1))},
			want: "Options.MaxResponseBytes is -1: give 0 for the default bound of 10 MiB, or a positive bound"},
		{name: "nil interceptor", perCall: []func(any){addNilInterceptor}, want: "Options.Interceptors.AfterAttempt[1] is nil"},
		{name: "nil AuthSchemeResolver", perCall: []func(any){set("AuthSchemeResolver", nil)},
			want: "resolve auth scheme: Options.AuthSchemeResolver is nil"},
		{name: "nil AuthSchemeResolver, with middleware", perCall: []func(any){set("AuthSchemeResolver", nil), appendNoOpAPIOption},
			want: "Options.AuthSchemeResolver is nil"},
	}
	for _, op := range operations {
		for _, c := range cases {
			t.Run(op.name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				srv := testutil.NewServer(t)
				call, _ := op.newClient(baseConfig(srv))
				ctx := context.Background()
				if c.nilCtx {
					ctx = nil
				}
				err := call(ctx, c.perCall...)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error %v, want one mentioning %q", err, c.want)
				}
				if n := srv.Count(); n != 0 {
					t.Errorf("%d requests sent", n)
				}
			})
		}
	}
}

// TestRefusesMisuse calls each operation through clients misused: built
// or called with a nil option function, or not built at all. Each call
// fails with an *smithy.OperationError naming the mistake, before
// anything is sent, and a nil per-call option leaves the client's later
// calls as they were.
func TestRefusesMisuse(t *testing.T) {
	t.Parallel()
	const noClient = "the client is nil or was not made by New or NewFromConfig"
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			cfg := baseConfig(srv)
			ctx := context.Background()
			var got []error
			call, _ := op.newClient(cfg, set("Region", "us-east-1"), nil)
			got = append(got, call(ctx))
			withServiceOption := cfg
			withServiceOption.ServiceOptions = []func(string, any){nil}
			call, _ = op.newClient(withServiceOption)
			got = append(got, call(ctx))
			call, options := op.newClient(cfg)
			got = append(got, call(ctx, set("Region", "us-east-1"), nil))
			got = append(got, op.misused(options())...)
			want := []string{"NewFromConfig: option function 1 is nil", "aws.Config.ServiceOptions: option function 0 is nil",
				"per-call options: option function 1 is nil", noClient, noClient, "New: option function 0 is nil"}
			for i, err := range got {
				var opErr *smithy.OperationError
				if !errors.As(err, &opErr) || opErr.Service() != op.serviceID || !strings.HasSuffix(op.name, "."+opErr.Operation()) {
					t.Errorf("call %d: error %#v, want an *smithy.OperationError of %s", i, err, op.name)
					continue
				}
				if !strings.HasSuffix(err.Error(), ", "+want[i]) {
					t.Errorf("call %d: error %q, want one ending %q", i, err, want[i])
				}
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("%d requests sent", n)
			}
			if err := call(ctx); err != nil {
				t.Errorf("a call without per-call options after the misuse: %v", err)
			}
		})
	}
}

// endpointResolverOf is an EndpointResolverV2 of the service whose
// parameters are P: it records them (nil for those unset) and answers
// with url, carrying schemes as its auth schemes when there are any.
type endpointResolverOf[P any] struct {
	url     string
	seen    *map[string]any
	schemes []*smithyauth.Option
	headers http.Header
}

func (r endpointResolverOf[P]) ResolveEndpoint(_ context.Context, params P) (smithyendpoints.Endpoint, error) {
	v := reflect.ValueOf(params)
	*r.seen = map[string]any{}
	for i := range v.NumField() {
		var value any // nil for an unset parameter
		if f := v.Field(i); !f.IsNil() {
			value = f.Elem().Interface()
		}
		(*r.seen)[v.Type().Field(i).Name] = value
	}
	e, err := endpoints.URL(r.url)
	if len(r.schemes) > 0 {
		smithyauth.SetAuthOptions(&e.Properties, r.schemes)
	}
	e.Headers = r.headers
	return e, err
}

// optionHelpers returns the With... option helpers of whichever service
// options is: WithEndpointResolverV2 with a resolver that records its
// parameters into seen and answers url, WithSigV4SigningName,
// WithSigV4SigningRegion and WithAPIOptions.
func optionHelpers(url string, seen *map[string]any, name, region string, apiOptions ...func(*middleware.Stack) error) func(any) {
	return func(options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			memorydb.WithEndpointResolverV2(endpointResolverOf[memorydb.EndpointParameters]{url: url, seen: seen})(o)
			memorydb.WithSigV4SigningName(name)(o)
			memorydb.WithSigV4SigningRegion(region)(o)
			memorydb.WithAPIOptions(apiOptions...)(o)
		case *lightsail.Options:
			lightsail.WithEndpointResolverV2(endpointResolverOf[lightsail.EndpointParameters]{url: url, seen: seen})(o)
			lightsail.WithSigV4SigningName(name)(o)
			lightsail.WithSigV4SigningRegion(region)(o)
			lightsail.WithAPIOptions(apiOptions...)(o)
		case *neptunegraph.Options:
			neptunegraph.WithEndpointResolverV2(endpointResolverOf[neptunegraph.EndpointParameters]{url: url, seen: seen})(o)
			neptunegraph.WithSigV4SigningName(name)(o)
			neptunegraph.WithSigV4SigningRegion(region)(o)
			neptunegraph.WithAPIOptions(apiOptions...)(o)
		case *datazone.Options:
			datazone.WithEndpointResolverV2(endpointResolverOf[datazone.EndpointParameters]{url: url, seen: seen})(o)
			datazone.WithSigV4SigningName(name)(o)
			datazone.WithSigV4SigningRegion(region)(o)
			datazone.WithAPIOptions(apiOptions...)(o)
		case *partnercentral.Options:
			partnercentral.WithEndpointResolverV2(endpointResolverOf[partnercentral.EndpointParameters]{url: url, seen: seen})(o)
			partnercentral.WithSigV4SigningName(name)(o)
			partnercentral.WithSigV4SigningRegion(region)(o)
			partnercentral.WithAPIOptions(apiOptions...)(o)
		}
	}
}

// withEndpointSchemes sets an EndpointResolverV2 that answers url with
// the given auth schemes.
func withEndpointSchemes(url string, schemes []*smithyauth.Option) func(any) {
	return withEndpoint(url, schemes, nil)
}

// withEndpoint sets a resolver of the program's own that answers url with
// the auth schemes and headers given.
func withEndpoint(url string, schemes []*smithyauth.Option, headers http.Header) func(any) {
	seen := &map[string]any{}
	return func(options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			o.EndpointResolverV2 = endpointResolverOf[memorydb.EndpointParameters]{url, seen, schemes, headers}
		case *lightsail.Options:
			o.EndpointResolverV2 = endpointResolverOf[lightsail.EndpointParameters]{url, seen, schemes, headers}
		case *neptunegraph.Options:
			o.EndpointResolverV2 = endpointResolverOf[neptunegraph.EndpointParameters]{url, seen, schemes, headers}
		case *datazone.Options:
			o.EndpointResolverV2 = endpointResolverOf[datazone.EndpointParameters]{url, seen, schemes, headers}
		case *partnercentral.Options:
			o.EndpointResolverV2 = endpointResolverOf[partnercentral.EndpointParameters]{url, seen, schemes, headers}
		}
	}
}

// TestEndpointHeaders resolves each operation's endpoint with a resolver
// of the program's own whose endpoint carries headers: as the official
// endpoint middleware sets them, each is sent with its first value,
// replacing a header of the same name, and signed.
func TestEndpointHeaders(t *testing.T) {
	t.Parallel()
	forEachOperation(t, func(t *testing.T, op operation) {
		srv := testutil.NewServer(t)
		call, _ := op.newClient(baseConfig(srv))
		headers := http.Header{"X-Route": {"blue", "green"}, "Amz-Sdk-Request": {"from-endpoint"}}
		if err := call(context.Background(), withEndpoint(srv.URL+srv.Prefix, nil, headers)); err != nil {
			t.Fatal(err)
		}
		req := srv.Requests()[0]
		if got := req.Header.Values("X-Route"); len(got) != 1 || got[0] != "blue" {
			t.Errorf("X-Route %q, want [blue]", got)
		}
		if got := req.Header.Values("Amz-Sdk-Request"); len(got) != 1 || got[0] != "from-endpoint" {
			t.Errorf("Amz-Sdk-Request %q, want [from-endpoint]", got)
		}
		if auth := req.Header.Get("Authorization"); !strings.Contains(auth, ";x-route,") && !strings.Contains(auth, ";x-route;") {
			t.Errorf("Authorization %s does not sign x-route", auth)
		}
	})
}

// TestEndpointAuthSchemes resolves each operation's endpoint with a
// resolver of the program's own that lists auth schemes, as the official
// resolvers write them ("sigv4") or namespaced: as in the official
// clients, every scheme's signing name and region apply, the last winning.
func TestEndpointAuthSchemes(t *testing.T) {
	t.Parallel()
	scheme := func(id, name, region string) *smithyauth.Option {
		o := &smithyauth.Option{SchemeID: id}
		smithyhttp.SetSigV4SigningName(&o.SignerProperties, name)
		smithyhttp.SetSigV4SigningRegion(&o.SignerProperties, region)
		return o
	}
	forEachOperation(t, func(t *testing.T, op operation) {
		srv := testutil.NewServer(t)
		call, _ := op.newClient(baseConfig(srv))
		for _, c := range []struct {
			name    string
			schemes []*smithyauth.Option
			scope   string
		}{
			{"official form", []*smithyauth.Option{scheme("sigv4", "from-endpoint", "ap-east-9")}, "/ap-east-9/from-endpoint/"},
			{"namespaced", []*smithyauth.Option{scheme("aws.auth#sigv4", "n1", "r1")}, "/r1/n1/"},
			{"last wins", []*smithyauth.Option{scheme("sigv4", "n1", "r1"), scheme("sigv4a", "n2", "r2")}, "/r2/n2/"},
		} {
			before := srv.Count()
			if err := call(context.Background(), withEndpointSchemes(srv.URL, c.schemes)); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			reqs := srv.Requests()[before:]
			if len(reqs) != 1 {
				t.Fatalf("%s: %d requests", c.name, len(reqs))
			}
			if _, scope := signed(reqs[0]); !strings.Contains(scope, c.scope) {
				t.Errorf("%s: credential scope %s, want %s", c.name, scope, c.scope)
			}
		}
	})
}

// TestOptionHelpers calls each operation with its service's option
// helpers: the custom endpoint resolver is given the rules' parameters (a
// legacy FIPS region spelled out as region and FIPS, the BaseEndpoint when
// there is one) and its endpoint is used, path included; the request is
// signed with the name and region the helpers set; and a nil middleware
// from WithAPIOptions is refused before anything is sent.
func TestOptionHelpers(t *testing.T) {
	t.Parallel()
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			call, _ := op.newClient(baseConfig(srv))
			for _, c := range []struct {
				name, region string
				base         *string
				want         map[string]any
			}{
				{name: "without BaseEndpoint", region: "fips-eu-west-1",
					want: map[string]any{"Region": "eu-west-1", "UseFIPS": true, "UseDualStack": false, "Endpoint": nil}},
				{name: "with BaseEndpoint", region: "us-east-1", base: srv.Endpoint(),
					want: map[string]any{"Region": "us-east-1", "UseFIPS": false, "UseDualStack": false, "Endpoint": *srv.Endpoint()}},
			} {
				var seen map[string]any
				before := srv.Count()
				err := call(context.Background(), set("Region", c.region), set("BaseEndpoint", c.base),
					optionHelpers(srv.URL+"/custom", &seen, "custom-name", "eu-west-3"))
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				if _, dualStack := seen["UseDualStack"]; !dualStack {
					delete(c.want, "UseDualStack") // the service's rules have no such parameter at all
				}
				if op.serviceID == neptunegraph.ServiceID {
					c.want["ApiType"] = "ControlPlane" // the operation's own parameter
				}
				if diff := cmp.Diff(c.want, seen); diff != "" {
					t.Errorf("%s: resolver parameters (-want +got):\n%s", c.name, diff)
				}
				requests := srv.Requests()
				if len(requests) != before+1 {
					t.Fatalf("%s: %d requests, want 1", c.name, len(requests)-before)
				}
				req := requests[len(requests)-1]
				if req.Path != "/custom" && !strings.HasPrefix(req.Path, "/custom/") {
					t.Errorf("%s: path %s, want one under the resolver's /custom", c.name, req.Path)
				}
				if _, scope := signed(req); !strings.HasSuffix(scope, "/eu-west-3/custom-name/aws4_request") {
					t.Errorf("%s: credential scope %q, want eu-west-3/custom-name", c.name, scope)
				}
			}
			var seen map[string]any
			err := call(context.Background(), optionHelpers(srv.URL, &seen, "n", "r", nil))
			// After the entries WithSigV4SigningName and WithSigV4SigningRegion
			// appended.
			if err == nil || !strings.Contains(err.Error(), "APIOptions[2] is nil") {
				t.Errorf("WithAPIOptions(nil): %v", err)
			}
			if n := srv.Count(); n != 2 {
				t.Errorf("%d requests in all, want 2", n)
			}
		})
	}
}
