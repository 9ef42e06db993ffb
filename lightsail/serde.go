package lightsail

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/lightsail/types"
)

// encodeGetExportSnapshotRecordsInput writes {} or {"pageToken":"..."}, as
// the official client does.
func encodeGetExportSnapshotRecordsInput(in *GetExportSnapshotRecordsInput, req *protocol.Request) {
	w := &req.Body
	w.BeginObject()
	if in.PageToken != nil {
		w.Key("pageToken")
		w.String(*in.PageToken)
	}
	w.EndObject()
}

func decodeGetExportSnapshotRecordsOutput(r *jsonwire.Reader, out *GetExportSnapshotRecordsOutput) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "exportSnapshotRecords":
			out.ExportSnapshotRecords = decodeExportSnapshotRecordList(r)
		case "nextPageToken":
			out.NextPageToken = r.StringPtr()
		default:
			r.Skip()
		}
	}
}

// decodeExportSnapshotRecordList reads the records of a page. A null
// element becomes a zero record, as it does in the official client.
func decodeExportSnapshotRecordList(r *jsonwire.Reader) []types.ExportSnapshotRecord {
	if r.Null() {
		return nil
	}
	list := []types.ExportSnapshotRecord{}
	for it := r.Array(); r.More(&it); {
		list = append(list, types.ExportSnapshotRecord{})
		decodeExportSnapshotRecord(r, &list[len(list)-1])
	}
	return list
}

func decodeExportSnapshotRecord(r *jsonwire.Reader, v *types.ExportSnapshotRecord) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "name":
			v.Name = r.StringPtr()
		case "arn":
			v.Arn = r.StringPtr()
		case "createdAt":
			v.CreatedAt = r.EpochSecondsPtr()
		case "location":
			v.Location = decodeResourceLocation(r)
		case "resourceType":
			v.ResourceType = types.ResourceType(r.String())
		case "state":
			v.State = types.RecordState(r.String())
		case "sourceInfo":
			v.SourceInfo = decodeExportSnapshotRecordSourceInfo(r)
		case "destinationInfo":
			v.DestinationInfo = decodeDestinationInfo(r)
		default:
			r.Skip()
		}
	}
}

func decodeResourceLocation(r *jsonwire.Reader) *types.ResourceLocation {
	if r.Null() {
		return nil
	}
	v := &types.ResourceLocation{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "availabilityZone":
			v.AvailabilityZone = r.StringPtr()
		case "regionName":
			v.RegionName = types.RegionName(r.String())
		default:
			r.Skip()
		}
	}
	return v
}

func decodeExportSnapshotRecordSourceInfo(r *jsonwire.Reader) *types.ExportSnapshotRecordSourceInfo {
	if r.Null() {
		return nil
	}
	v := &types.ExportSnapshotRecordSourceInfo{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "resourceType":
			v.ResourceType = types.ExportSnapshotRecordSourceType(r.String())
		case "createdAt":
			v.CreatedAt = r.EpochSecondsPtr()
		case "name":
			v.Name = r.StringPtr()
		case "arn":
			v.Arn = r.StringPtr()
		case "fromResourceName":
			v.FromResourceName = r.StringPtr()
		case "fromResourceArn":
			v.FromResourceArn = r.StringPtr()
		case "instanceSnapshotInfo":
			v.InstanceSnapshotInfo = decodeInstanceSnapshotInfo(r)
		case "diskSnapshotInfo":
			v.DiskSnapshotInfo = decodeDiskSnapshotInfo(r)
		default:
			r.Skip()
		}
	}
	return v
}

func decodeInstanceSnapshotInfo(r *jsonwire.Reader) *types.InstanceSnapshotInfo {
	if r.Null() {
		return nil
	}
	v := &types.InstanceSnapshotInfo{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "fromBundleId":
			v.FromBundleId = r.StringPtr()
		case "fromBlueprintId":
			v.FromBlueprintId = r.StringPtr()
		case "fromDiskInfo":
			v.FromDiskInfo = decodeDiskInfoList(r)
		default:
			r.Skip()
		}
	}
	return v
}

// decodeDiskInfoList reads the disks of an instance snapshot. A null
// element becomes a zero DiskInfo, as it does in the official client.
func decodeDiskInfoList(r *jsonwire.Reader) []types.DiskInfo {
	if r.Null() {
		return nil
	}
	list := []types.DiskInfo{}
	for it := r.Array(); r.More(&it); {
		list = append(list, types.DiskInfo{})
		v := &list[len(list)-1]
		for item := r.Object(); r.More(&item); {
			switch r.Key() {
			case "name":
				v.Name = r.StringPtr()
			case "path":
				v.Path = r.StringPtr()
			case "sizeInGb":
				v.SizeInGb = r.Int32Ptr()
			case "isSystemDisk":
				v.IsSystemDisk = r.BoolPtr()
			default:
				r.Skip()
			}
		}
	}
	return list
}

func decodeDiskSnapshotInfo(r *jsonwire.Reader) *types.DiskSnapshotInfo {
	if r.Null() {
		return nil
	}
	v := &types.DiskSnapshotInfo{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "sizeInGb":
			v.SizeInGb = r.Int32Ptr()
		default:
			r.Skip()
		}
	}
	return v
}

func decodeDestinationInfo(r *jsonwire.Reader) *types.DestinationInfo {
	if r.Null() {
		return nil
	}
	v := &types.DestinationInfo{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "id":
			v.Id = r.StringPtr()
		case "service":
			v.Service = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return v
}

// errorMembers are the members every Lightsail error carries.
type errorMembers struct {
	code, docs, message, tip *string
}

// decodeErrorMembers reads the members of a Lightsail error body. The
// message may be written "message" or "Message"; "code" is Lightsail's
// own code, not the error type.
func decodeErrorMembers(r *jsonwire.Reader) errorMembers {
	var m errorMembers
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "code":
			m.code = r.StringPtr()
		case "docs":
			m.docs = r.StringPtr()
		case "message", "Message":
			m.message = r.StringPtr()
		case "tip":
			m.tip = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return m
}

// errorRegistry lists the typed errors of GetExportSnapshotRecords.
var errorRegistry = apierror.Registry{
	{Code: "AccessDeniedException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.AccessDeniedException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "AccountSetupInProgressException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.AccountSetupInProgressException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "InvalidInputException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.InvalidInputException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "NotFoundException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.NotFoundException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "OperationFailureException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.OperationFailureException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "RegionSetupInProgressException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.RegionSetupInProgressException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "ServiceException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.ServiceException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
	{Code: "UnauthenticatedException", Decode: func(r *jsonwire.Reader) error {
		m := decodeErrorMembers(r)
		return &types.UnauthenticatedException{Message: m.message, Code: m.code, Docs: m.docs, Tip: m.tip}
	}},
}
