// Package protocol frames requests for the wire protocols: the method,
// path, Content-Type and X-Amz-Target of awsJson1_0 and awsJson1_1, the
// method and URI template (with escaped labels) of restJson1, and the fixed
// path and headers of Smithy RPC v2 CBOR.
package protocol

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"net/url"
	"sync/atomic"
	"unsafe"

	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/sigv4"
)

// Kind is a wire protocol.
type Kind int

const (
	// AWSJSON10 is aws.protocols#awsJson1_0.
	AWSJSON10 Kind = iota
	// AWSJSON11 is aws.protocols#awsJson1_1.
	AWSJSON11
	// RESTJSON1 is aws.protocols#restJson1.
	RESTJSON1
	// RPCV2CBOR is smithy.protocols#rpcv2Cbor.
	RPCV2CBOR
)

// Binding is how one operation appears on the wire.
type Binding struct {
	Protocol Kind
	// Target is the X-Amz-Target value of an awsJson operation
	// ("AmazonMemoryDB.CopySnapshot").
	Target string
	// Method is the HTTP method of a restJson1 operation; awsJson uses POST.
	Method string
	// JSONStyle is the string escaping of the service's official client.
	JSONStyle jsonwire.Style
	// ExactErrorCodes matches error codes with case, as the official
	// clients built on schemas do.
	ExactErrorCodes bool

	headers []Header
	// used is the storage the last request built needed (see Measure),
	// zero before the first.
	used atomic.Int32
	path string // the fixed path of an rpcv2Cbor operation
}

// NewAWSJSON declares an awsJson1_0 or awsJson1_1 operation.
func NewAWSJSON(kind Kind, target string) *Binding {
	contentType := "application/x-amz-json-1.1"
	if kind == AWSJSON10 {
		contentType = "application/x-amz-json-1.0"
	}
	return &Binding{
		Protocol: kind,
		Target:   target,
		Method:   "POST",
		headers: []Header{
			{"Content-Type", []string{contentType}},
			{"X-Amz-Target", []string{target}},
		},
	}
}

// NewRESTJSON declares a restJson1 operation with a JSON body. Any 2xx
// status is success, as in the official clients, so the status the model
// documents for success is not needed.
func NewRESTJSON(method string) *Binding {
	return &Binding{
		Protocol: RESTJSON1,
		Method:   method,
		headers:  []Header{{"Content-Type", []string{"application/json"}}},
	}
}

// WithJSONStyle sets the string escaping of request bodies and returns b.
func (b *Binding) WithJSONStyle(style jsonwire.Style) *Binding {
	b.JSONStyle = style
	return b
}

// WithExactErrorCodes makes error codes match the registry with case and
// returns b.
func (b *Binding) WithExactErrorCodes() *Binding {
	b.ExactErrorCodes = true
	return b
}

// Header is one fixed header of an operation's requests, its name in
// canonical form.
type Header struct {
	Name   string
	Values []string
}

// Headers returns the fixed headers of every request of the operation, a
// list to range over without a map's cost. The list and the slices of
// values are shared: callers copy the entries, never the values.
func (b *Binding) Headers() []Header { return b.headers }

// Header returns the values of the fixed header name (canonical), or nil.
func (b *Binding) Header(name string) []string {
	for _, h := range b.headers {
		if h.Name == name {
			return h.Values
		}
	}
	return nil
}

// ErrorStyle says where the protocol looks for error codes in bodies.
func (b *Binding) ErrorStyle() apierror.Style {
	if b.Protocol == RESTJSON1 {
		return apierror.RESTJSON
	}
	if b.ExactErrorCodes {
		return apierror.AWSJSONExact
	}
	return apierror.AWSJSON
}

// NewRequest returns a Request framed for the binding: the body writer of
// its protocol, its JSON escaping, and its fixed path if it has one.
//
// The request's storage is sized from the last one the binding built (see
// Measure), so an operation whose requests are small does not allocate
// room it never uses, and one whose requests are large does not outgrow it.
func (b *Binding) NewRequest() *Request {
	r := newRequest(int(b.used.Load()))
	r.Body.SetStyle(b.JSONStyle)
	if b.Protocol == RPCV2CBOR {
		r.cbor = true
		r.path = b.path
		r.CBOR.SetBuffer(r.storage[:0])
	}
	return r
}

