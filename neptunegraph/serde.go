package neptunegraph

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// errorRegistry lists the typed errors of CreateGraphSnapshot: the
// operation's errors (the service declares no common errors).
var errorRegistry = apierror.Registry{
	{Code: "ConflictException", Decode: decodeConflictException},
	{Code: "InternalServerException", Decode: func(r *jsonwire.Reader) error {
		return &types.InternalServerException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ResourceNotFoundException", Decode: func(r *jsonwire.Reader) error {
		return &types.ResourceNotFoundException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ServiceQuotaExceededException", Decode: decodeServiceQuotaExceededException},
	{Code: "ThrottlingException", Decode: func(r *jsonwire.Reader) error {
		return &types.ThrottlingException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ValidationException", Decode: decodeValidationException},
}
