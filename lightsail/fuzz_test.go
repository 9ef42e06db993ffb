package lightsail

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/testutil"
)

func fzClient(transport *testutil.FuzzTransport, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:  transport,
		Retryer:     aws.NopRetryer{},
	}, optFns...)
}

// FuzzGetExportSnapshotRecordsOutput feeds arbitrary bodies to the output
// decoder: it never panics, and it accepts only bodies whose first value is
// a JSON object or null.
func FuzzGetExportSnapshotRecordsOutput(f *testing.F) {
	f.Add(`{"exportSnapshotRecords":[{"name":"r","createdAt":1.5e9,"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[{"sizeInGb":8}]}}}],"nextPageToken":"t"}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r jsonwire.Reader
		r.Reset(body)
		if r.Empty() {
			return
		}
		var out GetExportSnapshotRecordsOutput
		decodeGetExportSnapshotRecordsOutput(&r, &out)
		if r.Err() != nil {
			return
		}
		var v any
		if err := json.NewDecoder(strings.NewReader(body)).Decode(&v); err != nil {
			t.Fatalf("decoder accepted %q, which is not JSON: %v", body, err)
		}
		if _, ok := v.(map[string]any); !ok && v != nil {
			t.Fatalf("decoder accepted %q, which is not an object", body)
		}
	})
}

// FuzzGetExportSnapshotRecordsResponse runs whole calls against arbitrary
// responses: a call returns an output or an error, never both, never a
// panic; every error names the operation and carries the status and
// request ID; a non-2xx status always gives an API error or a
// deserialization error.
func FuzzGetExportSnapshotRecordsResponse(f *testing.F) {
	f.Add(200, "", `{"exportSnapshotRecords":[],"nextPageToken":"x"}`)
	f.Add(400, "InvalidInputException", `{"message":"bad","code":"c","docs":"d","tip":"t"}`)
	f.Add(500, "", `{"__type":"ServiceException","message":"oops"}`)
	f.Add(502, "", `<html>bad gateway</html>`)
	transport := &testutil.FuzzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + testutil.Abs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.Status, transport.Header, transport.Body = status, header, body
		out, err := client.GetExportSnapshotRecords(context.Background(), &GetExportSnapshotRecordsInput{})
		testutil.CheckOutcome(t, "GetExportSnapshotRecords", status, out != nil, err)
	})
}

// FuzzGetExportSnapshotRecordsInput builds inputs from arbitrary page
// tokens: Validate accepts every one (the model constrains nothing), every
// call sends exactly the token, and the input is never modified.
func FuzzGetExportSnapshotRecordsInput(f *testing.F) {
	f.Add("NjY2", true)
	f.Add("\x00\u2028\"", true)
	transport := &testutil.FuzzTransport{Status: 200, Body: `{}`}
	clients := map[ValidationMode]*Client{}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		clients[mode] = fzClient(transport, func(o *Options) { o.Validation = mode })
	}
	f.Fuzz(func(t *testing.T, token string, set bool) {
		in := &GetExportSnapshotRecordsInput{}
		if set {
			in.PageToken = &token
		}
		before := *in
		if err := in.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		for mode, client := range clients {
			transport.Reset()
			if _, err := client.GetExportSnapshotRecords(context.Background(), in); err != nil {
				t.Fatalf("mode %v: %v", mode, err)
			}
			if len(transport.Sent) != 1 {
				t.Fatalf("mode %v: sent %d requests", mode, len(transport.Sent))
			}
			fzCheckBody(t, transport.Sent[0], in)
		}
		if !reflect.DeepEqual(before, *in) {
			t.Fatalf("input modified (-before +after):\n%s", cmp.Diff(before, *in))
		}
	})
}

// fzPageBody is the request body as encoding/json reads it.
type fzPageBody struct {
	PageToken *string `json:"pageToken"`
}

func fzCheckBody(t *testing.T, body string, in *GetExportSnapshotRecordsInput) {
	t.Helper()
	if !json.Valid([]byte(body)) {
		t.Fatalf("body %q is not JSON", body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var got fzPageBody
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	if want := (fzPageBody{PageToken: testutil.JSONPtr(in.PageToken)}); !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}
