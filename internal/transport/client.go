package transport

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/defaults"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/tracing"
)

// This file holds what a service's New and NewFromConfig use to give a
// client's options the official clients' defaults. Each function takes and
// returns plain values, so a service's client code reads as a list of the
// steps the official clients take, in their order.

// ResolveDefaultsMode returns the defaults mode a client is built with:
// mode as written (any case), with "auto" resolved from the region and
// the runtime environment as the official clients resolve it. An empty or
// unknown mode is the legacy mode, which changes nothing.
func ResolveDefaultsMode(mode aws.DefaultsMode, region string, env aws.RuntimeEnvironment) aws.DefaultsMode {
	var resolved aws.DefaultsMode
	resolved.SetFromString(string(mode))
	if resolved == aws.DefaultsModeAuto {
		resolved = defaults.ResolveDefaultsModeAuto(region, env)
	}
	return resolved
}

// ResolveRetryer returns the retry mode and the retryer of a client whose
// options set none: the mode the defaults mode gives when the options
// leave it empty (standard otherwise), and the official retryer of that
// mode limited to maxAttempts when it is not zero.
func ResolveRetryer(mode aws.RetryMode, maxAttempts int, defaultsMode aws.DefaultsMode) (aws.RetryMode, aws.Retryer) {
	if mode == "" {
		if config, err := defaults.GetModeConfiguration(defaultsMode); err == nil {
			mode = config.RetryMode
		}
	}
	if mode == "" {
		mode = aws.RetryModeStandard
	}
	return mode, DefaultRetryer(mode, maxAttempts)
}

// ResolveHTTPClient returns the HTTP client of a client whose options set
// client: a new DefaultHTTPClient when it is nil, and, as in the official
// clients, the connect and TLS handshake timeouts of the defaults mode on
// that client or on an *awshttp.BuildableClient the options carry. For a
// service whose newest official client applies a read timeout (readTimeout),
// the timeout ServiceReadTimeout gives is set on either of them too. Any
// other client is used as it is.
func ResolveHTTPClient(client HTTPClient, defaultsMode aws.DefaultsMode, serviceID string, readTimeout bool) HTTPClient {
	config, modeErr := defaults.GetModeConfiguration(defaultsMode)
	timeout, hasTimeout := time.Duration(0), false
	if readTimeout {
		timeout, hasTimeout = ServiceReadTimeout(serviceID)
	}
	switch c := client.(type) {
	case nil:
		client := DefaultHTTPClient()
		transport := client.Transport.(*http.Transport)
		if modeErr == nil {
			applyModeTimeouts(transport, config)
		}
		if hasTimeout {
			installReadTimeout(transport, timeout)
		}
		return client
	case *awshttp.BuildableClient:
		if modeErr == nil {
			c = c.WithDialerOptions(func(dialer *net.Dialer) {
				if timeout, ok := config.GetConnectTimeout(); ok {
					dialer.Timeout = timeout
				}
			})
			c = c.WithTransportOptions(func(transport *http.Transport) {
				if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
					transport.TLSHandshakeTimeout = timeout
				}
			})
		}
		if _, set := c.GetReadTimeout(); !set && hasTimeout {
			c = c.WithReadTimeout(timeout)
		}
		return c
	}
	return client
}

// readTimeoutVariable opts in to the read timeout of the official clients
// that apply one.
const readTimeoutVariable = "AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026"

// readTimeoutOptedIn reports whether the program opted in to the read
// timeout. The variable is read once, when the first client that applies
// one is built, as the official clients read it once per process.
var readTimeoutOptedIn = sync.OnceValue(readTimeoutVariableSet)

func readTimeoutVariableSet() bool { return os.Getenv(readTimeoutVariable) == "true" }

// ServiceReadTimeout returns the read timeout the official clients apply
// to a service's connections when AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026 was
// "true" as the first client was built: 15 minutes for DataZone and Neptune
// Graph, whose operations may hold a connection open, 5 minutes for the
// others.
func ServiceReadTimeout(serviceID string) (time.Duration, bool) {
	if !readTimeoutOptedIn() {
		return 0, false
	}
	switch serviceID {
	case "DataZone", "Neptune Graph":
		return 15 * time.Minute, true
	}
	return 5 * time.Minute, true
}

// installReadTimeout makes every read on the transport's connections fail
// with an *awshttp.ResponseTimeoutError after timeout without data, as the
// official buildable client does.
func installReadTimeout(transport *http.Transport, timeout time.Duration) {
	dial := transport.DialContext
	if dial == nil {
		dial = (&net.Dialer{Timeout: awshttp.DefaultDialConnectTimeout, KeepAlive: awshttp.DefaultDialKeepAliveTimeout}).DialContext
	}
	transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &deadlineConn{Conn: conn, timeout: timeout}, nil
	}
}

// deadlineConn is a connection whose reads time out.
type deadlineConn struct {
	net.Conn
	timeout time.Duration
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	if err := c.Conn.SetReadDeadline(time.Now().Add(c.timeout)); err != nil {
		return 0, err
	}
	n, err := c.Conn.Read(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return n, &awshttp.ResponseTimeoutError{TimeoutDur: c.timeout}
	}
	return n, err
}

// applyModeTimeouts sets the connect and TLS handshake timeouts of a
// defaults mode on transport.
func applyModeTimeouts(transport *http.Transport, config defaults.Configuration) {
	if timeout, ok := config.GetConnectTimeout(); ok {
		transport.DialContext = tracedDial(timeout)
	}
	if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
		transport.TLSHandshakeTimeout = timeout
	}
}

// IsAnonymous reports whether credentials are aws.AnonymousCredentials
// (possibly inside a cache), which a client built with them replaces with
// nil: its calls are sent unsigned.
func IsAnonymous(credentials aws.CredentialsProvider) bool {
	return aws.IsCredentialsProvider(credentials, (*aws.AnonymousCredentials)(nil))
}

// FinalizeRetryMaxAttempts returns the retryer of a call whose options set
// maxAttempts, where the client's options set clientMaxAttempts: retryer
// limited to maxAttempts when it differs and is not zero, as in the
// official clients.
func FinalizeRetryMaxAttempts(retryer aws.Retryer, maxAttempts, clientMaxAttempts int) aws.Retryer {
	if maxAttempts == 0 || maxAttempts == clientMaxAttempts {
		return retryer
	}
	return WithMaxAttempts(retryer, maxAttempts)
}

// tracedDial returns the official default dialer's DialContext with the
// given connect timeout, which, as the official one, records the address
// dialled and the peer's host and port on the span in the dial's context
// (the call's HTTP request span when a TracerProvider is set).
func tracedDial(connectTimeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: awshttp.DefaultDialKeepAliveTimeout}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		span, _ := tracing.GetSpan(ctx)
		span.SetProperty("net.peer.name", addr)
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return conn, err
		}
		raddr := conn.RemoteAddr()
		if raddr == nil {
			return conn, nil
		}
		if host, port, splitErr := net.SplitHostPort(raddr.String()); splitErr != nil {
			span.SetProperty("net.peer.addr", raddr.String())
		} else {
			span.SetProperty("net.peer.host", host)
			span.SetProperty("net.peer.port", port)
		}
		return conn, nil
	}
}
