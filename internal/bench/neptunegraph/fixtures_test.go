package neptunegraph

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

const (
	contentType = "application/json"
	signingName = "neptune-graph"
	path        = "/snapshots"
)

// fullBody is a realistic CreateGraphSnapshot answer, every member set.
const fullBody = `{"id":"gs-0a1b2c3d4e","name":"nightly-2026-01-01",` +
	`"arn":"arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-0a1b2c3d4e",` +
	`"sourceGraphId":"g-abcde12345","snapshotCreateTime":1767225600.123,"status":"CREATING",` +
	`"kmsKeyIdentifier":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}`

// requestBody is what both clients send for the benchmark inputs.
const requestBody = `{"graphIdentifier":"g-abcde12345","snapshotName":"nightly-2026-01-01","tags":{"env":"prod","team":"graph"}}`

func oursInput() *ours.CreateGraphSnapshotInput {
	return &ours.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-2026-01-01"),
		Tags:            map[string]string{"env": "prod", "team": "graph"},
	}
}

func officialInput() *official.CreateGraphSnapshotInput {
	return &official.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-2026-01-01"),
		Tags:            map[string]string{"env": "prod", "team": "graph"},
	}
}

func newOurs(httpClient ours.HTTPClient, endpoint string, optFns ...func(*ours.Options)) *ours.Client {
	options := ours.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return ours.New(options, optFns...)
}

func newOfficial(httpClient official.HTTPClient, endpoint string, optFns ...func(*official.Options)) *official.Client {
	options := official.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return official.New(options, optFns...)
}

func fullResponse() kit.Response { return kit.Canned(201, contentType, fullBody) }

func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+path, http.Header{"Content-Type": {contentType}}, []byte(requestBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}
