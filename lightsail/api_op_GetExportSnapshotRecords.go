package lightsail

import (
	"context"

	"github.com/awssnap/awssnap/internal/transport"
)

// GetExportSnapshotRecords lists the account's export snapshot records, the
// traces Lightsail keeps of snapshots exported to Amazon EC2, one page per
// call: pass the returned NextPageToken as PageToken for the next page, or
// let NewGetExportSnapshotRecordsPaginator or the item iterator walk them.
//
// Such a record is what [CreateCloudFormationStack] takes to build an EC2
// instance from the exported snapshot.
//
// Errors are *smithy.OperationError values wrapping an *awshttp.ResponseError
// and, for service errors, one of the typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_GetExportSnapshotRecords.html
//
// [CreateCloudFormationStack]: https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_CreateCloudFormationStack.html
func (c *Client) GetExportSnapshotRecords(ctx context.Context, params *GetExportSnapshotRecordsInput, optFns ...func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
	if params == nil {
		params = &GetExportSnapshotRecordsInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, cfg, getExportSnapshotRecords, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}

// GetExportSnapshotRecordsAPIClient is a client that implements the
// GetExportSnapshotRecords operation; *Client satisfies it, and a test
// double can stand in for it.
type GetExportSnapshotRecordsAPIClient interface {
	GetExportSnapshotRecords(context.Context, *GetExportSnapshotRecordsInput, ...func(*Options)) (*GetExportSnapshotRecordsOutput, error)
}

var _ GetExportSnapshotRecordsAPIClient = (*Client)(nil)
