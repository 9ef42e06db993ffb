package transport

import (
	"net/http"
	"testing"
)

// TestHeaderValue checks headerValue against http.Header.Get for the
// canonical keys it is given: present, absent, empty and repeated.
func TestHeaderValue(t *testing.T) {
	h := http.Header{"Date": {"Mon, 02 Jan 2006 15:04:05 GMT"}, "Age": {}, "X-Amzn-Requestid": {"a", "b"}}
	for _, key := range []string{"Date", "Age", "X-Amzn-Requestid", "X-Amz-Requestid"} {
		if got, want := headerValue(h, key), h.Get(key); got != want {
			t.Errorf("headerValue(%q) = %q, Get gives %q", key, got, want)
		}
	}
}
