package emulator

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
)

const listRecordsBody = `{}`

func TestSignatureAccepted(t *testing.T) {
	t.Parallel()
	tokenCredentials := aws.Credentials{AccessKeyID: "ASIATEMPORARY0000001", SecretAccessKey: "temporary-secret", SessionToken: "session-token-value"}
	server := startServer(t, Config{Credentials: map[string]Credential{
		AccessKeyID:                  {SecretAccessKey: SecretAccessKey},
		tokenCredentials.AccessKeyID: {SecretAccessKey: "temporary-secret", SessionToken: "session-token-value"},
	}})
	tests := []struct {
		name string
		req  request
	}{
		{"plain", request{}},
		{"extra signed SDK headers", request{header: map[string]string{
			"Amz-Sdk-Invocation-Id": "5d4e6a0a-3c4b-4f7e-9b0a-1f2e3d4c5b6a",
			"Amz-Sdk-Request":       "attempt=1; max=3",
			"X-Amz-User-Agent":      "aws-sdk-go-v2/1.48.0",
		}}},
		{"header values with runs of spaces", request{header: map[string]string{"X-Custom": "  a   b  "}}},
		{"session token", request{credentials: &tokenCredentials}},
		{"signed five minutes ago", request{signingTime: time.Now().Add(-5 * time.Minute)}},
		{"base path prefix", request{path: "/prefix/deeper"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.req.op, tt.req.body = OpGetExportSnapshotRecords, listRecordsBody
			got := send(t, server, tt.req)
			if got.status != http.StatusOK {
				t.Fatalf("status %d, body %s", got.status, got.raw)
			}
		})
	}
}

func TestSignatureRejected(t *testing.T) {
	t.Parallel()
	tokenCredentials := aws.Credentials{AccessKeyID: "ASIATEMPORARY0000001", SecretAccessKey: "temporary-secret", SessionToken: "session-token-value"}
	server := startServer(t, Config{Credentials: map[string]Credential{
		AccessKeyID:                  {SecretAccessKey: SecretAccessKey},
		tokenCredentials.AccessKeyID: {SecretAccessKey: "temporary-secret", SessionToken: "session-token-value"},
	}})
	wrongSecret := aws.Credentials{AccessKeyID: AccessKeyID, SecretAccessKey: "not-the-secret"}
	unknownKey := aws.Credentials{AccessKeyID: "AKIDUNKNOWN000000000", SecretAccessKey: SecretAccessKey}
	tokenless := tokenCredentials
	tokenless.SessionToken = ""
	wrongToken := tokenCredentials
	wrongToken.SessionToken = "another-token"
	tests := []struct {
		name          string
		req           request
		wantStatus    int
		wantCode      string
		wantInMessage string
	}{
		{"missing authorization", request{unsigned: true}, 403, "MissingAuthenticationTokenException", "Missing Authentication Token"},
		{"body changed after signing", request{tamper: func(r *http.Request) {
			r.Body = io.NopCloser(strings.NewReader(`[]`)) // as long as the signed body
		}}, 403, "InvalidSignatureException", "does not match"},
		{"signed header changed", request{header: map[string]string{"Amz-Sdk-Request": "attempt=1; max=3"}, tamper: func(r *http.Request) {
			r.Header.Set("Amz-Sdk-Request", "attempt=2; max=3")
		}}, 403, "InvalidSignatureException", "does not match"},
		{"wrong secret", request{credentials: &wrongSecret}, 403, "InvalidSignatureException", "does not match"},
		{"stale date", request{signingTime: time.Now().Add(-20 * time.Minute)}, 403, "InvalidSignatureException", "Signature expired"},
		{"future date", request{signingTime: time.Now().Add(20 * time.Minute)}, 403, "InvalidSignatureException", "Signature not yet current"},
		{"wrong region", request{region: "eu-west-1"}, 403, "InvalidSignatureException", "scoped to a valid region"},
		{"wrong service", request{service: "memorydb"}, 403, "InvalidSignatureException", "scoped to correct service: 'lightsail'"},
		{"unknown key", request{credentials: &unknownKey}, 403, "UnrecognizedClientException", "security token included in the request is invalid"},
		{"session token missing", request{credentials: &tokenless}, 403, "UnrecognizedClientException", "security token"},
		{"session token wrong", request{credentials: &wrongToken}, 403, "UnrecognizedClientException", "security token"},
		{"missing signature", request{tamper: cutAuthorization("Signature")}, 400, "IncompleteSignatureException", "requires 'Signature'"},
		{"missing credential", request{tamper: cutAuthorization("Credential")}, 400, "IncompleteSignatureException", "requires 'Credential'"},
		{"other algorithm", request{tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", 1))
		}}, 400, "IncompleteSignatureException", "algorithm"},
		{"short credential scope", request{tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "/aws4_request", "", 1))
		}}, 400, "IncompleteSignatureException", "5 slash-delimited"},
		{"date header removed", request{tamper: func(r *http.Request) { r.Header.Del("X-Amz-Date") }}, 400, "IncompleteSignatureException", "X-Amz-Date"},
		{"host not signed", request{tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "host;", "", 1))
		}}, 403, "InvalidSignatureException", "'Host'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.req.op, tt.req.body = OpGetExportSnapshotRecords, listRecordsBody
			got := send(t, server, tt.req)
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Fatalf("got %d %s, want %d %s; body %s", got.status, got.code(), tt.wantStatus, tt.wantCode, got.raw)
			}
			if !strings.Contains(got.message(), tt.wantInMessage) {
				t.Errorf("message %q does not contain %q", got.message(), tt.wantInMessage)
			}
			if strings.Contains(string(got.raw), SecretAccessKey) || strings.Contains(string(got.raw), "session-token-value") {
				t.Errorf("answer leaks a secret: %s", got.raw)
			}
		})
	}
}

