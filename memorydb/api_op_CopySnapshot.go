package memorydb

import (
	"context"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/internal/validate"
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

// Validate checks the input against every constraint of the model and
// returns all violations at once as a smithy.InvalidParamsError. A nil input
// is checked as an empty one.
func (in *CopySnapshotInput) Validate() error {
	if in == nil {
		in = &CopySnapshotInput{}
	}
	check := validate.New("CopySnapshotInput", validate.Full)
	validateCopySnapshotInput(in, &check)
	return check.Err()
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

// The constraints of the model's shapes.
var (
	targetBucketRule = &validate.String{MaxLen: 255, HasMax: true, Pattern: validate.MustPattern(`^[A-Za-z0-9._-]+$`)}
	kmsKeyIDRule     = &validate.String{MaxLen: 2048, HasMax: true}
	tagListRule      = &validate.Size{Max: 200, HasMax: true}
)

func validateCopySnapshotInput(in *CopySnapshotInput, c *validate.Checker) {
	c.Required("SourceSnapshotName", in.SourceSnapshotName != nil)
	c.Required("TargetSnapshotName", in.TargetSnapshotName != nil)
	c.String("TargetBucket", in.TargetBucket, targetBucketRule)
	c.String("KmsKeyId", in.KmsKeyId, kmsKeyIDRule)
	c.Size("Tags", len(in.Tags), in.Tags != nil, tagListRule)
}
