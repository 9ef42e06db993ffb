package types

// ValidationExceptionError describes one invalid field of a request the
// service refused with a ValidationException.
type ValidationExceptionError struct {

	// Specifies the error code for the invalid field value.
	//
	// This member is required.
	Code ValidationExceptionErrorCode

	// Specifies the detailed error message for the invalid field value.
	//
	// This member is required.
	Message *string

	// Specifies the field name with the invalid value.
	FieldName *string
}
