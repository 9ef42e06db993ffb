package usertest

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/memorydbtest"
	"github.com/awssnap/awssnap/memorydb/types"
)

// TestCopyNightly is the README's sample, as it is printed there.
func TestCopyNightly(t *testing.T) {
	ctx := context.Background()
	server := memorydbtest.NewServer()
	defer server.Close()
	if err := server.SeedSnapshots(types.Snapshot{Name: aws.String("nightly")}); err != nil {
		t.Fatal(err)
	}
	server.Throttle(1) // the first call is throttled; the client retries it

	client := memorydb.New(memorydb.Options{}, server.ClientOptions())
	if _, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"),
		TargetSnapshotName: aws.String("nightly-copy"),
	}); err != nil {
		t.Fatal(err)
	}
	if _, found := server.Snapshot("nightly-copy"); !found || len(server.Requests()) != 2 {
		t.Errorf("copy stored: %v after %d requests", found, len(server.Requests()))
	}
}
