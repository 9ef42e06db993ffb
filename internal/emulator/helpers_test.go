package emulator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/encoding/httpbinding"
)

// testCredentials are the default credentials the emulator accepts.
var testCredentials = aws.Credentials{AccessKeyID: AccessKeyID, SecretAccessKey: SecretAccessKey}

// wireOperation is how a test frames a request for one operation.
type wireOperation struct {
	target      string
	contentType string
	signingName string
}

var wireOperations = map[string]wireOperation{
	OpCopySnapshot:             {"AmazonMemoryDB.CopySnapshot", "application/x-amz-json-1.1", "memorydb"},
	OpGetExportSnapshotRecords: {"Lightsail_20161128.GetExportSnapshotRecords", "application/x-amz-json-1.1", "lightsail"},
	OpCreateResourceSnapshot:   {"AWSPartnerCentralSelling.CreateResourceSnapshot", "application/x-amz-json-1.0", "partnercentral-selling"},
	OpCreateGraphSnapshot:      {"", "application/json", "neptune-graph"},
	OpCreateAssetRevision:      {"", "application/json", "datazone"},
}

// request is one test request before it is signed.
type request struct {
	op   string
	path string // "/" when empty
	body string
	// sign adjusts the signing parameters.
	signingTime time.Time
	credentials *aws.Credentials
	region      string
	service     string
	// header is set before signing.
	header map[string]string
	// tamper changes the request after signing.
	tamper func(*http.Request)
	// unsigned sends the request without an Authorization header.
	unsigned bool
}

// result is a decoded answer.
type result struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// code returns the error code of an error answer, from X-Amzn-ErrorType or __type.
func (r result) code() string {
	code := r.header.Get("X-Amzn-ErrorType")
	if code == "" {
		code, _ = r.body["__type"].(string)
	}
	code, _, _ = strings.Cut(code, ":")
	if _, after, found := strings.Cut(code, "#"); found {
		code = after
	}
	return code
}

// message returns the message member, whatever its case.
func (r result) message() string {
	for _, key := range []string{"message", "Message"} {
		if message, ok := r.body[key].(string); ok {
			return message
		}
	}
	return ""
}

// graphPath and assetPath are restJson paths with labels escaped as clients escape them.
const graphPath = "/snapshots"

func assetPath(domain, asset string) string {
	return "/v2/domains/" + httpbinding.EscapePath(domain, true) + "/assets/" +
		httpbinding.EscapePath(asset, true) + "/revisions"
}

// startServer starts an emulator server for one test.
func startServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	server, err := Start(cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = server.Close() })
	return server
}

// newHTTPRequest frames and signs a request for baseURL.
func newHTTPRequest(t *testing.T, baseURL string, req request) *http.Request {
	t.Helper()
	wire := wireOperations[req.op]
	path := req.path
	if path == "" {
		path = "/"
	}
	httpReq, err := http.NewRequestWithContext(context.Background(), http.MethodPost, baseURL+path, strings.NewReader(req.body))
	if err != nil {
		t.Fatalf("NewRequest: %v", err)
	}
	httpReq.Header.Set("Content-Type", wire.contentType)
	if wire.target != "" {
		httpReq.Header.Set("X-Amz-Target", wire.target)
	}
	for key, value := range req.header {
		httpReq.Header.Set(key, value)
	}
	if !req.unsigned {
		signRequest(t, httpReq, req, wire.signingName)
	}
	if req.tamper != nil {
		req.tamper(httpReq)
	}
	return httpReq
}

func signRequest(t *testing.T, httpReq *http.Request, req request, signingName string) {
	t.Helper()
	credentials := testCredentials
	if req.credentials != nil {
		credentials = *req.credentials
	}
	region, service, signingTime := DefaultRegion, signingName, time.Now()
	if req.region != "" {
		region = req.region
	}
	if req.service != "" {
		service = req.service
	}
	if !req.signingTime.IsZero() {
		signingTime = req.signingTime
	}
	hash := sha256.Sum256([]byte(req.body))
	payloadHash := hex.EncodeToString(hash[:])
	if declared := httpReq.Header.Get("X-Amz-Content-Sha256"); declared != "" {
		payloadHash = declared // signed as the header says, as signers that set it do
	}
	err := v4.NewSigner().SignHTTP(context.Background(), credentials, httpReq, payloadHash, service, region, signingTime)
	if err != nil {
		t.Fatalf("SignHTTP: %v", err)
	}
}

// send signs and sends a request to the server and decodes the answer.
func send(t *testing.T, server *Server, req request) result {
	t.Helper()
	resp, err := testClient.Do(newHTTPRequest(t, server.URL, req))
	if err != nil {
		t.Fatalf("%s: %v", req.op, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading body: %v", req.op, err)
	}
	res := result{status: resp.StatusCode, header: resp.Header, raw: raw}
	if len(bytes.TrimSpace(raw)) > 0 {
		if err := json.Unmarshal(raw, &res.body); err != nil {
			t.Fatalf("%s: body %q is not a JSON object: %v", req.op, raw, err)
		}
	}
	return res
}

// manualClock is a clock tests move by hand.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func newManualClock() *manualClock { return &manualClock{now: time.Now()} }

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// testClient sends the tests' raw requests. Its transport is its own:
// httptest.Server.Close closes the idle connections of
// http.DefaultTransport, which would break the requests of the tests
// running beside it.
var testClient = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
