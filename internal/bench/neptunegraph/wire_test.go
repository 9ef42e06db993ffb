package neptunegraph

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/neptunegraph"
)

// escapes holds every class of character the JSON encoders treat apart.
const escapes = "q\"b\\n\nr\rt\tf\fb\b\x00\x01\x1f\x7f <>&/ \u2028\u2029 é 漢字 😀"

// tagsPath is where the body holds a map, whose members the official
// client writes in random order.
var tagsPath = []string{"tags"}

// TestWire sends each input through both clients to a capture server, at
// a fixed signing time with the same credentials, and compares the
// requests. Our client runs with ValidationRequiredOnly, like the official
// one, so that inputs outside the model's patterns reach the wire too.
func TestWire(t *testing.T) {
	t.Parallel()
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	cases := []struct {
		name  string
		graph *string
		snap  *string
		tags  map[string]string
	}{
		{"required only", aws.String("g-abcde12345"), aws.String("nightly"), nil},
		{"every member, one tag", aws.String("g-abcde12345"), aws.String("nightly-2026-01-01"), map[string]string{"env": "prod"}},
		{"several tags", aws.String("g-abcde12345"), aws.String("s"), map[string]string{"b": "2", "a": "1", "c": "", "Z:z/x": "v", "+-=._": "w"}},
		{"empty tag map", aws.String("g-abcde12345"), aws.String("s"), map[string]string{}},
		{"unicode and escapes", aws.String(escapes), aws.String(escapes), map[string]string{escapes: escapes}},
		{"empty strings", aws.String(""), aws.String(""), map[string]string{"": ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
			ctx := context.Background()
			oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, Validation: ours.ValidationRequiredOnly})
			fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials,
				BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
			if _, err := oc.CreateGraphSnapshot(ctx, &ours.CreateGraphSnapshotInput{GraphIdentifier: tc.graph, SnapshotName: tc.snap, Tags: tc.tags}); err != nil {
				t.Fatalf("ours: %v", err)
			}
			if _, err := fc.CreateGraphSnapshot(ctx, &official.CreateGraphSnapshotInput{GraphIdentifier: tc.graph, SnapshotName: tc.snap, Tags: tc.tags}); err != nil {
				t.Fatalf("official: %v", err)
			}
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			kit.CompareRequests(t, reqs[0], reqs[1], tagsPath)
		})
	}
}

// TestWireBenchmarkBody checks that the floors of the benchmarks send what
// our client sends for the benchmark input, and the official client the
// same up to the order of the tags.
func TestWireBenchmarkBody(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
	ctx := context.Background()
	if _, err := newOurs(nil, *srv.Endpoint()).CreateGraphSnapshot(ctx, oursInput()); err != nil {
		t.Fatal(err)
	}
	if _, err := newOfficial(nil, *srv.Endpoint()).CreateGraphSnapshot(ctx, officialInput()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if reqs[0].Body != requestBody || reqs[0].Path != "/base/path"+path {
		t.Errorf("ours: %s %s\nwant %s", reqs[0].Path, reqs[0].Body, requestBody)
	}
	if err := kit.CompareJSON(requestBody, reqs[1].Body, tagsPath); err != nil {
		t.Errorf("official: %v", err)
	}
}

// FuzzWire sends arbitrary inputs through both clients, ours checking only
// required members as the official client does: both refuse an input with
// the same message, or both send the same request (the tags in any
// order). present says which members are set: bits 0 and 1 the graph and
// the snapshot name, bit 2 a tag map with key and value, bit 3 a second
// tag, key2 with an empty value.
func FuzzWire(f *testing.F) {
	f.Add("g-abcde12345", "nightly", "env", "prod", "team", uint8(0b1111))
	f.Add(escapes, escapes, escapes, escapes, "", uint8(0b0111))
	f.Add("", "", "", "", "", uint8(0b0011))
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	srv := testutil.NewServer(f, testutil.Response{Status: 201, Body: "{}"})
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials,
		BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, Validation: ours.ValidationRequiredOnly, RetryMaxAttempts: 1})
	fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials, RetryMaxAttempts: 1,
		BaseEndpoint: srv.Endpoint(), HTTPSignerV4: signer, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
	f.Fuzz(func(t *testing.T, graph, snap, key, value, key2 string, present uint8) {
		var g, s *string
		if present&1 != 0 {
			g = aws.String(graph)
		}
		if present&2 != 0 {
			s = aws.String(snap)
		}
		var tags map[string]string
		if present&4 != 0 {
			tags = map[string]string{key: value}
			if present&8 != 0 {
				tags[key2] = ""
			}
		}
		ctx := context.Background()
		before := srv.Count()
		_, oErr := oc.CreateGraphSnapshot(ctx, &ours.CreateGraphSnapshotInput{GraphIdentifier: g, SnapshotName: s, Tags: tags})
		sentOurs := srv.Count() > before
		_, fErr := fc.CreateGraphSnapshot(ctx, &official.CreateGraphSnapshotInput{GraphIdentifier: g, SnapshotName: s, Tags: tags})
		reqs := srv.Requests()[before:]
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("graph %v, snapshot %v, tags %q:\nours err = %v\nofficial err = %v", g, s, tags, oErr, fErr)
		}
		if oErr != nil {
			if oErr.Error() != fErr.Error() {
				t.Fatalf("graph %v, snapshot %v, tags %q: errors differ\nours:     %v\nofficial: %v", g, s, tags, oErr, fErr)
			}
			return
		}
		if !sentOurs || len(reqs) != 2 {
			t.Fatalf("graph %v, snapshot %v, tags %q: %d requests, want 2", g, s, tags, len(reqs))
		}
		kit.CompareRequests(t, reqs[0], reqs[1], tagsPath)
	})
}

// FuzzEndpoints compares both clients' default endpoint resolvers on
// arbitrary parameters; see kit.FuzzEndpoints.
func FuzzEndpoints(f *testing.F) {
	kit.FuzzEndpoints(f, ours.NewDefaultEndpointResolverV2(), official.NewDefaultEndpointResolverV2(), map[string]string{"ApiType": "ControlPlane"})
}
