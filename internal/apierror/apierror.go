// Package apierror turns an AWS JSON error response into the typed error
// of the service, the way the official clients do.
//
// The error code comes from the X-Amzn-ErrorType header, else from the
// body's __type or code member (restJson1 prefers code, awsJson prefers
// __type); it is sanitised (cut at the first ':', then everything up to the
// first '#' dropped) and matched case-insensitively against the service's
// registry of typed errors. An unknown code gives a *smithy.GenericAPIError;
// a body that is not the JSON the protocol promises gives a
// *smithy.DeserializationError.
package apierror

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// Entry declares one typed error of a service: its code (the model's shape
// name) and how to decode its members from the body. Decode is handed a
// Reader positioned at the start of the body, which may be empty.
type Entry struct {
	Code   string
	Decode func(r *jsonwire.Reader) error
}

// Registry is the list of typed errors an operation may return.
type Registry []Entry

// Lookup returns the entry whose code equals code, ignoring case.
func (reg Registry) Lookup(code string) (Entry, bool) {
	for _, e := range reg {
		if strings.EqualFold(e.Code, code) {
			return e, true
		}
	}
	return Entry{}, false
}

// Style says where a protocol looks for the error code in the body.
type Style int

const (
	// AWSJSON reads __type before code (awsJson1_0 and awsJson1_1).
	AWSJSON Style = iota
	// RESTJSON reads code before __type (restJson1).
	RESTJSON
	// AWSJSONExact reads the code as AWSJSON does, and matches it against
	// the registry with case, as the schema-based official clients do.
	AWSJSONExact
)

// Info is what the protocol says about an error response, before the code
// is matched to a type.
type Info struct {
	// Code is the sanitised error code, "UnknownError" when the response
	// names none. A code that sanitises to nothing stays empty, as it does
	// for the official clients.
	Code    string
	Message string // the body's message member, if any
}

// Decode builds the error for a non-2xx response with the given header and
// body. The result is a typed error from reg, a *smithy.GenericAPIError, or
// a *smithy.DeserializationError. A typed error's members are read in
// values, the JSON style of the service's official client.
func Decode(style Style, values jsonwire.Style, reg Registry, header http.Header, body string) error {
	info, err := Resolve(style, header, body)
	if err != nil {
		return err
	}
	entry, ok := reg.Lookup(info.Code)
	if ok && style == AWSJSONExact && entry.Code != info.Code {
		ok = false
	}
	if ok && info.Code != "" {
		return decodeTyped(entry, values, body)
	}
	message := info.Message
	if message == "" {
		message = "UnknownError"
	}
	return &smithy.GenericAPIError{Code: info.Code, Message: message}
}

// decodeTyped reads the members of entry's error from body; an empty body
// (as the style counts one, see jsonwire.Reader.Empty) gives an error with
// no members.
func decodeTyped(entry Entry, values jsonwire.Style, body string) error {
	var r jsonwire.Reader
	r.Reset(body)
	r.SetStyle(values)
	if r.Empty() {
		r.Reset("{}")
		r.SetStyle(values)
	}
	typed := entry.Decode(&r)
	if err := r.Err(); err != nil {
		failure := deserializationError(err)
		if values == jsonwire.Classic {
			// The clients decoding into Go maps read the typed error's
			// body again with encoding/json, keeping a snapshot.
			failure.Snapshot = jsonwire.Snapshot(body)
		}
		return failure
	}
	return typed
}

// Resolve finds the error code and message of an error response, step for
// step as the official clients' deserializers do.
func Resolve(style Style, header http.Header, body string) (Info, error) {
	fields, err := scanTopLevel(style, body)
	if err != nil {
		// The official clients read the code and message with
		// encoding/json's Decoder, keeping a snapshot of what it read.
		failure := deserializationError(err)
		failure.Snapshot = jsonwire.Snapshot(body)
		return Info{}, failure
	}
	info := Info{Code: "UnknownError", Message: fields.message}
	headerCode := header.Get("X-Amzn-ErrorType")
	if style != RESTJSON {
		raw := headerCode
		if raw == "" {
			raw = fields.typ
		}
		if raw == "" {
			raw = fields.code
		}
		if raw != "" {
			info.Code = Sanitize(raw)
		}
		return info, nil
	}
	// restJson1 prefers the body's code to its __type, sanitises the body's
	// choice once when reading it and once more when using it, and lets the
	// header win over both.
	bodyCode := fields.code
	if bodyCode == "" {
		bodyCode = fields.typ
	}
	bodyCode = Sanitize(bodyCode)
	switch {
	case headerCode != "":
		info.Code = Sanitize(headerCode)
	case bodyCode != "":
		info.Code = Sanitize(bodyCode)
	}
	return info, nil
}

// Sanitize strips what AWS appends or prepends to an error code: anything
// from the first ':' (a URI suffix), then anything up to the first '#' (a
// namespace).
func Sanitize(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return code
}

type topLevel struct {
	typ, code, message string
}

// scanTopLevel reads the __type, code and message members of the body's
// top-level object, matching names without regard to case as the official
// clients' encoding/json decoding does. Nested members are ignored. A
// non-string __type or message is an error, as it is for the official
// clients; so is a non-string code for restJson1, while awsJson ignores it.
// An empty body is not an error; a body that is not a JSON object is.
func scanTopLevel(style Style, body string) (topLevel, error) {
	var r jsonwire.Reader
	r.Reset(body)
	var fields topLevel
	if r.Empty() {
		return fields, nil
	}
	it := r.Object()
	for r.More(&it) {
		switch key := r.Key(); {
		case strings.EqualFold(key, "__type"):
			fields.typ = r.String()
		case strings.EqualFold(key, "message"):
			fields.message = r.String()
		case strings.EqualFold(key, "code") && (style == RESTJSON || r.NextIsString()):
			fields.code = r.String()
		default:
			r.Skip()
		}
	}
	return fields, r.Err()
}

func deserializationError(err error) *smithy.DeserializationError {
	return &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response body, %w", err)}
}

// DecodeMessage reads an error body whose only modelled member is the
// message, written "message" or "Message".
func DecodeMessage(r *jsonwire.Reader) *string {
	var message *string
	it := r.Object()
	for r.More(&it) {
		switch r.Key() {
		case "message", "Message":
			message = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return message
}
