package transport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
)

type sigv4Vector struct {
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

type captureLogger struct{ messages []string }

func (l *captureLogger) Logf(_ logging.Classification, format string, v ...interface{}) {
	l.messages = append(l.messages, fmt.Sprintf(format, v...))
}

// notOurPath says why a vector does not describe a request this library
// signs, or "" when it does.
func notOurPath(v *sigv4Vector) string {
	switch {
	case v.Options.OmitSessionToken:
		return "the token is added after signing; this library signs X-Amz-Security-Token"
	case v.Options.SignBody:
		return "signs X-Amz-Content-Sha256, which these services do not use"
	case hasDotOrEmptySegment(v.Request.Path):
		return "dot segments and empty segments: requests here never carry them (labels . and .. and empty labels are refused)"
	case strings.ContainsAny(v.Request.Path, " ") || strings.ContainsFunc(v.Request.Path, func(r rune) bool { return r > 127 }):
		return "the vector writes the path unencoded; requests here always carry escaped paths, which the signer encodes again"
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
	for _, segment := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if segment == "" || segment == "." || segment == ".." {
			return true
		}
	}
	return false
}

// TestSigV4Vectors signs the official SigV4 test requests the way this
// library signs (the client's default signer, the payload hash passed in)
// and checks the canonical request, the string to sign and the
// Authorization header. The canonical request is read from the signing log,
// which also proves the session token is redacted there.
func TestSigV4Vectors(t *testing.T) {
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
		var v sigv4Vector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if reason := notOurPath(&v); reason != "" {
			t.Logf("not applicable: %s: %s", v.Name, reason)
			continue
		}
		ran++
		checkVector(t, &v)
	}
	t.Logf("%d of %d SigV4 vectors describe this library's signing path and pass", ran, len(files))
	testutil.CheckRan(t, "SigV4 vectors", ran, 13)
}

func checkVector(t *testing.T, v *sigv4Vector) {
	t.Helper()
	target := "https://placeholder" + v.Request.Path
	if v.Request.RawQuery != "" {
		target += "?" + v.Request.RawQuery
	}
	req, err := http.NewRequest(v.Request.Method, target, strings.NewReader(v.Request.Body))
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	for _, h := range v.Request.Headers {
		if strings.EqualFold(h[0], "Host") {
			req.Host = h[1]
			req.URL.Host = h[1]
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
	logs := &captureLogger{}
	creds := aws.Credentials{AccessKeyID: v.Credentials.AccessKeyID, SecretAccessKey: v.Credentials.SecretAccessKey,
		SessionToken: v.Credentials.SessionToken}
	err = DefaultSigner(logs, true).SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]),
		v.Service, v.Region, signingTime)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	if diff := cmp.Diff(v.Authorization, req.Header.Get("Authorization")); diff != "" {
		t.Errorf("%s: Authorization (-want +got):\n%s", v.Name, diff)
	}
	if len(logs.messages) != 1 {
		t.Fatalf("%s: %d signing log messages", v.Name, len(logs.messages))
	}
	wantCanonical := v.CanonicalRequest
	if token := v.Credentials.SessionToken; token != "" {
		wantCanonical = strings.ReplaceAll(wantCanonical, "x-amz-security-token:"+token, "x-amz-security-token:<redacted>")
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
