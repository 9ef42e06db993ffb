package types

// ExportSnapshotRecordSourceType is the kind of snapshot an export snapshot
// record was made from. Unknown values from the service are kept as they are.
type ExportSnapshotRecordSourceType string

// Enum values for ExportSnapshotRecordSourceType
const (
	ExportSnapshotRecordSourceTypeInstanceSnapshot ExportSnapshotRecordSourceType = "InstanceSnapshot"
	ExportSnapshotRecordSourceTypeDiskSnapshot     ExportSnapshotRecordSourceType = "DiskSnapshot"
)

// Values returns all known values for ExportSnapshotRecordSourceType. Note that
// this can be expanded in the future, and so it is only as up to date as the
// client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ExportSnapshotRecordSourceType) Values() []ExportSnapshotRecordSourceType {
	return []ExportSnapshotRecordSourceType{
		"InstanceSnapshot",
		"DiskSnapshot",
	}
}

// RecordState is the state of an export snapshot record. Unknown values from
// the service are kept as they are.
type RecordState string

// Enum values for RecordState
const (
	RecordStateStarted   RecordState = "Started"
	RecordStateSucceeded RecordState = "Succeeded"
	RecordStateFailed    RecordState = "Failed"
)

// Values returns all known values for RecordState. Note that this can be expanded
// in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (RecordState) Values() []RecordState {
	return []RecordState{
		"Started",
		"Succeeded",
		"Failed",
	}
}

// RegionName is the name of an AWS Region where Lightsail runs. Unknown values
// from the service are kept as they are.
type RegionName string

// Enum values for RegionName
const (
	RegionNameUsEast1      RegionName = "us-east-1"
	RegionNameUsEast2      RegionName = "us-east-2"
	RegionNameUsWest1      RegionName = "us-west-1"
	RegionNameUsWest2      RegionName = "us-west-2"
	RegionNameEuWest1      RegionName = "eu-west-1"
	RegionNameEuWest2      RegionName = "eu-west-2"
	RegionNameEuWest3      RegionName = "eu-west-3"
	RegionNameEuCentral1   RegionName = "eu-central-1"
	RegionNameEuNorth1     RegionName = "eu-north-1"
	RegionNameEuSouth2     RegionName = "eu-south-2"
	RegionNameCaCentral1   RegionName = "ca-central-1"
	RegionNameApEast1      RegionName = "ap-east-1"
	RegionNameApSouth1     RegionName = "ap-south-1"
	RegionNameApSoutheast1 RegionName = "ap-southeast-1"
	RegionNameApSoutheast2 RegionName = "ap-southeast-2"
	RegionNameApNortheast1 RegionName = "ap-northeast-1"
	RegionNameApNortheast2 RegionName = "ap-northeast-2"
	RegionNameApSoutheast3 RegionName = "ap-southeast-3"
	RegionNameApSoutheast5 RegionName = "ap-southeast-5"
	RegionNameSaEast1      RegionName = "sa-east-1"
)

// Values returns all known values for RegionName. Note that this can be expanded
// in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (RegionName) Values() []RegionName {
	return []RegionName{
		"us-east-1",
		"us-east-2",
		"us-west-1",
		"us-west-2",
		"eu-west-1",
		"eu-west-2",
		"eu-west-3",
		"eu-central-1",
		"eu-north-1",
		"eu-south-2",
		"ca-central-1",
		"ap-east-1",
		"ap-south-1",
		"ap-southeast-1",
		"ap-southeast-2",
		"ap-northeast-1",
		"ap-northeast-2",
		"ap-southeast-3",
		"ap-southeast-5",
		"sa-east-1",
	}
}

// ResourceType is the type of a Lightsail resource. Unknown values from the
// service are kept as they are.
type ResourceType string

// Enum values for ResourceType
const (
	ResourceTypeContainerService           ResourceType = "ContainerService"
	ResourceTypeInstance                   ResourceType = "Instance"
	ResourceTypeStaticIp                   ResourceType = "StaticIp"
	ResourceTypeKeyPair                    ResourceType = "KeyPair"
	ResourceTypeInstanceSnapshot           ResourceType = "InstanceSnapshot"
	ResourceTypeDomain                     ResourceType = "Domain"
	ResourceTypePeeredVpc                  ResourceType = "PeeredVpc"
	ResourceTypeLoadBalancer               ResourceType = "LoadBalancer"
	ResourceTypeLoadBalancerTlsCertificate ResourceType = "LoadBalancerTlsCertificate"
	ResourceTypeDisk                       ResourceType = "Disk"
	ResourceTypeDiskSnapshot               ResourceType = "DiskSnapshot"
	ResourceTypeRelationalDatabase         ResourceType = "RelationalDatabase"
	ResourceTypeRelationalDatabaseSnapshot ResourceType = "RelationalDatabaseSnapshot"
	ResourceTypeExportSnapshotRecord       ResourceType = "ExportSnapshotRecord"
	ResourceTypeCloudFormationStackRecord  ResourceType = "CloudFormationStackRecord"
	ResourceTypeAlarm                      ResourceType = "Alarm"
	ResourceTypeContactMethod              ResourceType = "ContactMethod"
	ResourceTypeDistribution               ResourceType = "Distribution"
	ResourceTypeCertificate                ResourceType = "Certificate"
	ResourceTypeBucket                     ResourceType = "Bucket"
	ResourceTypeSubdomain                  ResourceType = "Subdomain"
)

// Values returns all known values for ResourceType. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ResourceType) Values() []ResourceType {
	return []ResourceType{
		"ContainerService",
		"Instance",
		"StaticIp",
		"KeyPair",
		"InstanceSnapshot",
		"Domain",
		"PeeredVpc",
		"LoadBalancer",
		"LoadBalancerTlsCertificate",
		"Disk",
		"DiskSnapshot",
		"RelationalDatabase",
		"RelationalDatabaseSnapshot",
		"ExportSnapshotRecord",
		"CloudFormationStackRecord",
		"Alarm",
		"ContactMethod",
		"Distribution",
		"Certificate",
		"Bucket",
		"Subdomain",
	}
}
