package memorydb

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"
	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/memorydb"
	otypes "github.com/awssnap/awssnap/memorydb/types"
)

// wireCase is one input, built for both clients from the same values.
type wireCase struct {
	name           string
	source, target *string
	bucket, kmsKey *string
	tags           [][2]*string // nil: no Tags member; empty: []
	tagsSet        bool
}

func (c wireCase) ours() *ours.CopySnapshotInput {
	in := &ours.CopySnapshotInput{SourceSnapshotName: c.source, TargetSnapshotName: c.target, TargetBucket: c.bucket, KmsKeyId: c.kmsKey}
	if c.tagsSet {
		in.Tags = []otypes.Tag{}
		for _, tag := range c.tags {
			in.Tags = append(in.Tags, otypes.Tag{Key: tag[0], Value: tag[1]})
		}
	}
	return in
}

func (c wireCase) official() *official.CopySnapshotInput {
	in := &official.CopySnapshotInput{SourceSnapshotName: c.source, TargetSnapshotName: c.target, TargetBucket: c.bucket, KmsKeyId: c.kmsKey}
	if c.tagsSet {
		in.Tags = []ftypes.Tag{}
		for _, tag := range c.tags {
			in.Tags = append(in.Tags, ftypes.Tag{Key: tag[0], Value: tag[1]})
		}
	}
	return in
}

// escapes holds every class of character the JSON encoders treat apart:
// quote, backslash, the short escapes, other C0 controls, DEL, U+2028 and
// U+2029, HTML-sensitive characters, slash, and multi-byte runes.
const escapes = "q\"b\\n\nr\rt\tf\fb\b\x00\x01\x1f\x7f <>&/ \u2028\u2029 é 漢字 😀"

var wireCases = []wireCase{
	{name: "required only", source: aws.String("nightly"), target: aws.String("nightly-copy")},
	{name: "every member", source: aws.String("nightly-2026-01-01"), target: aws.String("nightly-2026-01-01-copy"),
		bucket: aws.String("exports.example-bucket"), kmsKey: aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd"),
		tagsSet: true, tags: [][2]*string{{aws.String("env"), aws.String("prod")}, {aws.String("team"), nil}}},
	{name: "unicode and escapes", source: aws.String(escapes), target: aws.String("copy " + escapes),
		kmsKey: aws.String(escapes), tagsSet: true, tags: [][2]*string{{aws.String(escapes), aws.String(escapes)}}},
	{name: "empty strings and empty list", source: aws.String(""), target: aws.String(""), kmsKey: aws.String(""), tagsSet: true},
	{name: "empty tag", source: aws.String("a"), target: aws.String("b"), tagsSet: true, tags: [][2]*string{{nil, nil}}},
}

// TestWire sends each input through both clients to a capture server, at
// a fixed signing time with the same credentials, in each protocol, and
// compares the requests.
func TestWire(t *testing.T) {
	t.Parallel()
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	for _, p := range protocols {
		for _, tc := range wireCases {
			t.Run(p.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				srv := testutil.NewServer(t, p.emptyAnswer)
				ctx := context.Background()
				oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials,
					BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, Validation: ours.ValidationRequiredOnly}, p.ours)
				fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials,
					BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}}, p.official)
				if _, err := oc.CopySnapshot(ctx, tc.ours()); err != nil {
					t.Fatalf("ours: %v", err)
				}
				if _, err := fc.CopySnapshot(ctx, tc.official()); err != nil {
					t.Fatalf("official: %v", err)
				}
				reqs := srv.Requests()
				if len(reqs) != 2 {
					t.Fatalf("%d requests, want 2", len(reqs))
				}
				kit.CompareRequests(t, reqs[0], reqs[1])
				if got := kit.ViewRequest(reqs[0]); got.ContentType != p.contentType || got.Path != srv.Prefix+p.path {
					t.Errorf("sent Content-Type %q to %s, want %q to %s", got.ContentType, got.Path, p.contentType, srv.Prefix+p.path)
				}
			})
		}
	}
}

