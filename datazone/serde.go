package datazone

import (
	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
)

// errorRegistry lists the typed errors of CreateAssetRevision: the
// operation's six and the service's common UnauthorizedException. Each
// carries one member, the message.
var errorRegistry = apierror.Registry{
	{Code: "AccessDeniedException", Decode: func(r *jsonwire.Reader) error {
		return &types.AccessDeniedException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ConflictException", Decode: func(r *jsonwire.Reader) error {
		return &types.ConflictException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "InternalServerException", Decode: func(r *jsonwire.Reader) error {
		return &types.InternalServerException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ResourceNotFoundException", Decode: func(r *jsonwire.Reader) error {
		return &types.ResourceNotFoundException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ThrottlingException", Decode: func(r *jsonwire.Reader) error {
		return &types.ThrottlingException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "UnauthorizedException", Decode: func(r *jsonwire.Reader) error {
		return &types.UnauthorizedException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ValidationException", Decode: func(r *jsonwire.Reader) error {
		return &types.ValidationException{Message: apierror.DecodeMessage(r)}
	}},
}
