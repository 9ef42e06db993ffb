// Command serve runs the emulator of the five operations as a local AWS
// endpoint, for any SigV4 client: the official AWS SDKs, the AWS CLI, curl
// --aws-sigv4, or this module's clients.
//
//	go install github.com/awssnap/awssnap/examples/serve@latest
//	serve -state ./emulator-state.json
//
// or, from a clone of the repository, go run ./examples/serve. Run serve -h
// for the flags; the README's emulator section documents the endpoints,
// the seed and state format and the commands to try it with.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/awssnap/awssnap/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Stdout, os.Stderr, os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// shutdownTimeout is how long in-flight requests get to finish once a
// signal asks serve to stop.
const shutdownTimeout = 10 * time.Second

const usageText = `Usage: serve [flags]

Serves the emulator of MemoryDB CopySnapshot, Lightsail GetExportSnapshotRecords,
Partner Central Selling CreateResourceSnapshot, Neptune Analytics
CreateGraphSnapshot and DataZone CreateAssetRevision as a local AWS endpoint.
Requests must be SigV4-signed for the region with a known key pair: the
built-in pair (printed at start) and any added with -credentials.

serve listens on a loopback address only, unless -allow-non-loopback is given:
the emulator's credentials are public and its admin endpoints need none.

Endpoints on the same port:
  GET  /_awssnap/health   200 {"status":"ok"} while serving
  GET  /_awssnap/state    the whole state as JSON (the -seed/-state format)
  POST /_awssnap/reset    back to the seed data (and saved, with -state)

SIGINT or SIGTERM stops serve cleanly: requests in flight finish, the state is
saved, and serve exits with status 0.

Flags:
`

// config is what the command line asks for.
type config struct {
	addr             string
	allowNonLoopback bool
	region           string
	credentials      credentialFlags
	acceptAny        bool
	seedFile         string
	stateFile        string
	quiet            bool
}

// credentialFlags collects repeated -credentials KEY:SECRET[:TOKEN] flags.
type credentialFlags map[string]emulator.Credential

func (c credentialFlags) String() string { return "" }

// credentialForm is the form of one -credentials value, as error messages name it.
const credentialForm = "ACCESS_KEY_ID:SECRET_ACCESS_KEY or ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN"

// Set adds one credential: KEY:SECRET, or KEY:SECRET:TOKEN for one whose
// requests must carry that session token. The fields are split at every
// colon, so none of them may hold one (AWS keys, secrets and session
// tokens never do).
func (c credentialFlags) Set(value string) error {
	fields := strings.Split(value, ":")
	if len(fields) < 2 || len(fields) > 3 || slices.Contains(fields, "") {
		return fmt.Errorf("want %s, with no colon inside a field", credentialForm)
	}
	key := fields[0]
	if _, taken := c[key]; taken || key == emulator.AccessKeyID {
		return fmt.Errorf("access key ID %s is given twice", key)
	}
	credential := emulator.Credential{SecretAccessKey: fields[1]}
	if len(fields) == 3 {
		credential.SessionToken = fields[2]
	}
	c[key] = credential
	return nil
}

func parseFlags(out io.Writer, args []string) (config, error) {
	cfg := config{credentials: credentialFlags{}}
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(out)
	flags.Usage = func() {
		fmt.Fprint(out, usageText)
		flags.PrintDefaults()
	}
	flags.StringVar(&cfg.addr, "addr", "127.0.0.1:4566", "`address` to listen on; must be a loopback address unless -allow-non-loopback is given")
	flags.BoolVar(&cfg.allowNonLoopback, "allow-non-loopback", false,
		"allow -addr to be a non-loopback address (such as 0.0.0.0:4566 in a container), exposing the emulator to the network")
	flags.StringVar(&cfg.region, "region", emulator.DefaultRegion, "the `region` requests must be signed for")
	flags.Var(cfg.credentials, "credentials", "accept one more credential besides the built-in one (repeatable): `KEY:SECRET`, or KEY:SECRET:TOKEN "+
		"for one whose requests must carry the session token TOKEN; the fields are split at every colon, so none may hold one")
	flags.BoolVar(&cfg.acceptAny, "insecure-accept-any-credentials", false,
		"INSECURE: accept every request, signed with any key or not signed at all, without checking signatures")
	flags.StringVar(&cfg.seedFile, "seed", "", "start from the seed data in this JSON `file` instead of the built-in seed")
	flags.StringVar(&cfg.stateFile, "state", "",
		"keep the state in this JSON `file`: loaded at start if it exists, saved atomically after each change and at exit")
	flags.BoolVar(&cfg.quiet, "quiet", false, "do not log a line per request")
	if err := flags.Parse(args); err != nil {
		return cfg, err
	}
	if flags.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q; serve takes flags only (see -h)", flags.Arg(0))
	}
	return cfg, nil
}

