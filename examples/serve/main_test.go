package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/google/go-cmp/cmp"
)

// syncBuffer is a bytes.Buffer safe for the server's and the test's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// served is one run of serve in the test's process.
type served struct {
	endpoint string
	logs     *syncBuffer
	stop     func() error
}

// startServe runs serve with args on a free loopback port and waits for it
// to listen; stop cancels it as a signal would and returns run's error.
func startServe(t *testing.T, args ...string) served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reader, writer := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, writer, logs, append([]string{"-addr", "127.0.0.1:0"}, args...))
		_ = writer.Close()
	}()
	lines := bufio.NewScanner(reader)
	if !lines.Scan() {
		cancel()
		t.Fatalf("serve printed nothing: %v", <-done)
	}
	endpoint, ok := strings.CutPrefix(lines.Text(), "emulator listening on ")
	if !ok {
		cancel()
		t.Fatalf("first line %q", lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, reader) }()
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(15 * time.Second):
				stopErr = errors.New("serve did not stop")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { _ = stop() })
	return served{endpoint: endpoint, logs: logs, stop: stop}
}

func client(endpoint, key, secret string) *memorydb.Client {
	return sessionClient(endpoint, key, secret, "")
}

// sessionClient signs with a session token too, unless token is empty.
func sessionClient(endpoint, key, secret, token string) *memorydb.Client {
	return memorydb.New(memorydb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, token),
	})
}

func copySnapshot(c *memorydb.Client, target string) error {
	_, err := c.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot),
		TargetSnapshotName: aws.String(target),
	})
	return err
}

func builtIn(endpoint string) *memorydb.Client {
	return client(endpoint, emulator.AccessKeyID, emulator.SecretAccessKey)
}

func TestServeAnswersClients(t *testing.T) {
	t.Parallel()
	s := startServe(t)
	if err := copySnapshot(builtIn(s.endpoint), "served-copy"); err != nil {
		t.Fatal(err)
	}
	if err := s.stop(); err != nil {
		t.Fatalf("run: %v", err)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := run(context.Background(), &out, io.Discard, []string{"-h"})
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run -h: %v, want flag.ErrHelp (exit status 0)", err)
	}
	for _, want := range []string{"-allow-non-loopback", "loopback address only", "-credentials", "-insecure-accept-any-credentials",
		"-seed", "-state", "-quiet", "/_awssnap/health", "/_awssnap/state", "/_awssnap/reset", "SIGTERM"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage does not mention %q", want)
		}
	}
	if strings.Contains(out.String(), "-aws") {
		t.Errorf("usage mentions -aws, which serve does not have")
	}
}

