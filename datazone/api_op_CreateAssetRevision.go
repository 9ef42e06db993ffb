package datazone

import (
	"context"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/protocol"
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
