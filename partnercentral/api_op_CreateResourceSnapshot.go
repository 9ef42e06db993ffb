package partnercentral

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// CreateResourceSnapshot records, within an engagement, a fixed copy of a
// resource such as an opportunity: the fields the named snapshot template
// selects, as they are now. Each call on the same resource and template
// adds a revision; the output names its ARN and revision number.
//
// A nil ClientToken is filled with a new token (see
// Options.IdempotencyTokenProvider) on a copy of params; the caller's input
// is never modified, and every retry of the call sends the same token. The
// input is checked against the model's constraints before anything is sent
// (see Options.Validation). Errors are *smithy.OperationError values
// wrapping an *awshttp.ResponseError and, for service errors, one of the
// typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/partner-central/latest/APIReference/API_CreateResourceSnapshot.html
func (c *Client) CreateResourceSnapshot(ctx context.Context, params *CreateResourceSnapshotInput, optFns ...func(*Options)) (*CreateResourceSnapshotOutput, error) {
	if params == nil {
		params = &CreateResourceSnapshotInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, cfg, createResourceSnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}
