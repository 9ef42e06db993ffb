package memorydb

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/memorydb"
)

// unusualCases are odd but well-formed answers on which both clients must
// observe the same: repeated members, null in odd places, invalid UTF-8
// and timestamps written as strings.
var unusualCases = []kit.DecodeCase{
	{Name: "repeated structure, wrong-typed first", Response: ok(`{"Snapshot":5,"Snapshot":{"Name":"a"}}`), Differ: kit.DecoderWording},
	{Name: "repeated string, wrong-typed first", Response: ok(`{"Snapshot":{"Name":5,"Name":"a"}}`), Differ: kit.DecoderWording},
	{Name: "repeated list, wrong-typed first", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":{},"Shards":[{"Name":"s"}]}}}`), Differ: kit.DecoderWording},
	{Name: "repeated int, wrong-typed first", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":"x","Port":6379}}}`), Differ: kit.DecoderWording},
	{Name: "repeated, wrong-typed last", Response: ok(`{"Snapshot":{"Name":"a","Name":5}}`), Differ: kit.DecoderWording},
	{Name: "repeated structure, null last", Response: ok(`{"Snapshot":{"Name":"a"},"Snapshot":null}`)},
	{Name: "repeated string, null last", Response: ok(`{"Snapshot":{"Name":"a","Name":null}}`)},
	{Name: "repeated list, null last", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"Name":"s"}],"Shards":null}}}`)},
	{Name: "repeated int, null last", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Port":6379,"Port":null}}}`)},
	{Name: "repeated structures merge", Response: ok(`{"Snapshot":{"Name":"a"},"Snapshot":{"Status":"b"}}`)},
	{Name: "null body", Response: ok(`null`), Differ: kit.DecoderWording},
	{Name: "array body", Response: ok(`[]`), Differ: kit.DecoderWording},
	{Name: "string body", Response: ok(`"x"`), Differ: kit.DecoderWording},
	{Name: "invalid UTF-8", Response: ok("{\"Snapshot\":{\"Name\":\"a\xffb\xc3\",\"Source\":\"\xed\xa0\x80\"}}")},
	{Name: "invalid UTF-8 in a key", Response: ok("{\"Snap\xffshot\":{},\"Snapshot\":{\"Name\":\"a\"}}")},
	{Name: "timestamp Infinity", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":"Infinity"}]}}}`)},
	{Name: "timestamp -Infinity", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":"-Infinity"}]}}}`)},
	{Name: "timestamp Infinity in odd case", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":"iNFINITY"}]}}}`)},
	{Name: "timestamp NaN", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":"NaN"}]}}}`), OfficialPanics: "smithy-go's ParseEpochSeconds panics on NaN"},
	{Name: "timestamp huge", Response: ok(`{"Snapshot":{"ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":1e300}]}}}`)},
	{Name: "invalid UTF-8 in an error", Response: kit.Canned(404, contentType, "{\"__type\":\"SnapshotNotFoundFault\",\"message\":\"a\xffb\"}")},
	{Name: "error typed by the header, white space body", Response: kit.Canned(404, contentType, " ", "X-Amzn-Errortype", "SnapshotNotFoundFault"), Differ: kit.DecoderWording},
}

// TestDecodeUnusual compares both clients on the unusual answers.
func TestDecodeUnusual(t *testing.T) {
	t.Parallel()
	ours, official := callers(jsonProtocol)
	kit.CompareDecode(t, unusualCases, ours, official)
}

// FuzzDecode compares both clients on arbitrary answers grown from those
// TestDecode and TestDecodeUnusual compare; see kit.FuzzDecode.
func FuzzDecode(f *testing.F) {
	callOurs, callOfficial := callers(jsonProtocol)
	seeds := slices.Concat(outputCases, failedOutputCases, unusualCases,
		kit.ErrorCases(contentType, "com.amazonaws.memorydb", modelledErrors), kit.GenericErrorCases(contentType))
	kit.FuzzDecode(f, contentType, seeds, callOurs, callOfficial, nil)
}

// FuzzResponseHeaders compares both clients' result metadata and errors
// under arbitrary request ID and Date headers; see kit.FuzzResponseHeaders.
func FuzzResponseHeaders(f *testing.F) {
	callOurs, callOfficial := callers(jsonProtocol)
	kit.FuzzResponseHeaders(f, contentType, `{"Snapshot":{"Name":"n"}}`, `{"__type":"SnapshotNotFoundFault","message":"m"}`, callOurs, callOfficial)
}

// FuzzRetries compares both clients' attempts and outcomes under arbitrary
// answers and retries; see kit.FuzzRetries.
func FuzzRetries(f *testing.F) {
	kit.FuzzRetries(f, contentType, `{"Snapshot":{"Name":"n"}}`, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOurs(client, "", jsonProtocol.ours, func(o *ours.Options) { o.Retryer = retryer }).CopySnapshot(ctx, oursInput())
	}, func(ctx context.Context, client kit.Doer, retryer aws.Retryer) (any, error) {
		return newOfficial(client, "", jsonProtocol.official, func(o *official.Options) { o.Retryer = retryer }).CopySnapshot(ctx, officialInput())
	})
}

// failingSigner is an HTTPSignerV4 that always fails.
type failingSigner struct{}

func (failingSigner) SignHTTP(context.Context, aws.Credentials, *http.Request, string, string, string, time.Time, ...func(*v4.SignerOptions)) error {
	return errors.New("signer broke")
}

// TestAuthFailures compares the errors of a call whose credentials cannot
// be retrieved, directly or through a cache, or whose signer fails, on our
// direct path and through a middleware stack (one APIOptions entry).
func TestAuthFailures(t *testing.T) {
	t.Parallel()
	failing := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{}, errors.New("no credentials here")
	})
	cases := []struct {
		name        string
		credentials aws.CredentialsProvider
		signer      bool
	}{
		{"provider fails", failing, false},
		{"cached provider fails", aws.NewCredentialsCache(failing), false},
		{"signer fails", testutil.Credentials, true},
	}
	for i := range 2 * len(cases) {
		c, stack := cases[i/2], i%2 == 1
		resp := kit.Canned(200, contentType, `{}`)
		oc := newOurs(&kit.CannedClient{Response: resp}, "", jsonProtocol.ours, func(o *ours.Options) {
			o.Credentials, o.RetryMaxAttempts = c.credentials, 1
			if c.signer {
				o.HTTPSignerV4 = failingSigner{}
			}
			if stack {
				o.APIOptions = append(o.APIOptions, func(*middleware.Stack) error { return nil })
			}
		})
		fc := newOfficial(&kit.CannedClient{Response: resp}, "", jsonProtocol.official, func(o *official.Options) {
			o.Credentials, o.RetryMaxAttempts = c.credentials, 1
			if c.signer {
				o.HTTPSignerV4 = failingSigner{}
			}
		})
		_, oErr := oc.CopySnapshot(context.Background(), oursInput())
		_, fErr := fc.CopySnapshot(context.Background(), officialInput())
		if diff := cmp.Diff(kit.ViewError(fErr), kit.ViewError(oErr)); diff != "" || oErr == nil {
			t.Errorf("%s (stack %v): errors differ (-official +ours):\n%s", c.name, stack, diff)
		}
	}
}

