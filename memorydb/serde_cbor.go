package memorydb

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/memorydb/types"
)

// cborErrorRegistry lists the typed errors of CopySnapshot in rpcv2Cbor.
// Each carries one member, message.
var cborErrorRegistry = apierror.CBORRegistry{
	{Code: "InvalidParameterCombinationException", Decode: func(r *cborwire.Reader) error {
		return &types.InvalidParameterCombinationException{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "InvalidParameterValueException", Decode: func(r *cborwire.Reader) error {
		return &types.InvalidParameterValueException{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "InvalidSnapshotStateFault", Decode: func(r *cborwire.Reader) error {
		return &types.InvalidSnapshotStateFault{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "ServiceLinkedRoleNotFoundFault", Decode: func(r *cborwire.Reader) error {
		return &types.ServiceLinkedRoleNotFoundFault{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "SnapshotAlreadyExistsFault", Decode: func(r *cborwire.Reader) error {
		return &types.SnapshotAlreadyExistsFault{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "SnapshotNotFoundFault", Decode: func(r *cborwire.Reader) error {
		return &types.SnapshotNotFoundFault{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "SnapshotQuotaExceededFault", Decode: func(r *cborwire.Reader) error {
		return &types.SnapshotQuotaExceededFault{Message: apierror.DecodeCBORMessage(r)}
	}},
	{Code: "TagQuotaPerResourceExceeded", Decode: func(r *cborwire.Reader) error {
		return &types.TagQuotaPerResourceExceeded{Message: apierror.DecodeCBORMessage(r)}
	}},
}
