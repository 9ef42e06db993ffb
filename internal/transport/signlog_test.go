package transport

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
)

// tokenLineRegexp is what redactTokenLines does, as a regular expression.
var tokenLineRegexp = regexp.MustCompile(`(?im)^(x-amz-security-token:).*$`)

var tokenLineCases = []string{
	"",
	"x-amz-security-token:abc",
	"host:example.com\nx-amz-security-token:abc\nx-amz-date:20260101T000000Z",
	"X-Amz-Security-Token: abc def\r\nnext",
	"x-amz-\u017fecurity-to\u212aen:abc", // long s and the Kelvin sign fold to s and k
	"x-amz-security-token",
	"x-amz-security-token:",
	" x-amz-security-token:abc",
	"a\nx-amz-security-token:1\nx-amz-security-token:2\n",
	"x-amz-security-token:\xff\xfe",
	"\xffx-amz-security-token:abc",
	"x-amz-security-tokem:abc",
}

func TestRedactTokenLinesMatchesRegexp(t *testing.T) {
	t.Parallel()
	for _, msg := range tokenLineCases {
		checkRedactTokenLines(t, msg)
	}
}

func FuzzRedactTokenLinesMatchesRegexp(f *testing.F) {
	for _, msg := range tokenLineCases {
		f.Add(msg)
	}
	f.Fuzz(checkRedactTokenLines)
}

func checkRedactTokenLines(t *testing.T, msg string) {
	if got, want := redactTokenLines(msg), tokenLineRegexp.ReplaceAllString(msg, "${1}<redacted>"); got != want {
		t.Errorf("redactTokenLines(%q) = %q, want %q", msg, got, want)
	}
}

// signerFunc is a Signer made of a function.
type signerFunc func(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string,
	signingTime time.Time, optFns ...func(*v4.SignerOptions)) error

func (f signerFunc) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string,
	signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	return f(ctx, creds, r, payloadHash, service, region, signingTime, optFns...)
}

// logLines collects what a logger is given.
type logLines struct{ lines []string }

func (l *logLines) Logf(_ logging.Classification, format string, v ...any) {
	l.lines = append(l.lines, fmt.Sprintf(format, v...))
}

// TestOwnSignerGetsLoggingOptions checks that a signer of the program's own
// is given the client's logging options, whatever it was made with, as the
// official clients' SigV4 adapter gives them, and that its log keeps the
// session token out.
func TestOwnSignerGetsLoggingOptions(t *testing.T) {
	t.Parallel()
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN-VALUE-123"}
	newRequest := func() *http.Request {
		req, _ := http.NewRequest("POST", "https://example.com/", nil)
		return req
	}
	for _, mode := range []aws.ClientLogMode{0, aws.LogSigning} {
		var got v4.SignerOptions
		recorder := signerFunc(func(_ context.Context, _ aws.Credentials, _ *http.Request, _, _, _ string, _ time.Time,
			optFns ...func(*v4.SignerOptions)) error {
			got = v4.SignerOptions{LogSigning: !mode.IsSigning(), DisableURIPathEscaping: true}
			for _, fn := range optFns {
				fn(&got)
			}
			return nil
		})
		cfg := &Config{Signer: recorder, Logger: &logLines{}, LogMode: mode}
		if err := sign(context.Background(), cfg, creds, newRequest(), "hash", "svc", "us-east-1", time.Now()); err != nil {
			t.Fatal(err)
		}
		if got.LogSigning != mode.IsSigning() || got.DisableURIPathEscaping || got.Logger == nil {
			t.Errorf("mode %v: the signer was given %+v", mode, got)
		}
	}
	logs := &logLines{}
	cfg := &Config{Signer: v4.NewSigner(), Logger: logs, LogMode: aws.LogSigning}
	if err := sign(context.Background(), cfg, creds, newRequest(), strings.Repeat("0", 64), "svc", "us-east-1", time.Now()); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(logs.lines, "\n")
	if !strings.Contains(all, "CANONICAL STRING") || strings.Contains(all, creds.SessionToken) || strings.Contains(all, creds.SecretAccessKey) {
		t.Errorf("the official signer's log through the client:\n%s", all)
	}
}
