package neptunegraph

import (
	"slices"

	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// pathCreateGraphSnapshot writes the URI of CreateGraphSnapshot, which has
// no labels.
func pathCreateGraphSnapshot(_ *CreateGraphSnapshotInput, req *protocol.Request) {
	req.PathLiteral("/snapshots")
}

// encodeCreateGraphSnapshotInput writes the members in the order the
// official client writes them (model order), so the bodies are
// byte-identical; the official client writes the tags in Go's random map
// order, this one in sorted key order.
func encodeCreateGraphSnapshotInput(in *CreateGraphSnapshotInput, req *protocol.Request) {
	w := &req.Body
	w.BeginObject()
	w.StringMember("graphIdentifier", in.GraphIdentifier)
	w.StringMember("snapshotName", in.SnapshotName)
	if in.Tags != nil {
		w.Key("tags")
		encodeTagMap(w, in.Tags)
	}
	w.EndObject()
}

// encodeTagMap writes tags as a JSON object with its keys sorted.
func encodeTagMap(w *jsonwire.Writer, tags map[string]string) {
	var buf [16]string
	keys := buf[:0]
	for key := range tags {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	w.BeginObject()
	for _, key := range keys {
		w.MapKey(key)
		w.String(tags[key])
	}
	w.EndObject()
}

func decodeCreateGraphSnapshotOutput(r *jsonwire.Reader, out *CreateGraphSnapshotOutput) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "arn":
			out.Arn = r.StringPtr()
		case "id":
			out.Id = r.StringPtr()
		case "kmsKeyIdentifier":
			out.KmsKeyIdentifier = r.StringPtr()
		case "name":
			out.Name = r.StringPtr()
		case "snapshotCreateTime":
			out.SnapshotCreateTime = r.EpochSecondsPtr()
		case "sourceGraphId":
			out.SourceGraphId = r.StringPtr()
		case "status":
			out.Status = types.SnapshotStatus(r.String())
		default:
			r.Skip()
		}
	}
}

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

func decodeConflictException(r *jsonwire.Reader) error {
	e := &types.ConflictException{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "message", "Message":
			e.Message = r.StringPtr()
		case "reason":
			e.Reason = types.ConflictExceptionReason(r.String())
		default:
			r.Skip()
		}
	}
	return e
}

func decodeServiceQuotaExceededException(r *jsonwire.Reader) error {
	e := &types.ServiceQuotaExceededException{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "message", "Message":
			e.Message = r.StringPtr()
		case "quotaCode":
			e.QuotaCode = r.StringPtr()
		case "resourceId":
			e.ResourceId = r.StringPtr()
		case "resourceType":
			e.ResourceType = r.StringPtr()
		case "serviceCode":
			e.ServiceCode = r.StringPtr()
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
		case "message", "Message":
			e.Message = r.StringPtr()
		case "reason":
			e.Reason = types.ValidationExceptionReason(r.String())
		default:
			r.Skip()
		}
	}
	return e
}
