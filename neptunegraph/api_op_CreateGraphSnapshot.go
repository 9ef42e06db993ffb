package neptunegraph

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// CreateGraphSnapshot starts a snapshot of the Neptune Analytics graph
// named by GraphIdentifier under the name SnapshotName; the output
// describes the snapshot, usually still being created.
//
// The input is checked against the model's constraints before anything is
// sent (see Options.Validation). Errors are *smithy.OperationError values
// wrapping an *awshttp.ResponseError and, for service errors, one of the
// typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/neptune-analytics/latest/apiref/API_CreateGraphSnapshot.html
func (c *Client) CreateGraphSnapshot(ctx context.Context, params *CreateGraphSnapshotInput, optFns ...func(*Options)) (*CreateGraphSnapshotOutput, error) {
	if params == nil {
		params = &CreateGraphSnapshotInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, cfg, createGraphSnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}
