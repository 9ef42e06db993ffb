// Package testserver is the shared core of the public test-server packages
// (memorydbtest, lightsailtest, neptunegraphtest, datazonetest and
// partnercentraltest): an emulator that starts empty, served on a loopback
// port by net/http/httptest, recording every request, with faults aimed at
// one operation.
package testserver

import (
	"net/http"
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
func (s *Server) Requests() []emulator.ReceivedRequest {
	return s.recorder.Requests()
}

// inject makes the next n requests for the server's operation misbehave
// as fault says; n below 1 counts as 1.
func (s *Server) inject(fault emulator.Fault, n int) {
	fault.Operation = s.operation
	fault.Count = max(n, 1)
	s.Emulator.InjectFault(fault)
}

// Throttle answers the next n requests with the service's throttling error.
// For all fault methods, n below 1 counts as 1, and faults are used in the
// order they were injected.
func (s *Server) Throttle(n int) { s.inject(emulator.Fault{Kind: emulator.FaultThrottle}, n) }

// InternalError answers the next n requests with the service's HTTP 500 error.
func (s *Server) InternalError(n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultServerError, Status: http.StatusInternalServerError}, n)
}

// Unavailable answers the next n requests with HTTP 503 ServiceUnavailableException.
func (s *Server) Unavailable(n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultServerError, Status: http.StatusServiceUnavailable}, n)
}

// DropBeforeApply closes the connection of the next n requests without
// answering and without applying them.
func (s *Server) DropBeforeApply(n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultDropBeforeProcessing}, n)
}

// DropAfterApply applies the next n requests, keeping their effect, then
// closes their connection without answering.
func (s *Server) DropAfterApply(n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultDropAfterProcessing}, n)
}

// TruncateBody applies the next n requests and sends their answer with its
// full Content-Length but only half of the body, then closes the connection.
func (s *Server) TruncateBody(n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultTruncatedBody}, n)
}

// Delay holds the next n requests for d before answering them; a request
// whose client gives up first is not applied.
func (s *Server) Delay(d time.Duration, n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultDelay, Delay: d}, n)
}

// SkewClock answers the next n requests as a server whose clock is skew
// ahead of the client's (behind when negative) would: InvalidSignatureException
// "Signature expired" or "not yet current", with that server's Date header.
// A zero skew is 10 minutes. A client that corrects its clock by that Date
// is then off from the server's own clock, which has not moved, and its
// next request may be refused in turn; for a server whose clock stays off,
// set the Now option instead.
func (s *Server) SkewClock(skew time.Duration, n int) {
	s.inject(emulator.Fault{Kind: emulator.FaultClockSkew, Skew: skew}, n)
}

// PendingFaults returns how many injected faults have requests left to affect.
func (s *Server) PendingFaults() int {
	return s.Emulator.PendingFaults()
}
