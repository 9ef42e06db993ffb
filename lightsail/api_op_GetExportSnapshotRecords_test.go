package lightsail

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/testutil"
)

func TestGetExportSnapshotRecordsGoldenRequests(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		input  *GetExportSnapshotRecordsInput
		optFns []func(*Options)
	}{
		{name: "first-page-nil-input"},
		{name: "first-page", input: &GetExportSnapshotRecordsInput{}},
		{name: "empty-token", input: &GetExportSnapshotRecordsInput{PageToken: aws.String("")}},
		{name: "later-page", input: &GetExportSnapshotRecordsInput{PageToken: aws.String(pageToken(1))}},
		{name: "token-escapes", input: &GetExportSnapshotRecordsInput{
			PageToken: aws.String("q\"b\\s/n\nr\rt\tc\x00\x1f<>&del\x7f"),
		}},
		{name: "token-unicode", input: &GetExportSnapshotRecordsInput{
			PageToken: aws.String("é😀\u2028\u2029bad\xff\xfeend"),
		}},
		{name: "eu-south-2-dual-stack", input: &GetExportSnapshotRecordsInput{PageToken: aws.String("t")},
			optFns: []func(*Options){func(o *Options) {
				o.Region = "eu-south-2"
				o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
			}}},
		{name: "legacy-fips-region", optFns: []func(*Options){func(o *Options) { o.Region = "fips-us-east-2" }}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			client := newTestClient(nil, append([]func(*Options){viaServer(srv)}, tc.optFns...)...)
			_, err := client.GetExportSnapshotRecords(context.Background(), tc.input)
			must(t, err)
			requests := srv.Requests()
			if len(requests) != 1 {
				t.Fatalf("got %d requests, want 1", len(requests))
			}
			testutil.Golden(t, "GetExportSnapshotRecords/"+tc.name, testutil.Snapshot(requests[0]))
		})
	}
}

func TestGetExportSnapshotRecordsValidation(t *testing.T) {
	t.Parallel()
	// The input has no constraints: every token, in every mode, is sent.
	tokens := []*string{nil, aws.String(""), aws.String(" "), aws.String(strings.Repeat("é", 10000)), aws.String("\x00\xff")}
	modes := []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff}
	for _, mode := range modes {
		for _, token := range tokens {
			input := &GetExportSnapshotRecordsInput{PageToken: token}
			if err := input.Validate(); err != nil {
				t.Errorf("Validate(%q) = %v, want nil", aws.ToString(token), err)
			}
			srv := testutil.NewServer(t)
			_, err := newTestClient(srv.Endpoint(), func(o *Options) { o.Validation = mode }).GetExportSnapshotRecords(context.Background(), input)
			must(t, err)
			if srv.Count() != 1 {
				t.Errorf("mode %v token %q: %d requests, want 1", mode, aws.ToString(token), srv.Count())
			}
		}
	}
}
