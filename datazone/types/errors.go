package types

import (
	smithy "github.com/aws/smithy-go"
)

// AccessDeniedException reports that you do not have sufficient access to
// perform this action.
type AccessDeniedException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *AccessDeniedException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *AccessDeniedException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "AccessDeniedException", or the code the service sent instead.
func (e *AccessDeniedException) ErrorCode() string {
	if e == nil {
		return "AccessDeniedException"
	}
	return code(e.ErrorCodeOverride, "AccessDeniedException")
}

// ErrorFault says the error is the caller's fault.
func (e *AccessDeniedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ConflictException reports a conflict while performing this action.
type ConflictException struct {
	Message *string

	ErrorCodeOverride *string
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

// InternalServerException reports that the request has failed because of an
// unknown error, exception or failure. The service marks it retryable; the
// default retryer retries it when the status is 500, 502, 503 or 504, as the
// official client does.
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

// ResourceNotFoundException reports that the specified resource cannot be
// found.
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

// ThrottlingException reports that the request was denied due to request
// throttling. The service marks it retryable; the default retryer retries it
// by its code, as the official client does.
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

// UnauthorizedException reports that you do not have permission to perform
// this action. The service may return it for any operation.
type UnauthorizedException struct {
	Message *string

	ErrorCodeOverride *string
}

// Error returns the code and message.
func (e *UnauthorizedException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *UnauthorizedException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "UnauthorizedException", or the code the service sent instead.
func (e *UnauthorizedException) ErrorCode() string {
	if e == nil {
		return "UnauthorizedException"
	}
	return code(e.ErrorCodeOverride, "UnauthorizedException")
}

// ErrorFault says the error is the caller's fault.
func (e *UnauthorizedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ValidationException reports that the input fails to satisfy the constraints
// specified by the Amazon Web Services service.
type ValidationException struct {
	Message *string

	ErrorCodeOverride *string
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