func TestRefusesNonLoopbackAddress(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:4566"} {
		err := run(context.Background(), io.Discard, io.Discard, []string{"-addr", addr})
		if err == nil || !strings.Contains(err.Error(), "-allow-non-loopback") {
			t.Errorf("-addr %s: %v, want a refusal naming -allow-non-loopback", addr, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := run(ctx, io.Discard, io.Discard, []string{"-addr", "0.0.0.0:0", "-allow-non-loopback"}); err != nil {
		t.Errorf("-allow-non-loopback: %v", err)
	}
}

func TestCredentialsFlag(t *testing.T) {
	t.Parallel()
	s := startServe(t,
		"-credentials", "AKIDEXTRA0000000001:extra/secret+1",
		"-credentials", "AKIDEXTRA0000000002:second:FwoGZXIvYXdzEXAMPLE/session+token==")
	tests := []struct {
		name               string
		key, secret, token string
		accepted           bool
	}{
		{"built-in pair", emulator.AccessKeyID, emulator.SecretAccessKey, "", true},
		{"KEY:SECRET", "AKIDEXTRA0000000001", "extra/secret+1", "", true},
		{"KEY:SECRET with a token it does not have", "AKIDEXTRA0000000001", "extra/secret+1", "unexpected", false},
		{"KEY:SECRET wrong secret", "AKIDEXTRA0000000001", "wrong", "", false},
		{"KEY:SECRET:TOKEN", "AKIDEXTRA0000000002", "second", "FwoGZXIvYXdzEXAMPLE/session+token==", true},
		{"KEY:SECRET:TOKEN without the token", "AKIDEXTRA0000000002", "second", "", false},
		{"KEY:SECRET:TOKEN wrong token", "AKIDEXTRA0000000002", "second", "FwoGZXIvYXdzOTHER", false},
		{"KEY:SECRET:TOKEN wrong secret", "AKIDEXTRA0000000002", "wrong", "FwoGZXIvYXdzEXAMPLE/session+token==", false},
	}
	for i, tt := range tests {
		err := copySnapshot(sessionClient(s.endpoint, tt.key, tt.secret, tt.token), fmt.Sprintf("copy-%d", i))
		if accepted := err == nil; accepted != tt.accepted {
			t.Errorf("%s: accepted = %v (%v), want %v", tt.name, accepted, err, tt.accepted)
		}
	}
}

func TestCredentialsFlagValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value string
		want  emulator.Credential // zero: the value is refused
	}{
		{"key:secret", emulator.Credential{SecretAccessKey: "secret"}},
		{"key:se/cr+et:to/ken==", emulator.Credential{SecretAccessKey: "se/cr+et", SessionToken: "to/ken=="}},
		{"nocolon", emulator.Credential{}},
		{":secret", emulator.Credential{}},
		{"key:", emulator.Credential{}},
		{"key::token", emulator.Credential{}},
		{"key:secret:", emulator.Credential{}},
		{"key:se:cret:token", emulator.Credential{}},
		{emulator.AccessKeyID + ":secret", emulator.Credential{}},
	}
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range tests {
		if tt.want == (emulator.Credential{}) {
			if err := run(stopped, io.Discard, io.Discard, []string{"-addr", "127.0.0.1:0", "-credentials", tt.value}); err == nil {
				t.Errorf("-credentials %q accepted", tt.value)
			}
			continue
		}
		flags := credentialFlags{}
		err := flags.Set(tt.value)
		if err != nil {
			t.Errorf("-credentials %q: %v", tt.value, err)
			continue
		}
		if diff := cmp.Diff(credentialFlags{"key": tt.want}, flags); diff != "" {
			t.Errorf("-credentials %q (-want +got):\n%s", tt.value, diff)
		}
	}
	twice := credentialFlags{}
	if err := twice.Set("key:a"); err != nil {
		t.Fatal(err)
	}
	if err := twice.Set("key:b:token"); err == nil {
		t.Error("the same access key ID was accepted twice")
	}
}

func TestAcceptAnyCredentials(t *testing.T) {
	t.Parallel()
	strict := startServe(t)
	if err := copySnapshot(client(strict.endpoint, "AKIDANYTHING", "anything"), "strict"); err == nil {
		t.Fatal("an unknown key was accepted without the flag")
	}
	open := startServe(t, "-insecure-accept-any-credentials")
	if err := copySnapshot(client(open.endpoint, "AKIDANYTHING", "anything"), "open"); err != nil {
		t.Fatalf("with -insecure-accept-any-credentials: %v", err)
	}
}

func get(t *testing.T, method, url string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func TestAdminEndpoints(t *testing.T) {
	t.Parallel()
	s := startServe(t, "-quiet")
	if status, body := get(t, http.MethodGet, s.endpoint+"/_awssnap/health"); status != 200 || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("health: %d %s", status, body)
	}
	if err := copySnapshot(builtIn(s.endpoint), "admin-copy"); err != nil {
		t.Fatal(err)
	}
	status, body := get(t, http.MethodGet, s.endpoint+"/_awssnap/state")
	var state struct {
		Version  int `json:"version"`
		MemoryDB struct {
			Snapshots []struct{ Name string } `json:"snapshots"`
		} `json:"memorydb"`
	}
	if err := json.Unmarshal(body, &state); status != 200 || err != nil || state.Version != 1 {
		t.Fatalf("state: %d %v %.200s", status, err, body)
	}
	if !hasSnapshot(body, "admin-copy") {
		t.Errorf("state does not hold the copy")
	}
	if status, _ := get(t, http.MethodGet, s.endpoint+"/_awssnap/reset"); status != http.StatusMethodNotAllowed {
		t.Errorf("GET reset: %d", status)
	}
	if status, _ := get(t, http.MethodGet, s.endpoint+"/_awssnap/nothing"); status != http.StatusNotFound {
		t.Errorf("unknown endpoint: %d", status)
	}
	if status, body := get(t, http.MethodPost, s.endpoint+"/_awssnap/reset"); status != 200 {
		t.Fatalf("reset: %d %s", status, body)
	}
	if _, body := get(t, http.MethodGet, s.endpoint+"/_awssnap/state"); hasSnapshot(body, "admin-copy") {
		t.Errorf("the copy survived a reset")
	}
	if err := copySnapshot(builtIn(s.endpoint), "admin-copy"); err != nil {
		t.Errorf("copy after reset: %v", err)
	}
}

