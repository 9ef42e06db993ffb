package memorydb

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/memorydb"
	otypes "github.com/awssnap/awssnap/memorydb/types"
)

const (
	contentType = "application/x-amz-json-1.1"
	target      = "AmazonMemoryDB.CopySnapshot"
	signingName = "memorydb"
)

// fullBody is a realistic CopySnapshot answer: a two-shard cluster
// snapshot with every member set.
const fullBody = `{"Snapshot":{"ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/nightly-2026-01-01-copy",` +
	`"ClusterConfiguration":{"Description":"Orders cache, production","Engine":"valkey","EngineVersion":"7.2",` +
	`"MaintenanceWindow":"wed:08:00-wed:09:00","MultiRegionClusterName":"orders-global","MultiRegionParameterGroupName":"default.memorydb-valkey7.multiregion",` +
	`"Name":"orders-prod","NodeType":"db.r6gd.xlarge","NumShards":2,"ParameterGroupName":"default.memorydb-valkey7","Port":6379,` +
	`"Shards":[{"Configuration":{"ReplicaCount":2,"Slots":"0-8191"},"Name":"0001","Size":"2 GB","SnapshotCreationTime":1767225600.123},` +
	`{"Configuration":{"ReplicaCount":2,"Slots":"8192-16383"},"Name":"0002","Size":"2 GB","SnapshotCreationTime":1767225600.456}],` +
	`"SnapshotRetentionLimit":7,"SnapshotWindow":"05:00-06:00","SubnetGroupName":"orders-subnets",` +
	`"TopicArn":"arn:aws:sns:us-east-1:111122223333:memorydb-events","VpcId":"vpc-0a1b2c3d4e5f67890"},` +
	`"DataTiering":"true","KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",` +
	`"Name":"nightly-2026-01-01-copy","Source":"manual","Status":"creating"}}`

// requestBody is what both clients send for benchInputs, for the floors.
const requestBody = `{"KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",` +
	`"SourceSnapshotName":"nightly-2026-01-01","Tags":[{"Key":"env","Value":"prod"},{"Key":"team","Value":"data"}],` +
	`"TargetBucket":"exports.example-bucket","TargetSnapshotName":"nightly-2026-01-01-copy"}`

func oursInput() *ours.CopySnapshotInput {
	return &ours.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly-2026-01-01"),
		TargetSnapshotName: aws.String("nightly-2026-01-01-copy"),
		TargetBucket:       aws.String("exports.example-bucket"),
		KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags: []otypes.Tag{
			{Key: aws.String("env"), Value: aws.String("prod")},
			{Key: aws.String("team"), Value: aws.String("data")},
		},
	}
}

func officialInput() *official.CopySnapshotInput {
	return &official.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly-2026-01-01"),
		TargetSnapshotName: aws.String("nightly-2026-01-01-copy"),
		TargetBucket:       aws.String("exports.example-bucket"),
		KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags: []ftypes.Tag{
			{Key: aws.String("env"), Value: aws.String("prod")},
			{Key: aws.String("team"), Value: aws.String("data")},
		},
	}
}

// newOurs returns our client sending with httpClient to endpoint (the
// default endpoint when empty).
func newOurs(httpClient ours.HTTPClient, endpoint string, optFns ...func(*ours.Options)) *ours.Client {
	options := ours.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return ours.New(options, optFns...)
}

// newOfficial returns the official client sending with httpClient to
// endpoint (the default endpoint when empty).
func newOfficial(httpClient official.HTTPClient, endpoint string, optFns ...func(*official.Options)) *official.Client {
	options := official.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return official.New(options, optFns...)
}

func fullResponse() kit.Response { return kit.JSONResponse(contentType, fullBody) }

func requestHeader() http.Header {
	return kit.Header("Content-Type", contentType, "X-Amz-Target", target)
}

func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+"/", requestHeader(), []byte(requestBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}
