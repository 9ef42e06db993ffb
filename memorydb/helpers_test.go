package memorydb_test

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
)

// call makes a CopySnapshot call of the valid input and returns its error.
func call(client *memorydb.Client, ctx context.Context, optFns ...func(*memorydb.Options)) error {
	_, err := client.CopySnapshot(ctx, valid(), optFns...)
	return err
}

// noBackoff retries at once, so retry tests run fast.
var noBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

// newClient is a client that sends to srv, signs at a fixed time and
// retries without waiting.
func newClient(srv *testutil.Server, optFns ...func(*memorydb.Options)) *memorydb.Client {
	return memorydb.New(memorydb.Options{
		Region:       "us-east-1",
		BaseEndpoint: srv.Endpoint(),
		Credentials:  testutil.Credentials,
		HTTPSignerV4: testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:      retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff }),
	}, optFns...)
}

// awsJSON selects awsJson1_1, for the tests of that protocol's encoder
// and decoders.
func awsJSON(o *memorydb.Options) { o.Protocol = awsjson.New11(schemas.AmazonMemoryDB) }

// newJSONClient is newClient in awsJson1_1.
func newJSONClient(srv *testutil.Server, optFns ...func(*memorydb.Options)) *memorydb.Client {
	return newClient(srv, append([]func(*memorydb.Options){awsJSON}, optFns...)...)
}

// valid is an input that sets only the required members.
func valid() *memorydb.CopySnapshotInput {
	return &memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("src"), TargetSnapshotName: aws.String("dst")}
}