// cutAuthorization removes one parameter from the Authorization header.
func cutAuthorization(name string) func(*http.Request) {
	return func(r *http.Request) {
		var kept []string
		algorithm, params, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		for _, part := range strings.Split(params, ", ") {
			if !strings.HasPrefix(part, name+"=") {
				kept = append(kept, part)
			}
		}
		r.Header.Set("Authorization", algorithm+" "+strings.Join(kept, ", "))
	}
}

// TestSignatureDoubleEncodedPath signs a DataZone path whose labels hold
// escaped characters: the canonical URI must be the escaped path escaped again.
func TestSignatureDoubleEncodedPath(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	got := send(t, server, request{
		op:   OpCreateAssetRevision,
		path: "/base%20path" + assetPath("dzd_a/b c+d%e", SeedDataZoneAsset),
		body: `{"name":"x"}`,
	})
	// The signature held, the labels were unescaped whole, and the domain
	// failed its pattern.
	if got.status != http.StatusBadRequest || got.code() != "ValidationException" || !strings.Contains(got.message(), "domainIdentifier") {
		t.Fatalf("got %d %s %q", got.status, got.code(), got.message())
	}
}

// sigV4Vector is the part of a shared SigV4 test vector the verifier needs.
type sigV4Vector struct {
	Name        string `json:"name"`
	Credentials struct {
		AccessKeyID     string `json:"accessKeyId"`
		SecretAccessKey string `json:"secretAccessKey"`
		SessionToken    string `json:"sessionToken"`
	} `json:"credentials"`
	Region           string    `json:"region"`
	Service          string    `json:"service"`
	SigningTime      time.Time `json:"signingTime"`
	CanonicalRequest string    `json:"canonicalRequest"`
	SignedRequest    string    `json:"signedRequest"`
	Request          struct {
		Body string `json:"body"`
	} `json:"request"`
	Check struct {
		Reproduces bool `json:"reproduces"`
	} `json:"awsSdkGoV2Check"`
}

