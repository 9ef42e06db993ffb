package datazone

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/encoding/httpbinding"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
)

// specialLabel holds every character that could change a path if it were
// not escaped, plus a multi-byte rune and an unreserved ~.
const specialLabel = "a b/c+d%e?f#g&h=i;j:k@l~m/../x%2Fy é😀"

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	unicodeInput := requiredInput()
	unicodeInput.Name = aws.String("注文 \"quoted\" back\\slash\n\ttab \u0001 \u2028\u2029 <>&/ 😀")
	unicodeInput.Description = aws.String("Ünïcödé \u007f \u00a0 \x1f end")
	unicodeInput.FormsInput = []types.FormInput{{FormName: aws.String("Form"), Content: aws.String(`{"k":"v\u0000"} — ☃`)}}
	unicodeInput.GlossaryTerms = []string{"term-1"}
	tests := []struct {
		name       string
		input      *CreateAssetRevisionInput
		validation ValidationMode
	}{
		{"required_only", requiredInput(), ValidationFull},
		{"every_member", fullInput(), ValidationFull},
		{"unicode_and_escapes", unicodeInput, ValidationFull},
		{"special_labels", &CreateAssetRevisionInput{
			DomainIdentifier: aws.String(specialLabel),
			Identifier:       aws.String("../../other"),
			Name:             aws.String("orders"),
		}, ValidationOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := testutil.NewServer(t)
			client := newTestClient(nil, func(o *Options) {
				o.HTTPClient = server.HTTPClient() // the real endpoint, delivered to the capture server
				o.Validation = tt.validation
			})
			if _, err := client.CreateAssetRevision(context.Background(), tt.input); err != nil {
				t.Fatal(err)
			}
			if n := server.Count(); n != 1 {
				t.Fatalf("sent %d requests, want 1", n)
			}
			testutil.Golden(t, tt.name, testutil.Snapshot(server.Requests()[0]))
		})
	}
}

// TestLabelEscaping checks that each label is escaped exactly as the
// official client escapes it (smithy-go httpbinding.EscapePath with the
// separator encoded) and stays one path segment, whatever it holds.
func TestLabelEscaping(t *testing.T) {
	t.Parallel()
	labels := []struct{ label, escaped string }{
		{"plain-_.~", "plain-_.~"},
		{"a b", "a%20b"},
		{"a/b", "a%2Fb"},
		{"a+b", "a%2Bb"},
		{"a%b", "a%25b"},
		{"100%2F", "100%252F"},
		{"?#&=;:@", "%3F%23%26%3D%3B%3A%40"},
		{"!$'()*,[]", "%21%24%27%28%29%2A%2C%5B%5D"},
		{"../..", "..%2F.."},
		{"é😀", "%C3%A9%F0%9F%98%80"},
		{"\x00\n\x7f\xff", "%00%0A%7F%FF"},
		{specialLabel, "a%20b%2Fc%2Bd%25e%3Ff%23g%26h%3Di%3Bj%3Ak%40l~m%2F..%2Fx%252Fy%20%C3%A9%F0%9F%98%80"},
	}
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint(), func(o *Options) { o.Validation = ValidationOff })
	for _, l := range labels {
		in := requiredInput()
		in.DomainIdentifier = aws.String(l.label)
		in.Identifier = aws.String(l.label)
		if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
			t.Fatalf("label %q: %v", l.label, err)
		}
		if got := httpbinding.EscapePath(l.label, true); got != l.escaped {
			t.Errorf("label %q: the official escaping gives %q, the table says %q", l.label, got, l.escaped)
		}
	}
	requests := server.Requests()
	for i, l := range labels {
		want := "/base/path/v2/domains/" + l.escaped + "/assets/" + l.escaped + "/revisions"
		if diff := cmp.Diff(want, requests[i].Path); diff != "" {
			t.Errorf("label %q: path (-want +got):\n%s", l.label, diff)
		}
		segments := strings.Split(strings.TrimPrefix(requests[i].Path, "/"), "/")
		if len(segments) != 8 {
			t.Fatalf("label %q: path %q has %d segments, want 8", l.label, requests[i].Path, len(segments))
		}
		for _, segment := range []string{segments[4], segments[6]} {
			if got, err := url.PathUnescape(segment); err != nil || got != l.label {
				t.Errorf("label %q: segment %q unescapes to %q (%v)", l.label, segment, got, err)
			}
		}
	}
}

// FuzzLabelEscaping checks arbitrary labels against the official escaping.
func FuzzLabelEscaping(f *testing.F) {
	for _, seed := range []string{"a", specialLabel, "%2F", "..", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, label string) {
		if label == "" || label == "." || label == ".." {
			return
		}
		var req protocol.Request
		in := requiredInput()
		in.DomainIdentifier, in.Identifier = &label, &label
		pathCreateAssetRevision(in, &req)
		_, raw := req.Path()
		escaped := httpbinding.EscapePath(label, true)
		if want := "/v2/domains/" + escaped + "/assets/" + escaped + "/revisions"; raw != want {
			t.Fatalf("label %q: path %q, want %q", label, raw, want)
		}
	})
}

// TestUnusableLabelsAreRejected checks that an empty label, or a dot
// segment that a server would resolve into another path, fails before
// anything is sent, in every validation mode.
func TestUnusableLabelsAreRejected(t *testing.T) {
	t.Parallel()
	labels := map[string]string{"": "must not be empty", ".": `must not be "." or ".."`, "..": `must not be "." or ".."`}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		for _, member := range []string{"domainIdentifier", "identifier"} {
			for label, message := range labels {
				t.Run(mode.String()+"/"+member+"/"+label, func(t *testing.T) {
					t.Parallel()
					server := testutil.NewServer(t)
					client := newTestClient(server.Endpoint(), func(o *Options) { o.Validation = mode })
					in := requiredInput()
					if member == "domainIdentifier" {
						in.DomainIdentifier = aws.String(label)
					} else {
						in.Identifier = aws.String(label)
					}
					_, err := client.CreateAssetRevision(context.Background(), in)
					if err == nil {
						t.Fatal("call succeeded")
					}
					var opErr *smithy.OperationError
					if !errors.As(err, &opErr) || opErr.Service() != "DataZone" || opErr.Operation() != "CreateAssetRevision" {
						t.Errorf("error %v is not an operation error of DataZone CreateAssetRevision", err)
					}
					if mode != ValidationFull {
						var serErr *smithy.SerializationError
						if !errors.As(err, &serErr) || !strings.Contains(err.Error(), "input member "+member+" "+message) {
							t.Errorf("error %q is not the serialization error for %s", err, member)
						}
					}
					if n := server.Count(); n != 0 {
						t.Errorf("the server saw %d requests, want 0", n)
					}
				})
			}
		}
	}
}

// TestBodyEscapesMatchTheOfficialEncoder spot-checks that text members are
// written with the escapes of the official JSON encoder.
func TestBodyEscapesMatchTheOfficialEncoder(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint())
	in := requiredInput()
	in.Name = aws.String("\"\\\n\t\u0001\u2028<>&/é")
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	body := server.Requests()[0].Body
	want := `{"clientToken":"` + testToken + `","name":"\"\\\n\t\u0001\u2028<>&/é"}`
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
	if !utf8.ValidString(body) {
		t.Error("body is not valid UTF-8")
	}
}
