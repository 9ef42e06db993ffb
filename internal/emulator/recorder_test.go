package emulator_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/neptunegraph"
)

func TestRecorderKeepsRequestsAndAnswers(t *testing.T) {
	t.Parallel()
	e, recorder, cfg := emptyServer(t, emulator.Config{})
	mdb := memorydb.NewFromConfig(cfg)
	copySnapshot := func() {
		_, _ = mdb.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy"),
		})
	}
	e.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle})
	copySnapshot()
	e.InjectFault(emulator.Fault{Kind: emulator.FaultDropBeforeProcessing})
	copySnapshot()
	_, _ = mdb.CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy"),
	}, func(o *memorydb.Options) { o.Protocol = awsjson.New11(schemas.AmazonMemoryDB) })
	_, _ = neptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("s"),
	})
	resp, err := (&http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}).Get(*cfg.BaseEndpoint + "/nowhere?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	type summary struct {
		operation, method, path string
		status                  int
		code                    string
	}
	want := []summary{
		{emulator.OpCopySnapshot, "POST", "/service/AmazonMemoryDB/operation/CopySnapshot", 400, "ThrottlingException"},
		{emulator.OpCopySnapshot, "POST", "/service/AmazonMemoryDB/operation/CopySnapshot", 0, ""},
		{emulator.OpCopySnapshot, "POST", "/", 404, "SnapshotNotFoundFault"},
		{emulator.OpCreateGraphSnapshot, "POST", "/snapshots", 404, "ResourceNotFoundException"},
		{"", "GET", "/nowhere?x=1", 404, "UnknownOperationException"},
	}
	got := recorder.Requests()
	if len(got) != len(want) {
		t.Fatalf("%d requests recorded, want %d: %+v", len(got), len(want), got)
	}
	for i, request := range got {
		if s := (summary{request.Operation, request.Method, request.Path, request.Status, request.ErrorCode}); s != want[i] {
			t.Errorf("request %d recorded as %+v, want %+v", i, s, want[i])
		}
		if request.Time.IsZero() || (request.Method == "POST" && request.Header.Get("Authorization") == "") {
			t.Errorf("request %d lacks its time or headers: %+v", i, request)
		}
	}
	// The first request is in Smithy RPC v2 CBOR, the third in awsJson1_1.
	if body := string(got[0].Body); !strings.Contains(body, "rSourceSnapshotNamegnightly") {
		t.Errorf("recorded body %q lacks the input", body)
	}
	if body := string(got[2].Body); !strings.Contains(body, `"SourceSnapshotName":"nightly"`) {
		t.Errorf("recorded body %q lacks the input", body)
	}
	got[2].Body[0] = 'X'
	got[2].Header.Set("Authorization", "changed")
	again := recorder.Requests()[2]
	if again.Body[0] == 'X' || again.Header.Get("Authorization") == "changed" {
		t.Error("Requests hands out the recorder's own body or headers")
	}
}
