package lightsail

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/lightsail"
	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/lightsail"
)

// escapes holds every class of character the JSON encoders treat apart.
const escapes = "q\"b\\n\nr\rt\tf\fb\b\x00\x01\x1f\x7f <>&/ \u2028\u2029 é 漢字 😀"

// TestWire sends each input through both clients to a capture server, at
// a fixed signing time with the same credentials, and compares the
// requests.
func TestWire(t *testing.T) {
	t.Parallel()
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	cases := []struct {
		name  string
		token *string
	}{
		{"no input members", nil},
		{"page token", aws.String(pageToken(7))},
		{"empty page token", aws.String("")},
		{"unicode and escapes", aws.String(escapes)},
		{"invalid UTF-8", aws.String("a\xffb\xc3")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			ctx := context.Background()
			oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer})
			fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
			if _, err := oc.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{PageToken: tc.token}); err != nil {
				t.Fatalf("ours: %v", err)
			}
			if _, err := fc.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: tc.token}); err != nil {
				t.Fatalf("official: %v", err)
			}
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			kit.CompareRequests(t, reqs[0], reqs[1])
		})
	}
	t.Run("nil input", func(t *testing.T) {
		t.Parallel()
		srv := testutil.NewServer(t)
		ctx := context.Background()
		oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials,
			BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer})
		fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials,
			BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
		if _, err := oc.GetExportSnapshotRecords(ctx, nil); err != nil {
			t.Fatalf("ours: %v", err)
		}
		if _, err := fc.GetExportSnapshotRecords(ctx, nil); err != nil {
			t.Fatalf("official: %v", err)
		}
		reqs := srv.Requests()
		kit.CompareRequests(t, reqs[0], reqs[1])
	})
}

// FuzzWire sends arbitrary page tokens (or none, when present is false)
// through both clients and compares the requests, seeded with TestWire's.
func FuzzWire(f *testing.F) {
	f.Add("", false)
	for _, token := range []string{pageToken(7), "", escapes, "a\xffb\xc3"} {
		f.Add(token, true)
	}
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	srv := testutil.NewServer(f)
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials, RetryMaxAttempts: 1,
		BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer})
	fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials, RetryMaxAttempts: 1,
		BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
	f.Fuzz(func(t *testing.T, token string, present bool) {
		var in *string
		if present {
			in = aws.String(token)
		}
		ctx := context.Background()
		before := srv.Count()
		if _, err := oc.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{PageToken: in}); err != nil {
			t.Fatalf("ours: %v", err)
		}
		if _, err := fc.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: in}); err != nil {
			t.Fatalf("official: %v", err)
		}
		reqs := srv.Requests()[before:]
		if len(reqs) != 2 {
			t.Fatalf("%d requests, want 2", len(reqs))
		}
		kit.CompareRequests(t, reqs[0], reqs[1])
	})
}

// FuzzEndpoints compares both clients' default endpoint resolvers on
// arbitrary parameters; see kit.FuzzEndpoints.
func FuzzEndpoints(f *testing.F) {
	kit.FuzzEndpoints(f, ours.NewDefaultEndpointResolverV2(), official.NewDefaultEndpointResolverV2(), nil)
}