// run serves the emulator until ctx is done, then shuts down cleanly.
// Startup information goes to out, one line per request to logs.
func run(ctx context.Context, out, logs io.Writer, args []string) error {
	cfg, err := parseFlags(out, args)
	if err != nil {
		return err
	}
	if err := checkLoopback(ctx, cfg.addr, cfg.allowNonLoopback); err != nil {
		return err
	}
	emulatorConfig := emulator.Config{
		Region:               cfg.region,
		Credentials:          map[string]emulator.Credential{emulator.AccessKeyID: {SecretAccessKey: emulator.SecretAccessKey}},
		AcceptAnyCredentials: cfg.acceptAny,
	}
	for key, credential := range cfg.credentials {
		emulatorConfig.Credentials[key] = credential
	}
	if cfg.seedFile != "" {
		data, err := os.ReadFile(cfg.seedFile)
		if err != nil {
			return fmt.Errorf("seed file: %w", err)
		}
		if emulatorConfig.Seed, err = emulator.ParseSeed(data); err != nil {
			return fmt.Errorf("seed file %s: %w", cfg.seedFile, err)
		}
	}
	if !cfg.quiet {
		logger := slog.New(slog.NewTextHandler(logs, nil))
		emulatorConfig.OnRequest = func(r emulator.RequestRecord) { logRequest(logger, r) }
	}
	emu := emulator.New(emulatorConfig)
	store, err := openState(emu, cfg.stateFile)
	if err != nil {
		return err
	}

	listener, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	if tcp, ok := listener.Addr().(*net.TCPAddr); ok && !cfg.allowNonLoopback && !tcp.IP.IsLoopback() {
		_ = listener.Close()
		return fmt.Errorf("-addr %s listens on %s, which is not a loopback address; pass -allow-non-loopback to allow it", cfg.addr, tcp.IP)
	}
	server := emu.HTTPServer()
	server.Handler = handler(emu, store, logs)
	printBanner(out, listener.Addr().String(), cfg)

	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	shutdownErr := server.Shutdown(shutdown)
	if shutdownErr != nil {
		// Answers time out well within the grace period, so what is left
		// are requests whose bodies are still arriving: drop them.
		_ = server.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := store.save(); err != nil {
		return err
	}
	if shutdownErr != nil {
		return fmt.Errorf("requests still running after %s: %w", shutdownTimeout, shutdownErr)
	}
	fmt.Fprintln(out, "emulator stopped")
	return nil
}

// checkLoopback refuses an address that is not loopback, unless allowed:
// an empty host (every interface), a non-loopback IP, or a name that
// resolves to any non-loopback address.
func checkLoopback(ctx context.Context, addr string, allowed bool) error {
	if allowed {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	refuse := func(what string) error {
		return fmt.Errorf("-addr %s would listen on %s, not only on loopback; anyone who can reach it could use the emulator "+
			"with its public credentials; pass -allow-non-loopback to allow it", addr, what)
	}
	if host == "" {
		return refuse("every interface")
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			return refuse(ip.String())
		}
		return nil
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return fmt.Errorf("-addr %s: %w", addr, err)
	}
	for _, a := range addrs {
		if !a.IP.IsLoopback() {
			return refuse(host + " (" + a.IP.String() + ")")
		}
	}
	return nil
}

func printBanner(out io.Writer, addr string, cfg config) {
	fmt.Fprintf(out, "emulator listening on http://%s\n", addr)
	fmt.Fprintf(out, "region:            %s\n", cfg.region)
	if cfg.acceptAny {
		fmt.Fprintln(out, "WARNING: -insecure-accept-any-credentials: signatures are not checked; any request is accepted")
	}
	fmt.Fprintf(out, "access key ID:     %s\n", emulator.AccessKeyID)
	fmt.Fprintf(out, "secret access key: %s\n", emulator.SecretAccessKey)
	for key, credential := range cfg.credentials {
		given := "secret"
		if credential.SessionToken != "" {
			given = "secret and session token"
		}
		fmt.Fprintf(out, "also accepted:     %s (%s from -credentials)\n", key, given)
	}
	if cfg.stateFile != "" {
		fmt.Fprintf(out, "state file:        %s\n", cfg.stateFile)
	}
}

// logRequest writes one line about one request; a RequestRecord holds no
// header values or bodies, so no secret can reach the log.
func logRequest(logger *slog.Logger, r emulator.RequestRecord) {
	logger.LogAttrs(context.Background(), slog.LevelInfo, "request",
		slog.String("service", orDash(r.Service)),
		slog.String("operation", orDash(r.Operation)),
		slog.Int("status", r.Status),
		slog.String("error", orDash(r.ErrorCode)),
		slog.Duration("duration", r.Duration),
		slog.String("request_id", orDash(r.RequestID)),
	)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// adminPrefix is the path prefix of serve's own endpoints.
const adminPrefix = "/_awssnap/"

// handler serves the admin endpoints and passes everything else to the
// emulator, saving the state after requests that changed it.
func handler(emu *emulator.Emulator, store *stateStore, logs io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, adminPrefix) && r.Header.Get("X-Amz-Target") == "" {
			serveAdmin(w, r, emu, store)
			return
		}
		emu.ServeHTTP(w, r)
		if err := store.saveIfChanged(); err != nil {
			fmt.Fprintln(logs, "serve: saving the state:", err)
		}
	})
}

