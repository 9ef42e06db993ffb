package types

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/awssnap/awssnap/internal/redact"
)

// AssetListingDetails are the details of an asset published in an Amazon
// DataZone catalog.
type AssetListingDetails struct {

	// The identifier of an asset published in an Amazon DataZone catalog.
	//
	// This member is required.
	ListingId *string

	// The status of an asset published in an Amazon DataZone catalog.
	//
	// This member is required.
	ListingStatus ListingStatus
}

// BusinessNameGenerationConfiguration is the configuration of the business
// name generation.
type BusinessNameGenerationConfiguration struct {

	// Specifies whether the business name generation is enabled.
	Enabled *bool
}

// FormInput is a metadata form to attach to an asset. The whole structure
// is sensitive: it prints as "*** sensitive ***".
type FormInput struct {

	// The name of the metadata form.
	//
	// This member is required.
	FormName *string

	// The content of the metadata form.
	Content *string

	// The ID of the metadata form type.
	TypeIdentifier *string

	// The revision of the metadata form type.
	TypeRevision *string
}

// Format prints the placeholder whatever the verb: the form is sensitive.
func (FormInput) Format(f fmt.State, _ rune) { io.WriteString(f, redact.Placeholder) }

// String returns the placeholder: the form is sensitive.
func (FormInput) String() string { return redact.Placeholder }

// LogValue returns the placeholder: the form is sensitive.
func (FormInput) LogValue() slog.Value { return slog.StringValue(redact.Placeholder) }

// MarshalJSON writes the placeholder as a JSON string: the form is
// sensitive.
func (FormInput) MarshalJSON() ([]byte, error) { return redact.JSON(nil) }

// FormOutput is the details of a metadata form. Its TypeName is sensitive.
type FormOutput struct {

	// The name of the metadata form.
	//
	// This member is required.
	FormName *string

	// The content of the metadata form.
	Content *string

	// The name of the metadata form type.
	TypeName *string

	// The revision of the metadata form type.
	TypeRevision *string
}

// Format prints the form as fmt does, with TypeName redacted.
func (v FormOutput) Format(f fmt.State, verb rune) { redact.Format(f, verb, v, "TypeName") }

// String returns the form as %v prints it, with TypeName redacted.
func (v FormOutput) String() string { return fmt.Sprint(v) }

// LogValue returns the form as a slog group, with TypeName redacted.
func (v FormOutput) LogValue() slog.Value { return redact.LogValue(v, "TypeName") }

// MarshalJSON writes the form as encoding/json does, with TypeName
// redacted.
func (v FormOutput) MarshalJSON() ([]byte, error) { return redact.JSON(v, "TypeName") }

// PredictionConfiguration is the configuration of the prediction.
type PredictionConfiguration struct {

	// The business name generation mechanism.
	BusinessNameGeneration *BusinessNameGenerationConfiguration
}

// TimeSeriesDataPointSummaryFormOutput is the summary of the time series
// data points form.
type TimeSeriesDataPointSummaryFormOutput struct {

	// The name of the time series data points summary form.
	//
	// This member is required.
	FormName *string

	// The timestamp of the time series data points summary form.
	//
	// This member is required.
	Timestamp *time.Time

	// The type ID of the time series data points summary form.
	//
	// This member is required.
	TypeIdentifier *string

	// The content of the summary of the time series data points form.
	ContentSummary *string

	// The ID of the time series data points summary form.
	Id *string

	// The type revision of the time series data points summary form.
	TypeRevision *string
}
