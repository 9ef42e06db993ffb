package transport

import (
	"regexp"
	"testing"
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