// TestSigV4Vectors verifies the official SigV4 suite's signed requests that
// aws-sdk-go-v2's signer reproduces.
func TestSigV4Vectors(t *testing.T) {
	t.Parallel()
	dir := testutil.SharedDir(t, "sigv4-tests")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors in %s: %v", dir, err)
	}
	ran := 0
	for _, file := range files {
		vector := readVector(t, file)
		if !vector.Check.Reproduces {
			continue
		}
		if _, err := http.ReadRequest(bufio.NewReader(strings.NewReader(vector.SignedRequest))); err != nil {
			t.Logf("not applicable: %s: net/http cannot parse this request: %v", vector.Name, err)
			continue
		}
		ran++
		t.Run(vector.Name, func(t *testing.T) {
			t.Parallel()
			r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(vector.SignedRequest)))
			if err != nil {
				t.Fatal(err)
			}
			auth, apiErr := parseAuthorization(r.Header.Get("Authorization"))
			if apiErr != nil {
				t.Fatalf("parseAuthorization: %s", apiErr.message)
			}
			body := []byte(vector.Request.Body)
			canonical, apiErr := canonicalRequest(r, sentPath(r), auth, body)
			if apiErr != nil {
				t.Fatalf("canonicalRequest: %s", apiErr.message)
			}
			if diff := cmp.Diff(vector.CanonicalRequest, canonical); diff != "" {
				t.Errorf("canonical request (-want +got):\n%s", diff)
			}
			v := verifier{
				credentials: map[string]Credential{vector.Credentials.AccessKeyID: {
					SecretAccessKey: vector.Credentials.SecretAccessKey, SessionToken: vector.Credentials.SessionToken}},
				region: vector.Region,
				now:    func() time.Time { return vector.SigningTime },
			}
			if apiErr := v.verify(r, body, vector.Service); apiErr != nil {
				t.Errorf("verify: %s %s", apiErr.code, apiErr.message)
			}
		})
	}
	testutil.CheckRan(t, "SigV4 vectors the emulator verifies", ran, 22)
}

func readVector(t *testing.T, file string) sigV4Vector {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("reading %s: %v", file, err)
	}
	var vector sigV4Vector
	if err := json.Unmarshal(data, &vector); err != nil {
		t.Fatalf("decoding %s: %v", file, err)
	}
	return vector
}

// TestSignatureQuery checks the canonical query: parameters the client
// signed verify whatever their order and escaping, and anything added to the
// query after signing does not, including what url.ParseQuery would drop.
func TestSignatureQuery(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	appendQuery := func(extra string) func(*http.Request) {
		return func(r *http.Request) {
			if r.URL.RawQuery != "" {
				extra = "&" + extra
			}
			r.URL.RawQuery += extra
		}
	}
	tests := []struct {
		name       string
		path       string
		tamper     func(*http.Request)
		wantStatus int
	}{
		{"signed parameters", "/?b=2&a=1&a-b=3&a=0&sp=x%20y&e=", nil, 200},
		{"bad escape appended", "/", appendQuery("x=%zz"), 403},
		{"bad escape after signed parameters", "/?a=1", appendQuery("x=%zz"), 403},
		{"semicolon pair appended", "/", appendQuery("a=1;b=2"), 403},
		{"parameter appended", "/?a=1", appendQuery("b=2"), 403},
		{"value changed", "/?a=1", func(r *http.Request) { r.URL.RawQuery = "a=2" }, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpGetExportSnapshotRecords, body: listRecordsBody, path: tt.path, tamper: tt.tamper})
			if got.status != tt.wantStatus {
				t.Fatalf("status %d, want %d: %.200s", got.status, tt.wantStatus, got.raw)
			}
			if tt.wantStatus == 403 && got.code() != "InvalidSignatureException" {
				t.Errorf("code %s, want InvalidSignatureException", got.code())
			}
		})
	}
}

// presign is how a test presigns a Lightsail request: the credentials, the
// signing time, X-Amz-Expires (none when empty) and a change made to the
// presigned URL.
type presign struct {
	credentials aws.Credentials
	signingTime time.Time
	expires     string
	region      string
	tamper      func(query url.Values)
}

