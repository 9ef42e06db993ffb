// Package testutil holds what the service packages' tests share: a capture
// server that records requests and replays scripted responses, a signer
// with a fixed clock for reproducible signatures, golden files, and access
// to the shared model and test-vector files.
package testutil

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/google/go-cmp/cmp"
)

// update rewrites golden files instead of comparing with them.
var update = flag.Bool("update", false, "rewrite golden files")

// SigningTime is the fixed signing time of golden requests.
var SigningTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// Credentials are the static test credentials.
var Credentials = credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "")

// FixedSigner signs with aws-sdk-go-v2's SigV4 signer at a fixed time.
type FixedSigner struct{ Time time.Time }

// SignHTTP signs r as if at s.Time.
func (s FixedSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string,
	_ time.Time, optFns ...func(*v4.SignerOptions)) error {
	return v4.NewSigner().SignHTTP(ctx, creds, r, payloadHash, service, region, s.Time, optFns...)
}

// Request is one request the capture server received.
type Request struct {
	Method  string
	Path    string // escaped path, as on the wire
	Host    string
	Header  http.Header
	Body    string
	Attempt int
}

// Response is a scripted answer.
type Response struct {
	Status int
	Header map[string]string
	Body   string
	// Hang keeps the connection open without answering until the client
	// gives up.
	Hang bool
}

// Server is an httptest server under a base path prefix (so path bugs
// show) that records every request and answers from a script; when the
// script is used up it repeats the last answer, and without a script it
// answers 200 with an empty output in the request's protocol.
type Server struct {
	*httptest.Server
	// Prefix is the base path the client's BaseEndpoint carries.
	Prefix string

	mu        sync.Mutex
	script    []Response
	requests  []Request
	unblocked chan struct{}
}

// NewServer starts a capture server answering with script; it is closed
// when the test ends.
func NewServer(t testing.TB, script ...Response) *Server {
	t.Helper()
	s := &Server{Prefix: "/base/path", script: script, unblocked: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.unblocked)
		s.Server.Close()
	})
	return s
}

// Endpoint is the BaseEndpoint for clients of this server.
func (s *Server) Endpoint() *string { return aws.String(s.URL + s.Prefix) }

// HTTPClient returns a client that delivers every request to this server,
// whatever its URL, keeping the request's Host header: a client using the
// service's real endpoint (https://memory-db.us-east-1.amazonaws.com, say)
// talks to the capture server with the same Host, so signatures are
// reproducible.
func (s *Server) HTTPClient() *http.Client {
	return &http.Client{Transport: redirectTransport{target: s.Listener.Addr().String()}}
}

type redirectTransport struct{ target string }

func (t redirectTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	clone := req.Clone(req.Context())
	clone.URL.Scheme = "http"
	clone.URL.Host = t.target
	if clone.Host == "" {
		clone.Host = req.URL.Host
	}
	return http.DefaultTransport.RoundTrip(clone)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns the number of requests received so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.EscapedPath(), Host: r.Host,
		Header: r.Header.Clone(), Body: string(body), Attempt: len(s.requests) + 1,
	})
	// Unscripted, the answer is an output with no members: an empty map in
	// Smithy RPC v2 CBOR, else an empty JSON object.
	resp := Response{Status: 200, Body: "{}"}
	if r.Header.Get("Smithy-Protocol") == "rpc-v2-cbor" {
		resp.Body = "\xbf\xff"
	}
	if n := len(s.requests); len(s.script) > 0 {
		resp = s.script[min(n, len(s.script))-1]
	}
	s.mu.Unlock()
	if resp.Hang {
		select {
		case <-r.Context().Done():
		case <-s.unblocked:
		}
		return
	}
	for k, v := range resp.Header {
		w.Header().Set(k, v)
	}
	if w.Header().Get("X-Amzn-RequestId") == "" {
		w.Header().Set("X-Amzn-RequestId", fmt.Sprintf("request-%d", len(s.requests)))
	}
	status := resp.Status
	if status == 0 {
		status = 200
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, resp.Body)
}

