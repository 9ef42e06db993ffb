package testserver

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
)

func TestFaultsAimAtTheServersOperation(t *testing.T) {
	t.Parallel()
	server := Start(emulator.OpGetExportSnapshotRecords, Options{Region: "eu-central-1"})
	t.Cleanup(server.Close)
	cfg := server.Config()
	cfg.RetryMaxAttempts = 1
	if cfg.Region != "eu-central-1" || aws.ToString(cfg.BaseEndpoint) != server.URL {
		t.Fatalf("Config has region %q and endpoint %q", cfg.Region, aws.ToString(cfg.BaseEndpoint))
	}
	server.Throttle(0)
	if server.PendingFaults() != 1 {
		t.Fatalf("%d pending faults after injecting one for zero requests, want 1", server.PendingFaults())
	}

	// A request for another operation is not affected by the fault.
	_, _ = memorydb.NewFromConfig(cfg).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
	})
	ls := lightsail.NewFromConfig(cfg)
	_, throttled := ls.GetExportSnapshotRecords(context.Background(), nil)
	_, err := ls.GetExportSnapshotRecords(context.Background(), nil)
	if err != nil {
		t.Fatalf("second Lightsail call: %v", err)
	}
	if throttled == nil {
		t.Fatal("the first Lightsail call was not throttled")
	}
	var codes []string
	for _, request := range server.Requests() {
		codes = append(codes, request.Operation+":"+request.ErrorCode)
	}
	want := []string{"CopySnapshot:SnapshotNotFoundFault", "GetExportSnapshotRecords:ThrottlingException", "GetExportSnapshotRecords:"}
	if len(codes) != len(want) || codes[0] != want[0] || codes[1] != want[1] || codes[2] != want[2] {
		t.Errorf("requests %v, want %v", codes, want)
	}
}
