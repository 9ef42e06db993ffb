package sigv4

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
)

type vector struct {
	Name        string `json:"name"`
	Credentials struct {
		AccessKeyID     string `json:"accessKeyId"`
		SecretAccessKey string `json:"secretAccessKey"`
		SessionToken    string `json:"sessionToken"`
	} `json:"credentials"`
	Region      string `json:"region"`
	Service     string `json:"service"`
	SigningTime string `json:"signingTime"`
	Options     struct {
		Normalize        bool `json:"normalize"`
		SignBody         bool `json:"sign_body"`
		OmitSessionToken bool `json:"omit_session_token"`
	} `json:"options"`
	Request struct {
		Method   string      `json:"method"`
		Path     string      `json:"path"`
		RawQuery string      `json:"rawQuery"`
		Headers  [][2]string `json:"headers"`
		Body     string      `json:"body"`
	} `json:"request"`
	CanonicalRequest string `json:"canonicalRequest"`
	StringToSign     string `json:"stringToSign"`
	Authorization    string `json:"authorization"`
}

// vectorsThatApply is how many of the shared vectors a SigV4 header
// signer without path normalisation can reproduce: all but the six that
// expect dot or empty segments removed and the one with obsolete header
// folding.
const vectorsThatApply = 25

// notApplicable says why a vector cannot be reproduced by a signer that,
// like the official Go signer, signs the path as given, or "" when it can.
func notApplicable(v *vector) string {
	if v.Options.Normalize && hasDotOrEmptySegment(v.Request.Path) {
		return "expects the path normalised; the signer signs it as given"
	}
	for _, h := range v.Request.Headers {
		if strings.Contains(h[1], "\n") {
			return "obsolete header line folding, which net/http never sends"
		}
	}
	return ""
}

func hasDotOrEmptySegment(path string) bool {
	if path == "/" {
		return false
	}
	// A trailing slash is kept by normalisation; other empty segments go.
	for _, segment := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(path, "/"), "/"), "/") {
		if segment == "" || segment == "." || segment == ".." {
			return true
		}
	}
	return false
}

// TestVectors signs the shared SigV4 test requests with this package and
// with the official signer, set up as each vector needs (the payload hash
// header for sign_body, the token added after signing for
// omit_session_token, no second path escaping for a path written
// unescaped), and checks the Authorization header, the canonical request
// and the string to sign (read from the signing log, with the session
// token redacted).
func TestVectors(t *testing.T) {
	t.Parallel()
	dir := testutil.SharedDir(t, "sigv4-tests")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors in %s: %v", dir, err)
	}
	sort.Strings(files)
	ran := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var v vector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if reason := notApplicable(&v); reason != "" {
			t.Logf("not applicable: %s: %s", v.Name, reason)
			continue
		}
		ran++
		for _, signer := range []string{"ours", "official"} {
			checkVector(t, &v, signer)
		}
	}
	if ran != vectorsThatApply {
		t.Errorf("%d of %d vectors ran, want %d", ran, len(files), vectorsThatApply)
	}
}

func checkVector(t *testing.T, v *vector, signer string) {
	t.Helper()
	req, err := http.NewRequest(v.Request.Method, "https://placeholder/", strings.NewReader(v.Request.Body))
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	req.URL.Path, req.URL.RawQuery = v.Request.Path, v.Request.RawQuery
	for _, h := range v.Request.Headers {
		if strings.EqualFold(h[0], "Host") {
			req.Host, req.URL.Host = h[1], h[1]
			continue
		}
		req.Header.Add(h[0], h[1])
	}
	req.ContentLength = int64(len(v.Request.Body))
	signingTime, err := time.Parse(time.RFC3339, v.SigningTime)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(v.Request.Body))
	payloadHash := hex.EncodeToString(sum[:])
	if v.Options.SignBody {
		req.Header.Set("X-Amz-Content-Sha256", payloadHash)
	}
	// A vector writes its path unescaped, and its canonical request shows
	// it escaped once, where the signer escapes an escaped path again.
	unescapedPath := req.URL.EscapedPath() != v.Request.Path
	logs := &captureLogger{}
	setup := func(o *v4.SignerOptions) {
		o.Logger, o.LogSigning = logs, true
		o.DisableSessionToken = v.Options.OmitSessionToken
		o.DisableURIPathEscaping = unescapedPath
	}
	creds := aws.Credentials{AccessKeyID: v.Credentials.AccessKeyID, SecretAccessKey: v.Credentials.SecretAccessKey,
		SessionToken: v.Credentials.SessionToken}
	var s interface {
		SignHTTP(context.Context, aws.Credentials, *http.Request, string, string, string, time.Time, ...func(*v4.SignerOptions)) error
	} = New()
	if signer == "official" {
		s = v4.NewSigner()
	}
	if err := s.SignHTTP(context.Background(), creds, req, payloadHash, v.Service, v.Region, signingTime, setup); err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	if diff := cmp.Diff(v.Authorization, req.Header.Get("Authorization")); diff != "" {
		t.Errorf("%s (%s): Authorization (-want +got):\n%s", v.Name, signer, diff)
	}
	if len(logs.messages) != 1 {
		t.Fatalf("%s (%s): %d signing log messages", v.Name, signer, len(logs.messages))
	}
	if signer == "official" {
		return // its log shows the token
	}
	wantCanonical := v.CanonicalRequest
	if token := v.Credentials.SessionToken; token != "" {
		wantCanonical = strings.ReplaceAll(wantCanonical, token, redacted)
		if strings.Contains(logs.messages[0], token) {
			t.Errorf("%s: the signing log reveals the session token", v.Name)
		}
	}
	for _, want := range []string{wantCanonical, v.StringToSign} {
		if !strings.Contains(logs.messages[0], want) {
			t.Errorf("%s: the signing log lacks\n%s\nlog:\n%s", v.Name, want, logs.messages[0])
		}
	}
}
