package datazone

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/testutil"
)

// The test service's error shapes, each played by a DataZone error.
var protocolErrors = map[string]string{
	"FooError":        "ConflictException",
	"InvalidGreeting": "ValidationException",
	"ComplexError":    "AccessDeniedException",
}

// protocolRenames maps the members of response cases onto DataZone output
// members with the same wire type; the cases' other members stay in the
// body as members DataZone does not know, which must be skipped.
var protocolRenames = map[string][2]string{
	"RestJsonSimpleScalarProperties":               {"stringValue", "name"},
	"RestJsonDoesntDeserializeNullStructureValues": {"stringValue", "name"},
	"RestJsonLists":                                        {"stringList", "glossaryTerms"},
	"RestJsonListsEmpty":                                   {"stringList", "glossaryTerms"},
	"RestJsonJsonEnums":                                    {"fooEnum1", "typeRevision"},
	"RestJsonJsonTimestamps":                               {"normal", "createdAt"},
	"RestJsonJsonTimestampsWithEpochSecondsFormat":         {"epochSeconds", "createdAt"},
	"RestJsonJsonTimestampsWithEpochSecondsOnTargetFormat": {"epochSecondsOnTarget", "createdAt"},
}

func TestRestJSONProtocolCases(t *testing.T) {
	t.Parallel()
	var ran, skipped []string
	for _, c := range testutil.LoadProtocolCases(t, "restJson1.json") {
		run := protocolRunner(c)
		if run == nil {
			skipped = append(skipped, c.Kind+" "+c.ID+": "+notApplicable(c))
			continue
		}
		ran = append(ran, c.Kind+" "+c.ID)
		t.Run(c.Kind+"/"+c.ID, func(t *testing.T) {
			t.Parallel()
			run(t, c)
		})
	}
	t.Logf("ran %d cases:\n  %s", len(ran), strings.Join(ran, "\n  "))
	t.Logf("%d cases do not apply:\n  %s", len(skipped), strings.Join(skipped, "\n  "))
	testutil.CheckRan(t, "restJson1 protocol vectors", len(ran), 35)
}

// protocolRunner returns how to run c against CreateAssetRevision, or nil
// when it does not apply.
func protocolRunner(c testutil.ProtocolCase) func(*testing.T, testutil.ProtocolCase) {
	switch {
	case c.Kind == "error":
		return runErrorCase
	case c.Kind == "response" && slices.Contains(c.Topics, "empty-output") && len(c.Params) == 0:
		return runResponseCase
	case c.Kind == "response" && protocolRenames[c.ID] != [2]string{}:
		return runResponseCase
	}
	switch c.ID {
	case "RestJsonHttpRequestLabelEscaping", "RestJsonInputWithHeadersAndAllParams":
		return runLabelCase
	case "RestJsonQueryIdempotencyTokenAutoFill", "RestJsonQueryIdempotencyTokenAutoFillIsSet":
		return runTokenCase
	case "RestJsonHostWithPath":
		return runHostWithPathCase
	case "RestJsonListsEmpty", "RestJsonDoesntSerializeNullStructureValues":
		return runRequestBodyCase
	}
	return nil
}

func notApplicable(c testutil.ProtocolCase) string {
	reasons := []struct{ kind, topic, reason string }{
		{"", "host-prefix", "DataZone has no @endpoint host prefix"},
		{"", "maps", "CreateAssetRevision has no map members"},
		{"request", "headers", "CreateAssetRevision binds no headers and its input has no number members"},
		{"request", "timestamps", "the input has no timestamp members"},
		{"response", "timestamps", "output timestamps are epoch-seconds only (no @timestampFormat); the epoch-seconds cases ran"},
		{"request", "enums", "the input has no enum members"},
		{"", "no-input", "the input always has two labels and a body"},
		{"", "empty-input", "the input always has two labels and a body"},
		{"", "structures", "CreateAssetRevision has no recursive or empty structures; predictionConfiguration is in the golden files"},
	}
	for _, r := range reasons {
		if (r.kind == "" || r.kind == c.Kind) && slices.Contains(c.Topics, r.topic) {
			return r.reason
		}
	}
	return "the URI has no regular-expression characters in its literal segments"
}

func protocolClient(t *testing.T, server *testutil.Server, optFns ...func(*Options)) *Client {
	t.Helper()
	return newTestClient(server.Endpoint(), append([]func(*Options){func(o *Options) {
		o.RetryMaxAttempts = 1
		o.Validation = ValidationOff
	}}, optFns...)...)
}

// runLabelCase sends the case's string label as both labels.
func runLabelCase(t *testing.T, c testutil.ProtocolCase) {
	label := c.Params["string"].(string)
	wantSegment := strings.Split(c.URI, "/")[2]
	server := testutil.NewServer(t)
	in := requiredInput()
	in.DomainIdentifier, in.Identifier = aws.String(label), aws.String(label)
	if _, err := protocolClient(t, server).CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	want := "/base/path/v2/domains/" + wantSegment + "/assets/" + wantSegment + "/revisions"
	if diff := cmp.Diff(want, server.Requests()[0].Path); diff != "" {
		t.Errorf("path (-want +got):\n%s", diff)
	}
}

