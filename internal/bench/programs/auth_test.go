//lint:file-ignore SA1019 a legacy resolver of aws.Config is among the cases compared

package programs

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	officialdatazone "github.com/aws/aws-sdk-go-v2/service/datazone"
	officiallightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	officialmemorydb "github.com/aws/aws-sdk-go-v2/service/memorydb"
	officialneptunegraph "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
)

// fixedAuth is a program's AuthSchemeResolver, of any service whose
// parameters are P: it answers every call with new options from opts (none
// when nil), and err. (The official clients write into the signer properties of the
// option they choose, so options are not shared between calls.)
type fixedAuth[P any] struct {
	opts func(region string) []*smithyauth.Option
	err  error
}

// ResolveAuthSchemes answers with the options opts makes for the region
// in params.
func (r fixedAuth[P]) ResolveAuthSchemes(_ context.Context, params *P) ([]*smithyauth.Option, error) {
	if r.opts == nil {
		return nil, r.err
	}
	return r.opts(reflect.ValueOf(params).Elem().FieldByName("Region").String()), r.err
}

// withAuth returns a service option that sets a fixedAuth as the
// AuthSchemeResolver, and pref as the AuthSchemePreference, of whichever
// client's options it is given.
func withAuth(opts func(region string) []*smithyauth.Option, err error, pref []string) func(string, any) {
	return func(_ string, options any) {
		switch o := options.(type) {
		case *memorydb.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[memorydb.AuthResolverParameters]{opts, err}, pref
		case *officialmemorydb.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[officialmemorydb.AuthResolverParameters]{opts, err}, pref
		case *lightsail.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[lightsail.AuthResolverParameters]{opts, err}, pref
		case *officiallightsail.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[officiallightsail.AuthResolverParameters]{opts, err}, pref
		case *neptunegraph.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[neptunegraph.AuthResolverParameters]{opts, err}, pref
		case *officialneptunegraph.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[officialneptunegraph.AuthResolverParameters]{opts, err}, pref
		case *datazone.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[datazone.AuthResolverParameters]{opts, err}, pref
		case *officialdatazone.Options:
			o.AuthSchemeResolver, o.AuthSchemePreference = fixedAuth[officialdatazone.AuthResolverParameters]{opts, err}, pref
		default:
			panic(fmt.Sprintf("no auth scheme resolver for %T", options))
		}
	}
}

// TestCustomAuthSchemeResolver gives both clients a program's own
// AuthSchemeResolver, and an AuthSchemePreference, and compares the
// request each hands the HTTP client, credential scope included, and the
// call's error: SigV4 options with and without a signing name and region
// (alone, and under a legacy endpoint resolver that gives them), noAuth,
// SigV4a (which neither client can sign with), an empty list, a failing
// resolver, and the region the resolver is given when the program's is a
// legacy FIPS spelling.
func TestCustomAuthSchemeResolver(t *testing.T) {
	// Each option is made anew for every call (see fixedAuth).
	sig := func(name, region string) func() *smithyauth.Option {
		return func() *smithyauth.Option {
			var p smithy.Properties
			if name != "" {
				smithyhttp.SetSigV4SigningName(&p, name)
			}
			if region != "" {
				smithyhttp.SetSigV4SigningRegion(&p, region)
			}
			return &smithyauth.Option{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: p}
		}
	}
	noAuth := func() *smithyauth.Option { return &smithyauth.Option{SchemeID: smithyauth.SchemeIDAnonymous} }
	v4a := func() *smithyauth.Option { return &smithyauth.Option{SchemeID: smithyauth.SchemeIDSigV4A} }
	list := func(options ...func() *smithyauth.Option) func(string) []*smithyauth.Option {
		return func(string) []*smithyauth.Option {
			out := []*smithyauth.Option{}
			for _, option := range options {
				out = append(out, option())
			}
			return out
		}
	}
	cases := map[string]struct {
		opts func(region string) []*smithyauth.Option
		err  error
		pref []string
	}{
		"sigv4 plain":       {opts: list(sig("", ""))},
		"sigv4 name region": {opts: list(sig("custom", "eu-west-3"))},
		"sigv4 name only":   {opts: list(sig("custom", ""))},
		"sigv4 region only": {opts: list(sig("", "eu-west-3"))},
		"noAuth":            {opts: list(noAuth)},
		"noAuth then sigv4": {opts: list(noAuth, sig("", ""))},
		"sigv4a then sigv4": {opts: list(v4a, sig("", ""))},
		"sigv4a only":       {opts: list(v4a)},
		"empty":             {opts: list()},
		"nil":               {},
		"error":             {err: errors.New("auth resolver broke")},
		"pref noAuth":       {opts: list(sig("", ""), noAuth), pref: []string{"noAuth"}},
		"pref sigv4a":       {opts: list(sig("", ""), v4a), pref: []string{"sigv4a", "sigv4"}},
		"pref unknown":      {opts: list(sig("", "")), pref: []string{"bogus"}},
	}
	// A resolver that signs for the region it is given, as the default one
	// does, under a region written in a legacy FIPS spelling.
	forRegion := func(region string) []*smithyauth.Option { return list(sig("neptune-graph", region))("") }
	for _, region := range []string{"us-west-2-fips", "fips-us-west-2"} {
		compareRequests(t, "resolver given the region "+region, func(cfg *aws.Config) {
			cfg.Region = region
			cfg.ServiceOptions = append(cfg.ServiceOptions, withAuth(forRegion, nil, nil))
		})
	}
	legacy := []aws.Endpoint{{URL: "https://legacy.example.com"}, {URL: "https://legacy.example.com", SigningRegion: "eu-west-3"}}
	for name, c := range cases {
		compareRequests(t, name, func(cfg *aws.Config) {
			cfg.ServiceOptions = append(cfg.ServiceOptions, withAuth(c.opts, c.err, c.pref))
		})
		for _, e := range legacy {
			compareRequests(t, fmt.Sprintf("%s, legacy resolver with signing region %q", name, e.SigningRegion), func(cfg *aws.Config) {
				cfg.ServiceOptions = append(cfg.ServiceOptions, withAuth(c.opts, c.err, c.pref))
				cfg.EndpointResolverWithOptions = aws.EndpointResolverWithOptionsFunc(func(string, string, ...any) (aws.Endpoint, error) { return e, nil })
			})
		}
	}
}

