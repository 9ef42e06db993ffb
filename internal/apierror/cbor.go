package apierror

import (
	"strings"

	"github.com/aws/smithy-go"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"

	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/jsonwire"
)

// CBOREntry declares one typed error of an rpcv2Cbor operation: its code
// (the model's shape name) and how to decode its members. Decode is handed
// a Reader positioned at the start of the body.
type CBOREntry struct {
	Code   string
	Decode func(r *cborwire.Reader) error
}

// CBORRegistry is the list of typed errors an rpcv2Cbor operation may
// return.
type CBORRegistry []CBOREntry

// DecodeCBOR builds the error of a non-2xx rpcv2Cbor response, step for
// step as the official clients do: the code is the body's __type member
// (the header is not consulted), sanitised by dropping everything up to the
// first '#' and then everything from the first ':'; it is matched exactly
// against the registry. An unknown code gives a *smithy.GenericAPIError with
// the body's message member; a body that is not one well-formed CBOR item
// (an empty body included) gives a *smithy.DeserializationError.
func DecodeCBOR(reg CBORRegistry, body string) error {
	typ, message, err := scanCBOR(body)
	if err != nil {
		// The official clients read the whole body through a ring
		// buffer first, and keep its end.
		failure := deserializationError(err)
		failure.Snapshot = jsonwire.Tail(body)
		return failure
	}
	code := "UnknownError"
	if typ != "" {
		code = typ
	}
	code = SanitizeCBOR(code)
	for _, entry := range reg {
		if entry.Code != code {
			continue
		}
		var r cborwire.Reader
		r.Reset(body)
		typed := entry.Decode(&r)
		if err := r.Err(); err != nil {
			return &smithy.DeserializationError{Err: err}
		}
		return typed
	}
	if message == "" {
		message = "UnknownError"
	}
	return &smithy.GenericAPIError{Code: code, Message: message}
}

// SanitizeCBOR strips a namespace (up to the first '#') and then a URI
// suffix (from the first ':') from an rpcv2Cbor error code, in the order
// the official clients strip them.
func SanitizeCBOR(code string) string {
	if _, after, found := strings.Cut(code, "#"); found {
		code = after
	}
	code, _, _ = strings.Cut(code, ":")
	return code
}

// scanCBOR reads the __type and message text members of the top-level map
// of body; both are empty when the body is another item. It decodes the
// body with smithy-go's generic CBOR decoder, as the official clients do,
// so a body accepted or refused there is accepted or refused here, and a
// member repeated or of another type counts as it does there.
func scanCBOR(body string) (typ, message string, err error) {
	v, err := smithycbor.Decode([]byte(body))
	if err != nil {
		return "", "", err
	}
	m, ok := v.(smithycbor.Map)
	if !ok {
		return "", "", nil
	}
	if s, ok := m["__type"].(smithycbor.String); ok {
		typ = string(s)
	}
	if s, ok := m["message"].(smithycbor.String); ok {
		message = string(s)
	}
	return typ, message, nil
}

// DecodeCBORMessage reads an rpcv2Cbor error body whose only modelled
// member is message.
func DecodeCBORMessage(r *cborwire.Reader) *string {
	var message *string
	it := r.Map()
	for r.More(&it) {
		switch r.Key() {
		case "message":
			message = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return message
}
