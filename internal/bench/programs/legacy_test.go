//lint:file-ignore SA1019 the legacy resolver of aws.Config is what this test compares

package programs

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
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

// TestLegacyEndpointSeenByMiddleware gives both clients a legacy resolver
// and a program's middleware in the Build step, right after the Serialize
// step's ResolveEndpoint, and first in the Finalize step, and compares
// what it reads there: the request's URL, and the region (given in a
// legacy FIPS spelling), the signing name and region, the endpoint's
// source and partition, whether its host may change and whether the call
// uses a legacy endpoint, from the context.
func TestLegacyEndpointSeenByMiddleware(t *testing.T) {
	endpoints := []aws.Endpoint{{URL: "https://legacy.example.com"}, {URL: "https://legacy.example.com/p?b=1&a=2",
		SigningRegion: "eu-west-3", SigningName: "custom", Source: aws.EndpointSourceCustom, PartitionID: "aws", HostnameImmutable: true}}
	for _, e := range endpoints {
		for _, place := range []string{"Build", "after ResolveEndpoint", "Finalize"} {
			var seen string
			look := func(ctx context.Context, req *smithyhttp.Request) {
				seen = fmt.Sprintf("URL %q, region %q, signing %q %q, source %v, partition %q, immutable %v, legacy %v", req.URL.String(),
					awsmiddleware.GetRegion(ctx), awsmiddleware.GetSigningName(ctx), awsmiddleware.GetSigningRegion(ctx),
					awsmiddleware.GetEndpointSource(ctx), awsmiddleware.GetPartitionID(ctx), smithyhttp.GetHostnameImmutable(ctx),
					awsmiddleware.GetRequiresLegacyEndpoints(ctx))
			}
			add := func(stack *middleware.Stack) error {
				switch place {
				case "Build":
					return stack.Build.Add(middleware.BuildMiddlewareFunc("look", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
						look(ctx, in.Request.(*smithyhttp.Request))
						return next.HandleBuild(ctx, in)
					}), middleware.After)
				case "after ResolveEndpoint":
					return stack.Serialize.Insert(middleware.SerializeMiddlewareFunc("look", func(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
						look(ctx, in.Request.(*smithyhttp.Request))
						return next.HandleSerialize(ctx, in)
					}), "ResolveEndpoint", middleware.After)
				}
				return stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("look", func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
					look(ctx, in.Request.(*smithyhttp.Request))
					return next.HandleFinalize(ctx, in)
				}), middleware.Before)
			}
			for _, s := range services {
				call := func(call func(context.Context, aws.Config) error) string {
					seen = ""
					// A legacy FIPS spelling of the region, which the
					// context holds as written.
					cfg := aws.Config{Region: "us-west-2-fips", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1,
						APIOptions:                  []func(*middleware.Stack) error{add},
						EndpointResolverWithOptions: aws.EndpointResolverWithOptionsFunc(func(string, string, ...any) (aws.Endpoint, error) { return e, nil })}
					return fmt.Sprint(seen, "; error: ", call(context.Background(), cfg))
				}
				if ours, official := call(s.callOurs), call(s.callOfficial); ours != official || !strings.Contains(ours, "legacy.example.com") {
					t.Errorf("%s, endpoint %s, %s: middleware reads\nours:     %s\nofficial: %s", s.name, e.URL, place, ours, official)
				}
			}
		}
	}
}

// TestLegacyEndpointTelemetry compares the spans (names, parents, kinds,
// status and property keys) and the metrics (instruments, and records
// with their numbers masked) of a call with and without a legacy
// resolver: the official clients resolve no endpoint through the rules
// then, so record no ResolveEndpoint duration.
func TestLegacyEndpointTelemetry(t *testing.T) {
	// Durations, sizes and times differ from call to call.
	num := regexp.MustCompile(`[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?`)
	for _, s := range services {
		for _, legacy := range []bool{false, true} {
			run := func(call func(context.Context, aws.Config) error) ([]string, []string) {
				m := &testutil.Meter{}
				tr := &testutil.Tracer{}
				cfg := aws.Config{Region: "us-west-2", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1,
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, o any) {
					v := reflect.ValueOf(o).Elem()
					v.FieldByName("MeterProvider").Set(reflect.ValueOf(m))
					v.FieldByName("TracerProvider").Set(reflect.ValueOf(tr))
				})
				if legacy {
					cfg.EndpointResolverWithOptions = aws.EndpointResolverWithOptionsFunc(func(string, string, ...any) (aws.Endpoint, error) {
						return aws.Endpoint{URL: "https://legacy.example.com", SigningRegion: "eu-west-3"}, nil
					})
				}
				_ = call(context.Background(), cfg)
				var recs []string
				for _, r := range m.Records() {
					recs = append(recs, num.ReplaceAllString(r, "N"))
				}
				var spans []string
				for _, sp := range tr.Spans() {
					spans = append(spans, num.ReplaceAllString(sp, "N"))
				}
				return append(m.Instruments(), spans...), recs
			}
			oi, or := run(s.callOurs)
			fi, fr := run(s.callOfficial)
			if d := cmp.Diff(fi, oi); d != "" {
				t.Errorf("%s, legacy resolver %v: instruments and spans differ (-official +ours):\n%s", s.name, legacy, d)
			}
			if d := cmp.Diff(fr, or); d != "" {
				t.Errorf("%s, legacy resolver %v: metric records differ (-official +ours):\n%s", s.name, legacy, strings.TrimSpace(d))
			}
		}
	}
}

// TestLegacyResolverLogger gives both clients a legacy resolver that logs
// through the Logger of the options it is handed, as the SDK's own legacy
// resolvers log a deprecated endpoint, and a logging.ContextLogger as the
// program's Logger, and compares what is written, with what the context
// the Logger was given says of the call, on both paths.
func TestLegacyResolverLogger(t *testing.T) {
	for _, s := range services {
		for _, stack := range []bool{false, true} {
			entries := func(call func(context.Context, aws.Config) error) string {
				var entries []string
				cfg := aws.Config{Region: "us-west-2", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1,
					APIOptions: onStack(stack), Logger: taggingLogger{entries: &entries},
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
					EndpointResolverWithOptions: aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...any) (aws.Endpoint, error) {
						if len(options) != 1 {
							return aws.Endpoint{}, fmt.Errorf("%d options", len(options))
						}
						logger, _ := reflect.ValueOf(options[0]).FieldByName("Logger").Interface().(logging.Logger)
						if logger == nil {
							return aws.Endpoint{}, errors.New("no logger in the options")
						}
						logger.Logf(logging.Debug, "resolving %s in %s", service, region)
						return aws.Endpoint{URL: "https://legacy.example.com"}, nil
					})}
				err := call(context.Background(), cfg)
				return strings.Join(entries, "\n") + fmt.Sprint("\nerror: ", err)
			}
			if ours, official := entries(s.callOurs), entries(s.callOfficial); ours != official {
				t.Errorf("%s, middleware stack %v: differ\nours:\n%s\nofficial:\n%s", s.name, stack, ours, official)
			}
		}
	}
}
