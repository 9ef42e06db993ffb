package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// requestID matches the request IDs the emulator gives its answers.
var requestID = regexp.MustCompile(`(?m)^  request ID:  [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// TestRunAgainstEmulator runs the example against the in-process emulator
// and checks everything it prints; request IDs, which are random, must be
// UUIDs.
func TestRunAgainstEmulator(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, nil); err != nil {
		t.Fatal(err)
	}
	got := requestID.ReplaceAllString(out.String(), "  request ID:  (a UUID)")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

const want = `Neptune Analytics CreateGraphSnapshot with bad input (nothing is sent):
  type:        smithy.InvalidParamsError, 2 problems
  field:       CreateGraphSnapshotInput.GraphIdentifier: value "graph-1" does not match the pattern ^g-[a-z0-9]{10}$
  field:       CreateGraphSnapshotInput.SnapshotName: value "gs-Nightly" does not match the pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
MemoryDB CopySnapshot of a snapshot that does not exist:
  type:        *types.SnapshotNotFoundFault of github.com/awssnap/awssnap/memorydb/types
  code:        SnapshotNotFoundFault
  message:     Snapshot no-such-snapshot not found.
  fault:       client
  operation:   MemoryDB CopySnapshot
  HTTP status: 404
  request ID:  (a UUID)
Neptune Analytics CreateGraphSnapshot with a name that is taken:
  type:        *types.ConflictException of github.com/awssnap/awssnap/neptunegraph/types
  code:        ConflictException
  message:     A graph snapshot named seed-snapshot already exists.
  fault:       client
  operation:   Neptune Graph CreateGraphSnapshot
  HTTP status: 409
  request ID:  (a UUID)
  reason:      CONCURRENT_MODIFICATION
Partner Central CreateResourceSnapshot with bad input, checked by the service:
  type:        *types.ValidationException of github.com/awssnap/awssnap/partnercentral/types
  code:        ValidationException
  message:     2 validation errors detected: Value at 'EngagementIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^eng-[0-9a-z]{14}$; Value at 'ResourceIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^O[0-9]{1,19}$
  fault:       client
  operation:   PartnerCentral Selling CreateResourceSnapshot
  HTTP status: 400
  request ID:  (a UUID)
  reason:      REQUEST_VALIDATION_FAILED
  field:       EngagementIdentifier: Value at 'EngagementIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^eng-[0-9a-z]{14}$ (INVALID_STRING_FORMAT)
  field:       ResourceIdentifier: Value at 'ResourceIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^O[0-9]{1,19}$ (INVALID_STRING_FORMAT)
`
