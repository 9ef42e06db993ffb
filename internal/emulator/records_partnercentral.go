package emulator

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// PartnerCentralEngagement is a Partner Central engagement and the
// opportunities associated with it, as PutPartnerCentralEngagements stores
// it and PartnerCentralEngagements returns it.
type PartnerCentralEngagement struct {
	// Catalog is the catalog holding the engagement, such as "AWS" or "Sandbox".
	Catalog string
	// ID is the engagement identifier: "eng-" and 14 of [0-9a-z].
	ID string
	// Opportunities are the identifiers of the associated opportunities,
	// "O" and 1 to 19 digits each.
	Opportunities []string
}

// PartnerCentralSnapshot is one revision of a Partner Central resource
// snapshot, as PartnerCentralSnapshots returns it.
type PartnerCentralSnapshot struct {
	// Catalog, EngagementID, ResourceType, ResourceID and TemplateID name
	// the sequence of snapshots the revision belongs to.
	Catalog, EngagementID, ResourceType, ResourceID, TemplateID string
	// Revision counts up from 1 in each sequence.
	Revision int32
	// ARN is the snapshot's ARN.
	ARN string
}

// PutPartnerCentralEngagements stores Partner Central engagements,
// replacing the opportunities of any with the same catalog and ID. Either
// all engagements are stored or, with an error naming the first bad one,
// none.
func (e *Emulator) PutPartnerCentralEngagements(engagements ...PartnerCentralEngagement) error {
	for i, engagement := range engagements {
		if err := checkEngagement(engagement); err != nil {
			err.Resource = "Partner Central engagement " + itemNumber(i)
			return err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, engagement := range engagements {
		e.state.partnerEngagements[engagementKey{engagement.Catalog, engagement.ID}] = slices.Clone(engagement.Opportunities)
	}
	e.version++
	return nil
}

func checkEngagement(engagement PartnerCentralEngagement) *SeedError {
	mismatch := func(field, value string, p pattern) *SeedError {
		return &SeedError{Field: field, Problem: fmt.Sprintf("%q does not match %s", value, p.text)}
	}
	if !catalogPattern.match(engagement.Catalog) {
		return mismatch("Catalog", engagement.Catalog, catalogPattern)
	}
	if !engagementPattern.match(engagement.ID) {
		return mismatch("ID", engagement.ID, engagementPattern)
	}
	for i, opportunity := range engagement.Opportunities {
		if !resourceIdentifierPattern.match(opportunity) {
			return mismatch("Opportunities["+strconv.Itoa(i)+"]", opportunity, resourceIdentifierPattern)
		}
	}
	return nil
}

// PartnerCentralEngagements returns the Partner Central engagements,
// sorted by catalog and ID.
func (e *Emulator) PartnerCentralEngagements() []PartnerCentralEngagement {
	e.mu.Lock()
	defer e.mu.Unlock()
	keys := slices.SortedFunc(maps.Keys(e.state.partnerEngagements), func(a, b engagementKey) int {
		return cmp.Or(cmp.Compare(a.catalog, b.catalog), cmp.Compare(a.engagement, b.engagement))
	})
	out := make([]PartnerCentralEngagement, len(keys))
	for i, key := range keys {
		out[i] = PartnerCentralEngagement{
			Catalog: key.catalog, ID: key.engagement, Opportunities: slices.Clone(e.state.partnerEngagements[key]),
		}
	}
	return out
}

// PartnerCentralSnapshots returns every revision of every Partner Central
// resource snapshot the emulator created, sorted by catalog, engagement,
// resource type, resource, template and revision.
func (e *Emulator) PartnerCentralSnapshots() []PartnerCentralSnapshot {
	e.mu.Lock()
	defer e.mu.Unlock()
	keys := slices.SortedFunc(maps.Keys(e.state.partnerRevisions), func(a, b snapshotKey) int {
		return cmp.Or(cmp.Compare(a.catalog, b.catalog), cmp.Compare(a.engagement, b.engagement),
			cmp.Compare(a.resourceType, b.resourceType), cmp.Compare(a.resource, b.resource),
			cmp.Compare(a.template, b.template))
	})
	var out []PartnerCentralSnapshot
	for _, key := range keys {
		for revision := int32(1); revision <= e.state.partnerRevisions[key]; revision++ {
			out = append(out, PartnerCentralSnapshot{
				Catalog: key.catalog, EngagementID: key.engagement, ResourceType: key.resourceType,
				ResourceID: key.resource, TemplateID: key.template, Revision: revision,
				ARN: e.state.resourceSnapshotArn(key, revision),
			})
		}
	}
	return out
}
