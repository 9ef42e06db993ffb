package main

// service is what the generator needs to know about one service beyond its
// model: where its package lives and what its shapes are, in this
// project's words.
type service struct {
	// Name is the model file name without .json and the package directory.
	Name string
	// Describe holds, per shape name, the first sentence of the Go type's
	// doc comment. Constraints and enum values are added from the model.
	Describe map[string]string
}

// services lists the five services in the order their packages are
// generated.
var services = []service{
	{Name: "datazone", Describe: map[string]string{
		"AssetListingDetails":                  "AssetListingDetails are the details of an asset published in an Amazon DataZone catalog.",
		"BusinessNameGenerationConfiguration":  "BusinessNameGenerationConfiguration is the configuration of the business name generation.",
		"FormInput":                            "FormInput is a metadata form to attach to an asset.",
		"FormOutput":                           "FormOutput is the details of a metadata form.",
		"PredictionConfiguration":              "PredictionConfiguration is the configuration of the prediction.",
		"TimeSeriesDataPointSummaryFormOutput": "TimeSeriesDataPointSummaryFormOutput is the summary of the time series data points form.",
		"ListingStatus":                        "ListingStatus is the status of an asset published in an Amazon DataZone catalog.",
	}},
	{Name: "memorydb", Describe: map[string]string{
		"ClusterConfiguration": "ClusterConfiguration is the configuration of the cluster a snapshot was taken from.",
		"ShardConfiguration":   "ShardConfiguration is the configuration of one shard.",
		"ShardDetail":          "ShardDetail describes one shard of a snapshot's cluster.",
		"Snapshot":             "Snapshot is a copy of an entire cluster as of the time the snapshot was taken.",
		"Tag":                  "Tag is a key-value pair attached to a resource.",
		"DataTieringStatus":    "DataTieringStatus says whether a snapshot's cluster uses data tiering.",
	}},
	{Name: "neptunegraph", Describe: map[string]string{
		"ConflictExceptionReason":   "ConflictExceptionReason says why a request conflicted with the state of a resource.",
		"SnapshotStatus":            "SnapshotStatus is the state of a graph snapshot.",
		"ValidationExceptionReason": "ValidationExceptionReason says why the service refused a request as invalid.",
	}},
	{Name: "partnercentral", Describe: map[string]string{
		"ValidationExceptionError":       "ValidationExceptionError describes one invalid field of a request the service refused with a ValidationException.",
		"AccessDeniedExceptionErrorCode": "AccessDeniedExceptionErrorCode says why access was denied.",
		"ResourceType":                   "ResourceType is the type of resource a snapshot is taken of.",
		"ValidationExceptionErrorCode":   "ValidationExceptionErrorCode says what is wrong with one field of a request the service refused.",
		"ValidationExceptionReason":      "ValidationExceptionReason says whether a request failed the service's request checks or its business rules.",
	}},
	{Name: "lightsail", Describe: map[string]string{
		"DestinationInfo":                "DestinationInfo describes the destination of an export snapshot record: the resource the export created.",
		"DiskInfo":                       "DiskInfo describes a disk that was attached to the source instance of an instance snapshot.",
		"DiskSnapshotInfo":               "DiskSnapshotInfo describes a disk snapshot that was the source of an export.",
		"ExportSnapshotRecord":           "ExportSnapshotRecord describes an export snapshot record: the export of an instance or disk snapshot to Amazon EC2.",
		"ExportSnapshotRecordSourceInfo": "ExportSnapshotRecordSourceInfo describes the instance or disk snapshot an export snapshot record was made from.",
		"InstanceSnapshotInfo":           "InstanceSnapshotInfo describes an instance snapshot that was the source of an export.",
		"ResourceLocation":               "ResourceLocation is the AWS Region and Availability Zone of a resource.",
		"ExportSnapshotRecordSourceType": "ExportSnapshotRecordSourceType is the kind of snapshot an export snapshot record was made from.",
		"RecordState":                    "RecordState is the state of an export snapshot record.",
		"RegionName":                     "RegionName is the name of an AWS Region where Lightsail runs.",
		"ResourceType":                   "ResourceType is the type of a Lightsail resource.",
	}},
}
