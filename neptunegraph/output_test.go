package neptunegraph_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// outputOptions compare outputs without their result metadata.
var outputOptions = cmpopts.IgnoreFields(neptunegraph.CreateGraphSnapshotOutput{}, "ResultMetadata")

const fullOutput = `{
	"id": "gs-abcde12345",
	"name": "nightly-1",
	"arn": "arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345",
	"sourceGraphId": "g-abcde12345",
	"snapshotCreateTime": 1767225600.123,
	"status": "CREATING",
	"kmsKeyIdentifier": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`

func TestOutputDecoding(t *testing.T) {
	t.Parallel()
	created := time.Date(2026, 1, 1, 0, 0, 0, 123e6, time.UTC)
	tests := []struct {
		name string
		body string
		want *neptunegraph.CreateGraphSnapshotOutput
	}{
		{"every member", fullOutput, &neptunegraph.CreateGraphSnapshotOutput{
			Id:                 aws.String("gs-abcde12345"),
			Name:               aws.String("nightly-1"),
			Arn:                aws.String("arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345"),
			SourceGraphId:      aws.String("g-abcde12345"),
			SnapshotCreateTime: &created,
			Status:             types.SnapshotStatusCreating,
			KmsKeyIdentifier:   aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		}},
		{"integer seconds", `{"snapshotCreateTime":1767225600}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}},
		{"exponent", `{"snapshotCreateTime":1.7672256001234E9}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 123e6, time.UTC))}},
		{"fraction kept to the millisecond", `{"snapshotCreateTime":1767225600.9999}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 999e6, time.UTC))}},
		{"negative seconds", `{"snapshotCreateTime":-1.5}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(1969, 12, 31, 23, 59, 58, 500e6, time.UTC))}},
		{"nulls", `{"id":null,"name":null,"arn":null,"sourceGraphId":null,"snapshotCreateTime":null,"status":null,"kmsKeyIdentifier":null}`,
			&neptunegraph.CreateGraphSnapshotOutput{}},
		{"unknown members", `{"future":{"a":[1,2,{"b":null}]},"id":"gs-abcde12345","other":"x","n":1e400}`,
			&neptunegraph.CreateGraphSnapshotOutput{Id: aws.String("gs-abcde12345")}},
		{"unknown status kept", `{"status":"RESTORING"}`, &neptunegraph.CreateGraphSnapshotOutput{Status: "RESTORING"}},
		{"every status", `{"status":"AVAILABLE"}`, &neptunegraph.CreateGraphSnapshotOutput{Status: types.SnapshotStatusAvailable}},
		{"empty strings kept", `{"id":"","arn":""}`, &neptunegraph.CreateGraphSnapshotOutput{Id: aws.String(""), Arn: aws.String("")}},
		{"escaped strings", `{"name":"a\"b\\c\u00e9\n"}`, &neptunegraph.CreateGraphSnapshotOutput{Name: aws.String("a\"b\\cé\n")}},
		{"empty body", ``, &neptunegraph.CreateGraphSnapshotOutput{}},
		{"white space body", " \n", &neptunegraph.CreateGraphSnapshotOutput{}},
		{"empty object", `{}`, &neptunegraph.CreateGraphSnapshotOutput{}},
		{"null body", `null`, &neptunegraph.CreateGraphSnapshotOutput{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: tt.body,
				Header: map[string]string{"X-Amzn-RequestId": "req-out"}})
			out, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, out, outputOptions); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-out" {
				t.Errorf("request ID %q, want req-out", id)
			}
		})
	}
}

func TestOutputDecodingFailures(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body string }{
		{"truncated", `{"id":"gs-abcde12345"`},
		{"wrong type for a string", `{"id":5}`},
		{"wrong type for the status", `{"status":true}`},
		{"string timestamp", `{"snapshotCreateTime":"2026-01-01T00:00:00Z"}`},
		{"array body", `[]`},
		{"HTML body", `<html></html>`},
		{"trailing garbage inside", `{"id":"x",}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: tt.body,
				Header: map[string]string{"X-Amzn-RequestId": "req-bad"}})
			_, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
			var deserErr *smithy.DeserializationError
			if !errors.As(err, &deserErr) {
				t.Fatalf("error %v holds no *smithy.DeserializationError", err)
			}
			checkEnvelope(t, err, 201, "req-bad")
			if n := srv.Count(); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}
