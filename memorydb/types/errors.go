package types

import (
	smithy "github.com/aws/smithy-go"
)

// InvalidParameterCombinationException reports a request that combines parameters that cannot be used together.
type InvalidParameterCombinationException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *InvalidParameterCombinationException) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *InvalidParameterCombinationException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "InvalidParameterCombinationException", or the code the service sent instead.
func (e *InvalidParameterCombinationException) ErrorCode() string {
	if e == nil {
		return "InvalidParameterCombinationException"
	}
	return code(e.ErrorCodeOverride, "InvalidParameterCombinationException")
}

// ErrorFault says the error is the caller's fault.
func (e *InvalidParameterCombinationException) ErrorFault() smithy.ErrorFault {
	return smithy.FaultClient
}

// InvalidParameterValueException reports that a parameter has a value the service does not accept.
type InvalidParameterValueException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *InvalidParameterValueException) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *InvalidParameterValueException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "InvalidParameterValueException", or the code the service sent instead.
func (e *InvalidParameterValueException) ErrorCode() string {
	if e == nil {
		return "InvalidParameterValueException"
	}
	return code(e.ErrorCodeOverride, "InvalidParameterValueException")
}

// ErrorFault says the error is the caller's fault.
func (e *InvalidParameterValueException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidSnapshotStateFault reports that the snapshot is not in a state that allows the request.
type InvalidSnapshotStateFault struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *InvalidSnapshotStateFault) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *InvalidSnapshotStateFault) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "InvalidSnapshotStateFault", or the code the service sent instead.
func (e *InvalidSnapshotStateFault) ErrorCode() string {
	if e == nil {
		return "InvalidSnapshotStateFault"
	}
	return code(e.ErrorCodeOverride, "InvalidSnapshotStateFault")
}

// ErrorFault says the error is the caller's fault.
func (e *InvalidSnapshotStateFault) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ServiceLinkedRoleNotFoundFault reports that the service-linked role MemoryDB needs does not exist.
type ServiceLinkedRoleNotFoundFault struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *ServiceLinkedRoleNotFoundFault) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *ServiceLinkedRoleNotFoundFault) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ServiceLinkedRoleNotFoundFault", or the code the service sent instead.
func (e *ServiceLinkedRoleNotFoundFault) ErrorCode() string {
	if e == nil {
		return "ServiceLinkedRoleNotFoundFault"
	}
	return code(e.ErrorCodeOverride, "ServiceLinkedRoleNotFoundFault")
}

// ErrorFault says the error is the caller's fault.
func (e *ServiceLinkedRoleNotFoundFault) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// SnapshotAlreadyExistsFault reports that a snapshot with the requested name already exists.
type SnapshotAlreadyExistsFault struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *SnapshotAlreadyExistsFault) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *SnapshotAlreadyExistsFault) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "SnapshotAlreadyExistsFault", or the code the service sent instead.
func (e *SnapshotAlreadyExistsFault) ErrorCode() string {
	if e == nil {
		return "SnapshotAlreadyExistsFault"
	}
	return code(e.ErrorCodeOverride, "SnapshotAlreadyExistsFault")
}

// ErrorFault says the error is the caller's fault.
func (e *SnapshotAlreadyExistsFault) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// SnapshotNotFoundFault reports that the named snapshot does not exist.
type SnapshotNotFoundFault struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *SnapshotNotFoundFault) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *SnapshotNotFoundFault) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "SnapshotNotFoundFault", or the code the service sent instead.
func (e *SnapshotNotFoundFault) ErrorCode() string {
	if e == nil {
		return "SnapshotNotFoundFault"
	}
	return code(e.ErrorCodeOverride, "SnapshotNotFoundFault")
}

// ErrorFault says the error is the caller's fault.
func (e *SnapshotNotFoundFault) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// SnapshotQuotaExceededFault reports that the request would exceed the account's snapshot quota.
type SnapshotQuotaExceededFault struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *SnapshotQuotaExceededFault) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *SnapshotQuotaExceededFault) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "SnapshotQuotaExceededFault", or the code the service sent instead.
func (e *SnapshotQuotaExceededFault) ErrorCode() string {
	if e == nil {
		return "SnapshotQuotaExceededFault"
	}
	return code(e.ErrorCodeOverride, "SnapshotQuotaExceededFault")
}

// ErrorFault says the error is the caller's fault.
func (e *SnapshotQuotaExceededFault) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// TagQuotaPerResourceExceeded reports that the request would exceed the number of tags a resource may carry.
type TagQuotaPerResourceExceeded struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *TagQuotaPerResourceExceeded) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *TagQuotaPerResourceExceeded) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "TagQuotaPerResourceExceeded", or the code the service sent instead.
func (e *TagQuotaPerResourceExceeded) ErrorCode() string {
	if e == nil {
		return "TagQuotaPerResourceExceeded"
	}
	return code(e.ErrorCodeOverride, "TagQuotaPerResourceExceeded")
}

// ErrorFault says the error is the caller's fault.
func (e *TagQuotaPerResourceExceeded) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

func message(m *string) string {
	if m == nil {
		return ""
	}
	return *m
}

func code(override *string, name string) string {
	if override == nil {
		return name
	}
	return *override
}