// countingSigner is a program's own SigV4 signer that counts its calls and
// signs with the official signer.
type countingSigner struct{ calls *atomic.Int32 }

func (s countingSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string,
	signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	s.calls.Add(1)
	return v4.NewSigner().SignHTTP(ctx, creds, r, payloadHash, service, region, signingTime, optFns...)
}

// TestPerCallAuthOptions compares calls whose own options change what the
// client signs with: a signer of the program's own, which the official
// clients' SigV4 scheme, made by New, never calls; and auth schemes
// cleared, which leave no SigV4 scheme, so the call goes unsigned.
func TestPerCallAuthOptions(t *testing.T) {
	for _, c := range []struct {
		name    string
		perCall func(options any, calls *atomic.Int32)
	}{
		{"signer set by the call", func(options any, calls *atomic.Int32) {
			reflect.ValueOf(options).Elem().FieldByName("HTTPSignerV4").Set(reflect.ValueOf(countingSigner{calls}))
		}},
		{"auth schemes cleared by the call", func(options any, _ *atomic.Int32) {
			f := reflect.ValueOf(options).Elem().FieldByName("AuthSchemes")
			f.Set(reflect.Zero(f.Type()))
		}},
	} {
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config, func(any)) error) string {
					var calls atomic.Int32
					recorder := &requestRecorder{answer: s.ok}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, APIOptions: onStack(stack),
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					err := call(context.Background(), cfg, func(options any) { c.perCall(options, &calls) })
					seen := strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1)
					return fmt.Sprintf("%s\nthe program's signer called %d times, error %v", seen, calls.Load(), err)
				}
				if ours, official := run(s.oursPerCall), run(s.officialPerCall); ours != official {
					t.Errorf("%s, %s, middleware stack %v:\nours:\n%s\nofficial:\n%s", c.name, s.name, stack, ours, official)
				}
			}
		}
	}
}

// signingOverrides are each client's WithSigV4SigningName and
// WithSigV4SigningRegion, by the type of its options.
var signingOverrides = map[reflect.Type][2]any{
	reflect.TypeFor[*memorydb.Options]():             {memorydb.WithSigV4SigningName, memorydb.WithSigV4SigningRegion},
	reflect.TypeFor[*officialmemorydb.Options]():     {officialmemorydb.WithSigV4SigningName, officialmemorydb.WithSigV4SigningRegion},
	reflect.TypeFor[*lightsail.Options]():            {lightsail.WithSigV4SigningName, lightsail.WithSigV4SigningRegion},
	reflect.TypeFor[*officiallightsail.Options]():    {officiallightsail.WithSigV4SigningName, officiallightsail.WithSigV4SigningRegion},
	reflect.TypeFor[*neptunegraph.Options]():         {neptunegraph.WithSigV4SigningName, neptunegraph.WithSigV4SigningRegion},
	reflect.TypeFor[*officialneptunegraph.Options](): {officialneptunegraph.WithSigV4SigningName, officialneptunegraph.WithSigV4SigningRegion},
	reflect.TypeFor[*datazone.Options]():             {datazone.WithSigV4SigningName, datazone.WithSigV4SigningRegion},
	reflect.TypeFor[*officialdatazone.Options]():     {officialdatazone.WithSigV4SigningName, officialdatazone.WithSigV4SigningRegion},
}

