package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// This file reads and writes the emulator's data as one JSON document: the
// format of seed files and of saved state. The format is documented in the
// README's emulator section; examples/serve/seed.json is the built-in seed
// written in it.

// documentVersion is the only version of the document format.
const documentVersion = 1

// maxGeneratedRecords bounds lightsail.generatedRecords, so that a few
// bytes of seed cannot ask for gigabytes of records.
const maxGeneratedRecords = 100000

// document is the emulator's data. Services the document leaves out keep
// their built-in seed when it is a seed, and are empty when it is a state.
type document struct {
	Version        int           `json:"version"`
	MemoryDB       *memoryDBDoc  `json:"memorydb,omitempty"`
	Lightsail      *lightsailDoc `json:"lightsail,omitempty"`
	NeptuneGraph   *neptuneDoc   `json:"neptunegraph,omitempty"`
	DataZone       *dataZoneDoc  `json:"datazone,omitempty"`
	PartnerCentral *partnerDoc   `json:"partnercentral,omitempty"`
}

type memoryDBDoc struct {
	// Snapshots are written as MemoryDB answers them, with their tags.
	Snapshots []memoryDBSnapshotDoc `json:"snapshots"`
}

type memoryDBSnapshotDoc struct {
	memoryDBSnapshot
	Tags []tag `json:"Tags,omitempty"`
	// CopiedAt is when CopySnapshot made a snapshot still creating, which
	// becomes available once the ready delay has passed since then.
	CopiedAt *time.Time `json:"copiedAt,omitempty"`
}

type lightsailDoc struct {
	// GeneratedRecords is the number of records generated as the built-in
	// seed generates them, placed before Records.
	GeneratedRecords int `json:"generatedRecords,omitempty"`
	// Records are written as Lightsail answers them.
	Records []exportSnapshotRecord `json:"exportSnapshotRecords,omitempty"`
}

type neptuneDoc struct {
	Graphs    []neptuneGraphDoc    `json:"graphs"`
	Snapshots []neptuneSnapshotDoc `json:"snapshots"`
}

type neptuneGraphDoc struct {
	ID               string `json:"id"`
	KmsKeyIdentifier string `json:"kmsKeyIdentifier,omitempty"`
}

type neptuneSnapshotDoc struct {
	ID               string     `json:"id"`
	Name             string     `json:"name"`
	GraphID          string     `json:"graphId"`
	CreatedAt        *time.Time `json:"createdAt,omitempty"`
	KmsKeyIdentifier string     `json:"kmsKeyIdentifier,omitempty"`
}

type dataZoneDoc struct {
	Domains      []dataZoneDomainDoc `json:"domains"`
	ClientTokens []clientTokenDoc    `json:"clientTokens,omitempty"`
}

type dataZoneDomainDoc struct {
	ID     string             `json:"id"`
	Assets []dataZoneAssetDoc `json:"assets"`
}

type dataZoneAssetDoc struct {
	ID                      string                   `json:"id"`
	Name                    string                   `json:"name"`
	OwningProjectID         string                   `json:"owningProjectId"`
	TypeIdentifier          string                   `json:"typeIdentifier"`
	TypeRevision            string                   `json:"typeRevision,omitempty"`
	ExternalIdentifier      string                   `json:"externalIdentifier,omitempty"`
	Description             string                   `json:"description,omitempty"`
	GlossaryTerms           []string                 `json:"glossaryTerms,omitempty"`
	GovernedGlossaryTerms   []string                 `json:"governedGlossaryTerms,omitempty"`
	Listing                 *assetListing            `json:"listing,omitempty"`
	Forms                   []formOutput             `json:"formsOutput,omitempty"`
	PredictionConfiguration *predictionConfiguration `json:"predictionConfiguration,omitempty"`
	Revision                int                      `json:"revision,omitempty"`
	FirstRevisionCreatedAt  *time.Time               `json:"firstRevisionCreatedAt,omitempty"`
	FirstRevisionCreatedBy  string                   `json:"firstRevisionCreatedBy,omitempty"`
}

type partnerDoc struct {
	Engagements []partnerEngagementDoc `json:"engagements"`
	// Snapshots holds the latest revision of each sequence of resource snapshots.
	Snapshots     []partnerSnapshotDoc `json:"resourceSnapshots,omitempty"`
	SnapshotCount int                  `json:"resourceSnapshotCount,omitempty"`
	ClientTokens  []clientTokenDoc     `json:"clientTokens,omitempty"`
}

