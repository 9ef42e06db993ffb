package memorydb

import (
	"context"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/transport"
)

// CopySnapshot makes a copy of an existing snapshot.
//
// The input is checked against the model's constraints before anything is
// sent (see Options.Validation). Errors are *smithy.OperationError values
// wrapping an *awshttp.ResponseError and, for service errors, one of the
// typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/memorydb/latest/APIReference/API_CopySnapshot.html
func (c *Client) CopySnapshot(ctx context.Context, params *CopySnapshotInput, optFns ...func(*Options)) (*CopySnapshotOutput, error) {
	if params == nil {
		params = &CopySnapshotInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, &cfg, copySnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}

// copySnapshot is the operation in awsJson1_1, the default; Options.Protocol
// selects copySnapshotCBOR instead.
var copySnapshot = &transport.Operation[CopySnapshotInput, CopySnapshotOutput]{
	Service:   service,
	Name:      "CopySnapshot",
	Binding:   copySnapshotJSON,
	Encode:    encodeCopySnapshotInput,
	Decode:    decodeCopySnapshotOutput,
	Validate:  validateCopySnapshotInput,
	InputName: "CopySnapshotInput",
	Errors:    errorRegistry,
	Protocols: &protocol.Chooser{Bindings: []*protocol.Binding{copySnapshotJSON, copySnapshotCBOR.Binding}},
	Variants:  []*transport.Operation[CopySnapshotInput, CopySnapshotOutput]{copySnapshotCBOR},
}

// copySnapshotJSON escapes strings and matches error codes as the official
// client's schema-based protocol does (since v1.43.0).
var copySnapshotJSON = protocol.NewAWSJSON(protocol.AWSJSON11, "AmazonMemoryDB.CopySnapshot").
	WithJSONStyle(jsonwire.Schema).WithExactErrorCodes()

// copySnapshotCBOR is the operation in Smithy RPC v2 CBOR.
var copySnapshotCBOR = &transport.Operation[CopySnapshotInput, CopySnapshotOutput]{
	Service:   service,
	Name:      "CopySnapshot",
	Binding:   protocol.NewRPCv2CBOR("AmazonMemoryDB", "CopySnapshot"),
	Encode:    encodeCopySnapshotInputCBOR,
	Validate:  validateCopySnapshotInput,
	InputName: "CopySnapshotInput",
	CBOR: &transport.CBORCodec[CopySnapshotOutput]{
		Decode: decodeCopySnapshotOutputCBOR,
		Errors: cborErrorRegistry,
	},
}
