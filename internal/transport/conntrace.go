package transport

import (
	"context"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// connTrace records whether net/http obtained a connection for a request.
// Until it has one, nothing of the request has been written: a failure to
// dial, to complete the TLS handshake or to be let through a proxy's
// CONNECT cannot have reached the service, and the request may be sent
// again, a create included.
type connTrace struct {
	trace     httptrace.ClientTrace
	connected atomic.Bool
}

func newConnTrace() *connTrace {
	t := &connTrace{}
	t.trace.GotConn = t.gotConn
	return t
}

func (t *connTrace) gotConn(httptrace.GotConnInfo) { t.connected.Store(true) }

// attach returns ctx with t tracing the next request made with it, and t
// reset for it. A ClientTrace already in ctx (the program's own, or the
// HTTP metrics' of the attempt) is kept: httptrace.WithClientTrace joins
// its hooks into the trace it is given, so that trace must be one that no
// earlier attempt's hooks were joined into. t's own is used while nothing
// was; otherwise a new one is made for the attempt, so that every hook
// runs once per event, whatever the number of attempts.
func (t *connTrace) attach(ctx context.Context) context.Context {
	t.connected.Store(false)
	if httptrace.ContextClientTrace(ctx) == nil {
		return httptrace.WithClientTrace(ctx, &t.trace)
	}
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: t.gotConn})
}

// neverConnected reports whether the request t traced failed before
// net/http had a connection for it.
func (t *connTrace) neverConnected() bool { return t != nil && !t.connected.Load() }

// tracesConnections reports whether client sends through net/http's
// Transport, which reports the connection it obtains for a request to the
// request's httptrace.ClientTrace. Another client may never report one, so
// its failures are taken to have possibly reached the service.
func tracesConnections(client HTTPClient) bool {
	switch c := client.(type) {
	case *http.Client:
		if c.Transport == nil {
			_, ok := http.DefaultTransport.(*http.Transport)
			return ok
		}
		_, ok := c.Transport.(*http.Transport)
		return ok
	case *awshttp.BuildableClient:
		return true // it sends through its own *http.Transport
	}
	return false
}