type partnerEngagementDoc struct {
	Catalog       string   `json:"catalog"`
	ID            string   `json:"id"`
	Opportunities []string `json:"opportunities"`
}

type partnerSnapshotDoc struct {
	Catalog      string `json:"catalog"`
	EngagementID string `json:"engagementId"`
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
	TemplateID   string `json:"templateId"`
	Revision     int32  `json:"revision"`
}

// clientTokenDoc is a client token already used, with the answer a retry gets.
type clientTokenDoc struct {
	Token       string          `json:"token"`
	Fingerprint string          `json:"fingerprint"`
	Output      json.RawMessage `json:"output"`
}

// Seed is seed data read from a JSON document: the resources an emulator
// starts from and returns to on Reset.
type Seed struct {
	doc document
}

// ParseSeed reads seed data in the emulator's document format. A service
// the document leaves out keeps its built-in seed; a service it names
// holds exactly the resources listed. The error names the first problem.
func ParseSeed(data []byte) (*Seed, error) {
	doc, err := parseDocument(data)
	if err != nil {
		return nil, fmt.Errorf("emulator: seed data: %w", err)
	}
	return &Seed{doc: doc}, nil
}

// parseDocument decodes and checks a document: unknown members, trailing
// data, a wrong version and resources without their identifiers are errors.
func parseDocument(data []byte) (document, error) {
	var doc document
	if len(bytes.TrimSpace(data)) == 0 {
		return doc, errors.New("the document is empty")
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&doc); err != nil {
		return doc, describeJSONError(data, err)
	}
	if decoder.More() {
		return doc, fmt.Errorf("unexpected data after the document at byte %d", decoder.InputOffset())
	}
	if doc.Version != documentVersion {
		if doc.Version == 0 {
			return doc, fmt.Errorf(`"version" is missing; it must be %d`, documentVersion)
		}
		return doc, fmt.Errorf(`"version" is %d; only %d is known`, doc.Version, documentVersion)
	}
	return doc, doc.check()
}

// describeJSONError says where a JSON document is broken.
func describeJSONError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("the document ends early, after %d bytes (is it truncated?)", len(data))
	case errors.As(err, &syntax):
		return fmt.Errorf("invalid JSON at byte %d: %w", syntax.Offset, err)
	case errors.As(err, &typeErr):
		return fmt.Errorf("member %q at byte %d: %w", typeErr.Field, typeErr.Offset, err)
	}
	return err
}

