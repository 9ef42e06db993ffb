package memorydb

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/memorydb/types"
)

func fzClient(transport *testutil.FuzzTransport, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:  transport,
		Retryer:     aws.NopRetryer{},
		// The checks read the awsJson1_1 body.
		Protocol: awsjson.New11(schemas.AmazonMemoryDB),
	}, optFns...)
}

// FuzzCopySnapshotOutput feeds arbitrary bodies to the output decoder: it
// never panics, and it accepts only bodies whose first value is JSON.
func FuzzCopySnapshotOutput(f *testing.F) {
	f.Add(`{"Snapshot":{"Name":"a","ClusterConfiguration":{"Shards":[{"SnapshotCreationTime":1.5e9}]}}}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r jsonwire.Reader
		r.Reset(body)
		var out CopySnapshotOutput
		if r.Empty() {
			return
		}
		decodeCopySnapshotOutput(&r, &out)
		if r.Err() != nil {
			return
		}
		var v any
		if err := json.NewDecoder(strings.NewReader(body)).Decode(&v); err != nil {
			t.Fatalf("decoder accepted %q, which is not JSON: %v", body, err)
		}
		if _, ok := v.(map[string]any); !ok && v != nil {
			t.Fatalf("decoder accepted %q, which is not an object", body)
		}
	})
}

// FuzzCopySnapshotResponse runs whole calls against arbitrary responses:
// a call returns an output or an error, never both, never a panic; every
// error names the operation and carries the status and request ID; a
// non-2xx status always gives an API error or a deserialization error.
func FuzzCopySnapshotResponse(f *testing.F) {
	f.Add(200, "", `{"Snapshot":{"Name":"copy"}}`)
	f.Add(400, "SnapshotAlreadyExistsFault", `{"message":"exists"}`)
	f.Add(404, "", `{"__type":"com.amazonaws.memorydb#SnapshotNotFoundFault","message":"none"}`)
	f.Add(502, "", `<html>bad gateway</html>`)
	transport := &testutil.FuzzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + testutil.Abs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.Status, transport.Header, transport.Body = status, header, body
		out, err := client.CopySnapshot(context.Background(), &CopySnapshotInput{
			SourceSnapshotName: aws.String("a"), TargetSnapshotName: aws.String("b"),
		})
		testutil.CheckOutcome(t, "CopySnapshot", status, out != nil, err)
	})
}

// fzCopySnapshotBody is the request body as encoding/json reads it.
type fzCopySnapshotBody struct {
	KmsKeyId           *string
	SourceSnapshotName *string
	Tags               []types.Tag
	TargetBucket       *string
	TargetSnapshotName *string
}

// FuzzCopySnapshotInput builds inputs from arbitrary values. Validate never
// panics and returns nil or an InvalidParamsError; a call sends exactly
// when its validation mode accepts the input, the body it sends is JSON
// holding exactly the input's members, and the input is never modified.
func FuzzCopySnapshotInput(f *testing.F) {
	f.Add("seed-snapshot-1", "copy-1", "alias/key", "my.bucket", "team", "db", uint8(1), uint8(0xff))
	f.Add("", "", "", "bad bucket!", "", "", uint8(201), uint8(0x7e))
	transport := &testutil.FuzzTransport{Status: 200, Body: `{}`}
	clients := map[ValidationMode]*Client{}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		clients[mode] = fzClient(transport, func(o *Options) { o.Validation = mode })
	}
	f.Fuzz(func(t *testing.T, source, target, kms, bucket, key, value string, tags, set uint8) {
		in := &CopySnapshotInput{}
		fzSet(set, 0, &in.SourceSnapshotName, source)
		fzSet(set, 1, &in.TargetSnapshotName, target)
		fzSet(set, 2, &in.KmsKeyId, kms)
		fzSet(set, 3, &in.TargetBucket, bucket)
		if set&(1<<4) != 0 {
			in.Tags = make([]types.Tag, int(tags)%205)
			for i := range in.Tags {
				fzSet(set, 5, &in.Tags[i].Key, key)
				fzSet(set, 6, &in.Tags[i].Value, value)
			}
		}
		before := fzCloneInput(in)
		verr := in.Validate()
		if verr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(verr, &invalid) {
				t.Fatalf("Validate returned %T %v", verr, verr)
			}
			_ = verr.Error()
		}
		required := in.SourceSnapshotName != nil && in.TargetSnapshotName != nil
		for mode, accepts := range map[ValidationMode]bool{
			ValidationFull: verr == nil, ValidationRequiredOnly: required, ValidationOff: true,
		} {
			transport.Reset()
			_, err := clients[mode].CopySnapshot(context.Background(), in)
			if got := len(transport.Sent) == 1; got != accepts {
				t.Fatalf("mode %v: sent %d requests (error %v), want sending %v", mode, len(transport.Sent), err, accepts)
			}
			if !accepts {
				var invalid smithy.InvalidParamsError
				if !errors.As(err, &invalid) {
					t.Fatalf("mode %v: refused with %T %v", mode, err, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("mode %v: %v", mode, err)
			}
			fzCheckBody(t, transport.Sent[0], in)
		}
		if !reflect.DeepEqual(before, in) {
			t.Fatalf("input modified (-before +after):\n%s", cmp.Diff(before, in))
		}
	})
}

func fzSet(set uint8, bit uint, field **string, v string) {
	if set&(1<<bit) != 0 {
		*field = &v
	}
}

func fzCloneInput(in *CopySnapshotInput) *CopySnapshotInput {
	c := *in
	if in.Tags != nil {
		c.Tags = make([]types.Tag, len(in.Tags))
		copy(c.Tags, in.Tags)
	}
	return &c
}

func fzCheckBody(t *testing.T, body string, in *CopySnapshotInput) {
	t.Helper()
	if !json.Valid([]byte(body)) {
		t.Fatalf("body %q is not JSON", body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var got fzCopySnapshotBody
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	want := fzCopySnapshotBody{
		KmsKeyId: testutil.JSONPtr(in.KmsKeyId), SourceSnapshotName: testutil.JSONPtr(in.SourceSnapshotName),
		TargetBucket: testutil.JSONPtr(in.TargetBucket), TargetSnapshotName: testutil.JSONPtr(in.TargetSnapshotName),
	}
	if in.Tags != nil {
		want.Tags = make([]types.Tag, len(in.Tags))
		for i, tag := range in.Tags {
			want.Tags[i] = types.Tag{Key: testutil.JSONPtr(tag.Key), Value: testutil.JSONPtr(tag.Value)}
		}
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}
