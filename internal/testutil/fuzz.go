package testutil

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

// FuzzTransport is an HTTP client for fuzz tests: it answers every request
// with one canned response and keeps the bodies and paths it was sent.
type FuzzTransport struct {
	Status int
	Header http.Header
	Body   string
	Sent   []string // request bodies
	Paths  []string // escaped request paths
}

// Do records req and answers with the canned response.
func (t *FuzzTransport) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	t.Sent = append(t.Sent, string(body))
	t.Paths = append(t.Paths, req.URL.EscapedPath())
	return &http.Response{
		StatusCode: t.Status, Header: t.Header.Clone(), ContentLength: -1,
		Body: io.NopCloser(strings.NewReader(t.Body)), Request: req,
	}, nil
}

// Reset forgets the requests recorded so far.
func (t *FuzzTransport) Reset() {
	t.Sent, t.Paths = t.Sent[:0], t.Paths[:0]
}

// JSONString is what s becomes after a trip through JSON: invalid UTF-8
// turns into U+FFFD.
func JSONString(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

// JSONPtr is JSONString for an optional string.
func JSONPtr(s *string) *string {
	if s == nil {
		return nil
	}
	v := JSONString(*s)
	return &v
}

// Abs returns the absolute value of v, and 0 for the smallest int.
func Abs(v int) int {
	if v < 0 {
		if v == -v { // the smallest int
			return 0
		}
		return -v
	}
	return v
}

// CheckOutcome checks the result of a call answered with status by a
// FuzzTransport (request ID "req-1"): an output or an error, never both;
// success only for 2xx; an error that names the operation, carries the
// status and request ID, and holds an API error (not for 2xx) or a
// deserialization error.
func CheckOutcome(t *testing.T, operation string, status int, hasOutput bool, err error) {
	t.Helper()
	if hasOutput == (err != nil) {
		t.Fatalf("status %d: output %v and error %v", status, hasOutput, err)
	}
	if err == nil {
		if status >= 300 {
			t.Fatalf("status %d succeeded", status)
		}
		return
	}
	_ = err.Error()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) || opErr.OperationName != operation {
		t.Fatalf("error %T %v is not an OperationError of %s", err, err, operation)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) || respErr.HTTPStatusCode() != status || respErr.ServiceRequestID() != "req-1" {
		t.Fatalf("error %v does not carry status %d and the request ID", err, status)
	}
	var apiErr smithy.APIError
	var deserErr *smithy.DeserializationError
	if !errors.As(err, &apiErr) && !errors.As(err, &deserErr) {
		t.Fatalf("status %d: error %T %v is neither an API error nor a deserialization error", status, err, err)
	}
	if status < 300 && apiErr != nil {
		t.Fatalf("status %d gave an API error %v", status, err)
	}
}
