package apierror

import (
	"errors"
	"net/http"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

type fooError struct {
	Message *string
	Extra   *string
}

func (e *fooError) Error() string { return "FooError" }

var registry = Registry{{Code: "FooError", Decode: func(r *jsonwire.Reader) error {
	e := &fooError{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "message", "Message":
			e.Message = r.StringPtr()
		case "extra":
			e.Extra = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return e
}}}

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func TestCodeResolution(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		style  Style
		header http.Header
		body   string
		code   string
	}{
		{"header", AWSJSON, header("X-Amzn-ErrorType", "FooError"), `{}`, "FooError"},
		{"header with uri", AWSJSON, header("X-Amzn-ErrorType", "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"), ``, "FooError"},
		{"header with namespace and uri", RESTJSON, header("X-Amzn-ErrorType", "aws.protocoltests#FooError:http://internal.amazon.com/"), `{}`, "FooError"},
		{"header wins over body", AWSJSON, header("X-Amzn-ErrorType", "FooError"), `{"__type":"Other"}`, "FooError"},
		{"__type", AWSJSON, nil, `{"__type":"FooError"}`, "FooError"},
		{"__type namespace", AWSJSON, nil, `{"__type":"aws.protocoltests.restjson#FooError"}`, "FooError"},
		{"__type other namespace", AWSJSON, nil, `{"__type":"other.namespace#FooError"}`, "FooError"},
		{"__type namespace and uri", AWSJSON, nil, `{"__type":"a.b#FooError:http://internal.amazon.com/"}`, "FooError"},
		{"code", AWSJSON, nil, `{"code":"FooError"}`, "FooError"},
		{"code with namespace and uri", RESTJSON, nil, `{"code":"a.b#FooError:http://x"}`, "FooError"},
		{"awsJson prefers __type", AWSJSON, nil, `{"code":"Other","__type":"FooError"}`, "FooError"},
		{"restJson prefers code", RESTJSON, nil, `{"__type":"Other","code":"FooError"}`, "FooError"},
		{"awsJson ignores non-string code", AWSJSON, nil, `{"code":5,"__type":"FooError"}`, "FooError"},
		{"nested __type ignored", AWSJSON, nil, `{"Nested":{"__type":"Other"},"__type":"FooError"}`, "FooError"},
		{"nested only", RESTJSON, nil, `{"Nested":{"__type":"FooError"}}`, "UnknownError"},
		{"case-insensitive member names", AWSJSON, nil, `{"__TYPE":"FooError"}`, "FooError"},
		{"empty body", AWSJSON, nil, ``, "UnknownError"},
		{"null body", AWSJSON, nil, `null`, "UnknownError"},
		{"code sanitised to nothing", AWSJSON, header("X-Amzn-ErrorType", "ns#"), `{}`, ""},
		{"restJson sanitises a body code twice", RESTJSON, nil, `{"code":"a#b#c"}`, "c"},
		{"restJson empty body code", RESTJSON, nil, `{"code":":x"}`, "UnknownError"},
	}
	for _, c := range cases {
		info, err := Resolve(c.style, c.header, c.body)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if info.Code != c.code {
			t.Errorf("%s: code = %q, want %q", c.name, info.Code, c.code)
		}
	}
}

func TestDecodeTypedError(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"FooError", "fooerror", "FOOERROR", "ns#FooError:suffix"} {
		err := Decode(AWSJSON, jsonwire.Classic, registry, header("X-Amzn-ErrorType", code), `{"Message":"hi","extra":"x","unknown":[1]}`)
		var foo *fooError
		if !errors.As(err, &foo) {
			t.Fatalf("code %q: got %T %v, want *fooError", code, err, err)
		}
		if *foo.Message != "hi" || *foo.Extra != "x" {
			t.Errorf("code %q: members = %q %q", code, *foo.Message, *foo.Extra)
		}
	}
}

