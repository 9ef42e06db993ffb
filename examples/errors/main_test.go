package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRunAgainstEmulator runs the example against the in-process emulator
// and checks everything it prints.
func TestRunAgainstEmulator(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

const want = `validation: 2 problems, nothing sent
  CreateGraphSnapshotInput.GraphIdentifier: value "graph-1" does not match the pattern ^g-[a-z0-9]{10}$
  CreateGraphSnapshotInput.SnapshotName: value "gs-Nightly" does not match the pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
MemoryDB: SnapshotNotFoundFault: Snapshot no-such-snapshot not found.
  HTTP status 404, request ID present: true
Neptune Analytics: ConflictException (fault: client)
as smithy.APIError: code ConflictException, message mentions the name: true
`
