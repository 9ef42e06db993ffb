package transport

import (
	"context"
	"crypto/fips140"
	"crypto/tls"
	"errors"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/tracing"
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

// recordingSpan is a tracing.Span that keeps the properties set on it.
type recordingSpan struct {
	tracing.Span
	properties map[any]any
}

func (s *recordingSpan) SetProperty(k, v any) { s.properties[k] = v }

// TestDefaultTransport checks the official transport's settings in the
// default HTTP client: its limits and timeouts but the idle connections
// kept per host, TLS 1.2 at least, Go's curves outside FIPS 140-3 mode,
// and a dialer that records the peer on the span of the dial's context,
// under every defaults mode's connect timeout too.
func TestDefaultTransport(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	official := awshttp.NewBuildableClient().GetTransport()
	limits := func(tr *http.Transport) []any {
		return []any{tr.MaxIdleConns, tr.MaxConnsPerHost, tr.IdleConnTimeout, tr.TLSHandshakeTimeout,
			tr.ExpectContinueTimeout, tr.ForceAttemptHTTP2, tr.Proxy != nil}
	}
	if got, want := limits(DefaultHTTPClient().Transport.(*http.Transport)), limits(official); !slices.Equal(got, want) {
		t.Errorf("limits and timeouts %v, want the official %v", got, want)
	}
	for _, mode := range []aws.DefaultsMode{aws.DefaultsModeLegacy, aws.DefaultsModeStandard, aws.DefaultsModeInRegion} {
		client := ResolveHTTPClient(nil, mode, "DataZone", false).(*http.Client)
		transport := client.Transport.(*http.Transport)
		if tlsConfig := transport.TLSClientConfig; tlsConfig == nil || tlsConfig.MinVersion != tls.VersionTLS12 ||
			(tlsConfig.CurvePreferences != nil) != fips140.Enabled() {
			t.Fatalf("%s: TLS config %+v", mode, tlsConfig)
		}
		span := &recordingSpan{properties: map[any]any{}}
		conn, err := transport.DialContext(tracing.WithSpan(context.Background(), span), "tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.Close()
		host, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
		want := map[any]any{"net.peer.name": srv.Listener.Addr().String(), "net.peer.host": host, "net.peer.port": port}
		if !maps.Equal(span.properties, want) {
			t.Errorf("%s: span properties %v, want %v", mode, span.properties, want)
		}
	}
}
