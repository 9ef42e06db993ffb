package types

import (
	smithy "github.com/aws/smithy-go"
)

// AccessDeniedException reports that the caller cannot be authenticated or uses invalid credentials
// to access a resource.
type AccessDeniedException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
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

// AccountSetupInProgressException reports that the account is still being set up.
type AccountSetupInProgressException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *AccountSetupInProgressException) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *AccountSetupInProgressException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "AccountSetupInProgressException", or the code the service sent instead.
func (e *AccountSetupInProgressException) ErrorCode() string {
	if e == nil {
		return "AccountSetupInProgressException"
	}
	return code(e.ErrorCodeOverride, "AccountSetupInProgressException")
}

// ErrorFault says the error is the caller's fault.
func (e *AccountSetupInProgressException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// InvalidInputException reports a request with an input the service does not accept.
//
// Domain and distribution APIs are only available in the N. Virginia ( us-east-1 )
// Amazon Web Services Region. Please set your Amazon Web Services Region
// configuration to us-east-1 to create, view, or edit these resources.
type InvalidInputException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *InvalidInputException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *InvalidInputException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "InvalidInputException", or the code the service sent instead.
func (e *InvalidInputException) ErrorCode() string {
	if e == nil {
		return "InvalidInputException"
	}
	return code(e.ErrorCodeOverride, "InvalidInputException")
}

// ErrorFault says the error is the caller's fault.
func (e *InvalidInputException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// NotFoundException reports that Lightsail cannot find a resource.
type NotFoundException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *NotFoundException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *NotFoundException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "NotFoundException", or the code the service sent instead.
func (e *NotFoundException) ErrorCode() string {
	if e == nil {
		return "NotFoundException"
	}
	return code(e.ErrorCodeOverride, "NotFoundException")
}

// ErrorFault says the error is the caller's fault.
func (e *NotFoundException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// OperationFailureException reports that an operation failed to execute.
type OperationFailureException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *OperationFailureException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *OperationFailureException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "OperationFailureException", or the code the service sent instead.
func (e *OperationFailureException) ErrorCode() string {
	if e == nil {
		return "OperationFailureException"
	}
	return code(e.ErrorCodeOverride, "OperationFailureException")
}

// ErrorFault says the error is the caller's fault.
func (e *OperationFailureException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// RegionSetupInProgressException reports an operation on resources in an opt-in Region
// that is still being set up.
type RegionSetupInProgressException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *RegionSetupInProgressException) Error() string {
	return e.ErrorCode() + ": " + e.ErrorMessage()
}

// ErrorMessage returns the message, or "".
func (e *RegionSetupInProgressException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "RegionSetupInProgressException", or the code the service sent instead.
func (e *RegionSetupInProgressException) ErrorCode() string {
	if e == nil {
		return "RegionSetupInProgressException"
	}
	return code(e.ErrorCodeOverride, "RegionSetupInProgressException")
}

// ErrorFault says the error is the caller's fault.
func (e *RegionSetupInProgressException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// ServiceException is a general service error.
type ServiceException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *ServiceException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *ServiceException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "ServiceException", or the code the service sent instead.
func (e *ServiceException) ErrorCode() string {
	if e == nil {
		return "ServiceException"
	}
	return code(e.ErrorCodeOverride, "ServiceException")
}

// ErrorFault says the error is the service's fault.
func (e *ServiceException) ErrorFault() smithy.ErrorFault { return smithy.FaultServer }

// UnauthenticatedException reports that the caller has not been authenticated.
type UnauthenticatedException struct {
	Message *string

	ErrorCodeOverride *string

	// Code is Lightsail's own code for the failure (data, not the error type).
	Code *string
	// Docs links documentation about the failure.
	Docs *string
	// Tip suggests how to fix the request.
	Tip *string
}

// Error returns the code and message.
func (e *UnauthenticatedException) Error() string { return e.ErrorCode() + ": " + e.ErrorMessage() }

// ErrorMessage returns the message, or "".
func (e *UnauthenticatedException) ErrorMessage() string { return message(e.Message) }

// ErrorCode returns "UnauthenticatedException", or the code the service sent instead.
func (e *UnauthenticatedException) ErrorCode() string {
	if e == nil {
		return "UnauthenticatedException"
	}
	return code(e.ErrorCodeOverride, "UnauthenticatedException")
}

// ErrorFault says the error is the caller's fault.
func (e *UnauthenticatedException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

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
