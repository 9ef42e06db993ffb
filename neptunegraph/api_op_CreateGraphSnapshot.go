package neptunegraph

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/internal/validate"
)

// CreateGraphSnapshot creates a snapshot of the specific graph.
//
// The input is checked against the model's constraints before anything is
// sent (see Options.Validation). Errors are *smithy.OperationError values
// wrapping an *awshttp.ResponseError and, for service errors, one of the
// typed errors in package types.
//
// API reference: https://docs.aws.amazon.com/neptune-analytics/latest/apiref/API_CreateGraphSnapshot.html
func (c *Client) CreateGraphSnapshot(ctx context.Context, params *CreateGraphSnapshotInput, optFns ...func(*Options)) (*CreateGraphSnapshotOutput, error) {
	if params == nil {
		params = &CreateGraphSnapshotInput{}
	}
	cfg := c.config(optFns)
	out, metadata, err := transport.Invoke(ctx, &cfg, createGraphSnapshot, params)
	if err != nil {
		return nil, err
	}
	out.ResultMetadata = metadata
	return out, nil
}

// Validate checks the input against every constraint of the model and
// returns all violations at once as a smithy.InvalidParamsError. A
// violation of a tag key or value is reported at the path Tags["<key>"].
// A nil input is checked as an empty one.
func (in *CreateGraphSnapshotInput) Validate() error {
	if in == nil {
		in = &CreateGraphSnapshotInput{}
	}
	check := validate.New("CreateGraphSnapshotInput", validate.Full)
	validateCreateGraphSnapshotInput(in, &check)
	return check.Err()
}

var createGraphSnapshot = &transport.Operation[CreateGraphSnapshotInput, CreateGraphSnapshotOutput]{
	Service:   service,
	Name:      "CreateGraphSnapshot",
	Binding:   protocol.NewRESTJSON("POST"),
	Path:      pathCreateGraphSnapshot,
	Encode:    encodeCreateGraphSnapshotInput,
	Decode:    decodeCreateGraphSnapshotOutput,
	Validate:  validateCreateGraphSnapshotInput,
	InputName: "CreateGraphSnapshotInput",
	Errors:    errorRegistry,
}

// The constraints of the model's shapes.
var (
	graphIdentifierRule = &validate.String{Pattern: validate.MustPattern(`^g-[a-z0-9]{10}$`)}
	snapshotNameRule    = &validate.String{MinLen: 1, MaxLen: 63, HasMax: true,
		Pattern: validate.PatternFunc(`^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`, matchSnapshotName)}
	tagMapRule   = &validate.Size{Min: 0, Max: 50, HasMax: true}
	tagKeyRule   = &validate.String{MinLen: 1, MaxLen: 128, HasMax: true, Pattern: validate.MustPattern(`^[a-zA-Z+-=._:/]+$`)}
	tagValueRule = &validate.String{MaxLen: 256, HasMax: true}
)

func validateCreateGraphSnapshotInput(in *CreateGraphSnapshotInput, c *validate.Checker) {
	c.RequiredString("GraphIdentifier", in.GraphIdentifier, graphIdentifierRule)
	c.RequiredString("SnapshotName", in.SnapshotName, snapshotNameRule)
	c.Size("Tags", len(in.Tags), in.Tags != nil, tagMapRule)
	validateTags(in.Tags, c)
}

// validateTags checks every tag, reporting violations in sorted key order
// so that messages are reproducible. Valid tags are confirmed without
// sorting, which allocates nothing.
func validateTags(tags map[string]string, c *validate.Checker) {
	if !c.Full() || allTagsValid(tags) {
		return
	}
	for _, key := range slices.Sorted(maps.Keys(tags)) {
		c.EnterKey("Tags", key)
		c.StringValue("", key, tagKeyRule)
		c.StringValue("", tags[key], tagValueRule)
		c.Leave()
	}
}

func allTagsValid(tags map[string]string) bool {
	for key, value := range tags {
		if !stringValid(key, tagKeyRule) || !stringValid(value, tagValueRule) {
			return false
		}
	}
	return true
}

// stringValid reports whether v satisfies rule.
func stringValid(v string, rule *validate.String) bool {
	n := utf8.RuneCountInString(v)
	if n < rule.MinLen || rule.HasMax && n > rule.MaxLen {
		return false
	}
	return rule.Pattern == nil || rule.Pattern.Match(v)
}

// matchSnapshotName is the model pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
// written without the look-ahead RE2 lacks: a lower-case letter, then runs
// of lower-case letters and digits joined by single hyphens, not ending in
// a hyphen, and not starting with "gs-".
func matchSnapshotName(s string) bool {
	if s == "" || !isLower(s[0]) || strings.HasPrefix(s, "gs-") {
		return false
	}
	afterHyphen := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			if afterHyphen {
				return false
			}
			afterHyphen = true
		case isLower(c) || '0' <= c && c <= '9':
			afterHyphen = false
		default:
			return false
		}
	}
	return !afterHyphen
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