func hasSnapshot(state []byte, name string) bool {
	return bytes.Contains(state, []byte(`"Name": "`+name+`"`))
}

func TestStatePersistsAcrossRestarts(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	first := startServe(t, "-state", path, "-quiet")
	if err := copySnapshot(builtIn(first.endpoint), "kept"); err != nil {
		t.Fatal(err)
	}
	if err := first.stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	saved, err := os.ReadFile(path)
	if err != nil || !hasSnapshot(saved, "kept") {
		t.Fatalf("state file after stop: %v, holds the copy: %t", err, hasSnapshot(saved, "kept"))
	}
	second := startServe(t, "-state", path, "-quiet")
	var exists interface{ ErrorCode() string }
	if err := copySnapshot(builtIn(second.endpoint), "kept"); !errors.As(err, &exists) || exists.ErrorCode() != "SnapshotAlreadyExistsFault" {
		t.Errorf("copy to the saved name after a restart: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the state directory holds %d files, want only the state", len(entries))
	}
}

func TestBrokenStateFileRefused(t *testing.T) {
	t.Parallel()
	valid := emulator.New(emulator.Config{}).MarshalState()
	for name, content := range map[string][]byte{
		"truncated": valid[:len(valid)/3],
		"corrupted": append([]byte("#"), valid...),
		"empty":     {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			err := run(context.Background(), io.Discard, io.Discard, []string{"-addr", "127.0.0.1:0", "-state", path})
			if err == nil || !strings.Contains(err.Error(), "state file "+path+" cannot be used, and is left unchanged") {
				t.Fatalf("run: %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the state file was changed")
			}
		})
	}
}

// TestSampleSeedIsTheBuiltInSeed reads the shipped seed.json and checks
// that it describes exactly the built-in seed, so the sample stays true.
func TestSampleSeedIsTheBuiltInSeed(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("seed.json")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := emulator.ParseSeed(data)
	if err != nil {
		t.Fatalf("seed.json: %v", err)
	}
	fromFile := emulator.New(emulator.Config{Seed: seed}).MarshalState()
	builtIn := emulator.New(emulator.Config{}).MarshalState()
	if !bytes.Equal(fromFile, builtIn) {
		t.Error("seed.json no longer describes the built-in seed")
	}
	s := startServe(t, "-seed", "seed.json", "-quiet")
	if _, body := get(t, http.MethodGet, s.endpoint+"/_awssnap/state"); !bytes.Equal(body, builtIn) {
		t.Error("serve -seed seed.json does not start from the built-in seed")
	}
}

func TestBadSeedFileRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"memorydb":{"snapshots":[{}]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), io.Discard, io.Discard, []string{"-seed", path})
	if err == nil || !strings.Contains(err.Error(), "memorydb.snapshots[0].Name is missing") {
		t.Errorf("run: %v", err)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	s := startServe(t)
	if err := copySnapshot(builtIn(s.endpoint), "logged"); err != nil {
		t.Fatal(err)
	}
	_ = copySnapshot(client(s.endpoint, emulator.AccessKeyID, "wrong-secret-value"), "refused")
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(s.logs.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d log lines, want one per request:\n%s", len(lines), s.logs)
	}
	for i, want := range []string{"status=200 error=-", "status=403 error=InvalidSignatureException"} {
		for _, field := range []string{"time=", "service=memorydb", "operation=CopySnapshot", want, "duration=", "request_id="} {
			if !strings.Contains(lines[i], field) {
				t.Errorf("line %d %q lacks %q", i, lines[i], field)
			}
		}
		if strings.Contains(lines[i], "request_id=-") {
			t.Errorf("line %d has no request ID", i)
		}
	}
	for _, secret := range []string{emulator.SecretAccessKey, "wrong-secret-value", "Signature="} {
		if strings.Contains(s.logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}

	quiet := startServe(t, "-quiet")
	if err := copySnapshot(builtIn(quiet.endpoint), "unlogged"); err != nil {
		t.Fatal(err)
	}
	if err := quiet.stop(); err != nil {
		t.Fatal(err)
	}
	if quiet.logs.String() != "" {
		t.Errorf("-quiet logged: %s", quiet.logs)
	}
}

// TestStopLetsRequestsInFlightFinish stops serve while a request's body is
// still arriving: the request must complete and its change be saved.
func TestStopLetsRequestsInFlightFinish(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	s := startServe(t, "-state", path, "-quiet")
	body := `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"in-flight"}`
	req, err := http.NewRequest(http.MethodPost, s.endpoint+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AmazonMemoryDB.CopySnapshot")
	hash := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: emulator.AccessKeyID, SecretAccessKey: emulator.SecretAccessKey}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(hash[:]), "memorydb", "us-east-1", time.Now()); err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", req.URL.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	var head strings.Builder
	fmt.Fprintf(&head, "POST / HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n", req.URL.Host, len(body))
	for name, values := range req.Header {
		fmt.Fprintf(&head, "%s: %s\r\n", name, values[0])
	}
	// With Expect: 100-continue the server says "100 Continue" once the
	// handler starts reading the body, so the request is surely in flight.
	head.WriteString("Expect: 100-continue\r\n\r\n")
	if _, err := io.WriteString(conn, head.String()); err != nil {
		t.Fatal(err)
	}
	answers := bufio.NewReader(conn)
	interim, err := http.ReadResponse(answers, nil)
	if err != nil || interim.StatusCode != http.StatusContinue {
		t.Fatalf("want 100 Continue, got %v %v", interim, err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("serve stopped before the request finished: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := io.WriteString(conn, body); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(answers, nil)
	if err != nil {
		t.Fatalf("no answer to the request in flight: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("request in flight answered %d, want 200", resp.StatusCode)
	}
	if err := <-stopped; err != nil {
		t.Errorf("stop: %v", err)
	}
	if saved, _ := os.ReadFile(path); !hasSnapshot(saved, "in-flight") {
		t.Error("the change made by the request in flight was not saved")
	}
}

// TestStopWithUnreadAnswers sends many requests on one connection and
// never reads the answers, then stops serve: the stuck answers must time
// out, and serve must stop with no error (status 0) all the same.
func TestStopWithUnreadAnswers(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		path     string
		signed   bool
		requests int
	}{
		{"operation answers", "/", true, 20000},
		{"state documents", "/_awssnap/state", false, 2000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := startServe(t, "-quiet")
			req, err := http.NewRequest(http.MethodGet, s.endpoint+tc.path, nil)
			if tc.signed {
				req, err = http.NewRequest(http.MethodPost, s.endpoint+tc.path, strings.NewReader(`{}`))
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.signed {
				req.Header.Set("Content-Type", "application/x-amz-json-1.1")
				req.Header.Set("X-Amz-Target", "AmazonMemoryDB.CopySnapshot")
				hash := sha256.Sum256([]byte(`{}`))
				creds := aws.Credentials{AccessKeyID: emulator.AccessKeyID, SecretAccessKey: emulator.SecretAccessKey}
				if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(hash[:]), "memorydb", "us-east-1", time.Now()); err != nil {
					t.Fatal(err)
				}
			}
			var pipelined bytes.Buffer
			for range tc.requests {
				req.Body = io.NopCloser(strings.NewReader(`{}`))
				if !tc.signed {
					req.Body = nil
				}
				if err := req.Write(&pipelined); err != nil {
					t.Fatal(err)
				}
			}
			conn, err := net.Dial("tcp", req.URL.Host)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			go func() { _, _ = conn.Write(pipelined.Bytes()) }()
			time.Sleep(500 * time.Millisecond) // the answers fill the connection's buffers
			if err := s.stop(); err != nil {
				t.Errorf("stop: %v", err)
			}
		})
	}
}
