package transport

import (
	"context"
	"strings"

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
