package programs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// hashNote says whether the payload hash a context holds
// (v4.GetPayloadHash) is the hash of body.
func hashNote(ctx context.Context, body []byte) string {
	got := v4.GetPayloadHash(ctx)
	sum := sha256.Sum256(body)
	switch got {
	case "":
		return "no payload hash"
	case hex.EncodeToString(sum[:]):
		return "the body's payload hash"
	}
	return "another payload hash"
}

// hashReader is a program's RoundTripper, as one that signs requests
// again: it notes the payload hash of each request's context against the
// body, and answers with answer.
type hashReader struct {
	answer answer
	notes  *[]string
}

func (h hashReader) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	*h.notes = append(*h.notes, "transport: "+hashNote(req.Context(), body))
	return (&answerSequence{answers: []answer{h.answer}}).Do(req)
}

// hashSigner is a program's SigV4 signer noting the payload hash of the
// context it signs in against the one it is given.
type hashSigner struct{ notes *[]string }

func (s hashSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	note := "signer: no payload hash in the context"
	if got := v4.GetPayloadHash(ctx); got == payloadHash {
		note = "signer: the payload hash it signs with"
	} else if got != "" {
		note = "signer: another payload hash"
	}
	*s.notes = append(*s.notes, note)
	return v4.NewSigner().SignHTTP(ctx, creds, r, payloadHash, service, region, signingTime, optFns...)
}

// TestPayloadHashInContext compares the payload hash the contexts a
// program's own code is handed hold (v4.GetPayloadHash), which a
// transport that changes a header and signs the request again reads: the
// context of the request a program's RoundTripper sends, and the one a
// program's signer signs in (with net/http's own transport then), on both
// paths.
func TestPayloadHashInContext(t *testing.T) {
	for _, s := range services {
		for _, program := range []string{"transport", "signer"} {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config) error) string {
					var notes []string
					cfg := aws.Config{Region: "us-west-2", RetryMaxAttempts: 1, APIOptions: onStack(stack),
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					switch program {
					case "transport":
						cfg.HTTPClient = &http.Client{Transport: hashReader{s.ok, &notes}}
					case "signer":
						cfg.BaseEndpoint = aws.String(serve(t, []answer{s.ok}, nil))
						cfg.ServiceOptions = []func(string, any){func(_ string, o any) {
							reflect.ValueOf(o).Elem().FieldByName("HTTPSignerV4").Set(reflect.ValueOf(hashSigner{&notes}))
						}}
					}
					err := call(context.Background(), cfg)
					return strings.Join(notes, "\n") + fmt.Sprint("\nerror: ", err)
				}
				ours, official := run(s.callOurs), run(s.callOfficial)
				if ours != official || !strings.Contains(official, ": the ") {
					t.Errorf("%s, %s, middleware stack %v: differ\nours:\n%s\nofficial:\n%s", s.name, program, stack, ours, official)
				}
			}
		}
	}
}
