package memorydb

import (
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/memorydb/types"
)

// encodeCopySnapshotInputCBOR writes the members in the order the official
// client writes them (sorted by name), as indefinite-length maps and lists,
// so the bodies are byte-identical.
func encodeCopySnapshotInputCBOR(in *CopySnapshotInput, req *protocol.Request) {
	w := &req.CBOR
	w.BeginMap()
	w.StringMember("KmsKeyId", in.KmsKeyId)
	w.StringMember("SourceSnapshotName", in.SourceSnapshotName)
	if in.Tags != nil {
		w.Key("Tags")
		w.BeginList()
		for i := range in.Tags {
			w.BeginMap()
			w.StringMember("Key", in.Tags[i].Key)
			w.StringMember("Value", in.Tags[i].Value)
			w.End()
		}
		w.End()
	}
	w.StringMember("TargetBucket", in.TargetBucket)
	w.StringMember("TargetSnapshotName", in.TargetSnapshotName)
	w.End()
}

// A member whose value is null or undefined is absent, as it is for the
// official client: the typed readers give nil for it.

func decodeCopySnapshotOutputCBOR(r *cborwire.Reader, out *CopySnapshotOutput) {
	for it := r.Map(); r.More(&it); {
		switch r.Key() {
		case "Snapshot":
			out.Snapshot = decodeSnapshotCBOR(r)
		default:
			r.Skip()
		}
	}
}

func decodeSnapshotCBOR(r *cborwire.Reader) *types.Snapshot {
	if r.Null() {
		return nil
	}
	v := &types.Snapshot{}
	for it := r.Map(); r.More(&it); {
		switch r.Key() {
		case "ARN":
			v.ARN = r.StringPtr()
		case "ClusterConfiguration":
			v.ClusterConfiguration = decodeClusterConfigurationCBOR(r)
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

func decodeClusterConfigurationCBOR(r *cborwire.Reader) *types.ClusterConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.ClusterConfiguration{}
	for it := r.Map(); r.More(&it); {
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
			v.Shards = decodeShardDetailsCBOR(r)
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

// decodeShardDetailsCBOR reads the shard list; a null element is a zero
// ShardDetail, as the official client reads it.
func decodeShardDetailsCBOR(r *cborwire.Reader) []types.ShardDetail {
	if r.Null() {
		return nil
	}
	list := []types.ShardDetail{}
	for it := r.List(); r.More(&it); {
		var v types.ShardDetail
		for item := r.Map(); r.More(&item); {
			switch r.Key() {
			case "Configuration":
				v.Configuration = decodeShardConfigurationCBOR(r)
			case "Name":
				v.Name = r.StringPtr()
			case "Size":
				v.Size = r.StringPtr()
			case "SnapshotCreationTime":
				v.SnapshotCreationTime = r.TimePtr()
			default:
				r.Skip()
			}
		}
		list = append(list, v)
	}
	return list
}

func decodeShardConfigurationCBOR(r *cborwire.Reader) *types.ShardConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.ShardConfiguration{}
	for it := r.Map(); r.More(&it); {
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
