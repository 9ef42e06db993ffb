package types

import "time"

// ClusterConfiguration is the configuration of the cluster a snapshot was
// taken from.
type ClusterConfiguration struct {

	// The description of the cluster configuration
	Description *string

	// The name of the engine used by the cluster configuration.
	Engine *string

	// The Redis OSS engine version used by the cluster
	EngineVersion *string

	// The specified maintenance window for the cluster
	MaintenanceWindow *string

	// The name for the multi-Region cluster associated with the cluster
	// configuration.
	MultiRegionClusterName *string

	// The name of the multi-Region parameter group associated with the cluster
	// configuration.
	MultiRegionParameterGroupName *string

	// The name of the cluster
	Name *string

	// The node type used for the cluster
	NodeType *string

	// The number of shards in the cluster
	NumShards *int32

	// The name of parameter group used by the cluster
	ParameterGroupName *string

	// The port used by the cluster
	Port *int32

	// The list of shards in the cluster
	Shards []ShardDetail

	// The snapshot retention limit set by the cluster
	SnapshotRetentionLimit *int32

	// The snapshot window set by the cluster
	SnapshotWindow *string

	// The name of the subnet group used by the cluster
	SubnetGroupName *string

	// The Amazon Resource Name (ARN) of the SNS notification topic for the cluster
	TopicArn *string

	// The ID of the VPC the cluster belongs to
	VpcId *string
}

// ShardConfiguration is the configuration of one shard.
type ShardConfiguration struct {

	// The number of read replica nodes in this shard.
	ReplicaCount *int32

	// A string that specifies the keyspace for a particular node group. Keyspaces
	// range from 0 to 16,383. The string is in the format startkey-endkey.
	Slots *string
}

// ShardDetail describes one shard of a snapshot's cluster.
type ShardDetail struct {

	// The configuration details of the shard
	Configuration *ShardConfiguration

	// The name of the shard
	Name *string

	// The size of the shard's snapshot
	Size *string

	// The date and time that the shard's snapshot was created
	SnapshotCreationTime *time.Time
}

// Snapshot is a copy of an entire cluster as of the time the snapshot was
// taken.
type Snapshot struct {

	// The ARN (Amazon Resource Name) of the snapshot.
	ARN *string

	// The configuration of the cluster from which the snapshot was taken
	ClusterConfiguration *ClusterConfiguration

	// Enables data tiering. Data tiering is only supported for clusters using the
	// r6gd node type. This parameter must be set when using r6gd nodes. For more
	// information, see [Data tiering].
	//
	// [Data tiering]: https://docs.aws.amazon.com/memorydb/latest/devguide/data-tiering.html
	DataTiering DataTieringStatus

	// The ID of the KMS key used to encrypt the snapshot.
	KmsKeyId *string

	// The name of the snapshot
	Name *string

	// Indicates whether the snapshot is from an automatic backup (automated) or was
	// created manually (manual).
	Source *string

	// The status of the snapshot. Valid values: creating | available | restoring |
	// copying | deleting.
	Status *string
}

// Tag is a key-value pair attached to a resource. A tag key must be
// accompanied by a tag value, although null is accepted.
type Tag struct {

	// The key for the tag. May not be null.
	Key *string

	// The tag's value. May be null.
	Value *string
}
