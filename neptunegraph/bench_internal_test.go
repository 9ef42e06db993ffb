package neptunegraph

import (
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
)

// benchInput is a realistic input with ten tags.
func benchInput() *CreateGraphSnapshotInput {
	tags := map[string]string{}
	for i := 0; i < 10; i++ {
		tags["team-"+strconv.Itoa(i)] = "graph analytics " + strconv.Itoa(i)
	}
	return &CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-2026-01-02"),
		Tags:            tags,
	}
}

const benchOutput = `{"id":"gs-abcde12345","name":"nightly-2026-01-02",` +
	`"arn":"arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345",` +
	`"sourceGraphId":"g-abcde12345","snapshotCreateTime":1767225600.123,"status":"CREATING",` +
	`"kmsKeyIdentifier":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}`

func BenchmarkEncode(b *testing.B) {
	in := benchInput()
	var req protocol.Request
	b.ReportAllocs()
	for b.Loop() {
		req.Body.Reset()
		encodeCreateGraphSnapshotInput(in, &req)
	}
}

func BenchmarkDecode(b *testing.B) {
	var r jsonwire.Reader
	b.ReportAllocs()
	b.SetBytes(int64(len(benchOutput)))
	for b.Loop() {
		var out CreateGraphSnapshotOutput
		r.Reset(benchOutput)
		decodeCreateGraphSnapshotOutput(&r, &out)
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
	}
}
