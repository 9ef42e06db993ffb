package datazone

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/redact"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/internal/validate"
)

// CreateAssetRevision creates a revision of the asset.
//
// Asset revisions represent new versions of existing assets, capturing
// changes to either the underlying data or its metadata. The asset must
// already exist in the domain; formsInput is required when the asset has
// the form type, and typeRevision should be the latest version of the form
// type.
//
// When ClientToken is nil, the call sends a token from
// Options.IdempotencyTokenProvider, the same on every retry; the caller's
// input is not modified. The input is checked against the model's
// constraints before anything is sent (see Options.Validation). Errors are
// *smithy.OperationError values wrapping an *awshttp.ResponseError and,
// for service errors, one of the typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/datazone/latest/APIReference/API_CreateAssetRevision.html
func (c *Client) CreateAssetRevision(ctx context.Context, params *CreateAssetRevisionInput, optFns ...func(*Options)) (*CreateAssetRevisionOutput, error) {
	if params == nil {
		params = &CreateAssetRevisionInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, &cfg, createAssetRevision, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}

// CreateAssetRevisionInput is the input of CreateAssetRevision. Name,
// Description and FormsInput are sensitive: fmt, String and LogValue print
// "*** sensitive ***" in their place.
type CreateAssetRevisionInput struct {

	// The unique identifier of the domain where the asset is being revised.
	//
	// This member is required. It must match ^dzd[-_][a-zA-Z0-9_-]{1,36}$.
	DomainIdentifier *string

	// The identifier of the asset.
	//
	// This member is required. It must match ^[a-zA-Z0-9_-]{1,36}$.
	Identifier *string

	// The revised name of the asset.
	//
	// This member is required and sensitive. 1 to 256 characters.
	Name *string

	// A unique, case-sensitive identifier that is provided to ensure the idempotency
	// of the request. A nil token is filled with a random version 4 UUID.
	//
	// 1 to 128 characters, matching ^[\x21-\x7E]+$.
	ClientToken *string

	// The revised description of the asset.
	//
	// Sensitive. At most 2048 characters.
	Description *string

	// The metadata forms to be attached to the asset as part of asset revision.
	//
	// Sensitive. At most 10 forms.
	FormsInput []types.FormInput

	// The glossary terms to be attached to the asset as part of asset revision.
	//
	// 1 to 20 terms, each matching ^[a-zA-Z0-9_-]{1,36}$; leave it nil for none.
	GlossaryTerms []string

	// The configuration of the automatically generated business-friendly metadata for
	// the asset.
	PredictionConfiguration *types.PredictionConfiguration

	// The revision type of the asset.
	//
	// 1 to 64 characters.
	TypeRevision *string
}

// inputSensitive names the sensitive members of CreateAssetRevisionInput.
var inputSensitive = []string{"Name", "Description", "FormsInput"}

// Format prints the input as fmt does, with the sensitive members redacted.
func (in CreateAssetRevisionInput) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, in, inputSensitive...)
}

// String returns the input as %v prints it, with the sensitive members
// redacted.
func (in CreateAssetRevisionInput) String() string { return fmt.Sprint(in) }

// LogValue returns the input as a slog group, with the sensitive members
// redacted.
func (in CreateAssetRevisionInput) LogValue() slog.Value {
	return redact.LogValue(in, inputSensitive...)
}

// MarshalJSON writes the input as encoding/json does, with the sensitive
// members redacted.
func (in CreateAssetRevisionInput) MarshalJSON() ([]byte, error) {
	return redact.JSON(in, inputSensitive...)
}

// CreateAssetRevisionOutput is the output of CreateAssetRevision. Name,
// Description and the TypeName of each form are sensitive: fmt, String and
// LogValue print "*** sensitive ***" in their place.
type CreateAssetRevisionOutput struct {

	// The unique identifier of the Amazon DataZone domain where the asset was revised.
	//
	// This member is required.
	DomainId *string

	// The metadata forms that were attached to the asset as part of the asset
	// revision.
	//
	// This member is required.
	FormsOutput []types.FormOutput

	// The unique identifier of the asset revision.
	//
	// This member is required.
	Id *string

	// The revised name of the asset.
	//
	// This member is required.
	Name *string

	// The unique identifier of the revised project that owns the asset.
	//
	// This member is required.
	OwningProjectId *string

	// The revision of the asset.
	//
	// This member is required.
	Revision *string

	// The identifier of the revision type.
	//
	// This member is required.
	TypeIdentifier *string

	// The revision type of the asset.
	//
	// This member is required.
	TypeRevision *string

	// The timestamp of when the asset revision occured.
	CreatedAt *time.Time

	// The Amazon DataZone user who performed the asset revision.
	CreatedBy *string

	// The revised asset description.
	Description *string

	// The external identifier of the asset.
	ExternalIdentifier *string

	// The timestamp of when the first asset revision occured.
	FirstRevisionCreatedAt *time.Time

	// The Amazon DataZone user who performed the first asset revision.
	FirstRevisionCreatedBy *string

	// The glossary terms that were attached to the asset as part of asset revision.
	GlossaryTerms []string

	// The glossary terms in a restricted glossary.
	GovernedGlossaryTerms []string

	// The latest data point that was imported into the time series form for the
	// asset.
	LatestTimeSeriesDataPointFormsOutput []types.TimeSeriesDataPointSummaryFormOutput

	// The details of an asset published in an Amazon DataZone catalog.
	Listing *types.AssetListingDetails

	// The configuration of the automatically generated business-friendly metadata for
	// the asset.
	PredictionConfiguration *types.PredictionConfiguration

	// The read-only metadata forms that were attached to the asset as part of the
	// asset revision.
	ReadOnlyFormsOutput []types.FormOutput

	// Metadata pertaining to the operation's result.
	ResultMetadata middleware.Metadata
}

