package memorydb_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/types"
)

type violation struct{ Path, Rule string }

// violations lists the broken constraints in err, which must be the
// validation error of a call or of Validate.
func violations(t *testing.T, err error) []violation {
	t.Helper()
	var params smithy.InvalidParamsError
	if !errors.As(err, &params) {
		t.Fatalf("error %v is not a smithy.InvalidParamsError", err)
	}
	var got []violation
	for _, e := range params.Errs() {
		var v *validate.Violation
		if !errors.As(e, &v) {
			t.Fatalf("%T is not a *validate.Violation", e)
		}
		got = append(got, violation{v.Path(), v.Rule})
	}
	return got
}

func tags(n int) []types.Tag {
	list := make([]types.Tag, n)
	for i := range list {
		list[i] = types.Tag{Key: aws.String("k"), Value: aws.String("v")}
	}
	return list
}

func TestValidationRejects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		modify func(in *memorydb.CopySnapshotInput)
		want   []violation
	}{
		{"source missing", func(in *memorydb.CopySnapshotInput) { in.SourceSnapshotName = nil },
			[]violation{{"SourceSnapshotName", "required"}}},
		{"target missing", func(in *memorydb.CopySnapshotInput) { in.TargetSnapshotName = nil },
			[]violation{{"TargetSnapshotName", "required"}}},
		{"bucket too long", func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String(strings.Repeat("b", 256)) },
			[]violation{{"TargetBucket", "length"}}},
		{"bucket empty fails the pattern", func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String("") },
			[]violation{{"TargetBucket", "pattern"}}},
		{"bucket with a space", func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String("my bucket") },
			[]violation{{"TargetBucket", "pattern"}}},
		{"bucket with a multi-byte rune", func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String("bücket") },
			[]violation{{"TargetBucket", "pattern"}}},
		{"kms key too long", func(in *memorydb.CopySnapshotInput) { in.KmsKeyId = aws.String(strings.Repeat("k", 2049)) },
			[]violation{{"KmsKeyId", "length"}}},
		{"kms key too long in runes", func(in *memorydb.CopySnapshotInput) { in.KmsKeyId = aws.String(strings.Repeat("é", 2049)) },
			[]violation{{"KmsKeyId", "length"}}},
		{"too many tags", func(in *memorydb.CopySnapshotInput) { in.Tags = tags(201) },
			[]violation{{"Tags", "size"}}},
		{"several at once", func(in *memorydb.CopySnapshotInput) {
			in.SourceSnapshotName = nil
			in.TargetSnapshotName = nil
			in.TargetBucket = aws.String(strings.Repeat("?", 300))
			in.Tags = tags(500)
		}, []violation{
			{"SourceSnapshotName", "required"}, {"TargetSnapshotName", "required"},
			{"TargetBucket", "length"}, {"TargetBucket", "pattern"}, {"Tags", "size"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := valid()
			c.modify(in)
			if diff := cmp.Diff(c.want, violations(t, in.Validate())); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
			srv := testutil.NewServer(t)
			_, err := newJSONClient(srv).CopySnapshot(context.Background(), in)
			if diff := cmp.Diff(c.want, violations(t, err)); diff != "" {
				t.Errorf("CopySnapshot (-want +got):\n%s", diff)
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("the server saw %d requests, want none", n)
			}
		})
	}
}

func TestValidationAccepts(t *testing.T) {
	t.Parallel()
	cases := map[string]func(in *memorydb.CopySnapshotInput){
		"bucket at 255":       func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String(strings.Repeat("b", 255)) },
		"bucket characters":   func(in *memorydb.CopySnapshotInput) { in.TargetBucket = aws.String("A.z_0-9") },
		"kms key at 2048":     func(in *memorydb.CopySnapshotInput) { in.KmsKeyId = aws.String(strings.Repeat("k", 2048)) },
		"kms key 2048 runes":  func(in *memorydb.CopySnapshotInput) { in.KmsKeyId = aws.String(strings.Repeat("雪", 2048)) },
		"empty kms key":       func(in *memorydb.CopySnapshotInput) { in.KmsKeyId = aws.String("") },
		"200 tags":            func(in *memorydb.CopySnapshotInput) { in.Tags = tags(200) },
		"no tags":             func(in *memorydb.CopySnapshotInput) { in.Tags = []types.Tag{} },
		"empty required name": func(in *memorydb.CopySnapshotInput) { in.SourceSnapshotName = aws.String("") },
		"unicode names":       func(in *memorydb.CopySnapshotInput) { in.TargetSnapshotName = aws.String("雪😀") },
	}
	for name, modify := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := valid()
			modify(in)
			if err := in.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			srv := testutil.NewServer(t)
			if _, err := newJSONClient(srv).CopySnapshot(context.Background(), in); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestValidationModes(t *testing.T) {
	t.Parallel()
	bad := &memorydb.CopySnapshotInput{TargetBucket: aws.String("not a bucket")}
	srv := testutil.NewServer(t)

	_, err := newJSONClient(srv, func(o *memorydb.Options) { o.Validation = memorydb.ValidationRequiredOnly }).
		CopySnapshot(context.Background(), bad)
	want := []violation{{"SourceSnapshotName", "required"}, {"TargetSnapshotName", "required"}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("required-only client (-want +got):\n%s", diff)
	}

	// Per call: off sends the request unchecked.
	_, err = newJSONClient(srv).CopySnapshot(context.Background(), bad, func(o *memorydb.Options) { o.Validation = memorydb.ValidationOff })
	if err != nil {
		t.Fatalf("validation off: %v", err)
	}
	if n := srv.Count(); n != 1 {
		t.Fatalf("the server saw %d requests, want 1", n)
	}
	if got, want := srv.Requests()[0].Body, `{"TargetBucket":"not a bucket"}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestValidationMessage(t *testing.T) {
	t.Parallel()
	in := &memorydb.CopySnapshotInput{TargetSnapshotName: aws.String("t"), TargetBucket: aws.String("a b")}
	want := "2 validation error(s) found.\n" +
		"- missing required field, CopySnapshotInput.SourceSnapshotName.\n" +
		"- CopySnapshotInput.TargetBucket: value \"a b\" does not match the pattern ^[A-Za-z0-9._-]+$\n"
	if err := in.Validate(); err == nil || err.Error() != want {
		t.Errorf("message:\n%v\nwant:\n%s", err, want)
	}
}

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   *memorydb.CopySnapshotInput
	}{
		{"required_only", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snap-a"),
			TargetSnapshotName: aws.String("snap-a-copy"),
		}},
		{"every_member", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snap-a"),
			TargetSnapshotName: aws.String("snap-a-copy"),
			TargetBucket:       aws.String("my-bucket.exports_1"),
			KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
			Tags: []types.Tag{
				{Key: aws.String("env"), Value: aws.String("dev")},
				{Key: aws.String("empty"), Value: aws.String("")},
				{Key: aws.String("null-value")},
			},
		}},
		{"unicode_and_escapes", &memorydb.CopySnapshotInput{
			SourceSnapshotName: aws.String("snäp \"quoted\" \\ back/slash"),
			TargetSnapshotName: aws.String("雪-😀\n\t\u2028<&>\x01"),
			Tags:               []types.Tag{},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			client := newJSONClient(srv, func(o *memorydb.Options) {
				o.BaseEndpoint = nil // the real endpoint, delivered to the capture server
				o.HTTPClient = srv.HTTPClient()
			})
			if _, err := client.CopySnapshot(context.Background(), c.in); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, c.name, testutil.Snapshot(srv.Requests()[0]))
		})
	}
}
