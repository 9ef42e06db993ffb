package programs

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// TestMiddlewareRemoved has a program's APIOptions remove each middleware
// the official client's stack holds, one at a time, and compares the
// request each client hands the HTTP client and the call's error, for a
// success and a modelled error. Three removals are left out: without
// OperationDeserializer the official client panics (ours returns an error
// saying the stack returned no output); without ResolveEndpointV2 it sends
// a request that has no host (ours refuses it, as any endpoint without a
// host); and without Neptune's setOperationInput its endpoint rules miss
// the ApiType parameter (ours still binds it).
func TestMiddlewareRemoved(t *testing.T) {
	leftOut := map[string]bool{"Deserialize/OperationDeserializer": true, "Finalize/ResolveEndpointV2": true,
		"neptunegraph Serialize/setOperationInput": true}
	for _, s := range services {
		var ids [][2]string
		cfg := aws.Config{Region: "us-west-2", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1,
			Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
		cfg.APIOptions = append(cfg.APIOptions, func(st *middleware.Stack) error {
			for _, id := range st.Initialize.List() {
				ids = append(ids, [2]string{"Initialize", id})
			}
			for _, id := range st.Serialize.List() {
				ids = append(ids, [2]string{"Serialize", id})
			}
			for _, id := range st.Build.List() {
				ids = append(ids, [2]string{"Build", id})
			}
			for _, id := range st.Finalize.List() {
				ids = append(ids, [2]string{"Finalize", id})
			}
			for _, id := range st.Deserialize.List() {
				ids = append(ids, [2]string{"Deserialize", id})
			}
			return nil
		})
		_ = s.callOfficial(context.Background(), cfg)
		if len(ids) < 20 {
			t.Fatalf("%s: the official stack lists %d middleware", s.name, len(ids))
		}
		for _, id := range ids {
			if leftOut[id[0]+"/"+id[1]] || leftOut[s.name+" "+id[0]+"/"+id[1]] {
				continue
			}
			for _, ans := range []answer{s.ok, s.modelled} {
				seen := func(call func(context.Context, aws.Config) error) string {
					recorder := &requestRecorder{answer: ans}
					cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1,
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					cfg.APIOptions = append(cfg.APIOptions, func(st *middleware.Stack) error {
						var err error
						switch id[0] {
						case "Initialize":
							_, err = st.Initialize.Remove(id[1])
						case "Serialize":
							_, err = st.Serialize.Remove(id[1])
						case "Build":
							_, err = st.Build.Remove(id[1])
						case "Finalize":
							_, err = st.Finalize.Remove(id[1])
						case "Deserialize":
							_, err = st.Deserialize.Remove(id[1])
						}
						return err
					})
					err := call(context.Background(), cfg)
					return strings.Replace(recorder.seen, " Amz-Sdk-Invocation-Id", "", 1) + fmt.Sprint("error: ", err)
				}
				if o, f := seen(s.callOurs), seen(s.callOfficial); o != f {
					t.Errorf("%s, %s/%s removed, answer %d: differ\nours:\n%s\nofficial:\n%s", s.name, id[0], id[1], ans.status, o, f)
				}
			}
		}
	}
}

// initializeMiddleware is an APIOptions entry adding fn to the Initialize
// step at pos.
func initializeMiddleware(id string, pos middleware.RelativePosition,
	fn func(context.Context, middleware.InitializeInput, middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error),
) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc(id, fn), pos)
	}
}

// TestWrongParameters compares calls whose middleware hands the operation
// an input of another type, after the operation's own Initialize
// middleware has run: the serializer refuses it, with each layout's words.
func TestWrongParameters(t *testing.T) {
	for _, s := range services {
		swap := initializeMiddleware("swap", middleware.After,
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				in.Parameters = "wrong"
				return next.HandleInitialize(ctx, in)
			})
		run := func(call func(context.Context, aws.Config) error) string {
			recorder := &requestRecorder{answer: s.ok}
			cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, APIOptions: []func(*middleware.Stack) error{swap},
				Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
			return fmt.Sprintf("error %v, sent %t", call(context.Background(), cfg), recorder.seen != "")
		}
		if ours, official := run(s.callOurs), run(s.callOfficial); ours != official {
			t.Errorf("%s:\nours:     %s\nofficial: %s", s.name, ours, official)
		}
	}
}

