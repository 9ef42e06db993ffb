package reliability_test

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/validate"
)

// labelCases are DataZone path labels meant to change the request path,
// with the escaped segment the server must receive ("" when the label is
// refused before sending).
var labelCases = []struct {
	label, segment string
}{
	{"../", "..%2F"},
	{"/", "%2F"},
	{"%2F", "%252F"},
	{"a/../b", "a%2F..%2Fb"},
	{"../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd"},
	{"..%2F..%2F", "..%252F..%252F"},
	{"%2e%2e", "%252e%252e"},
	{".%2E", ".%252E"},
	{"...", "..."},
	{"?x=1", "%3Fx%3D1"},
	{"#fragment", "%23fragment"},
	{"a b", "a%20b"},
	{"a;b", "a%3Bb"},
	{`\..\`, "%5C..%5C"},
	{"%", "%25"},
	{"\x00", "%00"},
	{"\xff", "%FF"},
	{"é", "%C3%A9"},
	{"~", "~"},
	{"..", ""},
	{".", ""},
	{"", ""},
}

// TestLabelsCannotChangeThePath sends DataZone calls whose domain and
// asset identifiers try to leave their path segments, with validation off
// or required-only, with and without a base path: the server receives
// each label escaped as one segment, exactly, and "", "." and ".." are
// refused before sending in every validation mode.
func TestLabelsCannotChangeThePath(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var uris []string
	h := newHostile(t, func(_ *hostile, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		uris = append(uris, r.RequestURI)
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{}`))
	})
	for _, base := range []string{"", "/base/path"} {
		for _, mode := range []validate.Mode{validate.Off, validate.RequiredOnly, validate.Full} {
			c := newClients(settings{endpoint: h.url + base, httpClient: plainHTTPClient, validation: mode})
			for _, lc := range labelCases {
				mu.Lock()
				uris = nil
				mu.Unlock()
				_, err := c.datazone.CreateAssetRevision(testContext(t), &datazone.CreateAssetRevisionInput{
					DomainIdentifier: aws.String(lc.label), Identifier: aws.String(lc.label), Name: aws.String("n"),
				})
				mu.Lock()
				got := uris
				mu.Unlock()
				switch {
				case mode == validate.Full:
					if err == nil || len(got) != 0 {
						t.Errorf("mode %v, label %q: error %v and %d requests, want refused by validation", mode, lc.label, err, len(got))
					}
				case lc.segment == "":
					if !errors.Is(err, protocol.ErrLabel) || len(got) != 0 {
						t.Errorf("mode %v, label %q: error %v and %d requests, want refused before sending", mode, lc.label, err, len(got))
					}
				default:
					want := base + "/v2/domains/" + lc.segment + "/assets/" + lc.segment + "/revisions"
					if err != nil || len(got) != 1 || got[0] != want {
						t.Errorf("label %q: error %v, requests %q, want one to %q", lc.label, err, got, want)
					}
				}
			}
		}
	}
}

// TestBaseEndpointPath sends each operation to base endpoints with and
// without a path, with and without a trailing slash: the request goes to
// the operation's path under the base path.
func TestBaseEndpointPath(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		for _, base := range []string{"", "/", "/custom", "/custom/", "/a/b"} {
			t.Run(op.name+"/"+base, func(t *testing.T) {
				t.Parallel()
				rec := newScripted(ok)
				c := newClients(settings{endpoint: "https://service.example" + base, httpClient: rec})
				if _, err := op.call(testContext(t), c, 0); err != nil {
					t.Fatal(err)
				}
				want := strings.TrimSuffix(base, "/") + op.path
				if op.path == "/" && base != "" {
					want = base
				}
				if got := rec.sent()[0].uri; got != want {
					t.Errorf("request path %q, want %q", got, want)
				}
			})
		}
	}
}
