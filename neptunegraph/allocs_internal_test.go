//go:build !race

// The race detector makes sync.Pool drop items at random, which the
// regular expressions use, so allocation counts hold only without it.

package neptunegraph

import (
	"testing"

	"github.com/awssnap/awssnap/internal/protocol"
)

func TestValidateAllocatesNothing(t *testing.T) {
	in := benchInput()
	if allocs := testing.AllocsPerRun(100, func() { _ = in.Validate() }); allocs != 0 {
		t.Errorf("validating a valid input allocates %v times, want 0", allocs)
	}
}

func TestEncodeAllocatesNothing(t *testing.T) {
	in := benchInput()
	var req protocol.Request
	req.Body.Grow(1024)
	allocs := testing.AllocsPerRun(100, func() {
		req.Body.Reset()
		encodeCreateGraphSnapshotInput(in, &req)
	})
	if allocs != 0 {
		t.Errorf("encoding ten tags allocates %v times, want 0", allocs)
	}
}
