package datazone

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// CreateAssetRevision creates a revision of the asset.
//
// Asset revisions represent new versions of existing assets, capturing
// changes to either the underlying data or its metadata. The asset must
// already exist in the domain; formsInput is required when the asset has
// the form type, and typeRevision should be the latest version of the form
// type.
//
// When ClientToken is nil, the call sends a token from
// Options.IdempotencyTokenProvider, the same on every retry; the caller's
// input is not modified. The input is checked against the model's
// constraints before anything is sent (see Options.Validation). Errors are
// *smithy.OperationError values wrapping an *awshttp.ResponseError and,
// for service errors, one of the typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/datazone/latest/APIReference/API_CreateAssetRevision.html
func (c *Client) CreateAssetRevision(ctx context.Context, params *CreateAssetRevisionInput, optFns ...func(*Options)) (*CreateAssetRevisionOutput, error) {
	if params == nil {
		params = &CreateAssetRevisionInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, &cfg, createAssetRevision, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}
