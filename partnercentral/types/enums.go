package types

// AccessDeniedExceptionErrorCode says why access was denied. Unknown values
// from the service are kept as they are.
type AccessDeniedExceptionErrorCode string

// Enum values for AccessDeniedExceptionErrorCode
const (
	AccessDeniedExceptionErrorCodeIncompatibleBenefitAwsPartnerState AccessDeniedExceptionErrorCode = "INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE"
)

// Values returns all known values for AccessDeniedExceptionErrorCode. Note that
// this can be expanded in the future, and so it is only as up to date as the
// client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (AccessDeniedExceptionErrorCode) Values() []AccessDeniedExceptionErrorCode {
	return []AccessDeniedExceptionErrorCode{
		"INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE",
	}
}

// ResourceType is the type of resource a snapshot is taken of.
type ResourceType string

// Enum values for ResourceType
const (
	ResourceTypeOpportunity ResourceType = "Opportunity"
)

// Values returns all known values for ResourceType. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ResourceType) Values() []ResourceType {
	return []ResourceType{
		"Opportunity",
	}
}

// ValidationExceptionErrorCode says what is wrong with one field of a
// request the service refused. Unknown values from the service are kept as
// they are.
type ValidationExceptionErrorCode string

// Enum values for ValidationExceptionErrorCode
const (
	ValidationExceptionErrorCodeRequiredFieldMissing ValidationExceptionErrorCode = "REQUIRED_FIELD_MISSING"
	ValidationExceptionErrorCodeInvalidEnumValue     ValidationExceptionErrorCode = "INVALID_ENUM_VALUE"
	ValidationExceptionErrorCodeInvalidStringFormat  ValidationExceptionErrorCode = "INVALID_STRING_FORMAT"
	ValidationExceptionErrorCodeInvalidValue         ValidationExceptionErrorCode = "INVALID_VALUE"
	ValidationExceptionErrorCodeNotEnoughValues      ValidationExceptionErrorCode = "NOT_ENOUGH_VALUES"
	ValidationExceptionErrorCodeTooManyValues        ValidationExceptionErrorCode = "TOO_MANY_VALUES"
	ValidationExceptionErrorCodeInvalidResourceState ValidationExceptionErrorCode = "INVALID_RESOURCE_STATE"
	ValidationExceptionErrorCodeDuplicateKeyValue    ValidationExceptionErrorCode = "DUPLICATE_KEY_VALUE"
	ValidationExceptionErrorCodeValueOutOfRange      ValidationExceptionErrorCode = "VALUE_OUT_OF_RANGE"
	ValidationExceptionErrorCodeActionNotPermitted   ValidationExceptionErrorCode = "ACTION_NOT_PERMITTED"
)

// Values returns all known values for ValidationExceptionErrorCode. Note that
// this can be expanded in the future, and so it is only as up to date as the
// client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ValidationExceptionErrorCode) Values() []ValidationExceptionErrorCode {
	return []ValidationExceptionErrorCode{
		"REQUIRED_FIELD_MISSING",
		"INVALID_ENUM_VALUE",
		"INVALID_STRING_FORMAT",
		"INVALID_VALUE",
		"NOT_ENOUGH_VALUES",
		"TOO_MANY_VALUES",
		"INVALID_RESOURCE_STATE",
		"DUPLICATE_KEY_VALUE",
		"VALUE_OUT_OF_RANGE",
		"ACTION_NOT_PERMITTED",
	}
}

// ValidationExceptionReason says whether a request failed the service's
// request checks or its business rules. Unknown values from the service are
// kept as they are.
type ValidationExceptionReason string

// Enum values for ValidationExceptionReason
const (
	ValidationExceptionReasonRequestValidationFailed  ValidationExceptionReason = "REQUEST_VALIDATION_FAILED"
	ValidationExceptionReasonBusinessValidationFailed ValidationExceptionReason = "BUSINESS_VALIDATION_FAILED"
)

// Values returns all known values for ValidationExceptionReason. Note that this
// can be expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ValidationExceptionReason) Values() []ValidationExceptionReason {
	return []ValidationExceptionReason{
		"REQUEST_VALIDATION_FAILED",
		"BUSINESS_VALIDATION_FAILED",
	}
}
