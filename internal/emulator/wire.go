package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	smithyrand "github.com/aws/smithy-go/rand"
)

// protocol is one of the three AWS JSON wire protocols.
type protocol int

const (
	awsJSON10 protocol = iota
	awsJSON11
	restJSON1
)

// contentType is the media type of the protocol's bodies.
func (p protocol) contentType() string {
	switch p {
	case awsJSON10:
		return "application/x-amz-json-1.0"
	case awsJSON11:
		return "application/x-amz-json-1.1"
	default:
		return "application/json"
	}
}

// coralNamespace is the namespace AWS front ends use for errors that are not
// part of a service model (authentication, routing, framing).
const coralNamespace = "com.amazon.coral.service"

// service describes how one AWS service frames requests and errors.
type service struct {
	signingName string
	namespace   string
	protocol    protocol
	// targetPrefix is the X-Amz-Target prefix of awsJson services.
	targetPrefix string
	// messageKey is the JSON member holding an error message.
	messageKey string
	// throttle is the error the service answers when it throttles.
	throttle errorSpec
	// internal is the error the service answers on HTTP 500.
	internal errorSpec
}

// errorSpec is an error code, its HTTP status and the members the error
// carries besides its message.
type errorSpec struct {
	code    string
	status  int
	members map[string]any
}

// operation is one emulated operation.
type operation struct {
	name    string
	service *service
	// success is the HTTP status of a successful answer.
	success int
	// handle runs the operation against the state; the caller holds the lock.
	handle func(s *state, c *call, now time.Time) (any, *apiError)
}

// call is one authenticated request routed to an operation.
type call struct {
	op     *operation
	labels []string
	body   []byte
}

// response is a rendered HTTP answer.
type response struct {
	status int
	header http.Header
	body   []byte
	// dateShift moves the Date header away from the emulator's clock.
	dateShift time.Duration
	// errorCode is the code of an error answer, for RequestRecord.
	errorCode string
}

// apiError is an error answer: a code, a status, a message and any extra
// members the service's error shape carries.
type apiError struct {
	status    int
	code      string
	message   string
	namespace string
	members   map[string]any
	cbor      bool // answer in rpcv2Cbor framing whatever the operation
}

func newError(status int, code, message string) *apiError {
	return &apiError{status: status, code: code, message: message}
}

// coralError is an error outside the service models, such as a failed signature.
func coralError(status int, code, message string) *apiError {
	return &apiError{status: status, code: code, message: message, namespace: coralNamespace}
}

// response renders the error in the framing of the operation's protocol. A
// nil operation (an unroutable request) is answered in awsJson framing.
func (a *apiError) response(op *operation) response {
	svc := &service{namespace: coralNamespace, protocol: awsJSON11, messageKey: "message"}
	if op != nil {
		svc = op.service
	}
	namespace := a.namespace
	if namespace == "" {
		namespace = svc.namespace
	}
	if svc.protocol == rpcv2CBOR || a.cbor {
		return a.cborErrorResponse(namespace)
	}
	body := make(map[string]any, len(a.members)+2)
	for key, value := range a.members {
		body[key] = value
	}
	body[svc.messageKey] = a.message
	header := http.Header{"Content-Type": {svc.protocol.contentType()}}
	if svc.protocol == restJSON1 {
		header.Set("X-Amzn-ErrorType", a.code+":http://internal.amazon.com/coral/"+namespace+"/")
	} else {
		body["__type"] = namespace + "#" + a.code
	}
	return response{status: a.status, header: header, body: mustJSON(body), errorCode: a.code}
}

func successResponse(op *operation, output any) response {
	if op.service.protocol == rpcv2CBOR {
		return cborSuccess(op, output)
	}
	header := http.Header{"Content-Type": {op.service.protocol.contentType()}}
	return response{status: op.success, header: header, body: mustJSON(output)}
}

// mustJSON encodes values built by the emulator itself, which always encode.
func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return []byte(`{}`)
	}
	return data
}

// send writes a response with the headers every answer carries.
func (e *Emulator) send(w http.ResponseWriter, resp response) {
	header := w.Header()
	e.stampHeaders(header, resp)
	noteAnswer(w, resp, header)
	// A client that does not take the answer in (one that sends requests
	// without reading) must not hold the handler in Write for ever.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(e.cfg.WriteTimeout))
	w.WriteHeader(resp.status)
	_, _ = w.Write(resp.body)
}

// stampHeaders copies the response's headers and adds the request ID, the
// Date and the Content-Length.
func (e *Emulator) stampHeaders(header http.Header, resp response) {
	for key, values := range resp.header {
		header[key] = values
	}
	header.Set("X-Amzn-RequestId", newRequestID())
	header.Set("Date", e.cfg.Now().Add(resp.dateShift).UTC().Format(http.TimeFormat))
	header.Set("Content-Length", strconv.Itoa(len(resp.body)))
}

