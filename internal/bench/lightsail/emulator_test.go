package lightsail

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/lightsail"
	ftypes "github.com/aws/aws-sdk-go-v2/service/lightsail/types"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/emulator"
	ours "github.com/awssnap/awssnap/lightsail"
)

func emulatorClients(endpoint *string) (*official.Client, *ours.Client) {
	fc := official.New(official.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint})
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint})
	return fc, oc
}

// TestEmulatorPaging pages through every seeded record with the official
// client (a page-token loop) and with our paginator: the same records, in
// the same pages.
func TestEmulatorPaging(t *testing.T) {
	t.Parallel()
	srv, endpoint := kit.StartEmulator(t, emulator.Config{})
	fc, oc := emulatorClients(endpoint)
	ctx := context.Background()
	var officialPages []any
	var token *string
	records := 0
	for {
		page, err := fc.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: token})
		if err != nil {
			t.Fatalf("official, page %d: %v", len(officialPages)+1, err)
		}
		records += len(page.ExportSnapshotRecords)
		officialPages = append(officialPages, kit.ViewOutput(page).Output)
		if aws.ToString(page.NextPageToken) == "" {
			break
		}
		token = page.NextPageToken
	}
	if want := srv.Emulator.LightsailRecordCount(); records != want {
		t.Errorf("official: %d records, want %d", records, want)
	}
	var oursPages []any
	p := ours.NewGetExportSnapshotRecordsPaginator(oc, nil)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ours, page %d: %v", len(oursPages)+1, err)
		}
		oursPages = append(oursPages, kit.ViewOutput(page).Output)
	}
	if diff := cmp.Diff(officialPages, oursPages); diff != "" {
		t.Errorf("pages differ (-official +ours):\n%s", diff)
	}
	t.Logf("%d records in %d pages", records, len(officialPages))
}

// TestEmulatorErrors checks the typed errors the official client gets from
// the emulator, and that ours observes the same.
func TestEmulatorErrors(t *testing.T) {
	t.Parallel()
	srv, endpoint := kit.StartEmulator(t, emulator.Config{})
	fc, oc := emulatorClients(endpoint)
	ctx := context.Background()
	token := aws.String("not-a-token")
	_, ferr := fc.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: token})
	_, oerr := oc.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{PageToken: token})
	var invalid *ftypes.InvalidInputException
	if !errors.As(ferr, &invalid) {
		t.Fatalf("official: want InvalidInputException, got %v", ferr)
	}
	if invalid.Code == nil || invalid.Docs == nil || invalid.Tip == nil {
		t.Errorf("official: code, docs and tip members not all decoded: %+v", invalid)
	}
	if diff := cmp.Diff(kit.ViewError(ferr).Normalized(), kit.ViewError(oerr).Normalized()); diff != "" {
		t.Errorf("errors differ (-official +ours):\n%s", diff)
	}

	// A throttled first attempt is retried by both clients.
	for _, call := range []func() error{
		func() error { _, err := fc.GetExportSnapshotRecords(ctx, nil); return err },
		func() error { _, err := oc.GetExportSnapshotRecords(ctx, nil); return err },
	} {
		srv.Emulator.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: emulator.OpGetExportSnapshotRecords})
		before := srv.Emulator.RequestCount(emulator.OpGetExportSnapshotRecords)
		if err := call(); err != nil {
			t.Errorf("after a throttle: %v", err)
		}
		if n := srv.Emulator.RequestCount(emulator.OpGetExportSnapshotRecords) - before; n != 2 {
			t.Errorf("%d requests, want 2 (a throttled one and its retry)", n)
		}
	}
}
