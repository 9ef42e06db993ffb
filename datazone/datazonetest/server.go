// Package datazonetest provides a DataZone server for a program's tests, in
// the manner of net/http/httptest: an in-process emulator of
// CreateAssetRevision on a loopback port that starts with no domains, takes
// the domains and assets a test seeds, misbehaves on request (throttling,
// server errors, dropped connections, truncated answers, delays, clock
// skew), and shows what it stored and what it was sent.
//
// A client reaches it with datazone.New(datazone.Options{},
// server.ClientOptions()) or datazone.NewFromConfig(server.Config()). The
// official aws-sdk-go-v2 DataZone client works against it the same way,
// with the options set from Config.
//
// awssnap is licensed under the Apache License 2.0; see the LICENSE file
// at the root of the module.
package datazonetest

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/testserver"
)

// Options configure a Server; the zero value is usable.
type Options struct {
	// Region is the only region the server accepts requests for;
	// "us-east-1" when empty.
	Region string
	// AccountID is the account of the server; "111122223333" when empty.
	AccountID string
	// Now is the server's clock, for signature checks and timestamps;
	// time.Now when nil.
	Now func() time.Time
}

// Server is a running DataZone test server.
type Server struct {
	// URL is the base URL of the server, such as http://127.0.0.1:49152.
	URL string

	core *testserver.Server
}

// Request is one request the server received: its time, operation, method,
// path, headers and body, and the status and error code of the answer.
type Request = emulator.ReceivedRequest

// Asset is an asset at its latest revision.
type Asset struct {
	// DomainID is the domain holding the asset, such as "dzd_a1b2c3";
	// SeedAssets creates it when missing.
	DomainID string
	// ID is the asset identifier, 1 to 36 of [a-zA-Z0-9_-].
	ID string
	// Name is the asset's name, 1 to 256 characters.
	Name string
	// OwningProjectID is the project that owns the asset; it is required.
	OwningProjectID string
	// TypeIdentifier and TypeRevision are the asset type and its revision;
	// TypeIdentifier is required, TypeRevision is "1" when empty.
	TypeIdentifier, TypeRevision string
	// ExternalIdentifier names the data outside DataZone, such as an S3 ARN.
	ExternalIdentifier string
	// Description describes the asset.
	Description string
	// GlossaryTerms and GovernedGlossaryTerms are the asset's glossary terms.
	GlossaryTerms, GovernedGlossaryTerms []string
	// Listing is the asset's catalog listing; nil when it is not listed.
	Listing *types.AssetListingDetails
	// Forms are the asset's metadata forms; each needs a FormName.
	Forms []types.FormOutput
	// PredictionConfiguration is the asset's business name generation setting.
	PredictionConfiguration *types.PredictionConfiguration
	// Revision is the number of the latest revision; 1 when zero.
	Revision int
	// FirstRevisionCreatedAt is when the first revision was made; now when zero.
	FirstRevisionCreatedAt time.Time
	// FirstRevisionCreatedBy is the user who made the first revision;
	// "usr-seed-owner" when empty.
	FirstRevisionCreatedBy string
}

// NewServer starts a server with no domains; call Close when done. Like
// httptest.NewServer, it panics if it cannot listen on a loopback port.
func NewServer(optFns ...func(*Options)) *Server {
	var opts Options
	for _, fn := range optFns {
		fn(&opts)
	}
	core := testserver.Start(emulator.OpCreateAssetRevision, testserver.Options{
		Region: opts.Region, AccountID: opts.AccountID, Now: opts.Now,
	})
	return &Server{URL: core.URL, core: core}
}

// Close shuts the server down, waiting for the requests it is answering.
func (s *Server) Close() { s.core.Close() }

// ClientOptions returns an option that points a client at the server: its
// base endpoint, region and credentials.
func (s *Server) ClientOptions() func(*datazone.Options) {
	return func(o *datazone.Options) {
		o.BaseEndpoint = aws.String(s.URL)
		o.Region = s.core.Region()
		o.Credentials = s.core.Credentials()
	}
}

// Config returns an aws.Config with the server's base endpoint, region and
// credentials.
func (s *Server) Config() aws.Config { return s.core.Config() }

// SeedDomains creates empty domains, such as "dzd_a1b2c3"; a domain that
// exists keeps its assets.
func (s *Server) SeedDomains(domainIDs ...string) error {
	return s.core.Emulator.PutDataZoneDomains(domainIDs...)
}

// SeedAssets stores assets, replacing any with the same domain and ID and
// creating missing domains. Either all are stored or, with an error naming
// the first bad one, none.
func (s *Server) SeedAssets(assets ...Asset) error {
	stored := make([]emulator.DataZoneAsset, len(assets))
	for i, asset := range assets {
		stored[i] = emulator.DataZoneAsset(asset)
	}
	return s.core.Emulator.PutDataZoneAssets(stored...)
}

// Domains returns the IDs of the domains, sorted.
func (s *Server) Domains() []string { return s.core.Emulator.DataZoneDomains() }

// Assets returns the assets of a domain at their latest revision, sorted
// by ID; none when there is no such domain.
func (s *Server) Assets(domainID string) []Asset {
	assets := s.core.Emulator.DataZoneAssets(domainID)
	out := make([]Asset, len(assets))
	for i, asset := range assets {
		out[i] = Asset(asset)
	}
	return out
}

// Asset returns an asset at its latest revision, and whether there is one.
func (s *Server) Asset(domainID, assetID string) (Asset, bool) {
	for _, asset := range s.Assets(domainID) {
		if asset.ID == assetID {
			return asset, true
		}
	}
	return Asset{}, false
}
