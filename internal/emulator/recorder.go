package emulator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
)

// ReceivedRequest is one request an emulator received, as a Recorder keeps
// it for tests: unlike a RequestRecord, it holds the headers and the body.
type ReceivedRequest struct {
	// Time is when the request arrived, on the emulator's clock.
	Time time.Time
	// Operation is the operation the request was routed to, such as
	// OpCopySnapshot; empty when it matched none.
	Operation string
	// Method is the HTTP method.
	Method string
	// Path is the request target: the escaped path and any query.
	Path string
	// Header is a copy of the request headers.
	Header http.Header
	// Body is the request body, up to the emulator's 10 MiB limit.
	Body []byte
	// Status is the HTTP status of the answer, or 0 when the connection was
	// closed without a complete answer (a dropped connection, a truncated
	// body, or a client that went away first).
	Status int
	// ErrorCode is the error code of an error answer, such as
	// ThrottlingException; empty for a success.
	ErrorCode string
	// RequestID is the X-Amzn-RequestId of the answer; empty when Status is 0.
	RequestID string
}

// Recorder is an http.Handler that serves an Emulator and keeps a record of
// every request, in the order they arrived. It is safe for concurrent use.
type Recorder struct {
	emulator *Emulator

	mu       sync.Mutex
	requests []*ReceivedRequest
}

// NewRecorder returns a Recorder serving e.
func NewRecorder(e *Emulator) *Recorder {
	return &Recorder{emulator: e}
}

// Requests returns copies of the requests received so far, oldest first.
// A request still being answered has Status 0.
func (rec *Recorder) Requests() []ReceivedRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := make([]ReceivedRequest, len(rec.requests))
	for i, r := range rec.requests {
		out[i] = *r
		out[i].Header = r.Header.Clone()
		out[i].Body = bytes.Clone(r.Body)
	}
	return out
}

// ServeHTTP records the request, lets the emulator answer it and records the answer.
func (rec *Recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	entry := &ReceivedRequest{
		Time: rec.emulator.cfg.Now(), Method: r.Method, Path: r.URL.RequestURI(), Header: r.Header.Clone(),
	}
	if op, _, _ := route(r); op != nil {
		entry.Operation = op.name
	}
	if r.Body != nil {
		entry.Body = recordBody(r)
	}
	rec.mu.Lock()
	rec.requests = append(rec.requests, entry)
	rec.mu.Unlock()

	writer := &recordingWriter{ResponseWriter: w}
	rec.emulator.ServeHTTP(writer, r)

	rec.mu.Lock()
	defer rec.mu.Unlock()
	if !writer.hijacked {
		entry.Status = writer.status
		entry.ErrorCode = errorCode(writer)
		entry.RequestID = writer.Header().Get("X-Amzn-RequestId")
	}
}

// recordBody reads up to maxBodyBytes of the body for the record and
// leaves the request's body unchanged for the emulator to read.
func recordBody(r *http.Request) []byte {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	rest := r.Body
	if err != nil {
		rest = io.NopCloser(failingReader{err})
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(body), rest), r.Body}
	return body
}

// failingReader fails every read with the error the body failed with.
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// maxRecordedAnswer is how much of an answer's body a recordingWriter keeps
// to find its error code.
const maxRecordedAnswer = 64 << 10

// recordingWriter notes the status and the start of the body of an answer.
type recordingWriter struct {
	http.ResponseWriter
	status   int
	body     []byte
	hijacked bool
}

func (w *recordingWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recordingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if room := maxRecordedAnswer - len(w.body); room > 0 {
		w.body = append(w.body, p[:min(room, len(p))]...)
	}
	return w.ResponseWriter.Write(p)
}

// Hijack hands the connection over, as faults that cut the answer short do.
func (w *recordingWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, buffered, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err == nil {
		w.hijacked = true
	}
	return conn, buffered, err
}

// Unwrap returns the underlying writer, for http.ResponseController.
func (w *recordingWriter) Unwrap() http.ResponseWriter {
	return w.ResponseWriter
}

// errorCode finds the error code of an error answer: in X-Amzn-ErrorType
// for restJson1, in the body's __type for awsJson and rpcv2Cbor.
func errorCode(w *recordingWriter) string {
	if w.status < http.StatusMultipleChoices {
		return ""
	}
	if value := w.Header().Get("X-Amzn-ErrorType"); value != "" {
		code, _, _ := strings.Cut(value, ":")
		return code
	}
	var body struct {
		Type string `json:"__type"`
	}
	if w.Header().Get("Smithy-Protocol") == "rpc-v2-cbor" {
		if m, ok := decodeCBOR(w.body).(smithycbor.Map); ok {
			if value, ok := m["__type"].(smithycbor.String); ok {
				body.Type = string(value)
			}
		}
	} else if err := json.Unmarshal(w.body, &body); err != nil {
		return ""
	}
	_, code, found := strings.Cut(body.Type, "#")
	if !found {
		return body.Type
	}
	return code
}

// decodeCBOR decodes a CBOR item, or returns nil if data is not one.
func decodeCBOR(data []byte) smithycbor.Value {
	value, err := smithycbor.Decode(data)
	if err != nil {
		return nil
	}
	return value
}
