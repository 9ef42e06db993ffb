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
	// Calls completes the first sentence of the Client type's doc comment,
	// "Client calls ...", when the model's title does not name the service
	// as this project does.
	Calls string
	// SchemaSerde says the official client this one stands in for is
	// generated with schema-driven serializers (Lightsail v1.71+, MemoryDB
	// v1.43+): its middleware stack has the schema layout, its default HTTP
	// client applies the opt-in read timeout, and its Options have a
	// Protocol field.
	SchemaSerde bool
	// CBORSince is the first official module version that sends Smithy RPC
	// v2 CBOR by default, for a model that lists rpcv2Cbor.
	CBORSince string
	// NoSkewOption says the official client has no DisableClockSkewCorrection
	// option (Neptune Graph v1.22, DataZone v1.62): it corrects the clock
	// skew whatever aws.Config holds, so NewFromConfig does not read it.
	NoSkewOption bool
	// RuleNames names, per shape (or "Structure$member" for a member with
	// constraints of its own), the variable holding its validation rule
	// where the default, the name in lower camel case followed by Rule,
	// would not do.
	RuleNames map[string]string
	// Patterns maps a model pattern to the hand-written matcher in the
	// package's patterns.go: a pattern RE2 cannot compile or would read
	// differently from ECMAScript, or one a loop matches faster.
	Patterns map[string]string
	// CheckOrder lists, per structure, the members checked first and in
	// which order; the others follow in model order. It keeps the order of
	// the violations the package has always reported.
	CheckOrder map[string][]string
	// SchemaJSON says the official client escapes and reads JSON strings
	// as smithy-go's schema-based serializers do (awsJson protocols).
	SchemaJSON bool
	// ExactErrorCodes says the official client matches error codes to its
	// typed errors exactly, case included.
	ExactErrorCodes bool
	// Idempotent, when set, says why the operation is safe to send again
	// though the model marks it neither @idempotent nor @readonly.
	Idempotent string
	// ErrorMembersDecoder, when set, reads every member of the service's
	// errors into a structure with a lower-case field per member.
	ErrorMembersDecoder string
	// Page, when set, lays out the JSON output decoder for long pages of
	// structures (see pageLayout).
	Page *pageLayout
}

// pageLayout lays out the output decoder of an operation whose output is
// a page of many structures, so that a page costs tens of allocations, not
// hundreds: the structures reached by pointer come from slabs shared by the
// whole page, the lists of structures in the output are sized from the
// bytes left to read, and each nested list shape named in Nested shares one
// backing array across the page.
type pageLayout struct {
	// TypicalBytes is about the JSON length of one element of the page's
	// list with every member set and the nested elements Nested counts.
	TypicalBytes int
	// LongList is the length past which the page's list is sized by
	// counting the rest of its array once.
	LongList int
	// Nested gives, per nested list shape, its typical number of elements
	// per element of the page's list.
	Nested map[string]int
}