func serveAdmin(w http.ResponseWriter, r *http.Request, emu *emulator.Emulator, store *stateStore) {
	// As the emulator's own answers, these must not wait for ever on a
	// client that does not read them.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(emulator.DefaultWriteTimeout))
	endpoint := strings.TrimPrefix(r.URL.Path, adminPrefix)
	method := map[string]string{"health": http.MethodGet, "state": http.MethodGet, "reset": http.MethodPost}[endpoint]
	switch {
	case method == "":
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such endpoint; there are health, state and reset"})
		return
	case r.Method != method:
		w.Header().Set("Allow", method)
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "use " + method})
		return
	}
	switch endpoint {
	case "health":
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	case "state":
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(emu.MarshalState())
	case "reset":
		emu.Reset()
		if err := store.saveIfChanged(); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "reset, but saving the state failed: " + err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "reset"})
	}
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// stateStore keeps the emulator's state in a file; a nil store keeps nothing.
type stateStore struct {
	emu  *emulator.Emulator
	path string

	mu    sync.Mutex
	saved uint64
}

// openState loads the state file into emu if it exists, or creates it from
// emu's seed data if it does not. A file that cannot be read as a state is
// an error, and the file is left as it is.
func openState(emu *emulator.Emulator, path string) (*stateStore, error) {
	if path == "" {
		return nil, nil
	}
	store := &stateStore{emu: emu, path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return store, store.save()
	case err != nil:
		return nil, fmt.Errorf("state file: %w", err)
	}
	if err := emu.LoadState(data); err != nil {
		return nil, fmt.Errorf("state file %s cannot be used, and is left unchanged: %w", path, err)
	}
	store.saved = emu.StateVersion()
	return store, nil
}

// saveIfChanged saves the state if it changed since it was last saved.
func (s *stateStore) saveIfChanged() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.emu.StateVersion() == s.saved {
		return nil
	}
	return s.saveLocked()
}

// save saves the state whether or not it changed.
func (s *stateStore) save() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saveLocked()
}

func (s *stateStore) saveLocked() error {
	version := s.emu.StateVersion()
	if err := writeFileAtomic(s.path, s.emu.MarshalState()); err != nil {
		return fmt.Errorf("saving the state to %s: %w", s.path, err)
	}
	s.saved = version
	return nil
}

// writeFileAtomic replaces path with data so that, whenever the process or
// the machine stops, path holds either the old content or the new, never
// a part: it writes a temporary file in the same directory, syncs it,
// renames it over path, then syncs the directory.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, openErr := os.Open(dir); openErr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
