package programs

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
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
