package emulator

import (
	"cmp"
	"maps"
	"slices"
	"time"

	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
)

// PutMemoryDBSnapshots stores MemoryDB snapshots, replacing any of the same
// name. Each needs a Name. An empty Status is "available", an empty Source
// "manual", an empty ARN the snapshot's ARN in the emulator's region and
// account, an empty DataTiering "false", and a shard without a
// SnapshotCreationTime was taken now on the emulator's clock. Other members
// left nil are answered as empty values. Either all snapshots are stored or,
// with an error naming the first bad one, none.
func (e *Emulator) PutMemoryDBSnapshots(snapshots ...mdbtypes.Snapshot) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	stored := make([]*memoryDBSnapshot, len(snapshots))
	for i, snapshot := range snapshots {
		if text(snapshot.Name) == "" {
			return &SeedError{Resource: "MemoryDB snapshot " + itemNumber(i), Field: "Name", Problem: "is empty"}
		}
		stored[i] = e.state.memoryDBSnapshotFrom(snapshot, e.cfg.Now())
	}
	for _, snapshot := range stored {
		e.state.memoryDBSnapshots[snapshot.Name] = snapshot
	}
	e.version++
	return nil
}

func (s *state) memoryDBSnapshotFrom(in mdbtypes.Snapshot, now time.Time) *memoryDBSnapshot {
	out := &memoryDBSnapshot{
		Name:        *in.Name,
		Status:      textOr(in.Status, "available"),
		Source:      textOr(in.Source, "manual"),
		KmsKeyID:    text(in.KmsKeyId),
		ARN:         textOr(in.ARN, s.arn("memorydb", "snapshot/"+*in.Name)),
		DataTiering: cmp.Or(string(in.DataTiering), "false"),
	}
	if config := in.ClusterConfiguration; config != nil {
		out.ClusterConfiguration = memoryDBClusterConfiguration{
			Name: text(config.Name), Description: text(config.Description), NodeType: text(config.NodeType),
			Engine: text(config.Engine), EngineVersion: text(config.EngineVersion),
			MaintenanceWindow: text(config.MaintenanceWindow), TopicArn: text(config.TopicArn),
			Port: number(config.Port), ParameterGroupName: text(config.ParameterGroupName),
			SubnetGroupName: text(config.SubnetGroupName), VpcID: text(config.VpcId),
			SnapshotRetentionLimit: number(config.SnapshotRetentionLimit), SnapshotWindow: text(config.SnapshotWindow),
			NumShards:                     number(config.NumShards),
			MultiRegionParameterGroupName: text(config.MultiRegionParameterGroupName),
			MultiRegionClusterName:        text(config.MultiRegionClusterName),
		}
		for _, shard := range config.Shards {
			stored := memoryDBShard{
				Name: text(shard.Name), Size: text(shard.Size),
				SnapshotCreationTime: wireTime(shard.SnapshotCreationTime, now),
			}
			if shard.Configuration != nil {
				stored.Configuration = memoryDBShardConfiguration{
					Slots: text(shard.Configuration.Slots), ReplicaCount: number(shard.Configuration.ReplicaCount),
				}
			}
			out.ClusterConfiguration.Shards = append(out.ClusterConfiguration.Shards, stored)
		}
	}
	return out
}

// MemoryDBSnapshots returns the MemoryDB snapshots, sorted by name. Empty
// string members come back nil.
func (e *Emulator) MemoryDBSnapshots() []mdbtypes.Snapshot {
	e.mu.Lock()
	defer e.mu.Unlock()
	names := slices.Sorted(maps.Keys(e.state.memoryDBSnapshots))
	out := make([]mdbtypes.Snapshot, len(names))
	now := e.cfg.Now()
	for i, name := range names {
		snapshot := e.state.memoryDBSnapshotAt(e.state.memoryDBSnapshots[name], now)
		out[i] = snapshot.typed()
	}
	return out
}

func (m *memoryDBSnapshot) typed() mdbtypes.Snapshot {
	config := m.ClusterConfiguration
	shards := make([]mdbtypes.ShardDetail, len(config.Shards))
	for i, shard := range config.Shards {
		shards[i] = mdbtypes.ShardDetail{
			Name: optionalText(shard.Name), Size: optionalText(shard.Size),
			SnapshotCreationTime: timePointer(shard.SnapshotCreationTime),
			Configuration: &mdbtypes.ShardConfiguration{
				Slots: optionalText(shard.Configuration.Slots), ReplicaCount: &shard.Configuration.ReplicaCount,
			},
		}
	}
	return mdbtypes.Snapshot{
		Name: optionalText(m.Name), Status: optionalText(m.Status), Source: optionalText(m.Source),
		KmsKeyId: optionalText(m.KmsKeyID), ARN: optionalText(m.ARN),
		DataTiering: mdbtypes.DataTieringStatus(m.DataTiering),
		ClusterConfiguration: &mdbtypes.ClusterConfiguration{
			Name: optionalText(config.Name), Description: optionalText(config.Description),
			NodeType: optionalText(config.NodeType), Engine: optionalText(config.Engine),
			EngineVersion: optionalText(config.EngineVersion), MaintenanceWindow: optionalText(config.MaintenanceWindow),
			TopicArn: optionalText(config.TopicArn), Port: &config.Port,
			ParameterGroupName: optionalText(config.ParameterGroupName),
			SubnetGroupName:    optionalText(config.SubnetGroupName), VpcId: optionalText(config.VpcID),
			SnapshotRetentionLimit: &config.SnapshotRetentionLimit, SnapshotWindow: optionalText(config.SnapshotWindow),
			NumShards: &config.NumShards, Shards: shards,
			MultiRegionParameterGroupName: optionalText(config.MultiRegionParameterGroupName),
			MultiRegionClusterName:        optionalText(config.MultiRegionClusterName),
		},
	}
}

// MemoryDBSnapshotTagList returns the tags of the MemoryDB snapshot named
// name, in the order they were given, and whether the snapshot exists.
func (e *Emulator) MemoryDBSnapshotTagList(name string) ([]mdbtypes.Tag, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	snapshot, found := e.state.memoryDBSnapshots[name]
	if !found {
		return nil, false
	}
	tags := make([]mdbtypes.Tag, len(snapshot.tags))
	for i, t := range snapshot.tags {
		tags[i] = mdbtypes.Tag{Key: cloneText(t.Key), Value: cloneText(t.Value)}
	}
	return tags, true
}
