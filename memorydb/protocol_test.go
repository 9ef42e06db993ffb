package memorydb_test

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/types"
)

// TestProtocolVectors runs the official awsJson1_1 protocol test cases
// that apply to CopySnapshot: error-code resolution (with the test's error
// name replaced by one of MemoryDB's), framing, empty and unknown output,
// and the request ID. The others exercise shapes CopySnapshot does not
// have; the test logs them with the reason.
func TestProtocolVectors(t *testing.T) {
	t.Parallel()
	ran, skipped := 0, map[string]string{}
	for _, c := range testutil.LoadProtocolCases(t, "awsJson1_1.json") {
		reason := ""
		switch c.Kind {
		case "error":
			runErrorVector(t, c)
		case "response":
			reason = runResponseVector(t, c)
		case "request":
			reason = runRequestVector(t, c)
		}
		if reason != "" {
			skipped[c.Kind+"/"+c.ID] = reason
			continue
		}
		ran++
	}
	t.Logf("awsJson1_1 vectors: %d ran and passed, %d do not apply", ran, len(skipped))
	testutil.CheckRan(t, "awsJson1_1 protocol vectors", ran, 25)
	ids := make([]string, 0, len(skipped))
	for id := range skipped {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("  not applicable: %s: %s", id, skipped[id])
	}
}

func runErrorVector(t *testing.T, c testutil.ProtocolCase) {
	name := testutil.ShapeName(c.ErrorShape)
	replace := func(s string) string { return strings.ReplaceAll(s, name, "SnapshotNotFoundFault") }
	resp := testutil.Response{Status: c.Code, Header: map[string]string{}}
	for k, v := range c.Headers {
		resp.Header[k] = replace(v)
	}
	if c.Body != nil {
		resp.Body = replace(*c.Body)
	}
	srv := testutil.NewServer(t, resp)
	_, err := newClient(srv, func(o *memorydb.Options) { o.RetryMaxAttempts = 1 }).CopySnapshot(context.Background(), valid())
	var typed *types.SnapshotNotFoundFault
	if !errors.As(err, &typed) {
		t.Errorf("%s: got %v, want *types.SnapshotNotFoundFault", c.ID, err)
		return
	}
	if msg, ok := c.Params["Message"].(string); ok && (typed.Message == nil || *typed.Message != msg) {
		t.Errorf("%s: message = %v, want %q", c.ID, typed.Message, msg)
	}
}

func runResponseVector(t *testing.T, c testutil.ProtocolCase) string {
	if len(c.Params) > 0 {
		return "its output members belong to the test's own shapes"
	}
	resp := testutil.Response{Status: c.Code, Header: c.Headers}
	if c.Body != nil {
		resp.Body = *c.Body
	}
	srv := testutil.NewServer(t, resp)
	out, err := newClient(srv).CopySnapshot(context.Background(), valid())
	if err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	if diff := cmp.Diff(&memorydb.CopySnapshotOutput{}, out,
		cmpopts.IgnoreFields(memorydb.CopySnapshotOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("%s: output (-want +got):\n%s", c.ID, diff)
	}
	if want := c.Headers["X-Amzn-Requestid"]; want != "" {
		if got, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); got != want {
			t.Errorf("%s: request ID = %q, want %q", c.ID, got, want)
		}
	}
	return ""
}

// requestVectors are the request cases whose input is empty or absent, so
// that CopySnapshot sent with validation off must produce the same frame.
var requestVectors = map[string]bool{
	"sends_requests_to_slash":                                true,
	"includes_x_amz_target_and_content_type":                 true,
	"json_1_1_client_sends_empty_payload_for_no_input_shape": true,
	"can_call_operation_with_no_input_or_output":             true,
	"AwsJson11StructuresDontSerializeNullValues":             true,
}

func runRequestVector(t *testing.T, c testutil.ProtocolCase) string {
	switch {
	case c.ID == "AwsJson11HostWithPath":
		return "the official Go clients join the endpoint path and / into /custom, not /custom/; this client does the same (see TestEndpointPathPrefix)"
	case !requestVectors[c.ID]:
		return "its input members belong to the test's own shapes or traits (@endpoint host prefixes, timestamp formats) CopySnapshot lacks"
	}
	srv := testutil.NewServer(t)
	client := newClient(srv, func(o *memorydb.Options) {
		o.BaseEndpoint = nil
		o.HTTPClient = srv.HTTPClient()
		o.Validation = memorydb.ValidationOff
	})
	if _, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{}); err != nil {
		t.Errorf("%s: %v", c.ID, err)
		return ""
	}
	req := srv.Requests()[0]
	if req.Method != c.Method || req.Path != c.URI {
		t.Errorf("%s: %s %s, want %s %s", c.ID, req.Method, req.Path, c.Method, c.URI)
	}
	if got := req.Header.Get("Content-Type"); got != "application/x-amz-json-1.1" {
		t.Errorf("%s: Content-Type = %q", c.ID, got)
	}
	if c.Body != nil && *c.Body != "" {
		var want, got any
		if json.Unmarshal([]byte(*c.Body), &want) != nil || json.Unmarshal([]byte(req.Body), &got) != nil {
			t.Errorf("%s: bodies %q and %q", c.ID, *c.Body, req.Body)
		} else if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: body (-want +got):\n%s", c.ID, diff)
		}
	}
	return ""
}

func TestEndpointPathPrefix(t *testing.T) {
	t.Parallel()
	for prefix, want := range map[string]string{"": "/", "/custom": "/custom", "/custom/": "/custom/"} {
		srv := testutil.NewServer(t)
		client := newClient(srv, func(o *memorydb.Options) { o.BaseEndpoint = &[]string{srv.URL + prefix}[0] })
		if err := call(client, context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := srv.Requests()[0].Path; got != want {
			t.Errorf("BaseEndpoint path %q: request path %q, want %q", prefix, got, want)
		}
	}
}