func newRequestID() string {
	id, err := smithyrand.NewUUID(rand.Reader).GetUUID()
	if err != nil {
		return "00000000-0000-4000-8000-000000000000"
	}
	return id
}

// decodeInput decodes a JSON request body into input. An empty body is an
// empty object; anything that is not a JSON object of the right types is a
// SerializationException, as AWS answers it.
func decodeInput(body []byte, input any) *apiError {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	if trimmed[0] != '{' {
		return serializationError()
	}
	// encoding/json replaces invalid UTF-8 and unpaired surrogate escapes
	// with U+FFFD; the services refuse such a body.
	if !json.Valid(trimmed) || !utf8.Valid(trimmed) || hasLoneSurrogate(trimmed) {
		return serializationError()
	}
	// encoding/json matches member names ignoring case; the services match
	// them exactly. The body is read as plain values first, the members
	// that are not exact names of the input shape are dropped, and what is
	// left is decoded into input.
	var plain any
	decoder := json.NewDecoder(bytes.NewReader(trimmed))
	decoder.UseNumber()
	if err := decoder.Decode(&plain); err != nil {
		return serializationError()
	}
	if !exactMembers(plain, reflect.TypeOf(input)) {
		return serializationError()
	}
	exact, err := json.Marshal(plain)
	if err != nil {
		return serializationError()
	}
	if err := json.Unmarshal(exact, input); err != nil {
		return serializationError()
	}
	return nil
}

// hasLoneSurrogate reports whether valid JSON text holds a \u escape of a
// UTF-16 surrogate that is not part of a high-low pair.
func hasLoneSurrogate(text []byte) bool {
	inString := false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '"':
			inString = !inString
		case !inString || text[i] != '\\':
		case text[i+1] != 'u':
			i++ // a one-character escape, such as \" or \\
		default:
			unit := hexUnit(text[i+2 : i+6])
			i += 5
			switch {
			case unit >= 0xDC00 && unit <= 0xDFFF:
				return true
			case unit >= 0xD800 && unit <= 0xDBFF:
				if i+6 >= len(text) || text[i+1] != '\\' || text[i+2] != 'u' {
					return true
				}
				if low := hexUnit(text[i+3 : i+7]); low < 0xDC00 || low > 0xDFFF {
					return true
				}
				i += 6
			}
		}
	}
	return false
}

// hexUnit reads four hexadecimal digits, which valid JSON guarantees.
func hexUnit(digits []byte) uint64 {
	unit, _ := strconv.ParseUint(string(digits), 16, 16)
	return unit
}

// exactMembers removes from v, read as plain JSON values, the object
// members whose names are not exactly the JSON names of the fields of t,
// at every depth. It reports false when a list or map holds null: none of
// the served input shapes has a sparse collection, and Smithy refuses null
// in the others. A value whose shape does not fit t is left as it is, for
// the typed decoding to refuse.
func exactMembers(v any, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]()) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct:
		object, _ := v.(map[string]any)
		fields := jsonFields(t)
		for key, item := range object {
			field, known := fields[key]
			if !known {
				delete(object, key)
			} else if !exactMembers(item, field) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		list, _ := v.([]any)
		for _, item := range list {
			if item == nil || !exactMembers(item, t.Elem()) {
				return false
			}
		}
	case reflect.Map:
		object, _ := v.(map[string]any)
		for _, item := range object {
			if item == nil || !exactMembers(item, t.Elem()) {
				return false
			}
		}
	}
	return true
}

// jsonFields maps the JSON names of a struct's exported fields to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		field := t.Field(i)
		if !field.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = field.Name
		}
		fields[name] = field.Type
	}
	return fields
}

func serializationError() *apiError {
	return newError(http.StatusBadRequest, "SerializationException",
		"The request body is not a JSON object of the operation's input shape.")
}

// epochSeconds is a timestamp that encodes as epoch seconds with millisecond
// precision, the Smithy default for JSON protocols.
type epochSeconds time.Time

// UnmarshalJSON decodes a JSON number of seconds, or an RFC 3339 string.
func (t *epochSeconds) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		var text string
		if err := json.Unmarshal(data, &text); err != nil {
			return err
		}
		parsed, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return err
		}
		*t = epochSeconds(parsed.UTC())
		return nil
	}
	seconds, err := strconv.ParseFloat(string(data), 64)
	if err != nil || math.IsNaN(seconds) || math.IsInf(seconds, 0) {
		return fmt.Errorf("timestamp %s is neither a number of seconds nor an RFC 3339 string", data)
	}
	*t = epochSeconds(time.UnixMilli(int64(math.Round(seconds * 1000))).UTC())
	return nil
}

// MarshalJSON encodes the time as a JSON number of seconds.
func (t epochSeconds) MarshalJSON() ([]byte, error) {
	millis := time.Time(t).UnixMilli()
	return []byte(strconv.FormatFloat(float64(millis)/1000, 'f', -1, 64)), nil
}
