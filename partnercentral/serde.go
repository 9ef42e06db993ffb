package partnercentral

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// errorRegistry lists the typed errors of CreateResourceSnapshot. Error
// bodies carry the message as "Message"; "message" is accepted too, as the
// official client accepts it.
var errorRegistry = apierror.Registry{
	{Code: "AccessDeniedException", Decode: decodeAccessDeniedException},
	{Code: "ConflictException", Decode: func(r *jsonwire.Reader) error {
		return &types.ConflictException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "InternalServerException", Decode: func(r *jsonwire.Reader) error {
		return &types.InternalServerException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ResourceNotFoundException", Decode: func(r *jsonwire.Reader) error {
		return &types.ResourceNotFoundException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ServiceQuotaExceededException", Decode: func(r *jsonwire.Reader) error {
		return &types.ServiceQuotaExceededException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ThrottlingException", Decode: func(r *jsonwire.Reader) error {
		return &types.ThrottlingException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ValidationException", Decode: decodeValidationException},
}
