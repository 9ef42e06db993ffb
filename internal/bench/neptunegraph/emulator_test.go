package neptunegraph

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	ftypes "github.com/aws/aws-sdk-go-v2/service/neptunegraph/types"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/emulator"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

// TestEmulator points the official client, and ours, at the emulator:
// each call succeeds or fails with the typed error it expects, and both
// clients observe the same.
func TestEmulator(t *testing.T) {
	t.Parallel()
	srv, endpoint := kit.StartEmulator(t, emulator.Config{})
	fc := official.New(official.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint})
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint,
		Validation: ours.ValidationRequiredOnly})
	cases := []struct {
		name    string
		graph   string
		snap    string // for a success, each client appends its own suffix
		tags    map[string]string
		wantErr func(error) bool
	}{
		{name: "create", graph: emulator.SeedNeptuneGraph, snap: "fresh", tags: map[string]string{"env": "test", "team": "graph"}},
		{name: "not found", graph: "g-0000000000", snap: "x", wantErr: kit.Is[*ftypes.ResourceNotFoundException]()},
		{name: "conflict", graph: emulator.SeedNeptuneGraph, snap: emulator.SeedNeptuneSnapshotName, wantErr: kit.Is[*ftypes.ConflictException]()},
		{name: "invalid graph id", graph: "graph-1", snap: "y", wantErr: kit.Is[*ftypes.ValidationException]()},
		{name: "invalid name", graph: emulator.SeedNeptuneGraph, snap: "gs-reserved", wantErr: kit.Is[*ftypes.ValidationException]()},
		{name: "invalid tag key", graph: emulator.SeedNeptuneGraph, snap: "z", tags: map[string]string{"bad key!": "v"}, wantErr: kit.Is[*ftypes.ValidationException]()},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsnap, osnap := tc.snap, tc.snap
			if tc.wantErr == nil {
				fsnap, osnap = tc.snap+"-official", tc.snap+"-ours"
			}
			before := srv.Emulator.RequestCount(emulator.OpCreateGraphSnapshot)
			fout, ferr := fc.CreateGraphSnapshot(ctx, &official.CreateGraphSnapshotInput{GraphIdentifier: aws.String(tc.graph), SnapshotName: aws.String(fsnap), Tags: tc.tags})
			oout, oerr := oc.CreateGraphSnapshot(ctx, &ours.CreateGraphSnapshotInput{GraphIdentifier: aws.String(tc.graph), SnapshotName: aws.String(osnap), Tags: tc.tags})
			if n := srv.Emulator.RequestCount(emulator.OpCreateGraphSnapshot) - before; n != 2 {
				t.Errorf("%d requests reached the emulator, want 2", n)
			}
			if tc.wantErr != nil {
				if !tc.wantErr(ferr) {
					t.Fatalf("official: unexpected error %v", ferr)
				}
				if diff := cmp.Diff(kit.ViewError(ferr).Normalized(), kit.ViewError(oerr).Normalized()); diff != "" {
					t.Errorf("errors differ (-official +ours):\n%s", diff)
				}
				return
			}
			if ferr != nil || oerr != nil {
				t.Fatalf("official err = %v, ours err = %v", ferr, oerr)
			}
			if fout.Status != ftypes.SnapshotStatusCreating || aws.ToString(fout.Name) != fsnap || aws.ToString(fout.SourceGraphId) != tc.graph {
				t.Errorf("official output: %+v", kit.ViewOutput(fout))
			}
			fv, ov := kit.ViewOutput(fout).Output.(map[string]any), kit.ViewOutput(oout).Output.(map[string]any)
			for _, m := range []map[string]any{fv, ov} {
				for _, k := range []string{"Id", "Name", "Arn", "SnapshotCreateTime"} {
					delete(m, k)
				}
			}
			if diff := cmp.Diff(fv, ov); diff != "" {
				t.Errorf("outputs differ beyond id, name and time (-official +ours):\n%s", diff)
			}
		})
	}
}
