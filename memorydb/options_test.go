package memorydb_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/memorydb/types"
)

// snapshotAnswer is the same answer in each protocol.
var snapshotAnswer = map[string]testutil.Response{
	"json": {Header: map[string]string{"Content-Type": "application/x-amz-json-1.1"},
		Body: `{"Snapshot":{"Name":"dst","ClusterConfiguration":{"Port":6379,"Shards":[{"Name":"0001","SnapshotCreationTime":1767225600.5}]}}}`},
	"cbor": {Header: map[string]string{"Content-Type": "application/cbor"}, Body: string(smithycbor.Encode(smithycbor.Map{
		"Snapshot": smithycbor.Map{"Name": smithycbor.String("dst"), "ClusterConfiguration": smithycbor.Map{
			"Port": smithycbor.Uint(6379), "Shards": smithycbor.List{smithycbor.Map{
				"Name": smithycbor.String("0001"), "SnapshotCreationTime": &smithycbor.Tag{ID: 1, Value: smithycbor.Float64(1767225600.5)}}}}}}))},
}

var wantSnapshot = &types.Snapshot{Name: aws.String("dst"), ClusterConfiguration: &types.ClusterConfiguration{
	Port: aws.Int32(6379), Shards: []types.ShardDetail{{Name: aws.String("0001"), SnapshotCreationTime: aws.Time(time.UnixMilli(1767225600500).UTC())}}}}

// TestProtocolOption sends CopySnapshot in the protocol each
// Options.Protocol value selects, set on the client or per call, and reads
// the answer in that protocol.
func TestProtocolOption(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name             string
		client, perCall  smithyhttp.ClientProtocol
		wire             string // "json" or "cbor"
		path, contentTyp string
	}{
		{name: "default", wire: "cbor", path: "/base/path/service/AmazonMemoryDB/operation/CopySnapshot", contentTyp: "application/cbor"},
		{name: "awsJson1_1", client: awsjson.New11(schemas.AmazonMemoryDB), wire: "json", path: "/base/path", contentTyp: "application/x-amz-json-1.1"},
		{name: "rpcv2Cbor", client: rpcv2.NewCBOR(schemas.AmazonMemoryDB), wire: "cbor",
			path: "/base/path/service/AmazonMemoryDB/operation/CopySnapshot", contentTyp: "application/cbor"},
		{name: "rpcv2Cbor per call over awsJson1_1", client: awsjson.New11(schemas.AmazonMemoryDB), perCall: rpcv2.NewCBOR(schemas.AmazonMemoryDB), wire: "cbor",
			path: "/base/path/service/AmazonMemoryDB/operation/CopySnapshot", contentTyp: "application/cbor"},
		{name: "awsJson1_1 per call", perCall: awsjson.New11(schemas.AmazonMemoryDB),
			wire: "json", path: "/base/path", contentTyp: "application/x-amz-json-1.1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, snapshotAnswer[tc.wire])
			client := newClient(srv, func(o *memorydb.Options) { o.Protocol = tc.client })
			var optFns []func(*memorydb.Options)
			if tc.perCall != nil {
				optFns = append(optFns, func(o *memorydb.Options) { o.Protocol = tc.perCall })
			}
			out, err := client.CopySnapshot(context.Background(), valid(), optFns...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantSnapshot, out.Snapshot); diff != "" {
				t.Errorf("snapshot (-want +got):\n%s", diff)
			}
			req := srv.Requests()[0]
			if req.Path != tc.path || req.Header.Get("Content-Type") != tc.contentTyp {
				t.Errorf("sent %s to %s, want %s to %s", req.Header.Get("Content-Type"), req.Path, tc.contentTyp, tc.path)
			}
			cbor := tc.wire == "cbor"
			if got := req.Header.Get("Smithy-Protocol") == "rpc-v2-cbor" && req.Header.Get("Accept") == "application/cbor"; got != cbor {
				t.Errorf("Smithy-Protocol %q, Accept %q", req.Header.Get("Smithy-Protocol"), req.Header.Get("Accept"))
			}
			if got := req.Header.Get("X-Amz-Target") == "AmazonMemoryDB.CopySnapshot"; got == cbor {
				t.Errorf("X-Amz-Target %q", req.Header.Get("X-Amz-Target"))
			}
			if cbor {
				want := "\xbf\x72SourceSnapshotName\x63src\x72TargetSnapshotName\x63dst\xff"
				if req.Body != want {
					t.Errorf("body % x, want % x", req.Body, want)
				}
			}
		})
	}
}

// TestProtocolNotHonoured checks that a protocol value the client cannot
// honour fails the call before anything is sent, naming the option.
func TestProtocolNotHonoured(t *testing.T) {
	t.Parallel()
	other := smithy.NewServiceSchema(smithy.NewSchema(smithy.ShapeID{Namespace: "com.example", Name: "Other"}, smithy.ShapeTypeService, 0), "1")
	for name, value := range map[string]smithyhttp.ClientProtocol{
		"restJson1":               restjson1.New(schemas.AmazonMemoryDB),
		"awsJson1_0":              awsjson.New10(schemas.AmazonMemoryDB),
		"rpcv2Cbor of a service":  rpcv2.NewCBOR(other),
		"awsJson1_1 of a service": awsjson.New11(other),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			_, err := newClient(srv, func(o *memorydb.Options) { o.Protocol = value }).CopySnapshot(context.Background(), valid())
			var op *smithy.OperationError
			if !errors.As(err, &op) || !strings.Contains(err.Error(), "Options.Protocol") {
				t.Fatalf("error %v, want an OperationError naming Options.Protocol", err)
			}
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}
