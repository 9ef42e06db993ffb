package transport

import (
	"os"
	"testing"
)

// TestLambdaTraceID reads the trace ID as the official RecursionDetection
// middleware does: only inside Lambda with a trace ID set (an empty one
// too), percent-encoded but for letters, digits and - = ; : + & [ ] { } " ' ,.
func TestLambdaTraceID(t *testing.T) {
	for _, c := range []struct {
		name   string
		env    map[string]string
		want   string
		inside bool
	}{
		{"outside Lambda", map[string]string{"_X_AMZN_TRACE_ID": "Root=1-a"}, "", false},
		{"no trace ID", map[string]string{"AWS_LAMBDA_FUNCTION_NAME": "f"}, "", false},
		{"kept as it is", map[string]string{"AWS_LAMBDA_FUNCTION_NAME": "f", "_X_AMZN_TRACE_ID": `Root=1-a;b:c+d&e[f]{g}"h'i,j-k`},
			`Root=1-a;b:c+d&e[f]{g}"h'i,j-k`, true},
		{"encoded", map[string]string{"AWS_LAMBDA_FUNCTION_NAME": "f", "_X_AMZN_TRACE_ID": "a b/é\n%"},
			"a%20b%2F%C3%A9%0A%25", true},
		{"set but empty", map[string]string{"AWS_LAMBDA_FUNCTION_NAME": "", "_X_AMZN_TRACE_ID": ""}, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("AWS_LAMBDA_FUNCTION_NAME", "")
			t.Setenv("_X_AMZN_TRACE_ID", "")
			for _, name := range []string{"AWS_LAMBDA_FUNCTION_NAME", "_X_AMZN_TRACE_ID"} {
				if value, ok := c.env[name]; ok {
					t.Setenv(name, value)
				} else {
					unsetenv(t, name)
				}
			}
			if got, inside := lambdaTraceID(); got != c.want || inside != c.inside {
				t.Errorf("lambdaTraceID() = %q, %v, want %q, %v", got, inside, c.want, c.inside)
			}
		})
	}
}

// unsetenv removes name from the environment for the rest of the test
// (t.Setenv first records the value to restore).
func unsetenv(t *testing.T, name string) {
	t.Helper()
	t.Setenv(name, "")
	if err := os.Unsetenv(name); err != nil {
		t.Fatal(err)
	}
}