// signingOverride returns an option that applies WithSigV4SigningName (or,
// with region set, WithSigV4SigningRegion) with value to whichever
// client's options it is given.
func signingOverride(value string, region bool) func(any) {
	return func(options any) {
		with := signingOverrides[reflect.TypeOf(options)][0]
		if region {
			with = signingOverrides[reflect.TypeOf(options)][1]
		}
		option := reflect.ValueOf(with).Call([]reflect.Value{reflect.ValueOf(value)})[0]
		option.Call([]reflect.Value{reflect.ValueOf(options)})
	}
}

// TestSigningOverrides compares the credential scope of calls given
// WithSigV4SigningName and WithSigV4SigningRegion more than once, on the
// client and on the call, and of a call whose options drop the client's
// APIOptions, which hold them.
func TestSigningOverrides(t *testing.T) {
	for _, c := range []struct {
		name            string
		client, perCall []func(any)
	}{
		{"the client's name and the call's", []func(any){signingOverride("client-name", false)},
			[]func(any){signingOverride("call-name", false)}},
		{"two regions on the call", nil, []func(any){signingOverride("eu-north-1", true), signingOverride("ap-south-1", true)}},
		{"the client's name, the call's APIOptions cleared", []func(any){signingOverride("client-name", false)},
			[]func(any){func(options any) {
				f := reflect.ValueOf(options).Elem().FieldByName("APIOptions")
				f.Set(reflect.Zero(f.Type()))
			}}},
	} {
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config, func(any)) error) string {
					recorder := &requestRecorder{answer: s.ok}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, APIOptions: onStack(stack),
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					for _, fn := range c.client {
						cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, options any) { fn(options) })
					}
					err := call(context.Background(), cfg, func(options any) {
						for _, fn := range c.perCall {
							fn(options)
						}
					})
					return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1) + fmt.Sprint("error: ", err)
				}
				if ours, official := run(s.oursPerCall), run(s.officialPerCall); ours != official {
					t.Errorf("%s, %s, middleware stack %v:\nours:\n%s\nofficial:\n%s", c.name, s.name, stack, ours, official)
				}
			}
		}
	}
}

// signLogger is a program's Logger noting each entry (see logEntry) after
// its name, and keeping each entry's whole text apart.
type signLogger struct {
	name    string
	entries *[]string
	whole   *strings.Builder
}

func (l signLogger) Logf(classification logging.Classification, format string, v ...any) {
	*l.entries = append(*l.entries, l.name+" "+logEntry(classification, format, v...))
	fmt.Fprintf(l.whole, format+"\n", v...)
}

// TestPerCallSigningLogs compares where what a client's signer signs is
// logged (aws.LogSigning) when a call's options change the Logger or the
// ClientLogMode: the official clients' SigV4 scheme, made by New, keeps
// the Logger and mode New was given, for their own signer and for a
// program's. The credentials carry a session token, which ours never
// logs.
func TestPerCallSigningLogs(t *testing.T) {
	const token = "SESSION-TOKEN-VALUE"
	for _, ownSigner := range []bool{false, true} {
		for _, change := range []string{"logger", "mode on, with a logger", "mode off"} {
			for _, s := range services {
				for _, stack := range []bool{false, true} {
					var whole strings.Builder
					run := func(call func(context.Context, aws.Config, func(any)) error) string {
						var entries []string
						var calls atomic.Int32
						cfg := aws.Config{Region: "us-west-2", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1, APIOptions: onStack(stack),
							Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", token),
							Logger:      signLogger{"client's logger", &entries, &whole}}
						if change != "mode on, with a logger" {
							cfg.ClientLogMode = aws.LogSigning
						}
						if ownSigner {
							cfg.ServiceOptions = []func(string, any){func(_ string, o any) {
								reflect.ValueOf(o).Elem().FieldByName("HTTPSignerV4").Set(reflect.ValueOf(countingSigner{&calls}))
							}}
						}
						err := call(context.Background(), cfg, func(o any) {
							v := reflect.ValueOf(o).Elem()
							switch change {
							case "logger":
								v.FieldByName("Logger").Set(reflect.ValueOf(signLogger{"call's logger", &entries, &whole}))
							case "mode on, with a logger":
								v.FieldByName("ClientLogMode").Set(reflect.ValueOf(aws.LogSigning))
								v.FieldByName("Logger").Set(reflect.ValueOf(signLogger{"call's logger", &entries, &whole}))
							case "mode off":
								v.FieldByName("ClientLogMode").Set(reflect.ValueOf(aws.ClientLogMode(0)))
							}
						})
						return fmt.Sprintf("%s\nthe program's signer called %d times, error %v", strings.Join(entries, "\n"), calls.Load(), err)
					}
					ours := run(s.oursPerCall)
					if strings.Contains(whole.String(), token) {
						t.Errorf("program's signer %v, %s, %s, middleware stack %v: our log holds the session token", ownSigner, change, s.name, stack)
					}
					if official := run(s.officialPerCall); ours != official {
						t.Errorf("program's signer %v, per-call %s, %s, middleware stack %v: differ\nours:\n%s\nofficial:\n%s",
							ownSigner, change, s.name, stack, ours, official)
					}
				}
			}
		}
	}
}
