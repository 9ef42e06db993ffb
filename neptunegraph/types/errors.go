package types

import (
	smithy "github.com/aws/smithy-go"
)

// ConflictException reports a conflict with the current state of a resource,
// such as a snapshot name that is already taken. HTTP status 409.
type ConflictException struct {
	Message *string

	ErrorCodeOverride *string

	Reason ConflictExceptionReason
}

// Error returns the code and message.
func (e *ConflictException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *ConflictException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ConflictException", or the code the service sent instead.
func (e *ConflictException) ErrorCode() string {
	if e == nil {
		return "ConflictException"
	}
	return code(e.ErrorCodeOverride, "ConflictException")
}

// ErrorFault says the error is the caller's fault.
func (e *ConflictException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InternalServerException reports a failure on the server. HTTP status 500;
// the model marks it retryable, and the standard retryer retries it by its
// status.
type InternalServerException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *InternalServerException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *InternalServerException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "InternalServerException", or the code the service sent instead.
func (e *InternalServerException) ErrorCode() string {
	if e == nil {
		return "InternalServerException"
	}
	return code(e.ErrorCodeOverride, "InternalServerException")
}

// ErrorFault says the error is the service's fault.
func (e *InternalServerException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// ResourceNotFoundException reports that a resource named in the request,
// such as the graph, does not exist. HTTP status 404.
type ResourceNotFoundException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *ResourceNotFoundException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *ResourceNotFoundException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ResourceNotFoundException", or the code the service sent instead.
func (e *ResourceNotFoundException) ErrorCode() string {
	if e == nil {
		return "ResourceNotFoundException"
	}
	return code(e.ErrorCodeOverride, "ResourceNotFoundException")
}

// ErrorFault says the error is the caller's fault.
func (e *ResourceNotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ServiceQuotaExceededException reports that the request would exceed a
// service quota, naming the resource and the quota. HTTP status 402.
type ServiceQuotaExceededException struct {
	Message *string

	ErrorCodeOverride *string

	ResourceId   *string
	ResourceType *string
	ServiceCode  *string
	QuotaCode    *string
}

// Error returns the code and message.
func (e *ServiceQuotaExceededException) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *ServiceQuotaExceededException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ServiceQuotaExceededException", or the code the service sent instead.
func (e *ServiceQuotaExceededException) ErrorCode() string {
	if e == nil {
		return "ServiceQuotaExceededException"
	}
	return code(e.ErrorCodeOverride, "ServiceQuotaExceededException")
}

// ErrorFault says the error is the caller's fault.
func (e *ServiceQuotaExceededException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ThrottlingException reports that the request was throttled. HTTP status
// 429; the model marks it a retryable throttling error, and the standard
// retryer retries it by its code.
type ThrottlingException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *ThrottlingException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *ThrottlingException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ThrottlingException", or the code the service sent instead.
func (e *ThrottlingException) ErrorCode() string {
	if e == nil {
		return "ThrottlingException"
	}
	return code(e.ErrorCodeOverride, "ThrottlingException")
}

// ErrorFault says the error is the caller's fault.
func (e *ThrottlingException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ValidationException reports a request the service found invalid, with the
// reason. HTTP status 400.
type ValidationException struct {
	Message *string

	ErrorCodeOverride *string

	Reason ValidationExceptionReason
}

// Error returns the code and message.
func (e *ValidationException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *ValidationException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ValidationException", or the code the service sent instead.
func (e *ValidationException) ErrorCode() string {
	if e == nil {
		return "ValidationException"
	}
	return code(e.ErrorCodeOverride, "ValidationException")
}

// ErrorFault says the error is the caller's fault.
func (e *ValidationException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

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
