package partnercentral

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// encodeCreateResourceSnapshotInput writes the members in the order the
// official client writes them (sorted by name), so the bodies are
// byte-identical.
func encodeCreateResourceSnapshotInput(in *CreateResourceSnapshotInput, req *protocol.Request) {
	w := &req.Body
	w.BeginObject()
	w.StringMember("Catalog", in.Catalog)
	w.StringMember("ClientToken", in.ClientToken)
	w.StringMember("EngagementIdentifier", in.EngagementIdentifier)
	w.StringMember("ResourceIdentifier", in.ResourceIdentifier)
	w.StringMember("ResourceSnapshotTemplateIdentifier", in.ResourceSnapshotTemplateIdentifier)
	if in.ResourceType != "" {
		w.Key("ResourceType")
		w.String(string(in.ResourceType))
	}
	w.EndObject()
}

func decodeCreateResourceSnapshotOutput(r *jsonwire.Reader, out *CreateResourceSnapshotOutput) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "Arn":
			out.Arn = r.StringPtr()
		case "Revision":
			out.Revision = r.Int32Ptr()
		default:
			r.Skip()
		}
	}
}

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

func decodeAccessDeniedException(r *jsonwire.Reader) error {
	e := &types.AccessDeniedException{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "Message", "message":
			e.Message = r.StringPtr()
		case "Reason":
			e.Reason = types.AccessDeniedExceptionErrorCode(r.String())
		default:
			r.Skip()
		}
	}
	return e
}

func decodeValidationException(r *jsonwire.Reader) error {
	e := &types.ValidationException{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "Message", "message":
			e.Message = r.StringPtr()
		case "Reason":
			e.Reason = types.ValidationExceptionReason(r.String())
		case "ErrorList":
			e.ErrorList = decodeValidationExceptionErrorList(r)
		default:
			r.Skip()
		}
	}
	return e
}

// decodeValidationExceptionErrorList reads the list; null gives nil, and a
// null item gives a zero item, as in the official client.
func decodeValidationExceptionErrorList(r *jsonwire.Reader) []types.ValidationExceptionError {
	if r.Null() {
		return nil
	}
	list := []types.ValidationExceptionError{}
	for it := r.Array(); r.More(&it); {
		list = jsonwire.Room(r, &it, list)
		var v types.ValidationExceptionError
		for item := r.Object(); r.More(&item); {
			switch r.Key() {
			case "Code":
				v.Code = types.ValidationExceptionErrorCode(r.String())
			case "FieldName":
				v.FieldName = r.StringPtr()
			case "Message":
				v.Message = r.StringPtr()
			default:
				r.Skip()
			}
		}
		list = append(list, v)
	}
	return list
}
