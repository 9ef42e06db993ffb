package emulator

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	dztypes "github.com/awssnap/awssnap/datazone/types"
)

// DataZoneAsset is a DataZone asset at its latest revision, as
// PutDataZoneAssets stores it and DataZoneAssets returns it.
type DataZoneAsset struct {
	// DomainID is the domain holding the asset, such as "dzd_a1b2c3"; it is
	// created when missing.
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
	Listing *dztypes.AssetListingDetails
	// Forms are the asset's metadata forms; each needs a FormName.
	Forms []dztypes.FormOutput
	// PredictionConfiguration is the asset's business name generation setting.
	PredictionConfiguration *dztypes.PredictionConfiguration
	// Revision is the number of the latest revision; 1 when zero.
	Revision int
	// FirstRevisionCreatedAt is when the first revision was made; now on the
	// emulator's clock when zero.
	FirstRevisionCreatedAt time.Time
	// FirstRevisionCreatedBy is the user who made the first revision;
	// SeedUserID when empty.
	FirstRevisionCreatedBy string
}

// PutDataZoneDomains creates empty DataZone domains; a domain that exists
// keeps its assets.
func (e *Emulator) PutDataZoneDomains(domainIDs ...string) error {
	for i, id := range domainIDs {
		if !domainIDPattern.match(id) {
			return &SeedError{Resource: "DataZone domain " + itemNumber(i), Field: "ID",
				Problem: fmt.Sprintf("%q does not match %s", id, domainIDPattern.text)}
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, id := range domainIDs {
		if e.state.dataZoneDomains[id] == nil {
			e.state.dataZoneDomains[id] = make(map[string]*dataZoneAsset)
		}
	}
	e.version++
	return nil
}

// PutDataZoneAssets stores DataZone assets, replacing any with the same
// domain and ID and creating missing domains. Either all assets are stored
// or, with an error naming the first bad one, none.
func (e *Emulator) PutDataZoneAssets(assets ...DataZoneAsset) error {
	stored := make([]*dataZoneAsset, len(assets))
	for i, in := range assets {
		asset, err := dataZoneAssetFrom(in)
		if err != nil {
			err.Resource = "DataZone asset " + itemNumber(i)
			return err
		}
		stored[i] = asset
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, asset := range stored {
		if asset.firstRevisionCreatedAt.IsZero() {
			asset.firstRevisionCreatedAt = time.UnixMilli(e.cfg.Now().UnixMilli()).UTC()
		}
		domain := assets[i].DomainID
		if e.state.dataZoneDomains[domain] == nil {
			e.state.dataZoneDomains[domain] = make(map[string]*dataZoneAsset)
		}
		e.state.dataZoneDomains[domain][asset.id] = asset
	}
	e.version++
	return nil
}

func dataZoneAssetFrom(in DataZoneAsset) (*dataZoneAsset, *SeedError) {
	problem := func(field, format string, args ...any) *SeedError {
		return &SeedError{Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	switch {
	case !domainIDPattern.match(in.DomainID):
		return nil, problem("DomainID", "%q does not match %s", in.DomainID, domainIDPattern.text)
	case !assetIDPattern.match(in.ID):
		return nil, problem("ID", "%q does not match %s", in.ID, assetIDPattern.text)
	case len(in.Name) == 0 || len(in.Name) > 256:
		return nil, problem("Name", "is %d characters long, not 1 to 256", len(in.Name))
	case in.OwningProjectID == "":
		return nil, problem("OwningProjectID", "is empty")
	case in.TypeIdentifier == "":
		return nil, problem("TypeIdentifier", "is empty")
	case in.Revision < 0:
		return nil, problem("Revision", "is %d, below 0", in.Revision)
	}
	out := &dataZoneAsset{
		id: in.ID, name: in.Name, owningProjectID: in.OwningProjectID,
		typeIdentifier: in.TypeIdentifier, typeRevision: cmp.Or(in.TypeRevision, "1"),
		externalIdentifier: in.ExternalIdentifier, description: in.Description,
		glossaryTerms: slices.Clone(in.GlossaryTerms), governedGlossaryTerms: slices.Clone(in.GovernedGlossaryTerms),
		revisions:              cmp.Or(in.Revision, 1),
		firstRevisionCreatedBy: cmp.Or(in.FirstRevisionCreatedBy, SeedUserID),
	}
	if !in.FirstRevisionCreatedAt.IsZero() {
		out.firstRevisionCreatedAt = time.UnixMilli(in.FirstRevisionCreatedAt.UnixMilli()).UTC()
	}
	if in.Listing != nil {
		out.listing = &assetListing{ListingID: text(in.Listing.ListingId), ListingStatus: string(in.Listing.ListingStatus)}
	}
	for i, form := range in.Forms {
		if text(form.FormName) == "" {
			return nil, problem("Forms["+strconv.Itoa(i)+"].FormName", "is empty")
		}
		out.forms = append(out.forms, formOutput{
			FormName: *form.FormName, TypeName: text(form.TypeName), TypeRevision: text(form.TypeRevision),
			Content: text(form.Content),
		})
	}
	if config := in.PredictionConfiguration; config != nil {
		out.predictionConfiguration = &predictionConfiguration{}
		if generation := config.BusinessNameGeneration; generation != nil {
			out.predictionConfiguration.BusinessNameGeneration = &businessNameGeneration{Enabled: cloneBool(generation.Enabled)}
		}
	}
	return out, nil
}

// DataZoneDomains returns the IDs of the DataZone domains, sorted.
func (e *Emulator) DataZoneDomains() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Sorted(maps.Keys(e.state.dataZoneDomains))
}

// DataZoneAssets returns the assets of a DataZone domain at their latest
// revision, sorted by ID; none when there is no such domain.
func (e *Emulator) DataZoneAssets(domainID string) []DataZoneAsset {
	e.mu.Lock()
	defer e.mu.Unlock()
	assets := e.state.dataZoneDomains[domainID]
	out := make([]DataZoneAsset, 0, len(assets))
	for _, id := range slices.Sorted(maps.Keys(assets)) {
		out = append(out, assets[id].typed(domainID))
	}
	return out
}

func (a *dataZoneAsset) typed(domainID string) DataZoneAsset {
	out := DataZoneAsset{
		DomainID: domainID, ID: a.id, Name: a.name, OwningProjectID: a.owningProjectID,
		TypeIdentifier: a.typeIdentifier, TypeRevision: a.typeRevision,
		ExternalIdentifier: a.externalIdentifier, Description: a.description,
		GlossaryTerms: slices.Clone(a.glossaryTerms), GovernedGlossaryTerms: slices.Clone(a.governedGlossaryTerms),
		Revision: a.revisions, FirstRevisionCreatedAt: a.firstRevisionCreatedAt, FirstRevisionCreatedBy: a.firstRevisionCreatedBy,
	}
	if a.listing != nil {
		out.Listing = &dztypes.AssetListingDetails{
			ListingId: optionalText(a.listing.ListingID), ListingStatus: dztypes.ListingStatus(a.listing.ListingStatus),
		}
	}
	for _, form := range a.forms {
		out.Forms = append(out.Forms, dztypes.FormOutput{
			FormName: optionalText(form.FormName), TypeName: optionalText(form.TypeName),
			TypeRevision: optionalText(form.TypeRevision), Content: optionalText(form.Content),
		})
	}
	if config := a.predictionConfiguration; config != nil {
		out.PredictionConfiguration = &dztypes.PredictionConfiguration{}
		if generation := config.BusinessNameGeneration; generation != nil {
			out.PredictionConfiguration.BusinessNameGeneration = &dztypes.BusinessNameGenerationConfiguration{
				Enabled: cloneBool(generation.Enabled),
			}
		}
	}
	return out
}

// cloneBool returns a pointer to a copy of the bool p points to, or nil.
func cloneBool(p *bool) *bool {
	if p == nil {
		return nil
	}
	value := *p
	return &value
}
