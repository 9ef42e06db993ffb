// Package partnercentraltest provides a Partner Central Selling server for
// a program's tests, in the manner of net/http/httptest: an in-process
// emulator of CreateResourceSnapshot on a loopback port that starts with no
// engagements, takes the engagements and opportunities a test seeds,
// misbehaves on request (throttling, server errors, dropped connections,
// truncated answers, delays, clock skew), and shows the snapshots it made
// and the requests it was sent.
//
// A client reaches it with partnercentral.New(partnercentral.Options{},
// server.ClientOptions()) or partnercentral.NewFromConfig(server.Config()).
//
// awssnap is licensed under the Apache License 2.0; see the LICENSE file
// at the root of the module.
package partnercentraltest

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testserver"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// Options configure a Server; the zero value is usable.
type Options struct {
	// Region is the only region the server accepts requests for;
	// "us-east-1" when empty.
	Region string
	// AccountID is the account in the ARNs the server builds;
	// "111122223333" when empty.
	AccountID string
	// Now is the server's clock, for signature checks; time.Now when nil.
	Now func() time.Time
}

// Server is a running Partner Central Selling test server.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string

	core *testserver.Server
}

// Request is one request the server received: its time, operation, method,
// path, headers and body, and the status and error code of the answer.
type Request = emulator.ReceivedRequest

// Engagement is an engagement and the opportunities associated with it.
type Engagement struct {
	// Catalog is the catalog holding the engagement, such as "AWS" or "Sandbox".
	Catalog string
	// ID is the engagement identifier: "eng-" and 14 of [0-9a-z].
	ID string
	// Opportunities are the identifiers of the associated opportunities,
	// "O" and 1 to 19 digits each.
	Opportunities []string
}

// ResourceSnapshot is one revision of a resource snapshot the server made.
type ResourceSnapshot struct {
	// Catalog and EngagementID name the engagement.
	Catalog, EngagementID string
	// ResourceType and ResourceID name the resource, an opportunity.
	ResourceType types.ResourceType
	ResourceID   string
	// TemplateID is the snapshot template.
	TemplateID string
	// Revision counts up from 1 for each engagement, resource and template.
	Revision int32
	// ARN is the snapshot's ARN.
	ARN string
}

// NewServer starts a server with no engagements; call Close when done. Like
// httptest.NewServer, it panics if it cannot listen on a loopback port.
func NewServer(optFns ...func(*Options)) *Server {
	var opts Options
	for _, fn := range optFns {
		fn(&opts)
	}
	core := testserver.Start(emulator.OpCreateResourceSnapshot, testserver.Options{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now,
	})
	return &Server{URL: core.URL, core: core}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() { s.core.Close() }

// ClientOptions returns an option that points a client at the server: its
// base endpoint, region and credentials.
func (s *Server) ClientOptions() func(*partnercentral.Options) {
	return func(o *partnercentral.Options) {
		o.BaseEndpoint = aws.String(s.URL)
		o.Region = s.core.Region()
		o.Credentials = s.core.Credentials()
	}
}

// Config returns an aws.Config with the server's base endpoint, region and
// credentials.
func (s *Server) Config() aws.Config { return s.core.Config() }

// SeedEngagements stores engagements, replacing the opportunities of any
// with the same catalog and ID. Either all are stored or, with an error
// naming the first bad one, none.
func (s *Server) SeedEngagements(engagements ...Engagement) error {
	stored := make([]emulator.PartnerCentralEngagement, len(engagements))
	for i, engagement := range engagements {
		stored[i] = emulator.PartnerCentralEngagement(engagement)
	}
	return s.core.Emulator.PutPartnerCentralEngagements(stored...)
}

// Engagements returns the engagements, sorted by catalog and ID.
func (s *Server) Engagements() []Engagement {
	engagements := s.core.Emulator.PartnerCentralEngagements()
	out := make([]Engagement, len(engagements))
	for i, engagement := range engagements {
		out[i] = Engagement(engagement)
	}
	return out
}

// Snapshots returns every revision of every resource snapshot the server
// made, sorted by catalog, engagement, resource type, resource, template
// and revision.
func (s *Server) Snapshots() []ResourceSnapshot {
	snapshots := s.core.Emulator.PartnerCentralSnapshots()
	out := make([]ResourceSnapshot, len(snapshots))
	for i, snapshot := range snapshots {
		out[i] = ResourceSnapshot{
			Catalog: snapshot.Catalog, EngagementID: snapshot.EngagementID,
			ResourceType: types.ResourceType(snapshot.ResourceType), ResourceID: snapshot.ResourceID,
			TemplateID: snapshot.TemplateID, Revision: snapshot.Revision, ARN: snapshot.ARN,
		}
	}
	return out
}