// outputSensitive names the sensitive members of CreateAssetRevisionOutput;
// the forms redact their own.
var outputSensitive = []string{"Name", "Description"}

// Format prints the output as fmt does, with the sensitive members
// redacted.
func (out CreateAssetRevisionOutput) Format(f fmt.State, verb rune) {
	redact.Format(f, verb, out, outputSensitive...)
}

// String returns the output as %v prints it, with the sensitive members
// redacted.
func (out CreateAssetRevisionOutput) String() string { return fmt.Sprint(out) }

// LogValue returns the output as a slog group, with the sensitive members
// redacted.
func (out CreateAssetRevisionOutput) LogValue() slog.Value {
	return redact.LogValue(out, outputSensitive...)
}

// MarshalJSON writes the output as encoding/json does, with the sensitive
// members redacted.
func (out CreateAssetRevisionOutput) MarshalJSON() ([]byte, error) {
	return redact.JSON(out, outputSensitive...)
}

// Validate checks the input against every constraint of the model and
// returns all violations at once as a smithy.InvalidParamsError. Values
// of sensitive members never appear in its messages. A nil input is
// checked as an empty one.
func (in *CreateAssetRevisionInput) Validate() error {
	if in == nil {
		in = &CreateAssetRevisionInput{}
	}
	check := validate.New("CreateAssetRevisionInput", validate.Full)
	validateCreateAssetRevisionInput(in, &check)
	return check.Err()
}

var createAssetRevision = &transport.Operation[CreateAssetRevisionInput, CreateAssetRevisionOutput]{
	Service:         service,
	Name:            "CreateAssetRevision",
	Binding:         protocol.NewRESTJSON("POST"),
	Path:            pathCreateAssetRevision,
	Encode:          encodeCreateAssetRevisionInput,
	Decode:          decodeCreateAssetRevisionOutput,
	Validate:        validateCreateAssetRevisionInput,
	InputName:       "CreateAssetRevisionInput",
	Token:           func(in *CreateAssetRevisionInput) **string { return &in.ClientToken },
	Idempotent:      true,
	SensitiveInput:  true,
	SensitiveOutput: true,
	Errors:          errorRegistry,
}

// The constraints of the model's shapes. Every rule inside FormInput is
// sensitive, as the structure is.
var (
	assetNameRule          = &validate.String{MinLen: 1, MaxLen: 256, HasMax: true, Sensitive: true}
	domainIDRule           = &validate.String{Pattern: domainIDPattern}
	assetIdentifierRule    = &validate.String{Pattern: identifierPattern}
	clientTokenRule        = &validate.String{MinLen: 1, MaxLen: 128, HasMax: true, Pattern: clientTokenPattern}
	descriptionRule        = &validate.String{MaxLen: 2048, HasMax: true, Sensitive: true}
	revisionRule           = &validate.String{MinLen: 1, MaxLen: 64, HasMax: true}
	glossaryTermRule       = &validate.String{Pattern: identifierPattern}
	glossaryTermsRule      = &validate.Size{Min: 1, Max: 20, HasMax: true}
	formInputListRule      = &validate.Size{Max: 10, HasMax: true}
	formNameRule           = &validate.String{MinLen: 1, MaxLen: 128, HasMax: true, Pattern: formNamePattern, Sensitive: true}
	formTypeIdentifierRule = &validate.String{MinLen: 1, MaxLen: 385, HasMax: true, Pattern: formTypeIdentifierPattern, Sensitive: true}
	formTypeRevisionRule   = &validate.String{MinLen: 1, MaxLen: 64, HasMax: true, Pattern: revisionInputPattern, Sensitive: true}
	formContentRule        = &validate.String{MaxLen: 300000, HasMax: true, Sensitive: true}
)

// validateCreateAssetRevisionInput checks the required members in the
// official client's order (Name, DomainIdentifier, Identifier, then each
// form's FormName), with the other constraints alongside.
func validateCreateAssetRevisionInput(in *CreateAssetRevisionInput, c *validate.Checker) {
	c.RequiredString("Name", in.Name, assetNameRule)
	c.RequiredString("DomainIdentifier", in.DomainIdentifier, domainIDRule)
	c.RequiredString("Identifier", in.Identifier, assetIdentifierRule)
	c.String("ClientToken", in.ClientToken, clientTokenRule)
	c.String("Description", in.Description, descriptionRule)
	c.Size("FormsInput", len(in.FormsInput), in.FormsInput != nil, formInputListRule)
	for i := range in.FormsInput {
		c.EnterIndex("FormsInput", i)
		validateFormInput(&in.FormsInput[i], c)
		c.Leave()
	}
	c.Size("GlossaryTerms", len(in.GlossaryTerms), in.GlossaryTerms != nil, glossaryTermsRule)
	if c.Full() {
		for i, term := range in.GlossaryTerms {
			c.EnterIndex("GlossaryTerms", i)
			c.StringValue("", term, glossaryTermRule)
			c.Leave()
		}
	}
	c.String("TypeRevision", in.TypeRevision, revisionRule)
}

func validateFormInput(form *types.FormInput, c *validate.Checker) {
	c.RequiredString("FormName", form.FormName, formNameRule)
	c.String("TypeIdentifier", form.TypeIdentifier, formTypeIdentifierRule)
	c.String("TypeRevision", form.TypeRevision, formTypeRevisionRule)
	c.String("Content", form.Content, formContentRule)
}