// Request is what an operation's encoder fills in: the path (restJson1)
// and the body, JSON or (rpcv2Cbor) CBOR.
type Request struct {
	Body jsonwire.Writer
	// CBOR is the body of an rpcv2Cbor request.
	CBOR cborwire.Writer
	// Redact asks encoders to write "*** sensitive ***" instead of the
	// values of sensitive members. It is set only to render a request for
	// a log.
	Redact bool

	rawPath []byte // the escaped path built so far
	escaped bool   // whether a label needed escaping
	path    string // a fixed path, which needs no escaping
	cbor    bool   // the body is CBOR
	err     error
	storage []byte                // room for the body, and for a restJson1 path, in the same allocation
	hash    [2 * sha256.Size]byte // the payload's hex SHA-256 (see PayloadHash)
	reader  bytes.Reader          // see Reader
}

// NewRequest returns a Request whose body starts in storage of its own, so
// a typical request costs one allocation.
func NewRequest() *Request { return newRequest(0) }

// Measure records what r, finished, needed of its storage, for the size of
// the next request NewRequest makes.
func (b *Binding) Measure(r *Request) {
	need := len(r.Payload())
	if r.rawPath != nil {
		need += pathBytes
	}
	need = min(need, 1<<20) // the largest size is all that is needed
	if int32(need) != b.used.Load() {
		b.used.Store(int32(need))
	}
}

// The storage a request is allocated with, in one allocation with the
// request: each size makes the whole fill a size class of the Go
// allocator (512, 768, 1024 and 2048 bytes, the last three with the
// allocator's 8-byte header of an object over 512 bytes that holds
// pointers), as TestRequestStorage checks.
type (
	requestIn512 struct {
		r    Request
		room [240]byte
	}
	requestIn768 struct {
		r    Request
		room [488]byte
	}
	requestIn1024 struct {
		r    Request
		room [744]byte
	}
	requestIn2048 struct {
		r    Request
		room [1768]byte
	}
)

// newRequest returns a Request with storage for need bytes, or the most
// there is; a first request (need zero) gets the middle size.
func newRequest(need int) *Request {
	if need <= 0 {
		need = len(requestIn768{}.room)
	}
	switch {
	case need <= len(requestIn512{}.room):
		v := new(requestIn512)
		return v.r.in(v.room[:])
	case need <= len(requestIn768{}.room):
		v := new(requestIn768)
		return v.r.in(v.room[:])
	case need <= len(requestIn1024{}.room):
		v := new(requestIn1024)
		return v.r.in(v.room[:])
	default:
		v := new(requestIn2048)
		return v.r.in(v.room[:])
	}
}

// in gives r its storage and starts the body there.
func (r *Request) in(storage []byte) *Request {
	r.storage = storage
	r.Body.SetBuffer(storage[:0])
	return r
}

// Payload returns the body written: the CBOR of an rpcv2Cbor request,
// else the JSON.
func (r *Request) Payload() []byte {
	if r.cbor {
		return r.CBOR.Bytes()
	}
	return r.Body.Bytes()
}

// PayloadHash returns the hex SHA-256 of the payload, which SigV4 signs.
// Call it once the body is written; the string shares the request's
// memory, which is not written again.
func (r *Request) PayloadHash() string {
	sum := sha256.Sum256(r.Payload())
	sigv4.AppendHex(r.hash[:0], sum[:])
	return unsafe.String(&r.hash[0], len(r.hash))
}

// Reader returns a reader of the payload, held in the request's memory,
// for one use: the body of a first attempt costs no allocation of its
// own. Call it once the body is written.
func (r *Request) Reader() *bytes.Reader {
	r.reader.Reset(r.Payload())
	return &r.reader
}

// EmptyBody writes the body of an input with no members: an empty map in
// CBOR, else an empty JSON object.
func (r *Request) EmptyBody() {
	if r.cbor {
		r.CBOR.BeginMap()
		r.CBOR.End()
		return
	}
	r.Body.BeginObject()
	r.Body.EndObject()
}

// Sensitive is the text written in place of a sensitive value.
const Sensitive = "*** sensitive ***"

