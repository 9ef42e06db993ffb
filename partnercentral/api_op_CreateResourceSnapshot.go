package partnercentral

import (
	"context"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// CreateResourceSnapshot creates an immutable snapshot of a specific
// resource, such as an opportunity, within the context of an engagement.
// The snapshot captures a subset of the resource's data based on the schema
// defined by the provided template.
//
// A nil ClientToken is filled with a new token (see
// Options.IdempotencyTokenProvider) on a copy of params; the caller's input
// is never modified, and every retry of the call sends the same token. The
// input is checked against the model's constraints before anything is sent
// (see Options.Validation). Errors are *smithy.OperationError values
// wrapping an *awshttp.ResponseError and, for service errors, one of the
// typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/partner-central/latest/APIReference/API_CreateResourceSnapshot.html
func (c *Client) CreateResourceSnapshot(ctx context.Context, params *CreateResourceSnapshotInput, optFns ...func(*Options)) (*CreateResourceSnapshotOutput, error) {
	if params == nil {
		params = &CreateResourceSnapshotInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, &cfg, createResourceSnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}

// Validate checks the input against every constraint of the model and
// returns all violations at once as a smithy.InvalidParamsError. It checks
// what a call would send: a nil ClientToken is not reported, because the
// call fills it before checking. A nil input is checked as an empty one.
func (in *CreateResourceSnapshotInput) Validate() error {
	if in == nil {
		in = &CreateResourceSnapshotInput{}
	}
	check := validate.New("CreateResourceSnapshotInput", validate.Full)
	validateResourceMembers(in, &check)
	check.String("ClientToken", in.ClientToken, clientTokenRule)
	return check.Err()
}

var createResourceSnapshot = &transport.Operation[CreateResourceSnapshotInput, CreateResourceSnapshotOutput]{
	Service:    service,
	Name:       "CreateResourceSnapshot",
	Binding:    protocol.NewAWSJSON(protocol.AWSJSON10, "AWSPartnerCentralSelling.CreateResourceSnapshot").WithJSONStyle(jsonwire.Schema),
	Encode:     encodeCreateResourceSnapshotInput,
	Decode:     decodeCreateResourceSnapshotOutput,
	Validate:   validateCreateResourceSnapshotInput,
	InputName:  "CreateResourceSnapshotInput",
	Token:      func(in *CreateResourceSnapshotInput) **string { return &in.ClientToken },
	Idempotent: true,
	Errors:     errorRegistry,
}

// The constraints of the model's shapes.
var (
	catalogIdentifierRule    = &validate.String{Pattern: validate.MustPattern(`^[a-zA-Z]+$`)}
	clientTokenRule          = &validate.String{Pattern: clientTokenPattern}
	engagementIdentifierRule = &validate.String{Pattern: validate.MustPattern(`^eng-[0-9a-z]{14}$`)}
	resourceIdentifierRule   = &validate.String{Pattern: validate.MustPattern(`^O[0-9]{1,19}$`)}
	resourceTemplateNameRule = &validate.String{Pattern: validate.MustPattern(`^[a-zA-Z0-9]{3,80}$`)}
	resourceTypeRule         = &validate.Enum{Values: []string{string(types.ResourceTypeOpportunity)}}
)

// clientTokenPattern is the model's ^.{1,255}$ with the '.' of Smithy's
// ECMAScript pattern dialect, which matches any character but the line
// terminators \n, \r, U+2028 and U+2029 (Go's RE2 '.' excludes only \n).
// Characters are counted as Unicode scalar values, like lengths.
var clientTokenPattern = validate.PatternFunc(`^.{1,255}$`, func(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u2028', '\u2029':
			return false
		}
		n++
	}
	return n >= 1 && n <= 255
})

// validateCreateResourceSnapshotInput checks the members in the model's
// order, the order of the official client's required-member checks.
func validateCreateResourceSnapshotInput(in *CreateResourceSnapshotInput, c *validate.Checker) {
	validateResourceMembers(in, c)
	c.RequiredString("ClientToken", in.ClientToken, clientTokenRule)
}

// validateResourceMembers checks every member but the ClientToken, which
// comes last in the model.
func validateResourceMembers(in *CreateResourceSnapshotInput, c *validate.Checker) {
	c.RequiredString("Catalog", in.Catalog, catalogIdentifierRule)
	c.RequiredString("EngagementIdentifier", in.EngagementIdentifier, engagementIdentifierRule)
	c.Required("ResourceType", in.ResourceType != "")
	c.EnumValue("ResourceType", string(in.ResourceType), resourceTypeRule)
	c.RequiredString("ResourceIdentifier", in.ResourceIdentifier, resourceIdentifierRule)
	c.RequiredString("ResourceSnapshotTemplateIdentifier", in.ResourceSnapshotTemplateIdentifier, resourceTemplateNameRule)
}
