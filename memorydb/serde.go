package memorydb

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/memorydb/types"
)

// errorRegistry lists the typed errors of CopySnapshot. Each carries one
// member, the message.
var errorRegistry = apierror.Registry{
	{Code: "InvalidParameterCombinationException", Decode: func(r *jsonwire.Reader) error {
		return &types.InvalidParameterCombinationException{Message: decodeMessage(r)}
	}},
	{Code: "InvalidParameterValueException", Decode: func(r *jsonwire.Reader) error {
		return &types.InvalidParameterValueException{Message: decodeMessage(r)}
	}},
	{Code: "InvalidSnapshotStateFault", Decode: func(r *jsonwire.Reader) error {
		return &types.InvalidSnapshotStateFault{Message: decodeMessage(r)}
	}},
	{Code: "ServiceLinkedRoleNotFoundFault", Decode: func(r *jsonwire.Reader) error {
		return &types.ServiceLinkedRoleNotFoundFault{Message: decodeMessage(r)}
	}},
	{Code: "SnapshotAlreadyExistsFault", Decode: func(r *jsonwire.Reader) error {
		return &types.SnapshotAlreadyExistsFault{Message: decodeMessage(r)}
	}},
	{Code: "SnapshotNotFoundFault", Decode: func(r *jsonwire.Reader) error {
		return &types.SnapshotNotFoundFault{Message: decodeMessage(r)}
	}},
	{Code: "SnapshotQuotaExceededFault", Decode: func(r *jsonwire.Reader) error {
		return &types.SnapshotQuotaExceededFault{Message: decodeMessage(r)}
	}},
	{Code: "TagQuotaPerResourceExceeded", Decode: func(r *jsonwire.Reader) error {
		return &types.TagQuotaPerResourceExceeded{Message: decodeMessage(r)}
	}},
}

// decodeMessage reads the message member of an error body ("message" or
// "Message").
func decodeMessage(r *jsonwire.Reader) *string {
	return apierror.DecodeMessage(r)
}
