package transport

import (
	"net/http"
	"sort"
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
	c.logger.Logf(logDebug, "%s", requestLog(req, c.logBody))
}

func (c *call) logResponse(resp *http.Response, body string, sensitive bool) {
	if !c.cfg.LogMode.IsResponse() && !c.cfg.LogMode.IsResponseWithBody() {
		return
	}
	c.logger.Logf(logDebug, "%s", responseLog(resp, body, c.cfg.LogMode.IsResponseWithBody(), sensitive))
}

// requestLog renders a request for a log, with secret headers redacted;
// body, when not nil, is the body already rendered without secrets.
func requestLog(req *http.Request, body []byte) string {
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	msg := "Request\n" + req.Method + " " + req.URL.RequestURI() + " HTTP/1.1\nHost: " + host + "\n" + redactedHeaders(req.Header)
	if body != nil {
		msg += "\n" + string(body)
	}
	return msg
}

// responseLog renders a response for a log, with secret headers redacted
// and, when withBody, its body unless the output has sensitive members.
func responseLog(resp *http.Response, body string, withBody, sensitive bool) string {
	msg := "Response\n" + resp.Proto + " " + resp.Status + "\n" + redactedHeaders(resp.Header)
	if withBody {
		if sensitive {
			msg += "\n<body withheld: the output has sensitive members>"
		} else {
			msg += "\n" + body
		}
	}
	return msg
}

// bytesToString returns a string sharing b's memory. The caller must never
// modify b afterwards.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
