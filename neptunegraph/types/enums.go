package types

// ConflictExceptionReason says why a request conflicted with the state of a
// resource. Unknown values from the service are kept as they are.
type ConflictExceptionReason string

// Enum values for ConflictExceptionReason
const (
	ConflictExceptionReasonConcurrentModification ConflictExceptionReason = "CONCURRENT_MODIFICATION"
)

// Values returns all known values for ConflictExceptionReason. Note that this can
// be expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ConflictExceptionReason) Values() []ConflictExceptionReason {
	return []ConflictExceptionReason{
		"CONCURRENT_MODIFICATION",
	}
}

// SnapshotStatus is the state of a graph snapshot. Unknown values from the
// service are kept as they are.
type SnapshotStatus string

// Enum values for SnapshotStatus
const (
	SnapshotStatusCreating  SnapshotStatus = "CREATING"
	SnapshotStatusAvailable SnapshotStatus = "AVAILABLE"
	SnapshotStatusDeleting  SnapshotStatus = "DELETING"
	SnapshotStatusFailed    SnapshotStatus = "FAILED"
)

// Values returns all known values for SnapshotStatus. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (SnapshotStatus) Values() []SnapshotStatus {
	return []SnapshotStatus{
		"CREATING",
		"AVAILABLE",
		"DELETING",
		"FAILED",
	}
}

// ValidationExceptionReason says why the service refused a request as
// invalid. Unknown values from the service are kept as they are.
type ValidationExceptionReason string

// Enum values for ValidationExceptionReason
const (
	ValidationExceptionReasonConstraintViolation  ValidationExceptionReason = "CONSTRAINT_VIOLATION"
	ValidationExceptionReasonIllegalArgument      ValidationExceptionReason = "ILLEGAL_ARGUMENT"
	ValidationExceptionReasonMalformedQuery       ValidationExceptionReason = "MALFORMED_QUERY"
	ValidationExceptionReasonQueryCancelled       ValidationExceptionReason = "QUERY_CANCELLED"
	ValidationExceptionReasonQueryTooLarge        ValidationExceptionReason = "QUERY_TOO_LARGE"
	ValidationExceptionReasonUnsupportedOperation ValidationExceptionReason = "UNSUPPORTED_OPERATION"
	ValidationExceptionReasonBadRequest           ValidationExceptionReason = "BAD_REQUEST"
)

// Values returns all known values for ValidationExceptionReason. Note that this
// can be expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ValidationExceptionReason) Values() []ValidationExceptionReason {
	return []ValidationExceptionReason{
		"CONSTRAINT_VIOLATION",
		"ILLEGAL_ARGUMENT",
		"MALFORMED_QUERY",
		"QUERY_CANCELLED",
		"QUERY_TOO_LARGE",
		"UNSUPPORTED_OPERATION",
		"BAD_REQUEST",
	}
}
