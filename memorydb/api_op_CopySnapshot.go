package memorydb

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// CopySnapshot copies the MemoryDB snapshot named SourceSnapshotName to a
// new snapshot named TargetSnapshotName, exported as well to the S3 bucket
// named by TargetBucket when that is set; the output describes the copy.
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
	out, metadata, err := transport.Invoke(ctx, cfg, copySnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}