// presignedRequest presigns a GetExportSnapshotRecords request with
// aws-sdk-go-v2's signer, the signature in the query.
func presignedRequest(t *testing.T, baseURL string, p presign) *http.Request {
	t.Helper()
	wire := wireOperations[OpGetExportSnapshotRecords]
	target := baseURL + "/"
	if p.expires != "" {
		target += "?X-Amz-Expires=" + p.expires
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, target, strings.NewReader(listRecordsBody))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", wire.contentType)
	req.Header.Set("X-Amz-Target", wire.target)
	region := DefaultRegion
	if p.region != "" {
		region = p.region
	}
	hash := sha256.Sum256([]byte(listRecordsBody))
	signed, header, err := v4.NewSigner().PresignHTTP(context.Background(), p.credentials, req,
		hex.EncodeToString(hash[:]), wire.signingName, region, p.signingTime)
	if err != nil {
		t.Fatalf("PresignHTTP: %v", err)
	}
	if req.URL, err = url.Parse(signed); err != nil {
		t.Fatal(err)
	}
	if p.tamper != nil {
		query := req.URL.Query()
		p.tamper(query)
		req.URL.RawQuery = query.Encode()
	}
	for name, values := range header {
		if name != "Host" {
			req.Header[name] = values
		}
	}
	return req
}

