package redact

import (
	"fmt"
	"slices"

	"github.com/aws/smithy-go/logging"
)

// Logf hands logger a message whose secrets scrub removes. The logger is
// given the caller's format with each string argument scrubbed when that
// renders the same text as scrubbing the whole message, so a logger that
// keys on the format sees the caller's; else (a secret split across
// arguments, or in the format, or in an argument that is not a string) it
// is given the scrubbed message as one string. Either way no secret that
// scrub removes reaches it.
func Logf(logger logging.Logger, classification logging.Classification, scrub func(string) string, format string, v ...any) {
	message := scrub(fmt.Sprintf(format, v...))
	args, cloned := v, false
	for i, arg := range v {
		if text, ok := arg.(string); ok {
			if scrubbed := scrub(text); scrubbed != text {
				if !cloned {
					args, cloned = slices.Clone(v), true
				}
				args[i] = scrubbed
			}
		}
	}
	if fmt.Sprintf(format, args...) != message {
		format, args = "%s", []any{message}
	}
	logger.Logf(classification, format, args...)
}
