package kit

import (
	"errors"
	"reflect"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

// ErrorView is what an application can observe of a call's error, in a
// form that compares across packages.
type ErrorView struct {
	Chain     []string // the dynamic type of each error along errors.Unwrap
	Leaf      string   // under a *smithy.DeserializationError, the types of the errors it wraps (the JSON decoder's own)
	APIType   string   // the type errors.As finds as a smithy.APIError
	Code      string
	Message   string
	Fault     string
	Fields    any // Neutral of the API error
	Status    int
	RequestID string
	Text      string // err.Error()
	Snapshot  string // the body a *smithy.DeserializationError keeps, as text
}

// ViewError returns the ErrorView of err; the zero view for nil.
func ViewError(err error) ErrorView {
	var v ErrorView
	if err == nil {
		return v
	}
	v.Text = err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		v.Chain = append(v.Chain, DynamicName(reflect.TypeOf(e)))
	}
	var deserialization *smithy.DeserializationError
	if errors.As(err, &deserialization) {
		v.Snapshot = string(deserialization.Snapshot)
	}
	if i := slicesIndex(v.Chain, "*smithy.DeserializationError"); i >= 0 {
		v.Leaf = strings.Join(v.Chain[i+1:], " > ")
		v.Chain = v.Chain[:i+1]
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		v.APIType = DynamicName(reflect.TypeOf(apiErr))
		v.Code, v.Message, v.Fault = apiErr.ErrorCode(), apiErr.ErrorMessage(), apiErr.ErrorFault().String()
		v.Fields = Neutral(apiErr)
	}
	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) {
		v.Status, v.RequestID = respErr.HTTPStatusCode(), respErr.ServiceRequestID()
	}
	return v
}

func slicesIndex(s []string, v string) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// Normalized returns v without what differs from call to call against a
// live server: the request ID, in its field and in the error string.
func (v ErrorView) Normalized() ErrorView {
	if v.RequestID != "" {
		v.Text = strings.ReplaceAll(v.Text, v.RequestID, "<request-id>")
		v.RequestID = "<request-id>"
	}
	return v
}

// Is returns a check that an error's chain holds a T.
func Is[T error]() func(error) bool {
	return func(err error) bool {
		var target T
		return errors.As(err, &target)
	}
}
