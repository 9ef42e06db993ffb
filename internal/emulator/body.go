package emulator

import (
	"errors"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"
)

// bodyBudget bounds the bytes that the bodies of all the requests being
// handled at once hold, so that many large requests arriving together cannot
// exhaust memory before their signatures are checked.
type bodyBudget struct {
	mu    sync.Mutex
	used  int64
	limit int64
}

// reserve takes n bytes from the budget, or reports false if they are not left.
func (b *bodyBudget) reserve(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used+n > b.limit {
		return false
	}
	b.used += n
	return true
}

// release gives n reserved bytes back.
func (b *bodyBudget) release(n int64) {
	if n == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= n
}

// firstBodyChunk is the capacity the first read of a body gets; later reads
// double it, so memory follows the bytes that actually arrive.
const firstBodyChunk = 16 << 10

// readBody reads the request body: at most maxBodyBytes, growing its buffer as bytes arrive and taking
// every byte of it from the emulator's body budget. It returns the body and
// the number of bytes taken from the budget, which the caller releases once
// the request is answered. A body declared too large is refused without
// reading a byte of it.
func (e *Emulator) readBody(w http.ResponseWriter, r *http.Request) ([]byte, int64, *apiError) {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return nil, 0, nil
	}
	if r.ContentLength > maxBodyBytes {
		return nil, 0, bodyTooLarge()
	}
	want := int64(maxBodyBytes + 1) // one more byte than allowed shows a body is too large
	if r.ContentLength > 0 {
		want = r.ContentLength
	}
	var body []byte
	var reserved int64
	for int64(len(body)) < want {
		if len(body) == cap(body) {
			grow := min(max(int64(cap(body)), firstBodyChunk), want-int64(cap(body)))
			if !e.bodies.reserve(grow) {
				return nil, reserved, coralError(http.StatusServiceUnavailable, "ServiceUnavailableException",
					"Too many large request bodies are being received at once. Try again later.")
			}
			reserved += grow
			body = slices.Grow(body, int(grow))
		}
		n, err := r.Body.Read(body[len(body):cap(body)])
		body = body[:len(body)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, reserved, bodyReadError(err)
		}
	}
	if len(body) > maxBodyBytes {
		return nil, reserved, bodyTooLarge()
	}
	// The body is in: a slow handler must not make the server's background
	// read of the connection time out.
	_ = http.NewResponseController(w).SetReadDeadline(time.Time{})
	return body, reserved, nil
}

// limitBodyTime bounds how long the request's body may take to arrive,
// from now. The deadline also bounds the server draining an unread body
// after an early answer.
func (e *Emulator) limitBodyTime(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength != 0 {
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(e.cfg.BodyReadTimeout))
	}
}

// refuseUnread answers a request whose body was not read: its connection
// is closed after the answer rather than drained for the next request.
func (e *Emulator) refuseUnread(w http.ResponseWriter, r *http.Request, resp response) {
	if r.ContentLength != 0 {
		w.Header().Set("Connection", "close")
	}
	e.send(w, resp)
}

func bodyTooLarge() *apiError {
	return coralError(http.StatusRequestEntityTooLarge, "RequestEntityTooLargeException",
		"Request body exceeds the limit of "+strconv.Itoa(maxBodyBytes)+" bytes.")
}

func bodyReadError(err error) *apiError {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return coralError(http.StatusBadRequest, "RequestTimeoutException",
			"The request body did not arrive within the read timeout.")
	}
	return coralError(http.StatusBadRequest, "SerializationException", "The request body could not be read.")
}
