package neptunegraph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
)

func benchmarkInput() *neptunegraph.CreateGraphSnapshotInput {
	in := validInput()
	in.Tags = map[string]string{}
	for i := 0; i < 10; i++ {
		in.Tags["team-"+strconv.Itoa(i)] = "graph analytics " + strconv.Itoa(i)
	}
	return in
}

func BenchmarkValidate(b *testing.B) {
	in := benchmarkInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCall(b *testing.B) {
	body := []byte(`{"id":"gs-abcde12345","name":"nightly-1",` +
		`"arn":"arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345",` +
		`"sourceGraphId":"g-abcde12345","snapshotCreateTime":1767225600.123,"status":"CREATING",` +
		`"kmsKeyIdentifier":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}`)
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "bench")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(body)
	}))
	defer server.Close()
	client := neptunegraph.New(neptunegraph.Options{
		Region: "us-east-1", Credentials: testutil.Credentials, BaseEndpoint: aws.String(server.URL),
	})
	in := benchmarkInput()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CreateGraphSnapshot(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