// TestWireBenchmarkBody checks that the floors of the benchmarks send what
// both clients send for the benchmark input, in each protocol.
func TestWireBenchmarkBody(t *testing.T) {
	t.Parallel()
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, p.emptyAnswer)
			ctx := context.Background()
			if _, err := newOurs(nil, *srv.Endpoint(), p.ours).CopySnapshot(ctx, oursInput()); err != nil {
				t.Fatal(err)
			}
			if _, err := newOfficial(nil, *srv.Endpoint(), p.official).CopySnapshot(ctx, officialInput()); err != nil {
				t.Fatal(err)
			}
			for _, r := range srv.Requests() {
				if r.Body != p.requestBody {
					t.Errorf("body %q\nwant %q", r.Body, p.requestBody)
				}
			}
		})
	}
}

// FuzzWire sends arbitrary inputs through both clients, ours checking only
// required members as the official client does: both refuse an input with
// the same message, or both send the same request. present says which
// members are set: bits 0-3 the source, target, bucket and KMS key, bit 4
// a tag list of one tag, bits 5 and 6 its key and value; cbor picks the
// protocol.
func FuzzWire(f *testing.F) {
	for _, tc := range wireCases {
		present, args := uint8(0), [6]string{}
		for i, p := range []*string{tc.source, tc.target, tc.bucket, tc.kmsKey} {
			if p != nil {
				present |= 1 << i
				args[i] = *p
			}
		}
		if tc.tagsSet && len(tc.tags) > 0 {
			present |= 1 << 4
			for i, p := range tc.tags[0] {
				if p != nil {
					present |= 1 << (5 + i)
					args[4+i] = *p
				}
			}
		}
		f.Add(args[0], args[1], args[2], args[3], args[4], args[5], present, false)
		f.Add(args[0], args[1], args[2], args[3], args[4], args[5], present, true)
	}
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	type pair struct {
		srv      *testutil.Server
		ours     *ours.Client
		official *official.Client
	}
	clients := func(p wireProtocol) pair {
		srv := testutil.NewServer(f, p.emptyAnswer)
		return pair{srv,
			ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials, RetryMaxAttempts: 1,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, Validation: ours.ValidationRequiredOnly}, p.ours),
			official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials, RetryMaxAttempts: 1,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}}, p.official)}
	}
	byProtocol := map[bool]pair{false: clients(jsonProtocol), true: clients(cborProtocol)}
	f.Fuzz(func(t *testing.T, source, target, bucket, kmsKey, tagKey, tagValue string, present uint8, cbor bool) {
		var tc wireCase
		for i, field := range []struct {
			dst **string
			v   string
		}{{&tc.source, source}, {&tc.target, target}, {&tc.bucket, bucket}, {&tc.kmsKey, kmsKey}} {
			if present&(1<<i) != 0 {
				*field.dst = aws.String(field.v)
			}
		}
		if present&(1<<4) != 0 {
			tc.tagsSet = true
			var tag [2]*string
			if present&(1<<5) != 0 {
				tag[0] = aws.String(tagKey)
			}
			if present&(1<<6) != 0 {
				tag[1] = aws.String(tagValue)
			}
			tc.tags = [][2]*string{tag}
		}
		c := byProtocol[cbor]
		ctx := context.Background()
		before := c.srv.Count()
		_, oErr := c.ours.CopySnapshot(ctx, tc.ours())
		sentOurs := c.srv.Count() > before
		_, fErr := c.official.CopySnapshot(ctx, tc.official())
		reqs := c.srv.Requests()[before:]
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("%+v (cbor %v):\nours err = %v\nofficial err = %v", tc, cbor, oErr, fErr)
		}
		if oErr != nil {
			if oErr.Error() != fErr.Error() {
				t.Fatalf("%+v (cbor %v): errors differ\nours:     %v\nofficial: %v", tc, cbor, oErr, fErr)
			}
			return
		}
		if !sentOurs || len(reqs) != 2 {
			t.Fatalf("%+v (cbor %v): %d requests, want 2", tc, cbor, len(reqs))
		}
		kit.CompareRequests(t, reqs[0], reqs[1])
	})
}

// FuzzEndpoints compares both clients' default endpoint resolvers on
// arbitrary parameters; see kit.FuzzEndpoints.
func FuzzEndpoints(f *testing.F) {
	kit.FuzzEndpoints(f, ours.NewDefaultEndpointResolverV2(), official.NewDefaultEndpointResolverV2(), nil)
}
