package redact_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/smithy-go/logging"

	"github.com/awssnap/awssnap/internal/redact"
)

// formatLogger keeps the format it is given and the text it renders.
type formatLogger struct{ format, text string }

func (l *formatLogger) Logf(_ logging.Classification, format string, v ...any) {
	l.format, l.text = format, fmt.Sprintf(format, v...)
}

// TestLogf checks that a message goes on with its own format and scrubbed
// arguments when that gives the scrubbed text, and as one scrubbed string
// when it does not.
func TestLogf(t *testing.T) {
	t.Parallel()
	scrub := func(s string) string { return strings.ReplaceAll(s, "TOKEN", "<redacted>") }
	const format = "Request Signature:\n%s\n%s%s\n"
	for _, c := range []struct {
		name       string
		format     string
		args       []any
		wantFormat string
		wantText   string
	}{
		{"nothing to scrub", format, []any{"host:h", "sts", ""}, format, "Request Signature:\nhost:h\nsts\n"},
		{"a secret in arguments", format, []any{"x-amz-security-token:TOKEN\nhost:h", "TOKEN", ""}, format,
			"Request Signature:\nx-amz-security-token:<redacted>\nhost:h\n<redacted>\n"},
		{"a secret split across arguments", "%s%s", []any{"a TO", "KEN b"}, "%s", "a <redacted> b"},
		{"a secret in the format", "TOKEN %s", []any{"a"}, "%s", "<redacted> a"},
		{"a secret in an argument that is not a string", "%v", []any{fmt.Errorf("TOKEN")}, "%s", "<redacted>"},
		{"no arguments", "plain", nil, "plain", "plain"},
	} {
		logger := &formatLogger{}
		redact.Logf(logger, logging.Debug, scrub, c.format, c.args...)
		if logger.format != c.wantFormat || logger.text != c.wantText {
			t.Errorf("%s: logged %q as %q, want %q as %q", c.name, logger.text, logger.format, c.wantText, c.wantFormat)
		}
	}
}
