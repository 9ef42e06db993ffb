package programs

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// answerSequence is a program's own HTTP client answering the n-th request
// with answers[n], the last one once they run out. Its responses carry a
// status code without status text, as a stub's often do.
type answerSequence struct {
	answers []answer
	n       int
}

func (s *answerSequence) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, err
		}
	}
	a := s.answers[min(s.n, len(s.answers)-1)]
	s.n++
	header := http.Header{}
	for k, v := range a.header {
		header.Set(k, v)
	}
	return &http.Response{StatusCode: a.status, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Header: header,
		Body: io.NopCloser(strings.NewReader(a.body)), ContentLength: int64(len(a.body)), Request: req}, nil
}

// logEntry renders one message a client logged: its classification, its
// format and the text. Of the request and response dumps, whose layout
// after the first line is this client's own (see the README), the first
// line is kept: the request line, or the status line. Of what the signer
// logs, which holds the time of signing and headers that differ by design,
// the first line is kept too.
func logEntry(classification logging.Classification, format string, v ...any) string {
	text := strings.ReplaceAll(fmt.Sprintf(format, v...), "\r", "")
	if dump, ok := strings.CutPrefix(text, "Request\n"); ok {
		text, _, _ = strings.Cut(dump, "\n")
	} else if dump, ok := strings.CutPrefix(text, "Response\n"); ok {
		text, _, _ = strings.Cut(dump, "\n")
	} else if strings.HasPrefix(text, "Request Signature:\n") {
		text, _, _ = strings.Cut(text, "\n")
	}
	return fmt.Sprintf("[%s] %q %s", classification, format, text)
}

// taggingLogger is a program's logging.ContextLogger: it writes each
// entry (see logEntry) after what the context it was given says of the
// call, the SDK's service, operation and region and smithy-go's service
// and operation, or "(no context)".
type taggingLogger struct {
	entries *[]string
	tags    string
}

func (l taggingLogger) Logf(classification logging.Classification, format string, v ...any) {
	tags := cmp.Or(l.tags, "(no context)")
	*l.entries = append(*l.entries, tags+" "+logEntry(classification, format, v...))
}

func (l taggingLogger) WithContext(ctx context.Context) logging.Logger {
	l.tags = fmt.Sprintf("(%s/%s in %s, smithy %s/%s)", awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx),
		awsmiddleware.GetRegion(ctx), middleware.GetServiceID(ctx), middleware.GetOperationName(ctx))
	return l
}

// TestLogs compares what each client writes to a program's Logger with
// every ClientLogMode that logs requests, responses and retries: the
// retry middleware's messages (a retry, an unretryable error, attempts
// running out, an invalid x-amz-retry-after), the warning a Date header
// that does not parse gets at any log mode, and the first line of each
// request and response dump, with the status text net/http writes for a
// response that has none, and the signer's message, each with what its
// context says of the call (the Logger is a logging.ContextLogger). Each
// case runs on both paths.
func TestLogs(t *testing.T) {
	noDelay := func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		})
	}
	all := aws.LogRequestWithBody | aws.LogResponseWithBody | aws.LogRetries
	for _, s := range services {
		unavailable := s.modelled
		unavailable.status = http.StatusServiceUnavailable
		cases := []struct {
			name    string
			answers []answer
			mode    aws.ClientLogMode
		}{
			{"success", []answer{s.ok}, all},
			{"modelled error", []answer{s.modelled}, all},
			{"retried", []answer{{status: 500, body: "oops"}, s.ok}, all},
			{"attempts run out", []answer{unavailable}, all},
			{"invalid x-amz-retry-after", []answer{withHeader(unavailable, "X-Amz-Retry-After", "soon"), s.ok}, all},
			{"Date that does not parse", []answer{withHeader(s.ok, "Date", "yesterday")}, all},
			{"Date that does not parse, no log mode", []answer{withHeader(s.modelled, "Date", "Mon, 32 Jan 2006")}, 0},
			{"request and response without bodies", []answer{s.modelled}, aws.LogRequest | aws.LogResponse},
			{"signing", []answer{s.ok}, aws.LogSigning},
		}
		for _, c := range cases {
			for _, stack := range []bool{false, true} {
				logs := func(call func(context.Context, aws.Config) error) string {
					var entries []string
					cfg := aws.Config{Region: "us-west-2", HTTPClient: &answerSequence{answers: c.answers}, Retryer: noDelay,
						APIOptions: onStack(stack), ClientLogMode: c.mode,
						Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
						Logger:      taggingLogger{entries: &entries}}
					if err := call(context.Background(), cfg); err != nil && strings.Contains(c.name, "success") {
						t.Fatalf("%s: %v", s.name, err)
					}
					return strings.Join(entries, "\n")
				}
				ours, official := logs(s.callOurs), logs(s.callOfficial)
				if ours != official {
					t.Errorf("%s, %s, middleware stack %v: logs differ\nours:\n%s\nofficial:\n%s", s.name, c.name, stack, ours, official)
				}
				if ours == "" {
					t.Errorf("%s, %s: nothing was logged", s.name, c.name)
				}
			}
		}
	}
}

// withHeader returns a with the header name set to value.
func withHeader(a answer, name, value string) answer {
	header := map[string]string{name: value}
	for k, v := range a.header {
		if !strings.EqualFold(k, name) {
			header[k] = v
		}
	}
	a.header = header
	return a
}