// TestPresignedRequests sends requests signed in the query, as presigned
// URLs are, and checks that they are accepted while valid and refused with
// the header form's codes otherwise.
func TestPresignedRequests(t *testing.T) {
	t.Parallel()
	tokenCredentials := aws.Credentials{AccessKeyID: "ASIATEMPORARY0000002", SecretAccessKey: "temporary-secret", SessionToken: "session-token-value"}
	server := startServer(t, Config{Credentials: map[string]Credential{
		tokenCredentials.AccessKeyID: {SecretAccessKey: tokenCredentials.SecretAccessKey, SessionToken: tokenCredentials.SessionToken},
		testCredentials.AccessKeyID:  {SecretAccessKey: testCredentials.SecretAccessKey},
	}})
	now := time.Now()
	wrongSecret, unknownKey := testCredentials, testCredentials
	wrongSecret.SecretAccessKey, unknownKey.AccessKeyID = "not-the-secret", "AKIDUNKNOWN000000000"
	wrongToken := tokenCredentials
	wrongToken.SessionToken = "another-token"
	tests := []struct {
		name          string
		presign       presign
		wantStatus    int
		wantCode      string
		wantInMessage string
	}{
		{"valid", presign{credentials: testCredentials, signingTime: now, expires: "300"}, 200, "", ""},
		{"no X-Amz-Expires", presign{credentials: testCredentials, signingTime: now}, 200, "", ""},
		{"session token", presign{credentials: tokenCredentials, signingTime: now, expires: "300"}, 200, "", ""},
		{"within X-Amz-Expires", presign{credentials: testCredentials, signingTime: now.Add(-time.Hour), expires: "7200"}, 200, "", ""},
		{"past X-Amz-Expires", presign{credentials: testCredentials, signingTime: now.Add(-2 * time.Minute), expires: "60"}, 403,
			"InvalidSignatureException", "Signature expired"},
		{"stale without X-Amz-Expires", presign{credentials: testCredentials, signingTime: now.Add(-time.Hour)}, 403,
			"InvalidSignatureException", "Signature expired"},
		{"from the future", presign{credentials: testCredentials, signingTime: now.Add(time.Hour), expires: "300"}, 403,
			"InvalidSignatureException", "Signature not yet current"},
		{"X-Amz-Expires over a week", presign{credentials: testCredentials, signingTime: now, expires: "604801"}, 400,
			"IncompleteSignatureException", "X-Amz-Expires"},
		{"X-Amz-Expires zero", presign{credentials: testCredentials, signingTime: now, expires: "0"}, 400,
			"IncompleteSignatureException", "X-Amz-Expires"},
		{"wrong secret", presign{credentials: wrongSecret, signingTime: now, expires: "300"}, 403,
			"InvalidSignatureException", "does not match"},
		{"unknown key", presign{credentials: unknownKey, signingTime: now, expires: "300"}, 403, "UnrecognizedClientException", ""},
		{"wrong session token", presign{credentials: wrongToken, signingTime: now, expires: "300"}, 403, "UnrecognizedClientException", ""},
		{"wrong region", presign{credentials: testCredentials, signingTime: now, expires: "300", region: "eu-west-1"}, 403,
			"InvalidSignatureException", "region"},
		{"parameter added", presign{credentials: testCredentials, signingTime: now, expires: "300",
			tamper: func(q url.Values) { q.Set("extra", "1") }}, 403, "InvalidSignatureException", "does not match"},
		{"X-Amz-Expires changed", presign{credentials: testCredentials, signingTime: now, expires: "300",
			tamper: func(q url.Values) { q.Set("X-Amz-Expires", "3600") }}, 403, "InvalidSignatureException", "does not match"},
		{"no signature", presign{credentials: testCredentials, signingTime: now, expires: "300",
			tamper: func(q url.Values) { q.Del("X-Amz-Signature") }}, 400, "IncompleteSignatureException", "X-Amz-Signature"},
		{"other algorithm", presign{credentials: testCredentials, signingTime: now, expires: "300",
			tamper: func(q url.Values) { q.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA1") }}, 400, "IncompleteSignatureException", "algorithm"},
		{"host not signed", presign{credentials: testCredentials, signingTime: now, expires: "300",
			tamper: func(q url.Values) { q.Set("X-Amz-SignedHeaders", "x-amz-target") }}, 403, "InvalidSignatureException", "Host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := testClient.Do(presignedRequest(t, server.URL, tt.presign))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got := result{status: resp.StatusCode, header: resp.Header}
			got.raw, _ = io.ReadAll(resp.Body)
			_ = json.Unmarshal(got.raw, &got.body)
			if got.status != tt.wantStatus || got.code() != tt.wantCode || !strings.Contains(got.message(), tt.wantInMessage) {
				t.Errorf("got %d %s %q, want %d %s with %q", got.status, got.code(), got.message(), tt.wantStatus, tt.wantCode, tt.wantInMessage)
			}
		})
	}
}

// TestContentSHA256Header checks that a signed X-Amz-Content-Sha256 header
// is the payload hash of the canonical request, and that it must be
// UNSIGNED-PAYLOAD or the body's own hash.
func TestContentSHA256Header(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	bodyHash := sha256.Sum256([]byte(listRecordsBody))
	otherHash := sha256.Sum256([]byte(`{"pageToken":"x"}`))
	withHeader := func(value string) request {
		return request{op: OpGetExportSnapshotRecords, body: listRecordsBody, header: map[string]string{"X-Amz-Content-Sha256": value}}
	}
	tests := []statusCase{
		{"UNSIGNED-PAYLOAD", withHeader("UNSIGNED-PAYLOAD"), 200, ""},
		{"the body's hash", withHeader(hex.EncodeToString(bodyHash[:])), 200, ""},
		{"another body's hash", withHeader(hex.EncodeToString(otherHash[:])), 403, "InvalidSignatureException"},
		{"streaming", withHeader("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), 403, "InvalidSignatureException"},
		{"not signed", request{op: OpGetExportSnapshotRecords, body: listRecordsBody,
			tamper: func(r *http.Request) { r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD") }}, 200, ""},
	}
	runStatusCases(t, server, tests)
}

// TestSignedPathForms signs a request for one path and sends it with
// another: the signature holds over the path as sent (aws-sdk-go-v2) or
// over its form with dot segments removed and repeated slashes collapsed
// (botocore), and over nothing else.
func TestSignedPathForms(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	sentAs := func(signed, sent string) request {
		return request{op: OpGetExportSnapshotRecords, body: listRecordsBody, path: signed,
			tamper: func(r *http.Request) { r.URL.Path, r.URL.RawPath = sent, "" }}
	}
	tests := []statusCase{
		{"as sent", sentAs("/a//b/../c/./d", "/a//b/../c/./d"), 200, ""},
		{"dot segments removed", sentAs("/a/c/d", "/a//b/../c/./d"), 200, ""},
		{"slashes collapsed", sentAs("/a/b", "//a//b"), 200, ""},
		{"trailing slash kept", sentAs("/a/", "/a/./"), 200, ""},
		{"dot dot above the root", sentAs("/b", "/../b"), 200, ""},
		{"all dropped", sentAs("/", "/a/.."), 200, ""},
		{"sent normalised, signed not", sentAs("/a//b", "/a/b"), 403, "InvalidSignatureException"},
		{"another path", sentAs("/c/b", "/a/../b"), 403, "InvalidSignatureException"},
		{"trailing slash dropped", sentAs("/a", "/a/"), 403, "InvalidSignatureException"},
	}
	runStatusCases(t, server, tests)
}
