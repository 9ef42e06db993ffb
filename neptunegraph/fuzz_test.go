package neptunegraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
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
	transport := &testutil.FuzzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + testutil.Abs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.Status, transport.Header, transport.Body = status, header, body
		out, err := client.CreateGraphSnapshot(context.Background(), &CreateGraphSnapshotInput{
			GraphIdentifier: aws.String("g-abcde12345"), SnapshotName: aws.String("s"),
		})
		testutil.CheckOutcome(t, "CreateGraphSnapshot", status, out != nil, err)
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
	transport := &testutil.FuzzTransport{Status: 200, Body: `{}`}
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
			transport.Reset()
			_, err := clients[mode].CreateGraphSnapshot(context.Background(), in)
			if got := len(transport.Sent) == 1; got != accepts {
				t.Fatalf("mode %v: sent %d requests (error %v), want sending %v", mode, len(transport.Sent), err, accepts)
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
			fzCheckBody(t, transport.Sent[0], in)
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
	want := fzGraphSnapshotBody{GraphIdentifier: testutil.JSONPtr(in.GraphIdentifier), SnapshotName: testutil.JSONPtr(in.SnapshotName)}
	if in.Tags != nil {
		// Keys are written in sorted order; keys that JSON makes equal
		// (invalid UTF-8) keep the value written last.
		want.Tags = map[string]string{}
		for _, key := range slices.Sorted(maps.Keys(in.Tags)) {
			want.Tags[testutil.JSONString(key)] = testutil.JSONString(in.Tags[key])
		}
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}
