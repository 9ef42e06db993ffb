package types

import "time"

// DestinationInfo describes the destination of an export snapshot record:
// the resource the export created.
type DestinationInfo struct {

	// The ID of the resource created at the destination.
	Id *string

	// The destination service of the record.
	Service *string
}

// DiskInfo describes a disk that was attached to the source instance of an
// instance snapshot.
type DiskInfo struct {

	// A Boolean value indicating whether this disk is a system disk (has an operating
	// system loaded on it).
	IsSystemDisk *bool

	// The disk name.
	Name *string

	// The disk path.
	Path *string

	// The size of the disk in GB ( 32 ).
	SizeInGb *int32
}

// DiskSnapshotInfo describes a disk snapshot that was the source of an
// export.
type DiskSnapshotInfo struct {

	// The size of the disk in GB ( 32 ).
	SizeInGb *int32
}

// ExportSnapshotRecord describes an export snapshot record: the export of
// an instance or disk snapshot to Amazon EC2.
type ExportSnapshotRecord struct {

	// The Amazon Resource Name (ARN) of the export snapshot record.
	Arn *string

	// The date when the export snapshot record was created.
	CreatedAt *time.Time

	// A list of objects describing the destination of the export snapshot record.
	DestinationInfo *DestinationInfo

	// The AWS Region and Availability Zone where the export snapshot record is
	// located.
	Location *ResourceLocation

	// The export snapshot record name.
	Name *string

	// The Lightsail resource type ( ExportSnapshotRecord ).
	ResourceType ResourceType

	// A list of objects describing the source of the export snapshot record.
	SourceInfo *ExportSnapshotRecordSourceInfo

	// The state of the export snapshot record.
	State RecordState
}

// ExportSnapshotRecordSourceInfo describes the instance or disk snapshot an
// export snapshot record was made from.
type ExportSnapshotRecordSourceInfo struct {

	// The Amazon Resource Name (ARN) of the source instance or disk snapshot.
	Arn *string

	// The date when the source instance or disk snapshot was created.
	CreatedAt *time.Time

	// A list of objects describing a disk snapshot.
	DiskSnapshotInfo *DiskSnapshotInfo

	// The Amazon Resource Name (ARN) of the snapshot's source instance or disk.
	FromResourceArn *string

	// The name of the snapshot's source instance or disk.
	FromResourceName *string

	// A list of objects describing an instance snapshot.
	InstanceSnapshotInfo *InstanceSnapshotInfo

	// The name of the source instance or disk snapshot.
	Name *string

	// The Lightsail resource type ( InstanceSnapshot or DiskSnapshot ).
	ResourceType ExportSnapshotRecordSourceType
}

// InstanceSnapshotInfo describes an instance snapshot that was the source
// of an export.
type InstanceSnapshotInfo struct {

	// The blueprint ID from which the source instance ( amazon_linux_2023 ).
	FromBlueprintId *string

	// The bundle ID from which the source instance was created ( micro_x_x ).
	FromBundleId *string

	// A list of objects describing the disks that were attached to the source
	// instance.
	FromDiskInfo []DiskInfo
}

// ResourceLocation is the AWS Region and Availability Zone of a resource.
type ResourceLocation struct {

	// The Availability Zone. Follows the format us-east-2a (case-sensitive).
	AvailabilityZone *string

	// The Amazon Web Services Region name.
	RegionName RegionName
}