// check requires the identifiers every resource needs, and no duplicates.
func (doc *document) check() error {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if doc.MemoryDB != nil {
		seen := map[string]bool{}
		for i, s := range doc.MemoryDB.Snapshots {
			switch {
			case s.Name == "":
				fail("memorydb.snapshots[%d].Name is missing", i)
			case seen[s.Name]:
				fail("memorydb.snapshots[%d].Name %q is used twice", i, s.Name)
			}
			seen[s.Name] = true
		}
	}
	if doc.Lightsail != nil {
		if n := doc.Lightsail.GeneratedRecords; n < 0 || n > maxGeneratedRecords {
			fail("lightsail.generatedRecords is %d; it must be between 0 and %d", n, maxGeneratedRecords)
		}
		for i, r := range doc.Lightsail.Records {
			if r.Name == "" {
				fail("lightsail.exportSnapshotRecords[%d].name is missing", i)
			}
		}
	}
	if n := doc.NeptuneGraph; n != nil {
		graphs, ids, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for i, g := range n.Graphs {
			switch {
			case g.ID == "":
				fail("neptunegraph.graphs[%d].id is missing", i)
			case graphs[g.ID]:
				fail("neptunegraph.graphs[%d].id %q is used twice", i, g.ID)
			}
			graphs[g.ID] = true
		}
		for i, s := range n.Snapshots {
			switch {
			case s.ID == "" || s.Name == "" || s.GraphID == "":
				fail("neptunegraph.snapshots[%d] needs an id, a name and a graphId", i)
			case ids[s.ID]:
				fail("neptunegraph.snapshots[%d].id %q is used twice", i, s.ID)
			case names[s.Name]:
				fail("neptunegraph.snapshots[%d].name %q is used twice", i, s.Name)
			}
			ids[s.ID], names[s.Name] = true, true
		}
	}
	if d := doc.DataZone; d != nil {
		domains := map[string]bool{}
		for i, domain := range d.Domains {
			if domain.ID == "" || domains[domain.ID] {
				fail("datazone.domains[%d].id is missing or used twice", i)
			}
			domains[domain.ID] = true
			assets := map[string]bool{}
			for j, a := range domain.Assets {
				if a.ID == "" || a.Name == "" || a.TypeIdentifier == "" || a.OwningProjectID == "" {
					fail("datazone.domains[%d].assets[%d] needs an id, a name, a typeIdentifier and an owningProjectId", i, j)
				}
				if assets[a.ID] {
					fail("datazone.domains[%d].assets[%d].id %q is used twice", i, j, a.ID)
				}
				if a.Revision < 0 {
					fail("datazone.domains[%d].assets[%d].revision is negative", i, j)
				}
				assets[a.ID] = true
			}
		}
		checkTokens("datazone", d.ClientTokens, fail)
	}
	if p := doc.PartnerCentral; p != nil {
		for i, e := range p.Engagements {
			if e.Catalog == "" || e.ID == "" {
				fail("partnercentral.engagements[%d] needs a catalog and an id", i)
			}
		}
		for i, s := range p.Snapshots {
			if s.Revision < 1 {
				fail("partnercentral.resourceSnapshots[%d].revision must be at least 1", i)
			}
		}
		if p.SnapshotCount < 0 {
			fail("partnercentral.resourceSnapshotCount is negative")
		}
		checkTokens("partnercentral", p.ClientTokens, fail)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

func checkTokens(service string, tokens []clientTokenDoc, fail func(string, ...any)) {
	for i, t := range tokens {
		if t.Token == "" || len(t.Output) == 0 {
			fail("%s.clientTokens[%d] needs a token and an output", service, i)
		}
	}
}

// stateFrom builds the state a document describes. Services the document
// leaves out get the built-in seed when fallback is true, nothing otherwise.
// Missing ARNs and defaults are filled in for cfg's region and account.
func stateFrom(cfg Config, doc document, fallback bool) *state {
	s := newEmptyState(cfg)
	if doc.MemoryDB != nil {
		for _, d := range doc.MemoryDB.Snapshots {
			snapshot := d.memoryDBSnapshot
			snapshot.Status = orDefault(snapshot.Status, "available")
			snapshot.Source = orDefault(snapshot.Source, "manual")
			snapshot.DataTiering = orDefault(snapshot.DataTiering, "false")
			snapshot.ARN = orDefault(snapshot.ARN, s.arn("memorydb", "snapshot/"+snapshot.Name))
			snapshot.ClusterConfiguration.Shards = slices.Clone(snapshot.ClusterConfiguration.Shards)
			snapshot.tags = slices.Clone(d.Tags)
			if d.CopiedAt != nil {
				snapshot.copiedAt = d.CopiedAt.UTC()
			}
			s.memoryDBSnapshots[snapshot.Name] = &snapshot
		}
	} else if fallback {
		seedMemoryDBSnapshots(s)
	}
	if doc.Lightsail != nil {
		seedLightsailRecords(s, doc.Lightsail.GeneratedRecords)
		for _, record := range doc.Lightsail.Records {
			record.Arn = orDefault(record.Arn, s.arn("lightsail", "ExportSnapshotRecord/"+record.Name))
			record.ResourceType = orDefault(record.ResourceType, "ExportSnapshotRecord")
			record.State = orDefault(record.State, "Succeeded")
			if record.Location == (resourceLocation{}) {
				record.Location = resourceLocation{AvailabilityZone: "all", RegionName: cfg.Region}
			}
			s.lightsailRecords = append(s.lightsailRecords, record)
		}
	} else if fallback {
		seedLightsailRecords(s, cfg.LightsailRecords)
	}
	if doc.NeptuneGraph != nil {
		for _, g := range doc.NeptuneGraph.Graphs {
			s.neptuneGraphs[g.ID] = &neptuneGraph{id: g.ID, kmsKeyIdentifier: g.KmsKeyIdentifier}
		}
		for _, d := range doc.NeptuneGraph.Snapshots {
			s.addGraphSnapshot(&graphSnapshot{
				id: d.ID, name: d.Name, graphID: d.GraphID, kmsKeyIdentifier: d.KmsKeyIdentifier,
				createdAt: timeOr(d.CreatedAt, seedTime),
			})
		}
	} else if fallback {
		seedNeptune(s)
	}
	if doc.DataZone != nil {
		for _, domain := range doc.DataZone.Domains {
			s.dataZoneDomains[domain.ID] = make(map[string]*dataZoneAsset, len(domain.Assets))
			for _, a := range domain.Assets {
				s.dataZoneDomains[domain.ID][a.ID] = a.asset()
			}
		}
		s.dataZoneTokens = tokensFrom(doc.DataZone.ClientTokens)
	} else if fallback {
		seedDataZone(s)
	}
	if p := doc.PartnerCentral; p != nil {
		for _, e := range p.Engagements {
			s.partnerEngagements[engagementKey{e.Catalog, e.ID}] = slices.Clone(e.Opportunities)
		}
		for _, d := range p.Snapshots {
			s.partnerRevisions[snapshotKey{d.Catalog, d.EngagementID, d.ResourceType, d.ResourceID, d.TemplateID}] = d.Revision
		}
		s.partnerSnapshots = p.SnapshotCount
		s.partnerTokens = tokensFrom(p.ClientTokens)
	} else if fallback {
		seedPartnerCentral(s)
	}
	return s
}

func (a dataZoneAssetDoc) asset() *dataZoneAsset {
	return &dataZoneAsset{
		id: a.ID, name: a.Name, owningProjectID: a.OwningProjectID,
		typeIdentifier: a.TypeIdentifier, typeRevision: orDefault(a.TypeRevision, "1"),
		externalIdentifier: a.ExternalIdentifier, description: a.Description,
		glossaryTerms: slices.Clone(a.GlossaryTerms), governedGlossaryTerms: slices.Clone(a.GovernedGlossaryTerms),
		listing: a.Listing, forms: slices.Clone(a.Forms), predictionConfiguration: a.PredictionConfiguration,
		revisions:              max(a.Revision, 1),
		firstRevisionCreatedAt: timeOr(a.FirstRevisionCreatedAt, seedTime),
		firstRevisionCreatedBy: orDefault(a.FirstRevisionCreatedBy, SeedUserID),
	}
}

func tokensFrom(docs []clientTokenDoc) map[string]idempotentResult {
	tokens := make(map[string]idempotentResult, len(docs))
	for _, t := range docs {
		tokens[t.Token] = idempotentResult{fingerprint: t.Fingerprint, output: t.Output}
	}
	return tokens
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

func timeOr(t *time.Time, fallback time.Time) time.Time {
	if t == nil {
		return fallback
	}
	return t.UTC()
}

// document returns the whole state as a document, every service present
// and every list in a stable order.
func (s *state) document() document {
	doc := document{Version: documentVersion}

	now := s.cfg.Now()
	mdb := &memoryDBDoc{Snapshots: []memoryDBSnapshotDoc{}}
	for _, name := range slices.Sorted(maps.Keys(s.memoryDBSnapshots)) {
		snapshot := s.memoryDBSnapshotAt(s.memoryDBSnapshots[name], now)
		d := memoryDBSnapshotDoc{memoryDBSnapshot: snapshot, Tags: snapshot.tags}
		if snapshot.Status == "creating" && !snapshot.copiedAt.IsZero() {
			copiedAt := snapshot.copiedAt.UTC()
			d.CopiedAt = &copiedAt
		}
		mdb.Snapshots = append(mdb.Snapshots, d)
	}
	doc.MemoryDB = mdb

	doc.Lightsail = &lightsailDoc{Records: append([]exportSnapshotRecord{}, s.lightsailRecords...)}

	neptune := &neptuneDoc{Graphs: []neptuneGraphDoc{}, Snapshots: []neptuneSnapshotDoc{}}
	for _, id := range slices.Sorted(maps.Keys(s.neptuneGraphs)) {
		neptune.Graphs = append(neptune.Graphs, neptuneGraphDoc{ID: id, KmsKeyIdentifier: s.neptuneGraphs[id].kmsKeyIdentifier})
	}
	for _, id := range slices.Sorted(maps.Keys(s.neptuneSnapshots)) {
		snapshot := s.neptuneSnapshots[id]
		created := snapshot.createdAt.UTC()
		neptune.Snapshots = append(neptune.Snapshots, neptuneSnapshotDoc{
			ID: id, Name: snapshot.name, GraphID: snapshot.graphID, CreatedAt: &created,
			KmsKeyIdentifier: snapshot.kmsKeyIdentifier,
		})
	}
	doc.NeptuneGraph = neptune

	dataZone := &dataZoneDoc{Domains: []dataZoneDomainDoc{}, ClientTokens: tokenDocs(s.dataZoneTokens)}
	for _, domainID := range slices.Sorted(maps.Keys(s.dataZoneDomains)) {
		assets := s.dataZoneDomains[domainID]
		domain := dataZoneDomainDoc{ID: domainID, Assets: []dataZoneAssetDoc{}}
		for _, assetID := range slices.Sorted(maps.Keys(assets)) {
			domain.Assets = append(domain.Assets, assets[assetID].doc())
		}
		dataZone.Domains = append(dataZone.Domains, domain)
	}
	doc.DataZone = dataZone

	partner := &partnerDoc{Engagements: []partnerEngagementDoc{}, SnapshotCount: s.partnerSnapshots,
		ClientTokens: tokenDocs(s.partnerTokens)}
	engagements := slices.SortedFunc(maps.Keys(s.partnerEngagements), func(a, b engagementKey) int {
		return strings.Compare(a.catalog+"\x00"+a.engagement, b.catalog+"\x00"+b.engagement)
	})
	for _, key := range engagements {
		partner.Engagements = append(partner.Engagements, partnerEngagementDoc{
			Catalog: key.catalog, ID: key.engagement, Opportunities: slices.Clone(s.partnerEngagements[key]),
		})
	}
	for key, revision := range s.partnerRevisions {
		partner.Snapshots = append(partner.Snapshots, partnerSnapshotDoc{
			Catalog: key.catalog, EngagementID: key.engagement, ResourceType: key.resourceType,
			ResourceID: key.resource, TemplateID: key.template, Revision: revision,
		})
	}
	slices.SortFunc(partner.Snapshots, func(a, b partnerSnapshotDoc) int {
		return strings.Compare(strings.Join([]string{a.Catalog, a.EngagementID, a.ResourceType, a.ResourceID, a.TemplateID}, "\x00"),
			strings.Join([]string{b.Catalog, b.EngagementID, b.ResourceType, b.ResourceID, b.TemplateID}, "\x00"))
	})
	doc.PartnerCentral = partner
	return doc
}

func (a *dataZoneAsset) doc() dataZoneAssetDoc {
	first := a.firstRevisionCreatedAt.UTC()
	return dataZoneAssetDoc{
		ID: a.id, Name: a.name, OwningProjectID: a.owningProjectID, TypeIdentifier: a.typeIdentifier,
		TypeRevision: a.typeRevision, ExternalIdentifier: a.externalIdentifier, Description: a.description,
		GlossaryTerms: slices.Clone(a.glossaryTerms), GovernedGlossaryTerms: slices.Clone(a.governedGlossaryTerms),
		Listing: a.listing, Forms: slices.Clone(a.forms), PredictionConfiguration: a.predictionConfiguration,
		Revision: a.revisions, FirstRevisionCreatedAt: &first, FirstRevisionCreatedBy: a.firstRevisionCreatedBy,
	}
}

func tokenDocs(tokens map[string]idempotentResult) []clientTokenDoc {
	docs := make([]clientTokenDoc, 0, len(tokens))
	for _, token := range slices.Sorted(maps.Keys(tokens)) {
		result := tokens[token]
		output, ok := result.output.(json.RawMessage)
		if !ok {
			output = mustJSON(result.output)
		}
		docs = append(docs, clientTokenDoc{Token: token, Fingerprint: result.fingerprint, Output: output})
	}
	return docs
}

// MarshalState returns the emulator's whole current state as an indented
// JSON document, in the format ParseSeed and LoadState read.
func (e *Emulator) MarshalState() []byte {
	e.mu.Lock()
	doc := e.state.document()
	e.mu.Unlock()
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		// Every member of a document encodes; an error here is a bug.
		panic(fmt.Sprintf("emulator: encoding the state: %v", err))
	}
	return append(data, '\n')
}

// LoadState replaces the emulator's state with the one in data, a document
// written by MarshalState (services it leaves out are empty). On error the
// state is unchanged and the error says what is wrong and where.
func (e *Emulator) LoadState(data []byte) error {
	doc, err := parseDocument(data)
	if err != nil {
		return fmt.Errorf("emulator: state: %w", err)
	}
	loaded := stateFrom(e.cfg, doc, false)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.state = loaded
	e.version++
	return nil
}

// Reset puts the emulator back to its seed data (Config.Seed, or the
// built-in seed) and drops pending faults. Request counts are kept.
func (e *Emulator) Reset() {
	fresh := e.seededState()
	e.mu.Lock()
	defer e.mu.Unlock()
	e.state = fresh
	e.faults = nil
	e.version++
}

// seededState is a new state holding the seed data of e's configuration.
func (e *Emulator) seededState() *state {
	if e.cfg.Seed == nil {
		return newState(e.cfg)
	}
	return stateFrom(e.cfg, e.cfg.Seed.doc, true)
}

// StateVersion returns a number that changes whenever the state may have
// changed: after each successful operation, LoadState and Reset.
func (e *Emulator) StateVersion() uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.version
}
