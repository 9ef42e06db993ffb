package emulator

import "net/http"

// state is everything the emulator stores; Emulator.mu guards it.
type state struct {
	cfg Config

	memoryDBSnapshots map[string]*memoryDBSnapshot

	lightsailRecords []exportSnapshotRecord

	neptuneGraphs        map[string]*neptuneGraph
	neptuneSnapshots     map[string]*graphSnapshot
	neptuneSnapshotNames map[string]string

	dataZoneDomains map[string]map[string]*dataZoneAsset
	dataZoneTokens  map[string]idempotentResult

	partnerEngagements map[engagementKey][]string
	partnerRevisions   map[snapshotKey]int32
	partnerTokens      map[string]idempotentResult
	partnerSnapshots   int
}

// idempotentResult is the answer to a request with a client token, kept so
// that a retry with the same token and input gets the same answer.
type idempotentResult struct {
	fingerprint string
	output      any
}

// newState returns a state holding the seed data.
func newState(cfg Config) *state {
	s := newEmptyState(cfg)
	seedMemoryDBSnapshots(s)
	seedLightsailRecords(s, cfg.LightsailRecords)
	seedNeptune(s)
	seedDataZone(s)
	seedPartnerCentral(s)
	return s
}

// newEmptyState returns a state holding no resources.
func newEmptyState(cfg Config) *state {
	return &state{
		cfg:                  cfg,
		memoryDBSnapshots:    make(map[string]*memoryDBSnapshot),
		neptuneGraphs:        make(map[string]*neptuneGraph),
		neptuneSnapshots:     make(map[string]*graphSnapshot),
		neptuneSnapshotNames: make(map[string]string),
		dataZoneDomains:      make(map[string]map[string]*dataZoneAsset),
		dataZoneTokens:       make(map[string]idempotentResult),
		partnerEngagements:   make(map[engagementKey][]string),
		partnerRevisions:     make(map[snapshotKey]int32),
		partnerTokens:        make(map[string]idempotentResult),
	}
}

// arn builds an ARN in the emulator's partition, region and account.
func (s *state) arn(service, resource string) string {
	return "arn:aws:" + service + ":" + s.cfg.Region + ":" + s.cfg.AccountID + ":" + resource
}

// replay looks a client token up: it returns the stored output when the
// token was used with the same input, and a ConflictException when it was
// used with another.
func replay(tokens map[string]idempotentResult, token, fingerprint string) (any, *apiError, bool) {
	previous, used := tokens[token]
	switch {
	case !used:
		return nil, nil, false
	case previous.fingerprint != fingerprint:
		return nil, newError(http.StatusConflict, "ConflictException",
			"The client token was already used with a different request."), true
	default:
		return previous.output, nil, true
	}
}
