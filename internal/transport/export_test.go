package transport

import "sync"

// RereadReadTimeoutVariable makes the next client built read
// AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026 again, as a new process would; the
// function it returns puts the reading before it back.
func RereadReadTimeoutVariable() (restore func()) {
	was := readTimeoutOptedIn
	readTimeoutOptedIn = sync.OnceValue(readTimeoutVariableSet)
	return func() { readTimeoutOptedIn = was }
}