// services lists the five services in the order their packages are
// generated.
var services = []service{
	{Name: "datazone", NoSkewOption: true, Describe: map[string]string{
		"AccessDeniedException":                "AccessDeniedException reports that the caller lacks the access the action needs.",
		"ConflictException":                    "ConflictException reports a conflict while performing this action.",
		"InternalServerException":              "InternalServerException reports a failure inside the service.",
		"ResourceNotFoundException":            "ResourceNotFoundException reports that a resource named in the request does not exist.",
		"ThrottlingException":                  "ThrottlingException reports that the service throttled the request.",
		"UnauthorizedException":                "UnauthorizedException reports that the caller is not permitted to perform the action; the service may return it for any operation.",
		"ValidationException":                  "ValidationException reports a request whose input breaks the service's constraints.",
		"AssetListingDetails":                  "AssetListingDetails are the details of an asset published in an Amazon DataZone catalog.",
		"BusinessNameGenerationConfiguration":  "BusinessNameGenerationConfiguration is the configuration of the business name generation.",
		"FormInput":                            "FormInput is a metadata form to attach to an asset.",
		"FormOutput":                           "FormOutput is the details of a metadata form.",
		"PredictionConfiguration":              "PredictionConfiguration is the configuration of the prediction.",
		"TimeSeriesDataPointSummaryFormOutput": "TimeSeriesDataPointSummaryFormOutput is the summary of the time series data points form.",
		"ListingStatus":                        "ListingStatus is the status of an asset published in an Amazon DataZone catalog.",
	},
		RuleNames: map[string]string{
			"GlossaryTermId":    "glossaryTermRule",
			"RevisionInput":     "formTypeRevisionRule",
			"FormInput$content": "formContentRule",
		},
		Patterns: map[string]string{
			`^dzd[-_][a-zA-Z0-9_-]{1,36}$`:         "domainIDPattern",
			`^[a-zA-Z0-9_-]{1,36}$`:                "identifierPattern",
			`^[a-zA-Z0-9_-]+$`:                     "revisionInputPattern",
			`^[\x21-\x7E]+$`:                       "clientTokenPattern",
			`^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`: "formNamePattern",
			`^(?!\.)[\w\.]*\w$`:                    "formTypeIdentifierPattern",
		},
		CheckOrder: map[string][]string{
			"CreateAssetRevisionInput": {"name", "domainIdentifier", "identifier", "clientToken", "description", "formsInput", "glossaryTerms", "typeRevision"},
		},
	},
	{Name: "memorydb", SchemaSerde: true, CBORSince: "v1.43.0", SchemaJSON: true, ExactErrorCodes: true, Describe: map[string]string{
		"InvalidParameterCombinationException": "InvalidParameterCombinationException reports a request that combines parameters that cannot be used together.",
		"InvalidParameterValueException":       "InvalidParameterValueException reports that a parameter has a value the service does not accept.",
		"InvalidSnapshotStateFault":            "InvalidSnapshotStateFault reports that the snapshot is not in a state that allows the request.",
		"ServiceLinkedRoleNotFoundFault":       "ServiceLinkedRoleNotFoundFault reports that the service-linked role MemoryDB needs does not exist.",
		"SnapshotAlreadyExistsFault":           "SnapshotAlreadyExistsFault reports that a snapshot with the requested name already exists.",
		"SnapshotNotFoundFault":                "SnapshotNotFoundFault reports that the named snapshot does not exist.",
		"SnapshotQuotaExceededFault":           "SnapshotQuotaExceededFault reports that the request would exceed the account's snapshot quota.",
		"TagQuotaPerResourceExceeded":          "TagQuotaPerResourceExceeded reports that the request would exceed the number of tags a resource may carry.",
		"ClusterConfiguration":                 "ClusterConfiguration is the configuration of the cluster a snapshot was taken from.",
		"ShardConfiguration":                   "ShardConfiguration is the configuration of one shard.",
		"ShardDetail":                          "ShardDetail describes one shard of a snapshot's cluster.",
		"Snapshot":                             "Snapshot is a copy of an entire cluster as of the time the snapshot was taken.",
		"Tag":                                  "Tag is a key-value pair attached to a resource.",
		"DataTieringStatus":                    "DataTieringStatus says whether a snapshot's cluster uses data tiering.",
	}},
	{Name: "neptunegraph", NoSkewOption: true, Calls: "Amazon Neptune Analytics (Neptune Graph)", Describe: map[string]string{
		"ConflictException":             "ConflictException reports a conflict with the current state of a resource, such as a snapshot name that is already taken.",
		"InternalServerException":       "InternalServerException reports a failure on the server.",
		"ResourceNotFoundException":     "ResourceNotFoundException reports that a resource named in the request, such as the graph, does not exist.",
		"ServiceQuotaExceededException": "ServiceQuotaExceededException reports that the request would exceed a service quota, naming the resource and the quota.",
		"ThrottlingException":           "ThrottlingException reports that the request was throttled.",
		"ValidationException":           "ValidationException reports a request the service found invalid, with the reason.",
		"ConflictExceptionReason":       "ConflictExceptionReason says why a request conflicted with the state of a resource.",
		"SnapshotStatus":                "SnapshotStatus is the state of a graph snapshot.",
		"ValidationExceptionReason":     "ValidationExceptionReason says why the service refused a request as invalid.",
	},
		Patterns: map[string]string{
			`^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`: "snapshotNamePattern",
		},
	},
	{Name: "partnercentral", Calls: "the AWS Partner Central Selling API", SchemaJSON: true, Describe: map[string]string{
		"AccessDeniedException":          "AccessDeniedException reports that the caller may not perform the action; Reason, when set, says why.",
		"ConflictException":              "ConflictException reports a request that conflicts with the current state of the resource.",
		"InternalServerException":        "InternalServerException reports a failure inside the service.",
		"ResourceNotFoundException":      "ResourceNotFoundException reports that a resource named in the request does not exist or is not visible to the caller.",
		"ServiceQuotaExceededException":  "ServiceQuotaExceededException reports that the request would exceed a service quota.",
		"ThrottlingException":            "ThrottlingException reports that too many requests were sent.",
		"ValidationException":            "ValidationException reports a request that failed the service's request checks or business rules; Reason says which, and ErrorList, when set, names each invalid field.",
		"ValidationExceptionError":       "ValidationExceptionError describes one invalid field of a request the service refused with a ValidationException.",
		"AccessDeniedExceptionErrorCode": "AccessDeniedExceptionErrorCode says why access was denied.",
		"ResourceType":                   "ResourceType is the type of resource a snapshot is taken of.",
		"ValidationExceptionErrorCode":   "ValidationExceptionErrorCode says what is wrong with one field of a request the service refused.",
		"ValidationExceptionReason":      "ValidationExceptionReason says whether a request failed the service's request checks or its business rules.",
	},
		Patterns: map[string]string{
			`^.{1,255}$`: "clientTokenPattern",
		},
	},
	{Name: "lightsail", SchemaSerde: true, SchemaJSON: true, ExactErrorCodes: true, Page: &pageLayout{TypicalBytes: 800, LongList: 1024, Nested: map[string]int{"DiskInfoList": 2}}, Describe: map[string]string{
		"AccessDeniedException":           "AccessDeniedException reports that the caller cannot be authenticated or may not access a resource.",
		"AccountSetupInProgressException": "AccountSetupInProgressException reports that the account is still being set up.",
		"InvalidInputException":           "InvalidInputException reports a request with an input the service does not accept.",
		"NotFoundException":               "NotFoundException reports that Lightsail cannot find a resource.",
		"OperationFailureException":       "OperationFailureException reports that an operation failed to run.",
		"RegionSetupInProgressException":  "RegionSetupInProgressException reports an operation on resources in an opt-in Region that is still being set up.",
		"ServiceException":                "ServiceException is a general service error.",
		"UnauthenticatedException":        "UnauthenticatedException reports that the caller has not been authenticated.",
		"DestinationInfo":                 "DestinationInfo describes the destination of an export snapshot record: the resource the export created.",
		"DiskInfo":                        "DiskInfo describes a disk that was attached to the source instance of an instance snapshot.",
		"DiskSnapshotInfo":                "DiskSnapshotInfo describes a disk snapshot that was the source of an export.",
		"ExportSnapshotRecord":            "ExportSnapshotRecord describes an export snapshot record: the export of an instance or disk snapshot to Amazon EC2.",
		"ExportSnapshotRecordSourceInfo":  "ExportSnapshotRecordSourceInfo describes the instance or disk snapshot an export snapshot record was made from.",
		"InstanceSnapshotInfo":            "InstanceSnapshotInfo describes an instance snapshot that was the source of an export.",
		"ResourceLocation":                "ResourceLocation is the AWS Region and Availability Zone of a resource.",
		"ExportSnapshotRecordSourceType":  "ExportSnapshotRecordSourceType is the kind of snapshot an export snapshot record was made from.",
		"RecordState":                     "RecordState is the state of an export snapshot record.",
		"RegionName":                      "RegionName is the name of an AWS Region where Lightsail runs.",
		"ResourceType":                    "ResourceType is the type of a Lightsail resource.",
	},
		ErrorMembersDecoder: "decodeErrorMembers",
		Idempotent: "The model marks it neither @readonly nor @idempotent, but it only reads, so a request that " +
			"may have reached the service is safe to send again after a connection failure.",
	},
}
