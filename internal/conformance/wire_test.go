package conformance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// TestInputWire sets every member of the input (nested structures, lists
// of two, maps of two), sends it through the real client and checks the
// request: each member appears under its model name with its value (so a
// wrong or missing wire name fails), labels sit in the path, and the
// protocol's method, target and content type are right.
func TestInputWire(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		g := &generator{m: f.model}
		w := g.value(f.op.Input, "input").(map[string]any)
		labels := map[string]string{}
		for i, m := range f.model.Shape(f.op.Input).Members {
			if m.Traits.Has(smithymodel.TraitHTTPLabel) {
				labels[m.Name] = fmt.Sprintf("%s-%d", m.Name, i)
				w[m.Name] = labels[m.Name]
			}
		}
		in, err := f.build(f.input, f.op.Input, w)
		if err != nil {
			t.Fatal(err)
		}
		req := f.send(t, in.Interface())
		f.checkRequestLine(t, req, labels)
		body := map[string]any{}
		for k, v := range w {
			if _, isLabel := labels[k]; !isLabel {
				body[k] = v
			}
		}
		want, err := wireJSON(body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := normalJSON([]byte(req.Body))
		if err != nil {
			t.Fatalf("request body is not JSON: %v\n%s", err, req.Body)
		}
		if diff := cmp.Diff(want, got, numbersByValue); diff != "" {
			t.Errorf("request body differs from the model's members (-want +got):\n%s", diff)
		}
		problems, err := keyOrder([]byte(req.Body))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("request body: %s\n%s", p, req.Body)
		}
		t.Logf("%s: sent %d input members (%d in the body, %d labels) through the client", f.name,
			countLeaves(w), countLeaves(body), len(labels))
	})
}

// TestIdempotencyTokenFilled leaves each idempotency token unset and checks
// the client sends a generated one under the member's wire name.
func TestIdempotencyTokenFilled(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
		for _, m := range f.model.Shape(f.op.Input).Members {
			if !m.Traits.Has(smithymodel.TraitIdempotencyToken) {
				continue
			}
			req := f.send(t, f.bareInput(t))
			var body map[string]any
			if err := json.Unmarshal([]byte(req.Body), &body); err != nil {
				t.Fatalf("request body is not a JSON object: %v", err)
			}
			if token, _ := body[m.Name].(string); !uuid.MatchString(token) {
				t.Errorf("unset %s: body carries %q, want a generated UUID", m.Name, body[m.Name])
			}
		}
	})
}

// send makes one call with validation off and returns the request the
// server saw.
func (f *fixture) send(t *testing.T, in any) testutil.Request {
	t.Helper()
	srv := testutil.NewServer(t, testutil.Response{Status: f.successCode(), Body: "{}"})
	if _, err := f.call(context.Background(), callOptions{endpoint: srv.Endpoint(), mode: validate.Off}, in); err != nil {
		t.Fatalf("call: %v", err)
	}
	requests := srv.Requests()
	if len(requests) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(requests))
	}
	return requests[0]
}

// successCode is the operation's success status (http trait code, or 200).
func (f *fixture) successCode() int {
	if h, ok := f.httpTrait(); ok && h.Code != 0 && f.svc.Protocol() == "restJson1" {
		return h.Code
	}
	return 200
}

// checkRequestLine checks method, path, target and content type for the
// service's protocol.
func (f *fixture) checkRequestLine(t *testing.T, req testutil.Request, labels map[string]string) {
	t.Helper()
	protocol := f.svc.Protocol()
	header := func(name, want string) {
		if got := req.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	switch protocol {
	case "awsJson1_0", "awsJson1_1":
		version := strings.ReplaceAll(strings.TrimPrefix(protocol, "awsJson"), "_", ".")
		if req.Method != "POST" {
			t.Errorf("method %s, want POST", req.Method)
		}
		header("X-Amz-Target", smithymodel.Name(f.svc.ID)+"."+f.opName())
		header("Content-Type", "application/x-amz-json-"+version)
	case "restJson1":
		h, _ := f.httpTrait()
		if req.Method != h.Method {
			t.Errorf("method %s, want %s", req.Method, h.Method)
		}
		path := h.URI
		for name, value := range labels {
			path = strings.ReplaceAll(path, "{"+name+"}", url.PathEscape(value))
		}
		if want := "/base/path" + path; req.Path != want {
			t.Errorf("path %s, want %s", req.Path, want)
		}
		header("Content-Type", "application/json")
	default:
		t.Errorf("protocol %q is not handled", protocol)
	}
}

// countLeaves counts the scalar values in generated wire data.
func countLeaves(w any) int {
	switch v := w.(type) {
	case map[string]any:
		n := 0
		for _, item := range v {
			n += countLeaves(item)
		}
		return n
	case []any:
		n := 0
		for _, item := range v {
			n += countLeaves(item)
		}
		return n
	}
	return 1
}

// TestOutputRoundTrip answers with a fully populated response generated
// from the output shape and checks the real client decodes every member:
// the expected Go value is built by reflection from the same data.
func TestOutputRoundTrip(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		g := &generator{m: f.model}
		w := g.value(f.op.Output, "output")
		data, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		want, err := f.build(f.output, f.op.Output, w)
		if err != nil {
			t.Fatal(err)
		}
		srv := testutil.NewServer(t, testutil.Response{Status: f.successCode(), Body: string(data)})
		got, err := f.call(context.Background(), callOptions{endpoint: srv.Endpoint(), mode: validate.Off}, f.bareInput(t))
		if err != nil {
			t.Fatalf("call: %v\nresponse: %s", err, data)
		}
		if diff := cmp.Diff(want.Interface(), got, exportedOnly); diff != "" {
			t.Errorf("decoded output differs from the response (-want +got):\n%s\nresponse: %s", diff, data)
		}
		t.Logf("%s: decoded %d output values (%d bytes) with no member lost", f.name, countLeaves(w), len(data))
	})
}

// bareInput returns an input with only the members the client needs to
// build a request whatever the validation mode: the path labels.
func (f *fixture) bareInput(t *testing.T) any {
	t.Helper()
	w := map[string]any{}
	for _, m := range f.model.Shape(f.op.Input).Members {
		if m.Traits.Has(smithymodel.TraitHTTPLabel) {
			w[m.Name] = "label"
		}
	}
	in, err := f.build(f.input, f.op.Input, w)
	if err != nil {
		t.Fatal(err)
	}
	return in.Interface()
}

// keyOrder reports the objects of a JSON body whose keys are not in the
// order the official serializers write them: structure members sorted by
// member name (and map keys sorted, as this project writes them), each
// once.
func keyOrder(data []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var problems []string
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				keys = append(keys, key.(string))
				if err := walk(path + "." + key.(string)); err != nil {
					return err
				}
			}
			if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
				problems = append(problems, fmt.Sprintf("object %s has keys %q, want them sorted, each once", path, keys))
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		default:
			return nil
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	return problems, walk("body")
}

func TestKeyOrderFindsMisorderedObjects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body string
		want int
	}{
		{`{"A":1,"B":{"x":[{"a":1,"b":2}]},"C":[]}`, 0},
		{`{"B":1,"A":2}`, 1},
		{`{"A":1,"A":2}`, 1},
		{`{"A":[{"b":1,"a":2},{"a":1}],"B":{"d":1,"c":2}}`, 2},
	}
	for _, tc := range cases {
		problems, err := keyOrder([]byte(tc.body))
		if err != nil || len(problems) != tc.want {
			t.Errorf("keyOrder(%s) = %q, %v; want %d problems", tc.body, problems, err, tc.want)
		}
	}
}