// runTokenCase checks the token rule with the token in the body. The
// harness's token provider returns testToken, which is also the token the
// cases set.
func runTokenCase(t *testing.T, c testutil.ProtocolCase) {
	wantToken := testToken
	server := testutil.NewServer(t)
	in := requiredInput()
	if token, ok := c.Params["token"].(string); ok {
		in.ClientToken = aws.String(token)
	}
	client := protocolClient(t, server, func(o *Options) { o.IdempotencyTokenProvider = fixedToken(wantToken) })
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if got := bodyToken(t, server.Requests()[0].Body); got != wantToken {
		t.Errorf("token %q, want %q", got, wantToken)
	}
	if c.Params == nil && in.ClientToken != nil {
		t.Error("the caller's input was given a token")
	}
}

// runHostWithPathCase checks that an endpoint's path prefixes the request
// path.
func runHostWithPathCase(t *testing.T, c testutil.ProtocolCase) {
	prefix := "/" + strings.Split(c.URI, "/")[1]
	server := testutil.NewServer(t)
	client := newTestClient(aws.String(server.URL+prefix), func(o *Options) { o.RetryMaxAttempts = 1 })
	if _, err := client.CreateAssetRevision(context.Background(), requiredInput()); err != nil {
		t.Fatal(err)
	}
	want := prefix + "/v2/domains/dzd_4p9n6sw4qt9xgn/assets/3t2ng8cp3dqxmb/revisions"
	if got := server.Requests()[0].Path; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
}

// runRequestBodyCase checks body framing: an empty list is sent as [],
// a nil member is left out.
func runRequestBodyCase(t *testing.T, c testutil.ProtocolCase) {
	server := testutil.NewServer(t)
	in := requiredInput()
	want := map[string]any{"clientToken": testToken, "name": "orders"}
	if _, ok := c.Params["stringList"]; ok {
		in.GlossaryTerms = []string{}
		want["glossaryTerms"] = []any{}
	}
	if _, err := protocolClient(t, server).CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	request := server.Requests()[0]
	var got map[string]any
	if err := json.Unmarshal([]byte(request.Body), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
	if ct := request.Header.Get("Content-Type"); ct != c.Headers["Content-Type"] {
		t.Errorf("Content-Type %q, want %q", ct, c.Headers["Content-Type"])
	}
}

// runResponseCase decodes the case's body, with its member renamed onto
// a DataZone member.
func runResponseCase(t *testing.T, c testutil.ProtocolCase) {
	body := ""
	if c.Body != nil {
		body = *c.Body
	}
	want := &CreateAssetRevisionOutput{}
	if rename, ok := protocolRenames[c.ID]; ok {
		body = strings.Replace(body, `"`+rename[0]+`"`, `"`+rename[1]+`"`, 1)
		setExpected(t, want, rename[1], c.Params[rename[0]])
	}
	server := testutil.NewServer(t, testutil.Response{Status: c.Code, Header: c.Headers, Body: body})
	out, err := protocolClient(t, server).CreateAssetRevision(context.Background(), requiredInput())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, out, cmpopts.IgnoreFields(CreateAssetRevisionOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func setExpected(t *testing.T, out *CreateAssetRevisionOutput, member string, v any) {
	t.Helper()
	switch member {
	case "name":
		if v != nil {
			out.Name = aws.String(v.(string))
		}
	case "typeRevision":
		out.TypeRevision = aws.String(v.(string))
	case "glossaryTerms":
		out.GlossaryTerms = []string{}
		for _, s := range v.([]any) {
			out.GlossaryTerms = append(out.GlossaryTerms, s.(string))
		}
	case "createdAt":
		out.CreatedAt = aws.Time(time.Unix(int64(v.(float64)), 0))
	default:
		t.Fatalf("no expectation for %s", member)
	}
}

// runErrorCase decodes the case's error response, with the test service's
// error code replaced by a DataZone one.
func runErrorCase(t *testing.T, c testutil.ProtocolCase) {
	shape := testutil.ShapeName(c.ErrorShape)
	code := protocolErrors[shape]
	rename := strings.NewReplacer(shape, code)
	header := map[string]string{}
	for k, v := range c.Headers {
		header[k] = rename.Replace(v)
	}
	body := ""
	if c.Body != nil {
		body = rename.Replace(*c.Body)
	}
	server := testutil.NewServer(t, testutil.Response{Status: c.Code, Header: header, Body: body})
	_, err := protocolClient(t, server).CreateAssetRevision(context.Background(), requiredInput())
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != code {
		t.Fatalf("error %v, want %s", err, code)
	}
	var generic *smithy.GenericAPIError
	if errors.As(err, &generic) {
		t.Fatalf("error %v is generic, want the typed %s", err, code)
	}
	wantMessage, _ := c.Params["Message"].(string)
	if got := apiErr.ErrorMessage(); got != wantMessage {
		t.Errorf("message %q, want %q", got, wantMessage)
	}
	if code == "ValidationException" {
		var typed *types.ValidationException
		if !errors.As(err, &typed) {
			t.Errorf("error %v is not a *types.ValidationException", err)
		}
	}
}
