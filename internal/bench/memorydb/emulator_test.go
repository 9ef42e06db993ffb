package memorydb

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/emulator"
	ours "github.com/awssnap/awssnap/memorydb"
)

// TestEmulator points the official client, and ours, at the emulator in
// each of MemoryDB's protocols: each call succeeds or fails with the typed
// error it expects, and both clients observe the same.
func TestEmulator(t *testing.T) {
	t.Parallel()
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			testEmulator(t, p)
		})
	}
}

func testEmulator(t *testing.T, p wireProtocol) {
	srv, endpoint := kit.StartEmulator(t, emulator.Config{})
	seen := &contentTypes{}
	fc := official.New(official.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint,
		HTTPClient: seen}, p.official)
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint,
		Validation: ours.ValidationRequiredOnly, HTTPClient: seen}, p.ours)
	t.Cleanup(func() {
		for _, ct := range seen.list() {
			if ct != p.contentType {
				t.Errorf("a request or answer has Content-Type %q, want %q", ct, p.contentType)
			}
		}
	})
	cases := []struct {
		name    string
		in      wireCase // target gets a per-client suffix when suffix is set
		suffix  bool
		wantErr func(error) bool // checks the official typed error; nil for success
		sends   bool
	}{
		{name: "copy", in: wireCase{source: aws.String(emulator.SeedMemoryDBSnapshot), target: aws.String("copy-of-seed"),
			kmsKey: aws.String("alias/exports"), tagsSet: true, tags: [][2]*string{{aws.String("env"), aws.String("test")}}}, suffix: true, sends: true},
		{name: "not found", in: wireCase{source: aws.String("no-such-snapshot"), target: aws.String("x")},
			wantErr: kit.Is[*ftypes.SnapshotNotFoundFault](), sends: true},
		{name: "already exists", in: wireCase{source: aws.String(emulator.SeedMemoryDBSnapshot), target: aws.String(emulator.SeedMemoryDBTieredSnapshot)},
			wantErr: kit.Is[*ftypes.SnapshotAlreadyExistsFault](), sends: true},
		{name: "not available", in: wireCase{source: aws.String(emulator.SeedMemoryDBCreatingSnapshot), target: aws.String("y")},
			wantErr: kit.Is[*ftypes.InvalidSnapshotStateFault](), sends: true},
		{name: "invalid bucket", in: wireCase{source: aws.String(emulator.SeedMemoryDBSnapshot), target: aws.String("z"), bucket: aws.String("not a bucket!")},
			wantErr: kit.Is[*ftypes.InvalidParameterValueException](), sends: true},
		{name: "same names", in: wireCase{source: aws.String(emulator.SeedMemoryDBSnapshot), target: aws.String(emulator.SeedMemoryDBSnapshot)},
			wantErr: kit.Is[*ftypes.InvalidParameterCombinationException](), sends: true},
		{name: "missing required", in: wireCase{target: aws.String("w")}, wantErr: nil, sends: false},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fin, oin := tc.in.official(), tc.in.ours()
			if tc.suffix {
				fin.TargetSnapshotName = aws.String(*fin.TargetSnapshotName + "-official")
				oin.TargetSnapshotName = aws.String(*oin.TargetSnapshotName + "-ours")
			}
			before := srv.Emulator.RequestCount(emulator.OpCopySnapshot)
			fout, ferr := fc.CopySnapshot(ctx, fin)
			oout, oerr := oc.CopySnapshot(ctx, oin)
			if sent := srv.Emulator.RequestCount(emulator.OpCopySnapshot) - before; (sent == 2) != tc.sends {
				t.Errorf("%d requests reached the emulator", sent)
			}
			switch {
			case tc.name == "missing required":
				if ferr == nil || oerr == nil {
					t.Fatalf("want client-side errors, got %v and %v", ferr, oerr)
				}
			case tc.wantErr != nil:
				if !tc.wantErr(ferr) {
					t.Fatalf("official: unexpected error %v", ferr)
				}
			default:
				if ferr != nil || oerr != nil {
					t.Fatalf("official err = %v, ours err = %v", ferr, oerr)
				}
				if got := aws.ToString(fout.Snapshot.Name); got != *fin.TargetSnapshotName {
					t.Errorf("official: snapshot name %q", got)
				}
				fv, ov := kit.ViewOutput(fout).Output.(map[string]any), kit.ViewOutput(oout).Output.(map[string]any)
				if diff := cmp.Diff(stripNames(fv), stripNames(ov)); diff != "" {
					t.Errorf("outputs differ beyond the names (-official +ours):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(kit.ViewError(ferr).Normalized(), kit.ViewError(oerr).Normalized()); diff != "" {
				t.Errorf("errors differ (-official +ours):\n%s", diff)
			}
		})
	}
}

// stripNames drops the members of a copied snapshot that carry the
// client-specific target name.
func stripNames(out map[string]any) map[string]any {
	snapshot := out["Snapshot"].(map[string]any)
	delete(snapshot, "Name")
	delete(snapshot, "ARN")
	return out
}

// contentTypes is an HTTP client that notes the Content-Type of every
// request and answer.
type contentTypes struct {
	mu   sync.Mutex
	seen []string
}

func (c *contentTypes) Do(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultClient.Do(req)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen = append(c.seen, req.Header.Get("Content-Type"))
	if resp != nil {
		c.seen = append(c.seen, resp.Header.Get("Content-Type"))
	}
	return resp, err
}

func (c *contentTypes) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.seen...)
}
