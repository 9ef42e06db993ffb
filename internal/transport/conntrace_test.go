package transport

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// otherTransport is a RoundTripper other than net/http's Transport.
type otherTransport struct{}

func (otherTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, net.ErrClosed }

// doer is an HTTP client of a program's own.
type doer struct{}

func (doer) Do(*http.Request) (*http.Response, error) { return nil, net.ErrClosed }

func TestTracesConnections(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		client HTTPClient
		want   bool
	}{
		{"*http.Client with the default transport", &http.Client{}, true},
		{"*http.Client with a *http.Transport", &http.Client{Transport: &http.Transport{}}, true},
		{"the default HTTP client", DefaultHTTPClient(), true},
		{"*awshttp.BuildableClient", awshttp.NewBuildableClient(), true},
		{"*http.Client with another transport", &http.Client{Transport: otherTransport{}}, false},
		{"a program's own client", doer{}, false},
	} {
		if got := tracesConnections(c.client); got != c.want {
			t.Errorf("%s: %t, want %t", c.name, got, c.want)
		}
	}
}

// TestConnTrace sends requests that fail before and after net/http has a
// connection for them, and checks what the trace reports of each.
func TestConnTrace(t *testing.T) {
	t.Parallel()
	listen := func(serve func(net.Conn)) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = ln.Close() })
		go func() {
			for {
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				serve(conn)
				_ = conn.Close()
			}
		}()
		return ln.Addr().String()
	}
	closeAtOnce := listen(func(net.Conn) {})
	closeAfterRequest := listen(func(conn net.Conn) {
		_, _ = http.ReadRequest(bufio.NewReader(conn))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := ln.Addr().String()
	_ = ln.Close()
	for _, c := range []struct {
		name, url string
		never     bool
	}{
		{"TLS handshake cut short", "https://" + closeAtOnce, true},
		{"connection closed after the request", "http://" + closeAfterRequest, false},
		{"nothing listening", "http://" + refused + "/", true},
	} {
		trace := newConnTrace()
		req, err := http.NewRequestWithContext(trace.attach(context.Background()), "POST", c.url, strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		client := &http.Client{Transport: &http.Transport{}}
		if _, err := client.Do(req); err == nil {
			t.Fatalf("%s: the request succeeded", c.name)
		}
		if got := trace.neverConnected(); got != c.never {
			t.Errorf("%s: neverConnected %t, want %t", c.name, got, c.never)
		}
	}
	var none *connTrace
	if none.neverConnected() {
		t.Error("a call without a trace reports that it never connected")
	}
}

// TestConnTraceKeepsTheContextsTrace attaches one connTrace for three
// attempts to a context that holds a ClientTrace already, and checks that
// each attempt's request runs that trace's hook once, and still tells the
// connTrace of its connection.
func TestConnTraceKeepsTheContextsTrace(t *testing.T) {
	t.Parallel()
	var calls int
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { calls++ },
	})
	trace := newConnTrace()
	for attempt := 1; attempt <= 3; attempt++ {
		calls = 0
		attached := trace.attach(ctx)
		if !trace.neverConnected() {
			t.Fatalf("attempt %d: a connection before the request", attempt)
		}
		httptrace.ContextClientTrace(attached).GotConn(httptrace.GotConnInfo{})
		if calls != 1 {
			t.Errorf("attempt %d: the context's GotConn ran %d times, want once", attempt, calls)
		}
		if trace.neverConnected() {
			t.Errorf("attempt %d: the connection was not recorded", attempt)
		}
	}
}
