package emulator

import (
	"crypto/rand"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

var neptuneService = &service{
	signingName: "neptune-graph",
	namespace:   "com.amazonaws.neptunegraph",
	protocol:    restJSON1,
	messageKey:  "message",
	throttle:    errorSpec{code: "ThrottlingException", status: http.StatusTooManyRequests},
	internal:    errorSpec{code: "InternalServerException", status: http.StatusInternalServerError},
}

var createGraphSnapshotOperation = &operation{
	name:    OpCreateGraphSnapshot,
	service: neptuneService,
	success: http.StatusCreated,
	handle:  (*state).createGraphSnapshot,
}

var (
	graphIdentifierPattern = rePattern(`^g-[a-z0-9]{10}$`)
	// snapshotNamePattern is ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$ without the look-ahead.
	snapshotNamePattern = pattern{
		text: `^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`,
		match: func(s string) bool {
			return snapshotNameBody.MatchString(s) && !strings.HasPrefix(s, "gs-")
		},
	}
	snapshotNameBody  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	neptuneTagPattern = rePattern(`^[a-zA-Z+-=._:/]+$`)
)

// neptuneGraph is a seeded Neptune Analytics graph.
type neptuneGraph struct {
	id               string
	kmsKeyIdentifier string
}

// graphSnapshot is a stored Neptune Analytics graph snapshot.
type graphSnapshot struct {
	id               string
	name             string
	graphID          string
	createdAt        time.Time
	kmsKeyIdentifier string
}

type createGraphSnapshotInput struct {
	GraphIdentifier *string           `json:"graphIdentifier"`
	SnapshotName    *string           `json:"snapshotName"`
	Tags            map[string]string `json:"tags"`
}

type createGraphSnapshotOutput struct {
	ID                 string       `json:"id"`
	Name               string       `json:"name"`
	Arn                string       `json:"arn"`
	SourceGraphID      string       `json:"sourceGraphId"`
	SnapshotCreateTime epochSeconds `json:"snapshotCreateTime"`
	Status             string       `json:"status"`
	KmsKeyIdentifier   string       `json:"kmsKeyIdentifier,omitempty"`
}

func (s *state) createGraphSnapshot(c *call, now time.Time) (any, *apiError) {
	var in createGraphSnapshotInput
	if err := decodeInput(c.body, &in); err != nil {
		return nil, err
	}
	if err := validateCreateGraphSnapshot(&in); err != nil {
		return nil, err
	}
	graph, found := s.neptuneGraphs[*in.GraphIdentifier]
	if !found {
		return nil, newError(http.StatusNotFound, "ResourceNotFoundException",
			fmt.Sprintf("Graph %s does not exist.", *in.GraphIdentifier))
	}
	if _, taken := s.neptuneSnapshotNames[*in.SnapshotName]; taken {
		err := newError(http.StatusConflict, "ConflictException",
			fmt.Sprintf("A graph snapshot named %s already exists.", *in.SnapshotName))
		err.members = map[string]any{"reason": "CONCURRENT_MODIFICATION"}
		return nil, err
	}
	snapshot := &graphSnapshot{
		id: s.newGraphSnapshotID(), name: *in.SnapshotName, graphID: graph.id,
		createdAt: now, kmsKeyIdentifier: graph.kmsKeyIdentifier,
	}
	s.addGraphSnapshot(snapshot)
	return createGraphSnapshotOutput{
		ID: snapshot.id, Name: snapshot.name, Arn: s.arn("neptune-graph", "graph-snapshot/"+snapshot.id),
		SourceGraphID: graph.id, SnapshotCreateTime: epochSeconds(now),
		Status: "CREATING", KmsKeyIdentifier: snapshot.kmsKeyIdentifier,
	}, nil
}

func validateCreateGraphSnapshot(in *createGraphSnapshotInput) *apiError {
	var check checker
	if check.required("graphIdentifier", in.GraphIdentifier != nil) {
		check.pattern("graphIdentifier", *in.GraphIdentifier, graphIdentifierPattern)
	}
	if check.required("snapshotName", in.SnapshotName != nil) {
		check.length("snapshotName", *in.SnapshotName, 1, 63)
		check.pattern("snapshotName", *in.SnapshotName, snapshotNamePattern)
	}
	if in.Tags != nil {
		check.count("tags", len(in.Tags), 0, 50)
		for _, key := range slices.Sorted(maps.Keys(in.Tags)) {
			check.length("tags.key", key, 1, 128)
			check.pattern("tags.key", key, neptuneTagPattern)
			check.length("tags.value", in.Tags[key], 0, 256)
		}
	}
	if !check.failed() {
		return nil
	}
	err := newError(http.StatusBadRequest, "ValidationException", check.message())
	err.members = map[string]any{"reason": "CONSTRAINT_VIOLATION"}
	return err
}

func (s *state) addGraphSnapshot(snapshot *graphSnapshot) {
	s.neptuneSnapshots[snapshot.id] = snapshot
	s.neptuneSnapshotNames[snapshot.name] = snapshot.id
}

// newGraphSnapshotID returns an unused id "gs-" followed by 10 of [a-z0-9].
func (s *state) newGraphSnapshotID() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	for {
		random := make([]byte, 10)
		_, _ = rand.Read(random)
		for i, b := range random {
			random[i] = alphabet[int(b)%len(alphabet)]
		}
		id := "gs-" + string(random)
		if _, taken := s.neptuneSnapshots[id]; !taken {
			return id
		}
	}
}

// GraphSnapshotStatus returns the status of the Neptune graph snapshot named
// name (CREATING until Config.NeptuneSnapshotReadyDelay has passed on the
// emulator's clock, then AVAILABLE) and its id, or ok false if there is none.
func (e *Emulator) GraphSnapshotStatus(name string) (status, id string, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	id, ok = e.state.neptuneSnapshotNames[name]
	if !ok {
		return "", "", false
	}
	snapshot := e.state.neptuneSnapshots[id]
	if e.cfg.Now().Sub(snapshot.createdAt) < e.cfg.NeptuneSnapshotReadyDelay {
		return "CREATING", id, true
	}
	return "AVAILABLE", id, true
}

// GraphSnapshotCount returns how many Neptune graph snapshots of the graph
// graphID exist, seeded ones included.
func (e *Emulator) GraphSnapshotCount(graphID string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	count := 0
	for _, snapshot := range e.state.neptuneSnapshots {
		if snapshot.graphID == graphID {
			count++
		}
	}
	return count
}
