package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

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

// TestDumpResponse checks how a response body is read for a log that shows
// it: a body read whole and closed is put back, byte for byte; one that
// breaks off, fails to close or is not as long as its Content-Length fails
// with the official wording, logged as a warning, and is retried only for
// an idempotent operation; one over the limit fails with
// *ResponseTooLargeError, unlogged.
func TestDumpResponse(t *testing.T) {
	const body = `{"a":"b"}`
	reset := errors.New("connection reset by peer")
	whole := func() io.ReadCloser { return io.NopCloser(strings.NewReader(body)) }
	cases := []struct {
		name    string
		body    func() io.ReadCloser
		length  int64
		wantErr string // "" for none
	}{
		{"whole", whole, int64(len(body)), ""},
		{"whole, length unknown", whole, -1, ""},
		{"broken", func() io.ReadCloser {
			return io.NopCloser(io.MultiReader(strings.NewReader(body), iotest.ErrReader(reset)))
		}, -1, "failed to dump response connection reset by peer"},
		{"Close fails", func() io.ReadCloser {
			return failingClose{strings.NewReader(body), errors.New("close failed")}
		}, -1, "failed to dump response close failed"},
		{"shorter than its length", whole, int64(len(body)) + 1, "failed to dump response http: ContentLength=10 with Body length 9"},
		{"longer than its length", whole, int64(len(body)) - 1, "failed to dump response http: ContentLength=8 with Body length 9"},
		{"over the limit", func() io.ReadCloser {
			return io.NopCloser(strings.NewReader(body + body))
		}, -1, "response body exceeds the limit of 16 bytes (Options.MaxResponseBytes)"},
		{"declared over the limit", whole, 18, "response body of 18 bytes exceeds the limit of 16 bytes (Options.MaxResponseBytes)"},
	}
	for _, c := range cases {
		for _, idempotent := range []bool{false, true} {
			var warnings []string
			logger := logging.LoggerFunc(func(classification logging.Classification, format string, v ...any) {
				warnings = append(warnings, fmt.Sprintf("[%s] "+format, append([]any{classification}, v...)...))
			})
			resp := &http.Response{StatusCode: 200, ProtoMajor: 1, ProtoMinor: 1, Header: http.Header{}, Body: c.body(), ContentLength: c.length}
			err := dumpResponse(context.Background(), resp, 16, &operation{Idempotent: idempotent}, logger)
			if c.wantErr == "" {
				got, readErr := io.ReadAll(resp.Body)
				if err != nil || readErr != nil || string(got) != body || resp.ContentLength != c.length || len(warnings) != 0 {
					t.Errorf("%s: error %v, body %q (%v), length %d, logged %q; want the body put back", c.name, err, got, readErr, resp.ContentLength, warnings)
				}
				continue
			}
			if err == nil || err.Error() != c.wantErr {
				t.Errorf("%s: error %v; want %q", c.name, err, c.wantErr)
				continue
			}
			if tooLarge := (*ResponseTooLargeError)(nil); errors.As(err, &tooLarge) {
				if len(warnings) != 0 {
					t.Errorf("%s: logged %q", c.name, warnings)
				}
				continue
			}
			var retryable interface{ RetryableError() bool }
			if !errors.As(err, &retryable) || retryable.RetryableError() != idempotent {
				t.Errorf("%s, idempotent %v: error %v is not retried as the operation is", c.name, idempotent, err)
			}
			want := "[WARN] failed to dump response for logging: " + strings.TrimPrefix(c.wantErr, "failed to dump response ")
			if len(warnings) != 1 || warnings[0] != want {
				t.Errorf("%s: logged %q; want %q", c.name, warnings, want)
			}
		}
	}
}