// SensitiveString writes a sensitive string member's value, or the
// placeholder when the request is rendered for a log.
func (r *Request) SensitiveString(v string) {
	if r.Redact {
		r.Body.String(Sensitive)
		return
	}
	r.Body.String(v)
}

// PathLiteral appends a literal part of the URI template.
func (r *Request) PathLiteral(s string) {
	if r.rawPath == nil {
		r.rawPath = r.pathRoom()
	}
	r.rawPath = append(r.rawPath, s...)
}

// pathBytes is the room a restJson1 path starts with.
const pathBytes = 128

// pathRoom returns the room a restJson1 request's path starts in: the end
// of the body's storage, when no body has been written yet (the path is
// built first), so the path costs no allocation of its own. The body keeps
// the rest of the storage, and moves out of it rather than into the path
// when it outgrows it.
func (r *Request) pathRoom() []byte {
	if r.cbor || len(r.Body.Bytes()) != 0 || len(r.storage) < pathBytes {
		// A zero Request has no storage.
		return make([]byte, 0, pathBytes)
	}
	end := len(r.storage) - pathBytes
	r.Body.SetBuffer(r.storage[:0:end])
	return r.storage[end:end]
}

// PathLabel appends the value of an @httpLabel member, escaped so that it
// stays one path segment: every byte but A-Z a-z 0-9 - . _ ~ is
// percent-encoded (a space as %20, '/' as %2F). A missing or empty label
// cannot form a request, and a label "." or ".." would name another path
// once a server resolves dot segments; both are errors whatever the
// validation mode.
func (r *Request) PathLabel(member string, v *string) {
	if v == nil || *v == "" || *v == "." || *v == ".." {
		dot := v != nil && *v != ""
		// The official serializers refuse a missing or empty label and
		// send a dot segment. Where both come in one path, the call fails
		// as the official client's does, on the first missing or empty one.
		if prev, ok := r.err.(*LabelError); r.err == nil || ok && prev.DotSegment && !dot {
			r.err = &LabelError{Member: member, DotSegment: dot}
		}
		return
	}
	var escaped bool
	r.rawPath, escaped = appendEscaped(r.rawPath, *v)
	r.escaped = r.escaped || escaped
}

// Path returns the path and the escaped path as the official serializers
// leave them in the request's URL (Path and RawPath): the fixed path of an
// rpcv2Cbor operation and "/" of an awsJson one, with no escaped form, or
// the path built so far of a restJson1 one with its escaped form (the same
// string when no label needed escaping).
func (r *Request) Path() (path, rawPath string) {
	if r.path != "" {
		return r.path, ""
	}
	if len(r.rawPath) == 0 {
		return "/", ""
	}
	// The path's bytes are only ever appended to, never rewritten, so the
	// string can share them.
	rawPath = unsafe.String(unsafe.SliceData(r.rawPath), len(r.rawPath))
	if !r.escaped {
		return rawPath, rawPath
	}
	path, err := url.PathUnescape(rawPath)
	if err != nil { // cannot happen: the labels were escaped here
		return rawPath, rawPath
	}
	return path, rawPath
}

// Err returns the first framing error, such as an empty path label.
func (r *Request) Err() error { return r.err }

// LabelError reports a path label that is missing, empty, or a dot segment.
type LabelError struct {
	Member     string
	DotSegment bool // the label is "." or ".."
}

func (e *LabelError) Error() string {
	if e.DotSegment {
		return "input member " + e.Member + " must not be \".\" or \"..\": it would change the request path"
	}
	return "input member " + e.Member + " must not be empty"
}

// ErrLabel matches any *LabelError with errors.Is.
var ErrLabel = errors.New("empty path label")

// Is makes errors.Is(err, ErrLabel) true.
func (e *LabelError) Is(target error) bool { return target == ErrLabel }

const upperHex = "0123456789ABCDEF"

// appendEscaped appends s percent-encoded and reports whether any byte
// needed encoding.
func appendEscaped(dst []byte, s string) ([]byte, bool) {
	escaped := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			dst = append(dst, c)
			continue
		}
		escaped = true
		dst = append(dst, '%', upperHex[c>>4], upperHex[c&0xF])
	}
	return dst, escaped
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