// TestLoggedReplacedBody compares the request log of calls whose
// middleware replaces the request body, with aws.LogRequestWithBody: both
// clients send the new body and log it. DataZone's input has sensitive
// members, so ours withholds a body it cannot redact (a deliberate
// difference in the README).
func TestLoggedReplacedBody(t *testing.T) {
	const replaced = `{"replaced":true}`
	replace := func(s *middleware.Stack) error {
		return s.Build.Add(middleware.BuildMiddlewareFunc("replaceBody",
			func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
				req := in.Request.(*smithyhttp.Request)
				var err error
				if in.Request, err = req.SetStream(strings.NewReader(replaced)); err != nil {
					return middleware.BuildOutput{}, middleware.Metadata{}, err
				}
				return next.HandleBuild(ctx, in)
			}), middleware.After)
	}
	for _, s := range services {
		run := func(call func(context.Context, aws.Config) error) (sent, logged string) {
			recorder := &requestRecorder{answer: s.ok}
			var requestLogs []string
			cfg := aws.Config{Region: "us-west-2", HTTPClient: recorder, RetryMaxAttempts: 1, APIOptions: []func(*middleware.Stack) error{replace},
				ClientLogMode: aws.LogRequestWithBody, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
				Logger: logging.LoggerFunc(func(_ logging.Classification, format string, v ...any) {
					if text := fmt.Sprintf(format, v...); strings.HasPrefix(text, "Request\n") {
						requestLogs = append(requestLogs, text)
					}
				})}
			if err := call(context.Background(), cfg); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if len(requestLogs) != 1 {
				t.Fatalf("%s: %d request logs", s.name, len(requestLogs))
			}
			return recorder.seen, requestLogs[0]
		}
		oursSent, oursLogged := run(s.callOurs)
		officialSent, officialLogged := run(s.callOfficial)
		for name, sent := range map[string]string{"ours": oursSent, "official": officialSent} {
			if !strings.Contains(sent, fmt.Sprintf("body: %d bytes", len(replaced))) {
				t.Errorf("%s, %s: the replaced body was not sent:\n%s", s.name, name, sent)
			}
		}
		if !strings.HasSuffix(officialLogged, replaced) {
			t.Errorf("%s: the official client's log does not end with the body sent:\n%s", s.name, officialLogged)
		}
		if want := strings.HasSuffix(oursLogged, replaced); want == (s.name == "datazone") {
			t.Errorf("%s: ours logged\n%s", s.name, oursLogged)
		}
	}
}

// TestTokenInProgramInput has a program's middleware hand DataZone's
// operation an input of its own without a client token, and compares
// whether that input holds a token after the call: both clients fill it
// in place, as the official middleware does (only the caller's own input
// is filled in a copy, by ours).
func TestTokenInProgramInput(t *testing.T) {
	for _, s := range services {
		if s.name != "datazone" {
			continue // the operation with an idempotency token and an official module
		}
		run := func(call func(context.Context, aws.Config) error) string {
			var filled string
			own := initializeMiddleware("ownInput", middleware.Before,
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					input := reflect.New(reflect.TypeOf(in.Parameters).Elem())
					input.Elem().Set(reflect.ValueOf(in.Parameters).Elem())
					input.Elem().FieldByName("ClientToken").SetZero()
					in.Parameters = input.Interface()
					out, md, err := next.HandleInitialize(ctx, in)
					filled = fmt.Sprintf("token filled in the program's input: %t", !input.Elem().FieldByName("ClientToken").IsNil())
					return out, md, err
				})
			cfg := aws.Config{Region: "us-west-2", HTTPClient: &requestRecorder{answer: s.ok}, RetryMaxAttempts: 1,
				APIOptions: []func(*middleware.Stack) error{own}, Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
			return fmt.Sprintf("%s, error %v", filled, call(context.Background(), cfg))
		}
		if ours, official := run(s.callOurs), run(s.callOfficial); ours != official {
			t.Errorf("%s:\nours:     %s\nofficial: %s", s.name, ours, official)
		}
	}
}
