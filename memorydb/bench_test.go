package memorydb_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/memorydb/types"
)

func benchInput() *memorydb.CopySnapshotInput {
	return &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly-2026-01-01"),
		TargetSnapshotName: aws.String("nightly-2026-01-01-copy"),
		TargetBucket:       aws.String("exports.example-bucket"),
		KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags: []types.Tag{
			{Key: aws.String("env"), Value: aws.String("prod")},
			{Key: aws.String("team"), Value: aws.String("data")},
		},
	}
}

// jsonProtocol selects awsJson1_1, the protocol the benchmarks' canned
// responses are written in; the client's default, Smithy RPC v2 CBOR, is
// measured against the official client's in internal/bench.
var jsonProtocol = awsjson.New11(schemas.AmazonMemoryDB)

// BenchmarkCopySnapshot measures one whole call over loopback against a
// server answering with a full snapshot.
func BenchmarkCopySnapshot(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Amzn-RequestId", "req-1")
		_, _ = io.WriteString(w, fullResponse)
	}))
	defer srv.Close()
	client := memorydb.New(memorydb.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: testutil.Credentials,
		Protocol: jsonProtocol,
	})
	in := benchInput()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CopySnapshot(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// cannedTransport answers every request with the same response, so the
// client's own cost shows without the network.
type cannedTransport struct{ body string }

func (t cannedTransport) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"X-Amzn-Requestid": {"req-1"}},
		Body:          io.NopCloser(strings.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
	}, nil
}

// BenchmarkCopySnapshotClientSide measures the client alone: validation,
// encoding, signing and decoding, with an HTTP client that answers at once.
func BenchmarkCopySnapshotClientSide(b *testing.B) {
	client := memorydb.New(memorydb.Options{
		Region: "us-east-1", Credentials: testutil.Credentials, HTTPClient: cannedTransport{body: fullResponse},
		Protocol: jsonProtocol,
	})
	in := benchInput()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CopySnapshot(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	in := benchInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
