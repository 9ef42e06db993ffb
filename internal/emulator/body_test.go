package emulator

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// patternReader yields size bytes of 'a' without holding them, and counts
// how many were read.
type patternReader struct {
	size int64
	read atomic.Int64
}

func (p *patternReader) Read(b []byte) (int, error) {
	left := p.size - p.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(b)), left)
	for i := range b[:n] {
		b[i] = 'a'
	}
	p.read.Add(n)
	return int(n), nil
}

func (p *patternReader) Close() error { return nil }

const twelveMiB = 12 << 20

// TestBodyNotReadBeforeAuthentication sends 12 MiB bodies that cannot be
// accepted whatever they hold, and checks that the emulator refuses them
// without reading them.
func TestBodyNotReadBeforeAuthentication(t *testing.T) {
	t.Parallel()
	e := New(Config{})
	unknownKey := testCredentials
	unknownKey.AccessKeyID = "AKIDUNKNOWN000000000"
	tests := []struct {
		name          string
		req           request
		contentLength int64
		wantStatus    int
		wantCode      string
	}{
		{"unsigned", request{unsigned: true}, -1, 403, "MissingAuthenticationTokenException"},
		{"unknown key", request{credentials: &unknownKey}, -1, 403, "UnrecognizedClientException"},
		{"stale date", request{signingTime: time.Now().Add(-time.Hour)}, -1, 403, "InvalidSignatureException"},
		{"wrong service", request{service: "datazone"}, -1, 403, "InvalidSignatureException"},
		{"declared too large", request{}, twelveMiB, 413, "RequestEntityTooLargeException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.req.op, tt.req.body = OpGetExportSnapshotRecords, `{}`
			req := newHTTPRequest(t, "http://emulator.test", tt.req)
			body := &patternReader{size: twelveMiB}
			req.Body, req.ContentLength = body, tt.contentLength
			recorder := httptest.NewRecorder()
			e.ServeHTTP(recorder, req)
			got := result{status: recorder.Code, header: recorder.Header(), raw: recorder.Body.Bytes()}
			_ = json.Unmarshal(got.raw, &got.body)
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Errorf("got %d %s, want %d %s", got.status, got.code(), tt.wantStatus, tt.wantCode)
			}
			if n := body.read.Load(); n != 0 {
				t.Errorf("read %d body bytes before refusing the request", n)
			}
		})
	}
}

// TestConcurrentLargeBodiesBounded sends 20 badly signed 12 MiB bodies at
// once, chunked so that their size is only known once read, and checks that
// the heap does not grow by the hundreds of MiB reading them all whole
// would take.
func TestConcurrentLargeBodiesBounded(t *testing.T) {
	server := startServer(t, Config{})
	const requests = 20
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	go func() {
		defer close(sampled)
		var stats runtime.MemStats
		for {
			runtime.ReadMemStats(&stats)
			if stats.HeapAlloc > peak.Load() {
				peak.Store(stats.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	statuses := make([]int, requests)
	var wg sync.WaitGroup
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := newHTTPRequest(t, server.URL, request{op: OpGetExportSnapshotRecords, body: `{}`})
			req.Body, req.ContentLength = &patternReader{size: twelveMiB}, -1
			resp, err := testClient.Do(req)
			if err != nil {
				// The server may close the connection while the body is still being sent.
				return
			}
			statuses[i] = resp.StatusCode
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	for i, status := range statuses {
		if status == http.StatusOK {
			t.Errorf("request %d was accepted", i)
		}
	}
	growth := int64(peak.Load()) - int64(before.HeapAlloc)
	t.Logf("heap grew by %d MiB at most", growth>>20)
	if growth > 128<<20 {
		t.Errorf("heap grew by %d MiB while refusing %d bodies of 12 MiB", growth>>20, requests)
	}
}

// TestSlowBodyTimesOut sends the headers of a request and a part of its
// body, then nothing: the emulator must give up on it.
func TestSlowBodyTimesOut(t *testing.T) {
	t.Parallel()
	server := httptest.NewServer(New(Config{BodyReadTimeout: 200 * time.Millisecond}))
	t.Cleanup(server.Close)
	req := newHTTPRequest(t, server.URL, request{op: OpGetExportSnapshotRecords, body: `{}`})
	conn := dial(t, server.Listener.Addr().String())
	var head strings.Builder
	fmt.Fprintf(&head, "POST / HTTP/1.1\r\nHost: %s\r\nContent-Length: 100\r\n", req.Host)
	for name, values := range req.Header {
		fmt.Fprintf(&head, "%s: %s\r\n", name, values[0])
	}
	head.WriteString("\r\n{")
	if _, err := io.WriteString(conn, head.String()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer before the test's deadline: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("status %d, want 400", resp.StatusCode)
	}
}

// TestSlowHeadersTimeOut sends part of a request's headers, then nothing:
// the server Start runs must close the connection.
func TestSlowHeadersTimeOut(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{HeaderReadTimeout: 200 * time.Millisecond})
	conn := dial(t, strings.TrimPrefix(server.URL, "http://"))
	if _, err := io.WriteString(conn, "POST / HTTP/1.1\r\nHost: x\r\n"); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1024)
	for {
		_, err := conn.Read(buf)
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("connection still open: %v", err)
		}
	}
}

// dial connects to addr; reads on the connection fail after five seconds,
// far beyond the timeouts under test.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	return conn
}

// pipeListener hands an http.Server the server end of in-memory pipes,
// which hold no bytes: a write waits until the other end reads it.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case conn := <-l.conns:
		return conn, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// TestUnreadAnswersTimeOut sends requests on connections that hold no
// bytes and never reads their answers: the emulator's write waits for the
// client, gives up after Config.WriteTimeout and closes the connection, so
// a read after that finds the connection closed, not the answer.
func TestUnreadAnswersTimeOut(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		req  request
	}{
		{"a page of records", request{op: OpGetExportSnapshotRecords, body: `{}`}},
		{"an error answer", request{op: OpCopySnapshot, body: `{}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			server := New(Config{WriteTimeout: 100 * time.Millisecond}).HTTPServer()
			ln := &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
			go func() { _ = server.Serve(ln) }()
			t.Cleanup(func() { _ = server.Close() })
			client, conn := net.Pipe()
			t.Cleanup(func() { _ = client.Close() })
			ln.conns <- conn
			var framed strings.Builder
			if err := newHTTPRequest(t, "http://127.0.0.1", tc.req).Write(&framed); err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(client, framed.String()); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second) // well past the write timeout
			_ = client.SetReadDeadline(time.Now().Add(5 * time.Second))
			n, err := client.Read(make([]byte, 1<<16))
			if n != 0 || err == nil {
				t.Fatalf("read %d bytes (error %v) after the write timeout, want the connection closed", n, err)
			}
		})
	}
}
