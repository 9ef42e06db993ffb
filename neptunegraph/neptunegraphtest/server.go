// Package neptunegraphtest provides a Neptune Analytics server for a
// program's tests, in the manner of net/http/httptest: an in-process
// emulator of CreateGraphSnapshot on a loopback port that starts with no
// graphs, takes the graphs and snapshots a test seeds, misbehaves on
// request (throttling, server errors, dropped connections, truncated
// answers, delays, clock skew), and shows what it stored and what it was
// sent.
//
// A client reaches it with neptunegraph.New(neptunegraph.Options{},
// server.ClientOptions()) or neptunegraph.NewFromConfig(server.Config()).
// The official aws-sdk-go-v2 Neptune Analytics client works against it the
// same way, with the options set from Config.
//
// awssnap is licensed under the Apache License 2.0; see the LICENSE file
// at the root of the module.
package neptunegraphtest

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testserver"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// Options configure a Server; the zero value is usable.
type Options struct {
	// Region is the only region the server accepts requests for;
	// "us-east-1" when empty.
	Region string
	// AccountID is the account in the ARNs the server builds;
	// "111122223333" when empty.
	AccountID string
	// Now is the server's clock, for signature checks, timestamps and
	// snapshot readiness; time.Now when nil.
	Now func() time.Time
	// SnapshotReadyDelay is how long a new snapshot stays CREATING before it
	// is AVAILABLE: 5 seconds when zero, no time at all when negative.
	SnapshotReadyDelay time.Duration
}

// Server is a running Neptune Analytics test server.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string

	core *testserver.Server
}

// Request is one request the server received: its time, operation, method,
// path, headers and body, and the status and error code of the answer.
type Request = emulator.ReceivedRequest

// Graph is a graph that snapshots can be taken of.
type Graph struct {
	// ID is the graph identifier: "g-" and 10 of [a-z0-9].
	ID string
	// KMSKeyIdentifier is the ARN of the key the graph, and so its
	// snapshots, are encrypted with; empty for an AWS-owned key.
	KMSKeyIdentifier string
}

// GraphSnapshot is a snapshot of a graph.
type GraphSnapshot struct {
	// ID is the snapshot identifier; SeedSnapshots makes a new "gs-" one
	// when it is empty.
	ID string
	// Name is the snapshot name, unique in the server.
	Name string
	// SourceGraphID is the graph the snapshot was taken of; it must be seeded.
	SourceGraphID string
	// CreatedAt is when the snapshot was taken; now when zero.
	CreatedAt time.Time
	// KMSKeyIdentifier is the snapshot's key; the graph's when empty.
	KMSKeyIdentifier string
	// ARN is the snapshot's ARN. The server derives it from ID: leave it
	// empty when seeding.
	ARN string
	// Status is CREATING until Options.SnapshotReadyDelay has passed since
	// CreatedAt, then AVAILABLE. The server derives it: leave it empty when
	// seeding.
	Status types.SnapshotStatus
}

// NewServer starts a server with no graphs; call Close when done. Like
// httptest.NewServer, it panics if it cannot listen on a loopback port.
func NewServer(optFns ...func(*Options)) *Server {
	var opts Options
	for _, fn := range optFns {
		fn(&opts)
	}
	core := testserver.Start(emulator.OpCreateGraphSnapshot, testserver.Options{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now,
		NeptuneSnapshotReadyDelay: opts.SnapshotReadyDelay,
	})
	return &Server{URL: core.URL, core: core}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() { s.core.Close() }

// ClientOptions returns an option that points a client at the server: its
// base endpoint, region and credentials.
func (s *Server) ClientOptions() func(*neptunegraph.Options) {
	return func(o *neptunegraph.Options) {
		o.BaseEndpoint = aws.String(s.URL)
		o.Region = s.core.Region()
		o.Credentials = s.core.Credentials()
	}
}

// Config returns an aws.Config with the server's base endpoint, region and
// credentials.
func (s *Server) Config() aws.Config { return s.core.Config() }

// SeedGraphs stores graphs, replacing any with the same ID. Either all are
// stored or, with an error naming the first bad one, none.
func (s *Server) SeedGraphs(graphs ...Graph) error {
	stored := make([]emulator.NeptuneGraph, len(graphs))
	for i, graph := range graphs {
		stored[i] = emulator.NeptuneGraph(graph)
	}
	return s.core.Emulator.PutNeptuneGraphs(stored...)
}

// SeedSnapshots stores snapshots of seeded graphs, replacing any with the
// same ID. Either all are stored or, with an error naming the first bad
// one, none.
func (s *Server) SeedSnapshots(snapshots ...GraphSnapshot) error {
	stored := make([]emulator.NeptuneGraphSnapshot, len(snapshots))
	for i, snapshot := range snapshots {
		stored[i] = emulator.NeptuneGraphSnapshot{
			ID: snapshot.ID, Name: snapshot.Name, SourceGraphID: snapshot.SourceGraphID, CreatedAt: snapshot.CreatedAt,
			KMSKeyIdentifier: snapshot.KMSKeyIdentifier, ARN: snapshot.ARN, Status: string(snapshot.Status),
		}
	}
	return s.core.Emulator.PutNeptuneGraphSnapshots(stored...)
}

// Graphs returns the graphs, sorted by ID.
func (s *Server) Graphs() []Graph {
	graphs := s.core.Emulator.NeptuneGraphs()
	out := make([]Graph, len(graphs))
	for i, graph := range graphs {
		out[i] = Graph(graph)
	}
	return out
}

// Snapshots returns the snapshots, seeded and created, sorted by name, with
// their ARN and their status now.
func (s *Server) Snapshots() []GraphSnapshot {
	snapshots := s.core.Emulator.NeptuneGraphSnapshots()
	out := make([]GraphSnapshot, len(snapshots))
	for i, snapshot := range snapshots {
		out[i] = GraphSnapshot{
			ID: snapshot.ID, Name: snapshot.Name, SourceGraphID: snapshot.SourceGraphID, CreatedAt: snapshot.CreatedAt,
			KMSKeyIdentifier: snapshot.KMSKeyIdentifier, ARN: snapshot.ARN, Status: types.SnapshotStatus(snapshot.Status),
		}
	}
	return out
}

// Snapshot returns the snapshot named name, and whether there is one.
func (s *Server) Snapshot(name string) (GraphSnapshot, bool) {
	for _, snapshot := range s.Snapshots() {
		if snapshot.Name == name {
			return snapshot, true
		}
	}
	return GraphSnapshot{}, false
}