// Snapshot renders a request as reviewable text: method, path, the headers
// that matter on the wire (with the Authorization header split into its
// scope, signed headers and signature) and the exact body.
func Snapshot(r Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\nHost: %s\n", r.Method, r.Path, r.Host)
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		switch http.CanonicalHeaderKey(name) {
		case "User-Agent", "Accept-Encoding", "Amz-Sdk-Invocation-Id", "Authorization":
			continue
		}
		names = append(names, http.CanonicalHeaderKey(name))
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "%s: %s\n", name, strings.Join(r.Header.Values(name), ", "))
	}
	auth := r.Header.Get("Authorization")
	for _, part := range strings.Split(strings.TrimPrefix(auth, "AWS4-HMAC-SHA256 "), ", ") {
		fmt.Fprintf(&b, "Authorization.%s\n", part)
	}
	fmt.Fprintf(&b, "\n%s\n", r.Body)
	return b.String()
}

// Golden compares got with testdata/<name>.golden, or rewrites the file
// when the test runs with -update.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

// SharedDir returns the path of the shared facts directory (../shared
// beside the repository) joined with elem. When it is absent the test is
// skipped, except in CI (the environment variable CI is set), where an
// absent oracle fails the test.
func SharedDir(t testing.TB, elem ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		_, modErr := os.Stat(filepath.Join(dir, "go.mod"))
		_, sharedErr := os.Stat(filepath.Join(filepath.Dir(dir), "shared"))
		if modErr == nil && sharedErr == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			MissingOracle(t, "the shared directory of models and test vectors (../shared beside the repository) is absent")
		}
		dir = parent
	}
	path := filepath.Join(append([]string{filepath.Dir(dir), "shared"}, elem...)...)
	if _, err := os.Stat(path); err != nil {
		MissingOracle(t, path+" is absent (the shared model and test-vector files live beside the repository)")
	}
	return path
}

// MissingOracle stops a test whose reference data is absent: it fails the
// test in CI (the environment variable CI is set) and skips it elsewhere.
func MissingOracle(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set and a test oracle is missing: %s", why)
	}
	t.Skipf("skipping (this fails when CI is set): %s", why)
}

// CheckRan fails t unless exactly want cases of the named vector suite
// ran, so that a suite which silently runs nothing (or loses cases) cannot
// pass.
func CheckRan(t testing.TB, suite string, ran, want int) {
	t.Helper()
	if ran != want || ran == 0 {
		t.Errorf("%s: %d cases ran, want %d", suite, ran, want)
	}
}

// ProtocolCase is one case of the shared protocol test vectors
// (../shared/protocol-tests/*.json); see that directory's README.
type ProtocolCase struct {
	ID            string            `json:"id"`
	Kind          string            `json:"kind"` // request, response or error
	AppliesTo     string            `json:"appliesTo"`
	Operation     string            `json:"operation"`
	ErrorShape    string            `json:"errorShape"`
	Method        string            `json:"method"`
	URI           string            `json:"uri"`
	Host          string            `json:"host"`
	Headers       map[string]string `json:"headers"`
	ForbidHeaders []string          `json:"forbidHeaders"`
	Body          *string           `json:"body"`
	BodyMediaType string            `json:"bodyMediaType"`
	Code          int               `json:"code"`
	Params        map[string]any    `json:"params"`
	Topics        []string          `json:"topics"`
}

// LoadProtocolCases reads the cases of a protocol test file (e.g.
// "awsJson1_1.json"); see SharedDir for an absent ../shared.
func LoadProtocolCases(t testing.TB, file string) []ProtocolCase {
	t.Helper()
	data, err := os.ReadFile(SharedDir(t, "protocol-tests", file))
	if err != nil {
		t.Fatal(err)
	}
	var suite struct {
		Cases []ProtocolCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &suite); err != nil {
		t.Fatal(err)
	}
	return suite.Cases
}

// ShapeName returns the name part of a shape ID ("ns#Name" → "Name").
func ShapeName(id string) string {
	_, name, _ := strings.Cut(id, "#")
	return name
}
