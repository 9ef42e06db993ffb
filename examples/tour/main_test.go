package main

import (
	"bytes"
	"context"
	"strings"
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

const want = `MemoryDB CopySnapshot: seed-snapshot-1-tour is creating
Lightsail GetExportSnapshotRecords: 100 records on the first page, more: true
Neptune Analytics CreateGraphSnapshot: snapshot-tour of g-abcde12345 is CREATING
DataZone CreateAssetRevision: asset 3t2ng8cp3dqxmb is at revision 2
Partner Central CreateResourceSnapshot: revision 1
`

// TestHelpWarnsOfBillableResources checks that -h exits cleanly and that
// its text warns, where -aws is described, that AWS resources are created.
func TestHelpWarnsOfBillableResources(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, []string{"-h"}); err != nil {
		t.Fatalf("-h: %v", err)
	}
	help := out.String()
	for _, want := range []string{"creates real, billable resources", "-aws\n", "CREATES REAL, BILLABLE RESOURCES", "-memorydb-source"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
}
