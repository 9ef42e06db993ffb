package transport

import "os"

// lambdaTraceID returns the X-Amzn-Trace-Id value a call made inside AWS
// Lambda carries, as the official RecursionDetection middleware sets it:
// the _X_AMZN_TRACE_ID of the invocation, percent-encoded, when
// AWS_LAMBDA_FUNCTION_NAME is set too (even empty); ok is false elsewhere.
// It is read on every call, as Lambda changes the trace ID with each
// invocation.
func lambdaTraceID() (value string, ok bool) {
	if _, inLambda := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"); !inLambda {
		return "", false
	}
	traceID, ok := os.LookupEnv("_X_AMZN_TRACE_ID")
	if !ok {
		return "", false
	}
	return traceHeaderEncode(traceID), true
}

// traceHeaderEncode percent-encodes every byte of s but letters, digits
// and - = ; : + & [ ] { } " ' , as the official middleware does.
func traceHeaderEncode(s string) string {
	const upperhex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if traceEncoded(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; traceEncoded(c) {
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

func traceEncoded(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return false
	}
	switch c {
	case '-', '=', ';', ':', '+', '&', '[', ']', '{', '}', '"', '\'', ',':
		return false
	}
	return true
}