// TestFailingInterceptors fails each interceptor hook in turn, on the
// first attempt only and on every attempt, against an answer that is
// retried once (a 503, then success), and compares what each client ran,
// sent and returned.
func TestFailingInterceptors(t *testing.T) {
	t.Parallel()
	hooks := []string{"BeforeExecution", "BeforeSerialization", "AfterSerialization", "BeforeRetryLoop", "BeforeAttempt",
		"BeforeSigning", "AfterSigning", "BeforeTransmit", "AfterTransmit", "BeforeDeserialization",
		"AfterDeserialization", "AfterAttempt", "AfterExecution"}
	for _, p := range protocols {
		answers := func() *kit.Script {
			return &kit.Script{Answers: []kit.Response{p.canned(503, `{"message":"busy"}`), p.canned(200, `{"Snapshot":{"Name":"n"}}`)}}
		}
		for _, hook := range hooks {
			for _, failOn := range [][]int{{1}, nil} {
				fh, oh := &testutil.Hooks{FailAt: hook, FailOn: failOn}, &testutil.Hooks{FailAt: hook, FailOn: failOn}
				fs, os := answers(), answers()
				_, fErr := newOfficial(fs, "", p.official, func(o *official.Options) {
					o.Retryer = noDelay()
					fh.Register(&o.Interceptors)
				}).CopySnapshot(context.Background(), officialInput())
				_, oErr := newOurs(os, "", p.ours, func(o *ours.Options) {
					o.Retryer = noDelay()
					oh.Register(&o.Interceptors)
				}).CopySnapshot(context.Background(), oursInput())
				name := fmt.Sprintf("%s: %s on attempts %v", p.name, hook, failOn)
				if failOn == nil && !errors.Is(oErr, testutil.ErrHook) {
					t.Errorf("%s: ours returned %v, not the hook's error", name, oErr)
				}
				if diff := cmp.Diff(kit.ViewError(fErr), kit.ViewError(oErr)); diff != "" {
					t.Errorf("%s: errors differ (-official +ours):\n%s", name, diff)
				}
				if diff := cmp.Diff(fh.Events(), oh.Events()); diff != "" {
					t.Errorf("%s: hooks run differ (-official +ours):\n%s", name, diff)
				}
				if f, o := len(kit.Requests(fs)), len(kit.Requests(os)); f != o {
					t.Errorf("%s: official sent %d requests, ours %d", name, f, o)
				}
			}
		}
	}
}

