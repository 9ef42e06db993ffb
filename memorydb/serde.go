package memorydb

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/memorydb/types"
)

// encodeCopySnapshotInput writes the members in the order the official
// client writes them (sorted by name), so the bodies are byte-identical.
func encodeCopySnapshotInput(in *CopySnapshotInput, req *protocol.Request) {
	w := &req.Body
	w.BeginObject()
	w.StringMember("KmsKeyId", in.KmsKeyId)
	w.StringMember("SourceSnapshotName", in.SourceSnapshotName)
	if in.Tags != nil {
		w.Key("Tags")
		w.BeginArray()
		for i := range in.Tags {
			encodeTag(w, &in.Tags[i])
		}
		w.EndArray()
	}
	w.StringMember("TargetBucket", in.TargetBucket)
	w.StringMember("TargetSnapshotName", in.TargetSnapshotName)
	w.EndObject()
}

func encodeTag(w *jsonwire.Writer, tag *types.Tag) {
	w.BeginObject()
	w.StringMember("Key", tag.Key)
	w.StringMember("Value", tag.Value)
	w.EndObject()
}

func decodeCopySnapshotOutput(r *jsonwire.Reader, out *CopySnapshotOutput) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "Snapshot":
			out.Snapshot = decodeSnapshot(r)
		default:
			r.Skip()
		}
	}
}

func decodeSnapshot(r *jsonwire.Reader) *types.Snapshot {
	if r.Null() {
		return nil
	}
	v := &types.Snapshot{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "ARN":
			v.ARN = r.StringPtr()
		case "ClusterConfiguration":
			v.ClusterConfiguration = decodeClusterConfiguration(r)
		case "DataTiering":
			v.DataTiering = types.DataTieringStatus(r.String())
		case "KmsKeyId":
			v.KmsKeyId = r.StringPtr()
		case "Name":
			v.Name = r.StringPtr()
		case "Source":
			v.Source = r.StringPtr()
		case "Status":
			v.Status = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return v
}

func decodeClusterConfiguration(r *jsonwire.Reader) *types.ClusterConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.ClusterConfiguration{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "Description":
			v.Description = r.StringPtr()
		case "Engine":
			v.Engine = r.StringPtr()
		case "EngineVersion":
			v.EngineVersion = r.StringPtr()
		case "MaintenanceWindow":
			v.MaintenanceWindow = r.StringPtr()
		case "MultiRegionClusterName":
			v.MultiRegionClusterName = r.StringPtr()
		case "MultiRegionParameterGroupName":
			v.MultiRegionParameterGroupName = r.StringPtr()
		case "Name":
			v.Name = r.StringPtr()
		case "NodeType":
			v.NodeType = r.StringPtr()
		case "NumShards":
			v.NumShards = r.Int32Ptr()
		case "ParameterGroupName":
			v.ParameterGroupName = r.StringPtr()
		case "Port":
			v.Port = r.Int32Ptr()
		case "Shards":
			v.Shards = decodeShardDetails(r)
		case "SnapshotRetentionLimit":
			v.SnapshotRetentionLimit = r.Int32Ptr()
		case "SnapshotWindow":
			v.SnapshotWindow = r.StringPtr()
		case "SubnetGroupName":
			v.SubnetGroupName = r.StringPtr()
		case "TopicArn":
			v.TopicArn = r.StringPtr()
		case "VpcId":
			v.VpcId = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return v
}

func decodeShardDetails(r *jsonwire.Reader) []types.ShardDetail {
	if r.Null() {
		return nil
	}
	list := []types.ShardDetail{}
	for it := r.Array(); r.More(&it); {
		list = jsonwire.Room(r, &it, list)
		var v types.ShardDetail
		for item := r.Object(); r.More(&item); {
			switch r.Key() {
			case "Configuration":
				v.Configuration = decodeShardConfiguration(r)
			case "Name":
				v.Name = r.StringPtr()
			case "Size":
				v.Size = r.StringPtr()
			case "SnapshotCreationTime":
				v.SnapshotCreationTime = r.EpochSecondsPtr()
			default:
				r.Skip()
			}
		}
		list = append(list, v)
	}
	return list
}

func decodeShardConfiguration(r *jsonwire.Reader) *types.ShardConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.ShardConfiguration{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "ReplicaCount":
			v.ReplicaCount = r.Int32Ptr()
		case "Slots":
			v.Slots = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return v
}

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
