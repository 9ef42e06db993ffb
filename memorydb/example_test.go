package memorydb_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/memorydb/types"
)

// exampleClient returns a client of a local emulator, so the examples run
// without an AWS account. Against AWS, build the client with
// memorydb.NewFromConfig(cfg) from config.LoadDefaultConfig instead.
func exampleClient() (*memorydb.Client, func()) {
	srv, err := emulator.Start(emulator.Config{})
	if err != nil {
		log.Fatal(err)
	}
	client := memorydb.New(memorydb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	return client, func() { _ = srv.Close() }
}

func ExampleClient_CopySnapshot() {
	client, stop := exampleClient()
	defer stop()

	out, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("seed-snapshot-1"),
		TargetSnapshotName: aws.String("seed-snapshot-1-copy"),
		Tags:               []types.Tag{{Key: aws.String("team"), Value: aws.String("data")}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out.Snapshot.Name, *out.Snapshot.Status, *out.Snapshot.Source)
	// Output: seed-snapshot-1-copy creating manual
}

func ExampleClient_CopySnapshot_typedErrors() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("no-such-snapshot"),
		TargetSnapshotName: aws.String("copy"),
	})
	var notFound *types.SnapshotNotFoundFault
	if errors.As(err, &notFound) {
		fmt.Println("not found:", notFound.ErrorCode())
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("fault:", apiErr.ErrorFault())
	}
	// Output:
	// not found: SnapshotNotFoundFault
	// fault: client
}

func ExampleCopySnapshotInput_Validate() {
	in := &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"),
		TargetBucket:       aws.String("not a bucket name"),
	}
	fmt.Print(in.Validate())
	// Output:
	// 2 validation error(s) found.
	// - missing required field, CopySnapshotInput.TargetSnapshotName.
	// - CopySnapshotInput.TargetBucket: value "not a bucket name" does not match the pattern ^[A-Za-z0-9._-]+$
}

// ExampleOptions_protocol sends CopySnapshot in awsJson1_1, the
// service's protocol before Smithy RPC v2 CBOR, which the client sends
// without Options.Protocol, as the official client does since its v1.43.0.
func ExampleOptions_protocol() {
	client, stop := exampleClient()
	defer stop()

	out, err := client.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("seed-snapshot-2"),
		TargetSnapshotName: aws.String("seed-snapshot-2-json"),
	}, func(o *memorydb.Options) {
		o.Protocol = awsjson.New11(schemas.AmazonMemoryDB)
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out.Snapshot.Name, out.Snapshot.DataTiering, len(out.Snapshot.ClusterConfiguration.Shards))
	// Output: seed-snapshot-2-json true 2
}
