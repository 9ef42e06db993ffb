package transport

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// TestHeaderValue checks headerValue against http.Header.Get for the
// canonical keys it is given: present, absent, empty and repeated.
func TestHeaderValue(t *testing.T) {
	h := http.Header{"Date": {"Mon, 02 Jan 2006 15:04:05 GMT"}, "Age": {}, "X-Amzn-Requestid": {"a", "b"}}
	for _, key := range []string{"Date", "Age", "X-Amzn-Requestid", "X-Amz-Requestid"} {
		if got, want := headerValue(h, key), h.Get(key); got != want {
			t.Errorf("headerValue(%q) = %q, Get gives %q", key, got, want)
		}
	}
}

// TestDecodeJSONEmptyBody checks which bodies are an output with no
// members: no bytes in either style, white space only in the Classic
// style. The schema-based official clients fail on white space alone.
func TestDecodeJSONEmptyBody(t *testing.T) {
	type out struct{ Value *string }
	decode := func(r *jsonwire.Reader, o *out) {
		for it := r.Object(); r.More(&it); {
			if r.Key() == "Value" {
				o.Value = r.StringPtr()
			} else {
				r.Skip()
			}
		}
	}
	cases := []struct {
		body    string
		style   jsonwire.Style
		wantErr bool
	}{
		{"", jsonwire.Classic, false},
		{"", jsonwire.Schema, false},
		{" \n\t", jsonwire.Classic, false},
		{" \n\t", jsonwire.Schema, true},
		{` {"Value":"v"} `, jsonwire.Schema, false},
	}
	for _, c := range cases {
		got, err := decodeJSON(decode, c.style, c.body)
		if c.wantErr {
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Errorf("style %v, body %q: got %v, %v; want a DeserializationError", c.style, c.body, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("style %v, body %q: %v", c.style, c.body, err)
			continue
		}
		if o := got.(*out); (o.Value != nil) != strings.Contains(c.body, "Value") {
			t.Errorf("style %v, body %q: got %+v", c.style, c.body, o)
		}
	}
}
