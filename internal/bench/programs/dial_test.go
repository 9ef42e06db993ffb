package programs

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// TestSpansWithDefaultHTTPClient calls every operation with a
// TracerProvider and each client's own default HTTP client over loopback,
// so the transport dials, and compares the spans both record: the
// official transport's dialer adds the peer to the HTTP request's span.
func TestSpansWithDefaultHTTPClient(t *testing.T) {
	for _, s := range services {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			spans := func(call func(context.Context, aws.Config) error) string {
				observer := kit.NewObserver()
				cfg := aws.Config{Region: "us-west-2", BaseEndpoint: aws.String(serve(t, []answer{s.ok}, nil)), RetryMaxAttempts: 1,
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
				cfg.ServiceOptions = append(cfg.ServiceOptions, func(_ string, options any) {
					reflect.ValueOf(options).Elem().FieldByName("TracerProvider").Set(reflect.ValueOf(observer.Tracer))
				})
				if err := call(context.Background(), cfg); err != nil {
					t.Fatal(err)
				}
				return strings.Join(observer.Observe(&kit.Script{}, middleware.Metadata{}, nil, nil).Spans, "\n")
			}
			ours, official := spans(s.callOurs), spans(s.callOfficial)
			if diff := cmp.Diff(official, ours); diff != "" || !strings.Contains(ours, "net.peer.host") {
				t.Errorf("spans differ (-official +ours):\n%s", diff)
			}
		})
	}
}

// closingListener accepts connections and closes them at once, in the
// middle of the client's TLS handshake, counting them.
type closingListener struct {
	net.Listener
	accepted atomic.Int32
}

func (l *closingListener) serve() {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		l.accepted.Add(1)
		_ = conn.Close()
	}
}

// countingListener counts the connections it accepts.
type countingListener struct {
	net.Listener
	accepted *atomic.Int32
}

func (l countingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return conn, err
}

// closedConnection matches the ways a connection the server closed fails.
var closedConnection = regexp.MustCompile(`(EOF|(read|write) tcp \S+: (read|write): (connection reset by peer|broken pipe))$`)

// TestFailureBeforeConnection compares calls through each client's own
// default HTTP client that fail before the transport has a connection to
// send on: the server closes during the TLS handshake, or presents a
// certificate the client does not trust. Nothing of the request can have
// reached the service, so even a create is sent again: the test compares
// how many connections each client opened and its error.
func TestFailureBeforeConnection(t *testing.T) {
	closing := &closingListener{}
	var err error
	if closing.Listener, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	defer closing.Close()
	go closing.serve()
	var untrustedAccepted atomic.Int32
	untrusted := httptest.NewUnstartedServer(http.NotFoundHandler())
	untrusted.Listener = countingListener{untrusted.Listener, &untrustedAccepted}
	untrusted.Config.ErrorLog = log.New(io.Discard, "", 0)
	untrusted.StartTLS()
	defer untrusted.Close()
	for _, c := range []struct {
		name     string
		url      string
		accepted *atomic.Int32
	}{
		{"handshake cut short", "https://" + closing.Addr().String(), &closing.accepted},
		{"untrusted certificate", untrusted.URL, &untrustedAccepted},
	} {
		for _, s := range services {
			for _, stack := range []bool{false, true} {
				run := func(call func(context.Context, aws.Config) error) string {
					c.accepted.Store(0)
					cfg := aws.Config{Region: "us-west-2", BaseEndpoint: aws.String(c.url), Retryer: noDelayRetryer,
						APIOptions: onStack(stack), Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")}
					err := call(context.Background(), cfg)
					// A connection closed in the handshake reads as the end
					// of the stream or as a reset, as the timing falls.
					text := closedConnection.ReplaceAllString(fmt.Sprint(err), "<connection closed>")
					return fmt.Sprintf("%d connections, error %s", c.accepted.Load(), text)
				}
				ours, official := run(s.callOurs), run(s.callOfficial)
				if ours != official {
					t.Errorf("%s, %s, middleware stack %v:\nours:     %s\nofficial: %s", c.name, s.name, stack, ours, official)
				}
			}
		}
	}
}
