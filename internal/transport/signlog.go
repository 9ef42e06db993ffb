package transport

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aws/smithy-go/logging"
)

// sessionTokenKey is the context key of the session token a request is
// being signed with, set only while the signer logs what it signs.
type sessionTokenKey struct{}

// withSessionToken returns ctx carrying token for redactingLogger.
func withSessionToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, sessionTokenKey{}, token)
}

// WithContext returns the logger for one signing: it removes the session
// token the request is signed with wherever it appears, whatever the token
// holds (a newline included), and hands ctx on to the next logger.
func (l redactingLogger) WithContext(ctx context.Context) logging.Logger {
	token, _ := ctx.Value(sessionTokenKey{}).(string)
	return redactingLogger{next: logging.WithContext(ctx, l.next), token: token}
}

// redactToken replaces token in msg, as given and as the signer writes it
// in the canonical request (runs of spaces folded, surrounding white space
// trimmed).
func redactToken(msg, token string) string {
	if token == "" {
		return msg
	}
	const placeholder = "<redacted>"
	msg = strings.ReplaceAll(msg, token, placeholder)
	if signed := canonicalValue(token); signed != "" {
		msg = strings.ReplaceAll(msg, signed, placeholder)
	}
	return msg
}

// canonicalValue returns a header value as SigV4 writes it in a canonical
// request: runs of spaces folded into one, surrounding white space
// trimmed.
func canonicalValue(v string) string {
	for strings.Contains(v, "  ") {
		v = strings.ReplaceAll(v, "  ", " ")
	}
	return strings.TrimSpace(v)
}

// tokenHeader begins the line of a canonical request that holds the
// session token.
const tokenHeader = "x-amz-security-token:"

// redactTokenLines replaces the rest of every line that begins with
// tokenHeader, in any case (as Unicode simple case folding matches it),
// with a placeholder. A line ends at a newline.
func redactTokenLines(msg string) string {
	if strings.IndexByte(msg, ':') < 0 {
		return msg
	}
	var out strings.Builder
	done := 0 // msg[:done] is in out
	for start := 0; start < len(msg); {
		end := strings.IndexByte(msg[start:], '\n')
		if end < 0 {
			end = len(msg)
		} else {
			end += start
		}
		if n, ok := foldedPrefix(msg[start:end], tokenHeader); ok {
			out.WriteString(msg[done : start+n])
			out.WriteString("<redacted>")
			done = end
		}
		start = end + 1
	}
	if done == 0 {
		return msg
	}
	out.WriteString(msg[done:])
	return out.String()
}

// foldedPrefix reports whether line begins with prefix under Unicode
// simple case folding, and the length in bytes of that beginning.
func foldedPrefix(line, prefix string) (int, bool) {
	n := 0
	for _, want := range prefix {
		got, size := utf8.DecodeRuneInString(line[n:])
		if size == 0 || !sameFold(got, want) || (got == utf8.RuneError && size == 1) {
			return 0, false
		}
		n += size
	}
	return n, true
}

// sameFold reports whether a and b are the same rune under simple case
// folding (k, K and the Kelvin sign are).
func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
