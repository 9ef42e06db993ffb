// Package testserver is the shared core of the public test-server packages
// (memorydbtest, lightsailtest, neptunegraphtest, datazonetest and
// partnercentraltest): an emulator that starts empty, served on a loopback
// port by net/http/httptest, recording every request, with faults aimed at
// one operation.
package testserver

import (
	"net/http/httptest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
)

// Options configure a Server; the zero value is usable.
type Options struct {
	// Region is the region the server serves; emulator.DefaultRegion when empty.
	Region string
	// AccountID is the account in the ARNs the server builds;
	// emulator.DefaultAccountID when empty.
	AccountID string
	// Now is the server's clock; time.Now when nil.
	Now func() time.Time
	// LightsailPageSize is the number of Lightsail records in one page;
	// emulator.DefaultLightsailPageSize when zero or negative.
	LightsailPageSize int
	// NeptuneSnapshotReadyDelay is how long a Neptune graph snapshot stays
	// CREATING: emulator.DefaultNeptuneSnapshotReadyDelay when zero,
	// immediately when negative.
	NeptuneSnapshotReadyDelay time.Duration
}

// Server is an empty emulator served on a loopback port, whose faults all
// aim at one operation.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string
	// Emulator is the emulator the server serves.
	Emulator *emulator.Emulator

	operation string
	recorder  *emulator.Recorder
	http      *httptest.Server
}

// Start serves a new empty emulator for operation (such as
// emulator.OpCopySnapshot) on a loopback port. Like httptest.NewServer, it
// panics if no port can be listened on.
func Start(operation string, opts Options) *Server {
	e := emulator.NewEmpty(emulator.Config{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now,
		LightsailPageSize: opts.LightsailPageSize, NeptuneSnapshotReadyDelay: opts.NeptuneSnapshotReadyDelay,
	})
	recorder := emulator.NewRecorder(e)
	server := httptest.NewServer(recorder)
	return &Server{URL: server.URL, Emulator: e, operation: operation, recorder: recorder, http: server}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() {
	s.http.Close()
}

// Region returns the region the server serves.
func (s *Server) Region() string {
	return s.Emulator.Region()
}

// Credentials returns a provider of the key pair the server accepts.
func (s *Server) Credentials() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, "")
}

// Config returns an aws.Config whose region, credentials and base endpoint
// are the server's.
func (s *Server) Config() aws.Config {
	return aws.Config{Region: s.Region(), Credentials: s.Credentials(), BaseEndpoint: aws.String(s.URL)}
}

// Requests returns the requests the server received, oldest first.
func (s *Server) Requests() []emulator.RecordedRequest {
	return s.recorder.Requests()
}

// Inject makes the next n requests for the server's operation misbehave as
// fault says; n below 1 counts as 1.
func (s *Server) Inject(fault emulator.Fault, n int) {
	fault.Operation = s.operation
	fault.Count = max(n, 1)
	s.Emulator.InjectFault(fault)
}

// PendingFaults returns how many injected faults have requests left to affect.
func (s *Server) PendingFaults() int {
	return s.Emulator.PendingFaults()
}
