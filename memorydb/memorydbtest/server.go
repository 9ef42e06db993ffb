// Package memorydbtest provides a MemoryDB server for a program's tests, in
// the manner of net/http/httptest: an in-process emulator of CopySnapshot
// on a loopback port that starts with no snapshots, takes the snapshots a
// test seeds as types.Snapshot values, misbehaves on request (throttling,
// server errors, dropped connections, truncated answers, delays, clock
// skew), and shows what it stored and what it was sent.
//
// A client reaches it with memorydb.New(memorydb.Options{},
// server.ClientOptions()) or memorydb.NewFromConfig(server.Config()). The
// official aws-sdk-go-v2 MemoryDB client works against it the same way,
// with the options set from Config.
//
// awssnap is licensed under the Apache License 2.0; see the LICENSE file
// at the root of the module.
package memorydbtest

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testserver"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/types"
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
}

// Server is a running MemoryDB test server.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string

	core *testserver.Server
}

// Request is one request the server received: its time, operation, method,
// path, headers and body, and the status and error code of the answer.
type Request = emulator.ReceivedRequest

// NewServer starts a server with no snapshots; call Close when done. Like
// httptest.NewServer, it panics if it cannot listen on a loopback port.
func NewServer(optFns ...func(*Options)) *Server {
	var opts Options
	for _, fn := range optFns {
		fn(&opts)
	}
	core := testserver.Start(emulator.OpCopySnapshot, testserver.Options{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now,
	})
	return &Server{URL: core.URL, core: core}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() { s.core.Close() }

// ClientOptions returns an option that points a client at the server: its
// base endpoint, region and credentials.
func (s *Server) ClientOptions() func(*memorydb.Options) {
	return func(o *memorydb.Options) {
		o.BaseEndpoint = aws.String(s.URL)
		o.Region = s.core.Region()
		o.Credentials = s.core.Credentials()
	}
}

// Config returns an aws.Config with the server's base endpoint, region and
// credentials.
func (s *Server) Config() aws.Config { return s.core.Config() }

// SeedSnapshots stores snapshots, replacing any of the same name. Each
// needs a Name. An empty Status is "available", an empty Source "manual",
// an empty ARN the snapshot's ARN in the server's region and account, an
// empty DataTiering "false", and a shard without a SnapshotCreationTime was
// taken now; other members left nil are answered as empty values. Either
// all are stored or, with an error naming the first bad one, none.
func (s *Server) SeedSnapshots(snapshots ...types.Snapshot) error {
	return s.core.Emulator.PutMemoryDBSnapshots(snapshots...)
}

// Snapshots returns the stored snapshots, seeded and copied, sorted by name.
func (s *Server) Snapshots() []types.Snapshot { return s.core.Emulator.MemoryDBSnapshots() }

// Snapshot returns the snapshot named name, and whether there is one.
func (s *Server) Snapshot(name string) (types.Snapshot, bool) {
	for _, snapshot := range s.Snapshots() {
		if aws.ToString(snapshot.Name) == name {
			return snapshot, true
		}
	}
	return types.Snapshot{}, false
}

// SnapshotTags returns the tags of the snapshot named name, in the order
// CopySnapshot was given them, and whether there is such a snapshot.
func (s *Server) SnapshotTags(name string) ([]types.Tag, bool) {
	return s.core.Emulator.MemoryDBSnapshotTagList(name)
}
