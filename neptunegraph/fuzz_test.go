package neptunegraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// fzTransport answers every request with one canned response and keeps
// the bodies it was sent.
type fzTransport struct {
	status int
	header http.Header
	body   string
	sent   []string
}

func (t *fzTransport) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	t.sent = append(t.sent, string(body))
	return &http.Response{
		StatusCode: t.status, Header: t.header.Clone(), ContentLength: -1,
		Body: io.NopCloser(strings.NewReader(t.body)), Request: req,
	}, nil
}

func fzClient(transport *fzTransport, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:  transport,
		Retryer:     aws.NopRetryer{},
	}, optFns...)
}

// fzJSONString is what s becomes after a trip through JSON: invalid UTF-8
// turns into U+FFFD.
func fzJSONString(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

func fzJSONPtr(s *string) *string {
	if s == nil {
		return nil
	}
	v := fzJSONString(*s)
	return &v
}

func fzAbs(v int) int {
	if v < 0 {
		if v == -v { // the smallest int
			return 0
		}
		return -v
	}
	return v
}

func fzCheckOutcome(t *testing.T, operation string, status int, hasOutput bool, err error) {
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

// FuzzCreateGraphSnapshotOutput feeds arbitrary bodies to the output
// decoder: it never panics, and it accepts only bodies whose first value is
// a JSON object or null.
func FuzzCreateGraphSnapshotOutput(f *testing.F) {
	f.Add(`{"id":"gs-1","name":"n","arn":"a","status":"CREATING","snapshotCreateTime":1.7672256E9}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r jsonwire.Reader
		r.Reset(body)
		if r.Empty() {
			return
		}
		var out CreateGraphSnapshotOutput
		decodeCreateGraphSnapshotOutput(&r, &out)
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

// FuzzCreateGraphSnapshotResponse runs whole calls against arbitrary
// responses: a call returns an output or an error, never both, never a
// panic; every error names the operation and carries the status and
// request ID; a non-2xx status always gives an API error or a
// deserialization error.
func FuzzCreateGraphSnapshotResponse(f *testing.F) {
	f.Add(201, "", `{"id":"gs-1","name":"n","arn":"a"}`)
	f.Add(409, "ConflictException", `{"message":"exists","reason":"CONCURRENT_MODIFICATION"}`)
	f.Add(402, "", `{"code":"ServiceQuotaExceededException","quotaCode":"q","serviceCode":"s"}`)
	f.Add(400, "", `{"__type":"ValidationException","reason":"ILLEGAL_ARGUMENT"}`)
	f.Add(502, "", `<html>bad gateway</html>`)
	transport := &fzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + fzAbs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.status, transport.header, transport.body = status, header, body
		out, err := client.CreateGraphSnapshot(context.Background(), &CreateGraphSnapshotInput{
			GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("s"),
		})
		fzCheckOutcome(t, "CreateGraphSnapshot", status, out != nil, err)
	})
}

// fzSnapshotName is the model's pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
// as RE2 plus a prefix test for the look-ahead.
var fzSnapshotName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// FuzzCreateGraphSnapshotInput builds inputs from arbitrary values.
// Validate never panics and returns nil or an InvalidParamsError; the
// snapshot name rewrite agrees with the model's pattern; a call sends
// exactly when its validation mode accepts the input, the body it sends is
// JSON holding exactly the input's members, and the input is never
// modified.
func FuzzCreateGraphSnapshotInput(f *testing.F) {
	f.Add("g-abcde12345", "nightly-1", "team,env", "graph", uint8(2), uint8(0xff))
	f.Add("g-ABC", "gs-1", "bad key!,\xff", "", uint8(55), uint8(0x07))
	transport := &fzTransport{status: 200, body: `{}`}
	clients := map[ValidationMode]*Client{}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		clients[mode] = fzClient(transport, func(o *Options) { o.Validation = mode })
	}
	f.Fuzz(func(t *testing.T, graph, name, keys, value string, extraTags, set uint8) {
		want := fzSnapshotName.MatchString(name) && !strings.HasPrefix(name, "gs-")
		if got := matchSnapshotName(name); got != want {
			t.Fatalf("matchSnapshotName(%q) = %v, the model's pattern says %v", name, got, want)
		}
		in := &CreateGraphSnapshotInput{}
		if set&1 != 0 {
			in.GraphIdentifier = &graph
		}
		if set&2 != 0 {
			in.SnapshotName = &name
		}
		if set&4 != 0 {
			in.Tags = map[string]string{}
			for _, key := range strings.Split(keys, ",") {
				in.Tags[key] = value
			}
			for i := range int(extraTags) % 60 {
				in.Tags[fmt.Sprintf("k%d", i)] = value
			}
		}
		before := &CreateGraphSnapshotInput{GraphIdentifier: in.GraphIdentifier, SnapshotName: in.SnapshotName, Tags: maps.Clone(in.Tags)}
		verr := in.Validate()
		if verr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(verr, &invalid) {
				t.Fatalf("Validate returned %T %v", verr, verr)
			}
			_ = verr.Error()
		}
		required := in.GraphIdentifier != nil && in.SnapshotName != nil
		for mode, accepts := range map[ValidationMode]bool{
			ValidationFull: verr == nil, ValidationRequiredOnly: required, ValidationOff: true,
		} {
			transport.sent = transport.sent[:0]
			_, err := clients[mode].CreateGraphSnapshot(context.Background(), in)
			if got := len(transport.sent) == 1; got != accepts {
				t.Fatalf("mode %v: sent %d requests (error %v), want sending %v", mode, len(transport.sent), err, accepts)
			}
			if !accepts {
				var invalid smithy.InvalidParamsError
				if !errors.As(err, &invalid) {
					t.Fatalf("mode %v: refused with %T %v", mode, err, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("mode %v: %v", mode, err)
			}
			fzCheckBody(t, transport.sent[0], in)
		}
		if !reflect.DeepEqual(before, in) {
			t.Fatalf("input modified (-before +after):\n%s", cmp.Diff(before, in))
		}
	})
}

// fzGraphSnapshotBody is the request body as encoding/json reads it.
type fzGraphSnapshotBody struct {
	GraphIdentifier *string           `json:"graphIdentifier"`
	SnapshotName    *string           `json:"snapshotName"`
	Tags            map[string]string `json:"tags"`
}

func fzCheckBody(t *testing.T, body string, in *CreateGraphSnapshotInput) {
	t.Helper()
	if !json.Valid([]byte(body)) {
		t.Fatalf("body %q is not JSON", body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var got fzGraphSnapshotBody
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	want := fzGraphSnapshotBody{GraphIdentifier: fzJSONPtr(in.GraphIdentifier), SnapshotName: fzJSONPtr(in.SnapshotName)}
	if in.Tags != nil {
		// Keys are written in sorted order; keys that JSON makes equal
		// (invalid UTF-8) keep the value written last.
		want.Tags = map[string]string{}
		for _, key := range slices.Sorted(maps.Keys(in.Tags)) {
			want.Tags[fzJSONString(key)] = fzJSONString(in.Tags[key])
		}
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}
