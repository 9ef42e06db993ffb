package transport

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// TestReadTimeout checks that a response whose body stops arriving fails
// with the official *awshttp.ResponseTimeoutError once the read timeout
// passes without data.
func TestReadTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "{")
		w.(http.Flusher).Flush()
		<-release
	}))
	defer srv.Close()
	defer close(release)
	client := DefaultHTTPClient()
	installReadTimeout(client.Transport.(*http.Transport), 50*time.Millisecond)
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	var timeout *awshttp.ResponseTimeoutError
	if !errors.As(err, &timeout) || timeout.TimeoutDur != 50*time.Millisecond {
		t.Errorf("error %v, want a ResponseTimeoutError", err)
	}
}
