package transport

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// TestStatusLine checks the first line of a response log against what
// http.Response.Write writes, which the official clients log: with the
// response's status text, or net/http's for its code, or none known.
func TestStatusLine(t *testing.T) {
	cases := []struct {
		resp http.Response
		want string
	}{
		{http.Response{StatusCode: 200, Status: "200 OK", ProtoMajor: 1, ProtoMinor: 1}, "HTTP/1.1 200 OK"},
		{http.Response{StatusCode: 200, ProtoMajor: 1, ProtoMinor: 1}, "HTTP/1.1 200 OK"},
		{http.Response{StatusCode: 503, Status: "503 Slow Down", ProtoMajor: 2}, "HTTP/2.0 503 Slow Down"},
		{http.Response{StatusCode: 599, Status: "oops", ProtoMajor: 1, ProtoMinor: 1}, "HTTP/1.1 599 oops"},
		{http.Response{StatusCode: 599}, "HTTP/0.0 599 status code 599"},
		{http.Response{StatusCode: 99}, "HTTP/0.0 099 status code 99"},
	}
	for _, c := range cases {
		var b strings.Builder
		c.resp.Body = http.NoBody
		if err := c.resp.Write(&b); err != nil {
			t.Fatal(err)
		}
		written, _, _ := strings.Cut(b.String(), "\r\n")
		if got := statusLine(&c.resp); got != c.want || got != written {
			t.Errorf("statusLine(%d, %q) = %q, want %q (net/http writes %q)", c.resp.StatusCode, c.resp.Status, got, c.want, written)
		}
	}
}

// TestRetryLogs checks, on both paths, the messages of the official retry
// middleware with aws.LogRetries (a retry, an invalid x-amz-retry-after,
// attempts running out, an unretryable error) and the warning a Date
// header that does not parse gets with no log mode.
func TestRetryLogs(t *testing.T) {
	unavailable := answer(503, map[string]string{"X-Amz-Retry-After": "soon"}, `{"__type":"ServiceUnavailable"}`)
	refused := answer(400, map[string]string{"Date": "yesterday"}, `{"__type":"Refused","message":"no"}`)
	cases := []struct {
		name    string
		answers []func(http.ResponseWriter)
		mode    aws.ClientLogMode
		want    []string
	}{
		{"attempts run out", []func(http.ResponseWriter){unavailable}, aws.LogRetries, []string{
			`DEBUG ignoring invalid x-amz-retry-after header value "soon"`,
			`DEBUG retrying request Test Service/DoThing, attempt 2`,
			`DEBUG ignoring invalid x-amz-retry-after header value "soon"`,
			`DEBUG retrying request Test Service/DoThing, attempt 3`,
			`DEBUG max retry attempts exhausted, max 3`,
		}},
		{"unretryable error", []func(http.ResponseWriter){refused}, aws.LogRetries, []string{
			`WARN failed to parse response Date header value, got unable to parse time string`,
			`DEBUG request failed with unretryable error https response error StatusCode: 400, RequestID: , api error Refused: no`,
		}},
		{"no log mode", []func(http.ResponseWriter){refused}, 0, []string{
			`WARN failed to parse response Date header value, got unable to parse time string`,
		}},
	}
	for _, c := range cases {
		for _, apiOptions := range [][]func(*middleware.Stack) error{nil, {noop}} {
			cfg, _ := newTestConfig(t, c.answers...)
			var got []string
			cfg.Logger = logging.LoggerFunc(func(classification logging.Classification, format string, v ...any) {
				got = append(got, fmt.Sprintf("%s %s", classification, fmt.Sprintf(format, v...)))
			})
			cfg.LogMode = c.mode
			cfg.APIOptions = apiOptions
			if _, _, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")}); err == nil {
				t.Fatalf("%s: the call succeeded", c.name)
			}
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.HasPrefix(got[i], c.want[i])
			}
			if !ok {
				t.Errorf("%s, stack %t: logged\n%s\nwant\n%s", c.name, apiOptions != nil, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		}
	}
}
