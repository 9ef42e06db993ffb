package emulator

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

// NeptuneGraph is a Neptune Analytics graph, as PutNeptuneGraphs stores it.
type NeptuneGraph struct {
	// ID is the graph identifier: "g-" and 10 of [a-z0-9].
	ID string
	// KMSKeyIdentifier is the ARN of the key the graph, and so its
	// snapshots, are encrypted with; empty for an AWS-owned key.
	KMSKeyIdentifier string
}

// NeptuneGraphSnapshot is a Neptune Analytics graph snapshot, as
// PutNeptuneGraphSnapshots stores it and NeptuneGraphSnapshots returns it.
type NeptuneGraphSnapshot struct {
	// ID is the snapshot identifier; PutNeptuneGraphSnapshots makes a new
	// "gs-" one when it is empty.
	ID string
	// Name is the snapshot name, unique in the emulator.
	Name string
	// SourceGraphID is the graph the snapshot was taken of; it must exist.
	SourceGraphID string
	// CreatedAt is when the snapshot was taken; now on the emulator's clock
	// when zero.
	CreatedAt time.Time
	// KMSKeyIdentifier is the snapshot's key; the graph's when empty.
	KMSKeyIdentifier string
	// ARN is the snapshot's ARN. The emulator derives it from ID, so it
	// must be empty when the snapshot is stored.
	ARN string
	// Status is CREATING until the configured ready delay has passed since
	// CreatedAt, then AVAILABLE. The emulator derives it, so it must be
	// empty when the snapshot is stored.
	Status string
}

// PutNeptuneGraphs stores Neptune Analytics graphs, replacing any with the
// same ID. Either all graphs are stored or, with an error naming the first
// bad one, none.
func (e *Emulator) PutNeptuneGraphs(graphs ...NeptuneGraph) error {
	for i, graph := range graphs {
		if !graphIdentifierPattern.match(graph.ID) {
			return &SeedError{Resource: "Neptune graph " + itemNumber(i), Field: "ID",
				Problem: fmt.Sprintf("%q does not match %s", graph.ID, graphIdentifierPattern.text)}
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, graph := range graphs {
		e.state.neptuneGraphs[graph.ID] = &neptuneGraph{id: graph.ID, kmsKeyIdentifier: graph.KMSKeyIdentifier}
	}
	e.version++
	return nil
}

// PutNeptuneGraphSnapshots stores Neptune Analytics graph snapshots,
// replacing any with the same ID. Either all snapshots are stored or, with
// an error naming the first bad one, none.
func (e *Emulator) PutNeptuneGraphSnapshots(snapshots ...NeptuneGraphSnapshot) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	names := maps.Clone(e.state.neptuneSnapshotNames)
	stored := make([]*graphSnapshot, len(snapshots))
	for i, in := range snapshots {
		snapshot, err := e.state.graphSnapshotFrom(in, names, e.cfg.Now())
		if err != nil {
			err.Resource = "Neptune graph snapshot " + itemNumber(i)
			return err
		}
		for name, id := range names {
			if id == snapshot.id {
				delete(names, name)
			}
		}
		names[snapshot.name] = snapshot.id
		stored[i] = snapshot
	}
	for _, snapshot := range stored {
		if previous, found := e.state.neptuneSnapshots[snapshot.id]; found {
			delete(e.state.neptuneSnapshotNames, previous.name)
		}
		e.state.addGraphSnapshot(snapshot)
	}
	e.version++
	return nil
}

func (s *state) graphSnapshotFrom(in NeptuneGraphSnapshot, names map[string]string, now time.Time) (*graphSnapshot, *SeedError) {
	problem := func(field, format string, args ...any) *SeedError {
		return &SeedError{Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	switch {
	case in.ARN != "":
		return nil, problem("ARN", "is set; the emulator derives it from ID")
	case in.Status != "":
		return nil, problem("Status", "is set; the emulator derives it from CreatedAt")
	case len(in.Name) == 0 || len(in.Name) > 63 || !snapshotNamePattern.match(in.Name):
		return nil, problem("Name", "%q is not 1 to 63 characters matching %s", in.Name, snapshotNamePattern.text)
	}
	graph, found := s.neptuneGraphs[in.SourceGraphID]
	if !found {
		return nil, problem("SourceGraphID", "%q names no graph; put the graph first", in.SourceGraphID)
	}
	id := in.ID
	if id == "" {
		id = s.newGraphSnapshotID()
	}
	if other, taken := names[in.Name]; taken && other != id {
		return nil, problem("Name", "%q is already the name of snapshot %s", in.Name, other)
	}
	createdAt := in.CreatedAt
	if createdAt.IsZero() {
		createdAt = now
	}
	return &graphSnapshot{
		id: id, name: in.Name, graphID: graph.id, createdAt: time.UnixMilli(createdAt.UnixMilli()).UTC(),
		kmsKeyIdentifier: cmp.Or(in.KMSKeyIdentifier, graph.kmsKeyIdentifier),
	}, nil
}

// NeptuneGraphs returns the Neptune Analytics graphs, sorted by ID.
func (e *Emulator) NeptuneGraphs() []NeptuneGraph {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]NeptuneGraph, 0, len(e.state.neptuneGraphs))
	for _, id := range slices.Sorted(maps.Keys(e.state.neptuneGraphs)) {
		graph := e.state.neptuneGraphs[id]
		out = append(out, NeptuneGraph{ID: graph.id, KMSKeyIdentifier: graph.kmsKeyIdentifier})
	}
	return out
}

// NeptuneGraphSnapshots returns the Neptune Analytics graph snapshots,
// sorted by name, with their ARN and their status now.
func (e *Emulator) NeptuneGraphSnapshots() []NeptuneGraphSnapshot {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.cfg.Now()
	out := make([]NeptuneGraphSnapshot, 0, len(e.state.neptuneSnapshots))
	for _, name := range slices.Sorted(maps.Keys(e.state.neptuneSnapshotNames)) {
		snapshot := e.state.neptuneSnapshots[e.state.neptuneSnapshotNames[name]]
		status := "AVAILABLE"
		if now.Sub(snapshot.createdAt) < e.cfg.NeptuneSnapshotReadyDelay {
			status = "CREATING"
		}
		out = append(out, NeptuneGraphSnapshot{
			ID: snapshot.id, Name: snapshot.name, SourceGraphID: snapshot.graphID, CreatedAt: snapshot.createdAt,
			KMSKeyIdentifier: snapshot.kmsKeyIdentifier, ARN: e.state.arn("neptune-graph", "graph-snapshot/"+snapshot.id),
			Status: status,
		})
	}
	return out
}
