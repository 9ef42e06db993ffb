package datazone

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// CreateAssetRevision records a new revision of an existing asset in a
// DataZone domain: the asset named by Identifier in DomainIdentifier gets
// the name, description, metadata forms and glossary terms of the input,
// and the output describes the revision the service stored, with its
// revision number.
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
	out, metadata, err := transport.Invoke(ctx, cfg, createAssetRevision, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}
