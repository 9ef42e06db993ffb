package memorydb_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
)

// TestCBORErrors decodes every modelled error from an rpcv2Cbor answer,
// with its code in each form the protocol allows.
func TestCBORErrors(t *testing.T) {
	t.Parallel()
	for _, ec := range errorCases {
		for form, typ := range map[string]string{
			"namespace":  "com.amazonaws.memorydb#" + ec.code,
			"short":      ec.code,
			"uri suffix": "com.amazonaws.memorydb#" + ec.code + ":http://internal.amazon.com/coral/",
		} {
			t.Run(ec.code+"/"+form, func(t *testing.T) {
				t.Parallel()
				body := smithycbor.Encode(smithycbor.Map{"__type": smithycbor.String(typ), "message": smithycbor.String("boom"),
					"Extra": smithycbor.List{smithycbor.Uint(1)}})
				srv := testutil.NewServer(t, testutil.Response{Status: ec.status, Body: string(body),
					Header: withRequestID(map[string]string{"Content-Type": "application/cbor"})})
				_, err := newClient(srv, func(o *memorydb.Options) { o.Protocol = rpcv2.NewCBOR(schemas.AmazonMemoryDB) }).
					CopySnapshot(context.Background(), valid())
				assertAPIError(t, err, ec.want(aws.String("boom")), ec.status)
			})
		}
	}
}
