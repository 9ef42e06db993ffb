// Package lightsailtest provides a Lightsail server for a program's tests,
// in the manner of net/http/httptest: an in-process emulator of
// GetExportSnapshotRecords on a loopback port that starts with no records,
// pages through the export snapshot records a test seeds as
// types.ExportSnapshotRecord values, misbehaves on request (throttling,
// server errors, dropped connections, truncated answers, delays, clock
// skew), and shows what it holds and what it was sent.
//
// A client reaches it with lightsail.New(lightsail.Options{},
// server.ClientOptions()) or lightsail.NewFromConfig(server.Config()). The
// official aws-sdk-go-v2 Lightsail client works against it the same way,
// with the options set from Config.
//
// awssnap is licensed under the Apache License 2.0; see the LICENSE file
// at the root of the module.
package lightsailtest

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testserver"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/types"
)

// Options configure a Server; the zero value is usable.
type Options struct {
	// Region is the only region the server accepts requests for;
	// "us-east-1" when empty.
	Region string
	// AccountID is the account in the ARNs the server builds;
	// "111122223333" when empty.
	AccountID string
	// Now is the server's clock, for signature checks and timestamps;
	// time.Now when nil.
	Now func() time.Time
	// PageSize is the number of records in one page; 100 when zero or negative.
	PageSize int
}

// Server is a running Lightsail test server.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string

	core *testserver.Server
}

// Request is one request the server received: its time, operation, method,
// path, headers and body, and the status and error code of the answer.
type Request = emulator.ReceivedRequest

// NewServer starts a server with no records; call Close when done. Like
// httptest.NewServer, it panics if it cannot listen on a loopback port.
func NewServer(optFns ...func(*Options)) *Server {
	var opts Options
	for _, fn := range optFns {
		fn(&opts)
	}
	core := testserver.Start(emulator.OpGetExportSnapshotRecords, testserver.Options{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now, LightsailPageSize: opts.PageSize,
	})
	return &Server{URL: core.URL, core: core}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() { s.core.Close() }

// ClientOptions returns an option that points a client at the server: its
// base endpoint, region and credentials.
func (s *Server) ClientOptions() func(*lightsail.Options) {
	return func(o *lightsail.Options) {
		o.BaseEndpoint = aws.String(s.URL)
		o.Region = s.core.Region()
		o.Credentials = s.core.Credentials()
	}
}

// Config returns an aws.Config with the server's base endpoint, region and
// credentials.
func (s *Server) Config() aws.Config { return s.core.Config() }

// SeedRecords adds export snapshot records after the ones the server holds,
// in the order GetExportSnapshotRecords pages through them. Each needs a
// Name. An empty Arn is the record's ARN in the server's region and
// account, a nil CreatedAt is now (also for SourceInfo), a nil Location is
// availability zone "all" in the server's region, an empty ResourceType is
// ExportSnapshotRecord and an empty State Succeeded; other members left nil
// are answered as empty values. Either all are added or, with an error
// naming the first bad one, none.
func (s *Server) SeedRecords(records ...types.ExportSnapshotRecord) error {
	return s.core.Emulator.AppendLightsailRecords(records...)
}

// Records returns the records the server holds, in page order.
func (s *Server) Records() []types.ExportSnapshotRecord { return s.core.Emulator.LightsailRecords() }
