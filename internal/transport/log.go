package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/aws/smithy-go/logging"
)

const logDebug = logging.Debug

// secretHeaders are never written to logs.
var secretHeaders = map[string]bool{
	"Authorization":        true,
	"X-Amz-Security-Token": true,
	"Proxy-Authorization":  true,
	"Cookie":               true,
	"Set-Cookie":           true,
}

// redactedHeaders renders headers for a log, sorted, with secrets replaced.
func redactedHeaders(h http.Header) string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(name)
		b.WriteString(": ")
		if secretHeaders[http.CanonicalHeaderKey(name)] {
			b.WriteString("<redacted>")
		} else {
			b.WriteString(strings.Join(h[name], ", "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (c *call) logRequest(req *http.Request) {
	if !c.cfg.LogMode.IsRequest() && !c.cfg.LogMode.IsRequestWithBody() {
		return
	}
	c.logger.Logf(logDebug, "Request\n%v", requestLog(req, c.logBody))
}

func (c *call) logResponse(resp *http.Response, body string, sensitive bool) {
	if !c.cfg.LogMode.IsResponse() && !c.cfg.LogMode.IsResponseWithBody() {
		return
	}
	c.logger.Logf(logDebug, "Response\n%v", responseLog(resp, body, c.cfg.LogMode.IsResponseWithBody(), sensitive))
}

// dumpResponse reads the body of resp for a log that shows it, as the
// official logging middleware reads it, with httputil.DumpResponse, and
// puts what it read back in its place. A body that cannot be read whole or
// closed, or whose length is not its Content-Length, fails the attempt
// there, before anything decodes it: the failure is logged as a warning
// and returned worded as the official middleware words it, retried as a
// body that broke off is (see bodyFailure and unpinnedWhenDone). The body
// is held to limit, as readBody holds it, and a longer one fails with
// *ResponseTooLargeError.
func dumpResponse(ctx context.Context, resp *http.Response, limit int64, op *operation, logger logging.Logger) error {
	if resp.ContentLength > limit {
		return &ResponseTooLargeError{Limit: limit, Length: resp.ContentLength}
	}
	body := resp.Body
	resp.Body = &limitedBody{ReadCloser: body, limit: limit}
	_, err := httputil.DumpResponse(resp, true)
	if _, kept := resp.Body.(*limitedBody); kept {
		// The body could not be read or closed; its bytes read are gone.
		resp.Body = body
	}
	if err == nil {
		return nil
	}
	if tooLarge := (*ResponseTooLargeError)(nil); errors.As(err, &tooLarge) {
		return tooLarge
	}
	logger.Logf(logging.Warn, "failed to dump response for logging: %v", err)
	return unpinnedWhenDone(ctx, &transportFailure{Err: fmt.Errorf("failed to dump response %w", err), Retryable: op.Idempotent})
}

// limitedBody is a response body that fails with *ResponseTooLargeError
// once more than limit bytes have been read from it.
type limitedBody struct {
	io.ReadCloser
	limit, read int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if b.read += int64(n); b.read > b.limit {
		return n, &ResponseTooLargeError{Limit: b.limit, Length: -1}
	}
	return n, err
}

// requestLog renders a request for a log, as the official clients log it
// after "Request\n", with secret headers redacted; body, when not nil, is
// the body already rendered without secrets.
func requestLog(req *http.Request, body []byte) string {
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	msg := req.Method + " " + req.URL.RequestURI() + " HTTP/1.1\nHost: " + host + "\n" + redactedHeaders(req.Header)
	if body != nil {
		msg += "\n" + string(body)
	}
	return msg
}

// responseLog renders a response for a log, as the official clients log
// it after "Response\n", with secret headers redacted and, when withBody,
// its body unless the output has sensitive members.
func responseLog(resp *http.Response, body string, withBody, sensitive bool) string {
	msg := statusLine(resp) + "\n" + redactedHeaders(resp.Header)
	if withBody {
		if sensitive {
			msg += "\n<body withheld: the output has sensitive members>"
		} else {
			msg += "\n" + body
		}
	}
	return msg
}

// statusLine is the first line of resp as net/http writes it
// (http.Response.Write), which the official response log shows: the
// protocol version, the three-digit code and the status text, from
// http.StatusText when resp has none.
func statusLine(resp *http.Response) string {
	code := strconv.Itoa(resp.StatusCode)
	text := strings.TrimPrefix(resp.Status, code+" ")
	switch {
	case resp.Status != "":
	case http.StatusText(resp.StatusCode) != "":
		text = http.StatusText(resp.StatusCode)
	default:
		text = "status code " + code
	}
	return fmt.Sprintf("HTTP/%d.%d %03d %s", resp.ProtoMajor, resp.ProtoMinor, resp.StatusCode, text)
}

// bytesToString returns a string sharing b's memory. The caller must never
// modify b afterwards.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