func TestDecodeGeneric(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		header     http.Header
		want       *smithy.GenericAPIError
	}{
		{"unknown code", `{"__type":"Nope","message":"m"}`, nil, &smithy.GenericAPIError{Code: "Nope", Message: "m"}},
		{"unknown code without message", `{"__type":"Nope"}`, nil, &smithy.GenericAPIError{Code: "Nope", Message: "UnknownError"}},
		{"empty body", ``, nil, &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"empty object", `{}`, nil, &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"message only", `{"Message":"m"}`, nil, &smithy.GenericAPIError{Code: "UnknownError", Message: "m"}},
		{"errorMessage ignored", `{"__type":"X","errorMessage":"m"}`, nil, &smithy.GenericAPIError{Code: "X", Message: "UnknownError"}},
	}
	for _, c := range cases {
		err := Decode(AWSJSON, jsonwire.Classic, registry, c.header, c.body)
		var generic *smithy.GenericAPIError
		if !errors.As(err, &generic) {
			t.Errorf("%s: got %T, want *smithy.GenericAPIError", c.name, err)
			continue
		}
		if diff := cmp.Diff(c.want, generic); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

func TestMalformedBodies(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`<html><body>Bad Gateway</body></html>`, `{"__type":"FooError"`, `{"__type":5}`, `[]`, `"x"`, `{"message":5}`} {
		err := Decode(AWSJSON, jsonwire.Classic, registry, nil, body)
		var de *smithy.DeserializationError
		if !errors.As(err, &de) {
			t.Errorf("body %q: got %T %v, want *smithy.DeserializationError", body, err, err)
		}
	}
	// A typed error whose member has the wrong JSON type.
	err := Decode(AWSJSON, jsonwire.Classic, registry, header("X-Amzn-ErrorType", "FooError"), `{"extra":5}`)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Errorf("wrong member type: got %T %v, want *smithy.DeserializationError", err, err)
	}
}

// TestTypedErrorValueStyles checks that a typed error's members are read
// in the JSON style given: white space alone is no members in the Classic
// style and cut-short JSON in the Schema style, and invalid UTF-8 is
// replaced in the one and kept in the other.
func TestTypedErrorValueStyles(t *testing.T) {
	t.Parallel()
	h := header("X-Amzn-ErrorType", "FooError")
	cases := []struct {
		style   jsonwire.Style
		body    string
		message string // "-": a DeserializationError
	}{
		{jsonwire.Classic, ``, ""},
		{jsonwire.Schema, ``, ""},
		{jsonwire.Classic, " \n", ""},
		{jsonwire.Schema, " \n", "-"},
		{jsonwire.Classic, "{\"message\":\"a\xffb\"}", "a\uFFFDb"},
		{jsonwire.Schema, "{\"message\":\"a\xffb\"}", "a\xffb"},
	}
	for _, c := range cases {
		err := Decode(AWSJSON, c.style, registry, h, c.body)
		if c.message == "-" {
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Errorf("style %d, body %q: got %T %v, want *smithy.DeserializationError", c.style, c.body, err, err)
			}
			continue
		}
		var foo *fooError
		if !errors.As(err, &foo) {
			t.Errorf("style %d, body %q: got %T %v, want *fooError", c.style, c.body, err, err)
			continue
		}
		got := ""
		if foo.Message != nil {
			got = *foo.Message
		}
		if got != c.message {
			t.Errorf("style %d, body %q: message %q, want %q", c.style, c.body, got, c.message)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"__type":"FooError","message":"x"}`, `{"code":"a#b:c"}`, `<html>`, ``, `{"__type":"FooError","extra":[]}`} {
		f.Add(s, "")
		f.Add(s, "FooError")
	}
	f.Fuzz(func(t *testing.T, body, errorType string) {
		h := http.Header{}
		if errorType != "" {
			h.Set("X-Amzn-ErrorType", errorType)
		}
		for _, style := range []Style{AWSJSON, RESTJSON} {
			if err := Decode(style, jsonwire.Classic, registry, h, body); err == nil {
				t.Fatal("Decode returned nil")
			}
		}
	})
}
