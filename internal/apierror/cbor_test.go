package apierror

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/cborwire"
)

var cborRegistry = CBORRegistry{{Code: "FooError", Decode: func(r *cborwire.Reader) error {
	return &fooError{Message: DecodeCBORMessage(r)}
}}}

// TestDecodeCBORErrorInfo checks how the code and message of an rpcv2Cbor
// error are found: as smithy-go's generic decoder reads the body, with the
// last of a repeated member counting and a non-text one ignored.
func TestDecodeCBORErrorInfo(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		code       string // "-": a DeserializationError
		message    string
	}{
		{"typed", "\xa2\x66__type\x68FooError\x67message\x62hi", "FooError", "hi"},
		{"namespace and suffix", "\xa1\x66__type\x6ea.b#FooError:x", "FooError", ""},
		{"unknown code", "\xa2\x66__type\x63Bar\x67message\x62hi", "Bar", "hi"},
		{"not a map", "\x63abc", "UnknownError", "UnknownError"},
		{"empty map", "\xa0", "UnknownError", "UnknownError"},
		{"repeated __type, non-text last", "\xa2\x66__type\x68FooError\x66__type\x01", "UnknownError", "UnknownError"},
		{"trailing data after the map", "\xa1\x66__type\x63Bar\x01", "Bar", "UnknownError"},
		{"empty body", "", "-", ""},
		{"unassigned simple value", "\xed", "-", ""},
		{"one-byte simple value in a map", "\xa1\x61a\xf8\x20", "-", ""},
		{"truncated", "\xa1\x66__type\x64Oo", "-", ""},
	}
	for _, c := range cases {
		err := DecodeCBOR(cborRegistry, c.body)
		if c.code == "-" {
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Errorf("%s: got %T %v, want *smithy.DeserializationError", c.name, err, err)
			}
			continue
		}
		var foo *fooError
		var generic *smithy.GenericAPIError
		switch {
		case errors.As(err, &foo):
			got := ""
			if foo.Message != nil {
				got = *foo.Message
			}
			if c.code != "FooError" || got != c.message {
				t.Errorf("%s: got FooError %q, want %s %q", c.name, got, c.code, c.message)
			}
		case errors.As(err, &generic):
			if generic.Code != c.code || generic.Message != c.message {
				t.Errorf("%s: got %s %q, want %s %q", c.name, generic.Code, generic.Message, c.code, c.message)
			}
		default:
			t.Errorf("%s: got %T %v", c.name, err, err)
		}
	}
}
