package neptunegraphtest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/neptunegraphtest"
)

// snapshotGraph is the code under test: it takes a snapshot of a graph
// and returns its ID.
func snapshotGraph(ctx context.Context, client *neptunegraph.Client, graphID, name string) (string, error) {
	out, err := client.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String(graphID),
		SnapshotName:    aws.String(name),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Id), nil
}

// A unit test seeds the graph its code takes a snapshot of, then finds the
// new snapshot in the server's state; with the default ready delay it is
// still CREATING.
func Example() {
	server := neptunegraphtest.NewServer()
	defer server.Close()
	if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789"}); err != nil {
		fmt.Println(err)
		return
	}

	client := neptunegraph.New(neptunegraph.Options{}, server.ClientOptions())
	id, err := snapshotGraph(context.Background(), client, "g-0123456789", "before-upgrade")
	if err != nil {
		fmt.Println(err)
		return
	}
	snapshot, _ := server.Snapshot("before-upgrade")
	fmt.Println("same ID:", snapshot.ID == id)
	fmt.Println("graph:", snapshot.SourceGraphID, "status:", snapshot.Status)
	// Output:
	// same ID: true
	// graph: g-0123456789 status: CREATING
}

// A snapshot name that is taken fails with ConflictException: a test seeds
// an existing snapshot to reach that path of its code.
func ExampleServer_SeedSnapshots() {
	server := neptunegraphtest.NewServer()
	defer server.Close()
	if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789"}); err != nil {
		fmt.Println(err)
		return
	}
	err := server.SeedSnapshots(neptunegraphtest.GraphSnapshot{
		Name: "nightly", SourceGraphID: "g-0123456789", CreatedAt: time.Now().Add(-time.Hour),
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	client := neptunegraph.New(neptunegraph.Options{}, server.ClientOptions())
	_, err = snapshotGraph(context.Background(), client, "g-0123456789", "nightly")
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.ErrorCode())
	}
	snapshot, _ := server.Snapshot("nightly")
	fmt.Println(snapshot.Status)
	// Output:
	// ConflictException
	// AVAILABLE
}

// A server whose clock runs 20 minutes ahead of the client's refuses the
// first signature as expired; the client corrects its clock by the
// server's Date header and its retry is accepted.
func Example_clockSkew() {
	server := neptunegraphtest.NewServer(func(o *neptunegraphtest.Options) {
		o.Now = func() time.Time { return time.Now().Add(20 * time.Minute) }
	})
	defer server.Close()
	if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789"}); err != nil {
		fmt.Println(err)
		return
	}

	client := neptunegraph.New(neptunegraph.Options{}, server.ClientOptions())
	_, err := snapshotGraph(context.Background(), client, "g-0123456789", "nightly")
	fmt.Println("error:", err)
	for _, request := range server.Requests() {
		fmt.Println(request.Status, request.ErrorCode)
	}
	// Output:
	// error: <nil>
	// 403 InvalidSignatureException
	// 201
}
