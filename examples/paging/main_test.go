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

const want = `page 1: 100 records
page 2: 100 records
page 3: 50 records
250 records, 25 of them failed exports
first record: export-snapshot-record-0000 (Succeeded)
`