// failingMiddleware returns APIOptions adding, at one end of step, a
// middleware that fails without calling the next handler.
func failingMiddleware(step string, position middleware.RelativePosition) []func(*middleware.Stack) error {
	err := errors.New("middleware refused")
	return []func(*middleware.Stack) error{func(s *middleware.Stack) error {
		switch step {
		case "Initialize":
			return s.Initialize.Add(middleware.InitializeMiddlewareFunc("Fail", func(context.Context, middleware.InitializeInput,
				middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				return middleware.InitializeOutput{}, middleware.Metadata{}, err
			}), position)
		case "Serialize":
			return s.Serialize.Add(middleware.SerializeMiddlewareFunc("Fail", func(context.Context, middleware.SerializeInput,
				middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
				return middleware.SerializeOutput{}, middleware.Metadata{}, err
			}), position)
		case "Build":
			return s.Build.Add(middleware.BuildMiddlewareFunc("Fail", func(context.Context, middleware.BuildInput,
				middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
				return middleware.BuildOutput{}, middleware.Metadata{}, err
			}), position)
		case "Finalize":
			return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("Fail", func(context.Context, middleware.FinalizeInput,
				middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, err
			}), position)
		default:
			return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("Fail", func(context.Context, middleware.DeserializeInput,
				middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
				return middleware.DeserializeOutput{}, middleware.Metadata{}, err
			}), position)
		}
	}}
}

// TestFailingMiddleware adds a failing middleware at each end of each
// step and compares what each client sent and returned.
func TestFailingMiddleware(t *testing.T) {
	t.Parallel()
	for _, p := range protocols {
		for _, step := range []string{"Initialize", "Serialize", "Build", "Finalize", "Deserialize"} {
			for _, position := range []middleware.RelativePosition{middleware.Before, middleware.After} {
				fs := &kit.Script{Answers: []kit.Response{p.canned(200, `{"Snapshot":{"Name":"n"}}`)}}
				os := &kit.Script{Answers: fs.Answers}
				_, fErr := newOfficial(fs, "", p.official, func(o *official.Options) {
					o.Retryer = noDelay()
					o.APIOptions = failingMiddleware(step, position)
				}).CopySnapshot(context.Background(), officialInput())
				_, oErr := newOurs(os, "", p.ours, func(o *ours.Options) {
					o.Retryer = noDelay()
					o.APIOptions = failingMiddleware(step, position)
				}).CopySnapshot(context.Background(), oursInput())
				name := fmt.Sprintf("%s: %s, position %v", p.name, step, position)
				if diff := cmp.Diff(kit.ViewError(fErr), kit.ViewError(oErr)); diff != "" || oErr == nil {
					t.Errorf("%s: errors differ (-official +ours):\n%s", name, diff)
				}
				if f, o := len(kit.Requests(fs)), len(kit.Requests(os)); f != o {
					t.Errorf("%s: official sent %d requests, ours %d", name, f, o)
				}
			}
		}
	}
}
