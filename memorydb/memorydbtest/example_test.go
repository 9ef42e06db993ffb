package memorydbtest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/memorydbtest"
	"github.com/awssnap/awssnap/memorydb/types"
)

// copyNightly is the code under test: it copies the snapshot "nightly".
func copyNightly(ctx context.Context, client *memorydb.Client) (*types.Snapshot, error) {
	out, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"),
		TargetSnapshotName: aws.String("nightly-copy"),
		Tags:               []types.Tag{{Key: aws.String("team"), Value: aws.String("data")}},
	})
	if err != nil {
		return nil, err
	}
	return out.Snapshot, nil
}

// A unit test seeds the snapshot its code copies, calls the code with a
// client of the server, then checks what the server stored and was sent.
func Example() {
	server := memorydbtest.NewServer()
	defer server.Close()
	err := server.SeedSnapshots(types.Snapshot{
		Name: aws.String("nightly"),
		ClusterConfiguration: &types.ClusterConfiguration{
			Name: aws.String("orders"), Engine: aws.String("valkey"), EngineVersion: aws.String("7.2"),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	client := memorydb.New(memorydb.Options{}, server.ClientOptions())
	snapshot, err := copyNightly(context.Background(), client)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("answer:", *snapshot.Name, *snapshot.Status, *snapshot.ClusterConfiguration.Engine)

	stored, _ := server.Snapshot("nightly-copy")
	tags, _ := server.SnapshotTags("nightly-copy")
	fmt.Println("stored:", *stored.Name, *stored.Status, *tags[0].Key+"="+*tags[0].Value)
	for _, request := range server.Requests() {
		fmt.Println("sent:", request.Method, request.Path, request.Status)
	}
	// Output:
	// answer: nightly-copy creating valkey
	// stored: nightly-copy creating team=data
	// sent: POST /service/AmazonMemoryDB/operation/CopySnapshot 200
}

// A throttled call fails with the service's throttling error when the
// client does not retry; the fault is used up, so the next call succeeds.
func ExampleServer_Throttle() {
	server := memorydbtest.NewServer()
	defer server.Close()
	if err := server.SeedSnapshots(types.Snapshot{Name: aws.String("nightly")}); err != nil {
		fmt.Println(err)
		return
	}
	server.Throttle(1)

	client := memorydb.New(memorydb.Options{RetryMaxAttempts: 1}, server.ClientOptions())
	_, err := copyNightly(context.Background(), client)
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("first call:", apiErr.ErrorCode())
	}
	_, err = copyNightly(context.Background(), client)
	fmt.Println("second call:", err)
	// Output:
	// first call: ThrottlingException
	// second call: <nil>
}

// When the connection drops after the copy is made, the caller sees an
// error although the copy exists, and calling again fails with
// SnapshotAlreadyExistsFault: the case a caller's retry logic must handle.
func ExampleServer_DropAfterApply() {
	server := memorydbtest.NewServer()
	defer server.Close()
	if err := server.SeedSnapshots(types.Snapshot{Name: aws.String("nightly")}); err != nil {
		fmt.Println(err)
		return
	}
	server.DropAfterApply(1)

	client := memorydb.New(memorydb.Options{}, server.ClientOptions())
	_, err := copyNightly(context.Background(), client)
	fmt.Println("call failed:", err != nil)
	_, found := server.Snapshot("nightly-copy")
	fmt.Println("copy exists:", found)
	_, err = copyNightly(context.Background(), client)
	var exists *types.SnapshotAlreadyExistsFault
	fmt.Println("calling again:", errors.As(err, &exists))
	// Output:
	// call failed: true
	// copy exists: true
	// calling again: true
}
