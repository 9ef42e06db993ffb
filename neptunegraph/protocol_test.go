package neptunegraph_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// protocolPlan says how each case applies to CreateGraphSnapshot: a
// runner, or why it does not apply.
type protocolPlan struct {
	run    func(t *testing.T, c testutil.ProtocolCase)
	reason string
}

// errorShapes maps the test service's errors onto real errors of this
// operation with the same members: FooError has none (a message-only error
// stands in), InvalidGreeting has a message, ComplexError carries members
// this service's errors lack (only its code resolution is checked).
var errorShapes = map[string]string{
	"FooError":        "InternalServerException",
	"InvalidGreeting": "ResourceNotFoundException",
	"ComplexError":    "ConflictException",
}

var notApplicable = map[string]string{
	"request/RestJsonNoInputAndNoOutput":                           "the input has body members, so a body is always sent",
	"request/RestJsonUnitInputAndOutput":                           "the input has body members, so a body is always sent",
	"request/RestJsonNoInputAndOutput":                             "the input has body members, so a body is always sent",
	"request/RestJsonEmptyInputAndEmptyOutput":                     "the input has body members, so a body is always sent",
	"request/RestJsonHttpPostWithNoModeledBody":                    "the input has body members, so a body is always sent",
	"request/RestJsonHttpPostWithNoInput":                          "the operation has an input",
	"request/RestJsonEndpointTrait":                                "no @endpoint host prefix",
	"request/RestJsonEndpointTraitWithHostLabel":                   "no @endpoint host prefix",
	"request/RestJsonTestBodyStructure":                            "no nested structures in the input",
	"request/RestJsonInputWithHeadersAndAllParams":                 "no @httpLabel or @httpHeader members",
	"request/RestJsonHttpRequestLabelEscaping":                     "no @httpLabel members",
	"request/RestJsonToleratesRegexCharsInSegments":                "no @httpLabel members",
	"request/RestJsonQueryIdempotencyTokenAutoFill":                "no idempotency token",
	"request/RestJsonQueryIdempotencyTokenAutoFillIsSet":           "no idempotency token",
	"request/RestJsonLists":                                        "no lists in the input",
	"request/RestJsonListsEmpty":                                   "no lists in the input",
	"request/RestJsonJsonMaps":                                     "the only map holds strings, not structures",
	"request/RestJsonSerializesDenseSetMap":                        "the only map holds strings, not lists",
	"request/RestJsonSimpleScalarProperties":                       "no numbers, booleans or @httpHeader members in the input",
	"request/RestJsonJsonTimestamps":                               "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithDateTimeFormat":             "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithDateTimeOnTargetFormat":     "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithEpochSecondsFormat":         "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithEpochSecondsOnTargetFormat": "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithHttpDateFormat":             "no timestamps in the input",
	"request/RestJsonJsonTimestampsWithHttpDateOnTargetFormat":     "no timestamps in the input",
	"request/RestJsonJsonEnums":                                    "no enums in the input",
	"request/RestJsonRecursiveShapes":                              "no nested structures in the input",
	"response/RestJsonDateTimeWithNegativeOffset":                  "no date-time timestamps in the output",
	"response/RestJsonDateTimeWithPositiveOffset":                  "no date-time timestamps in the output",
	"response/RestJsonDateTimeWithFractionalSeconds":               "no date-time timestamps in the output",
	"response/RestJsonLists":                                       "no lists in the output",
	"response/RestJsonListsEmpty":                                  "no lists in the output",
	"response/RestJsonJsonMaps":                                    "no maps in the output",
	"response/RestJsonDeserializesZeroValuesInMaps":                "no maps in the output",
	"response/RestJsonDeserializesDenseSetMap":                     "no maps in the output",
	"response/RestJsonJsonTimestampsWithDateTimeFormat":            "no date-time timestamps in the output",
	"response/RestJsonJsonTimestampsWithDateTimeOnTargetFormat":    "no date-time timestamps in the output",
	"response/RestJsonJsonTimestampsWithHttpDateFormat":            "no http-date timestamps in the output",
	"response/RestJsonJsonTimestampsWithHttpDateOnTargetFormat":    "no http-date timestamps in the output",
	"response/RestJsonRecursiveShapes":                             "no nested structures in the output",
}

func plans() map[string]protocolPlan {
	p := map[string]protocolPlan{}
	for key, reason := range notApplicable {
		p[key] = protocolPlan{reason: reason}
	}
	for _, id := range []string{"RestJsonNoInputAndNoOutput", "RestJsonUnitInputAndOutputNoOutput", "RestJsonNoInputAndOutputWithJson",
		"RestJsonNoInputAndOutputNoPayload", "RestJsonEmptyInputAndEmptyOutput", "RestJsonEmptyInputAndEmptyOutputJsonObjectOutput"} {
		p["response/"+id] = protocolPlan{run: runResponse(nil)}
	}
	p["response/RestJsonDoesntDeserializeNullStructureValues"] = protocolPlan{run: runResponse(map[string]string{"stringValue": "arn"})}
	p["response/RestJsonSimpleScalarProperties"] = protocolPlan{run: runResponse(map[string]string{"stringValue": "name"})}
	p["response/RestJsonJsonEnums"] = protocolPlan{run: runResponse(map[string]string{"fooEnum1": "status"})}
	for id, member := range map[string]string{"RestJsonJsonTimestamps": "normal", "RestJsonJsonTimestampsWithEpochSecondsFormat": "epochSeconds",
		"RestJsonJsonTimestampsWithEpochSecondsOnTargetFormat": "epochTarget"} {
		p["response/"+id] = protocolPlan{run: runResponse(map[string]string{member: "snapshotCreateTime"})}
	}
	p["request/RestJsonHostWithPath"] = protocolPlan{run: runRequest(&neptunegraph.CreateGraphSnapshotInput{}, `{}`)}
	p["request/RestJsonHttpWithEmptyBody"] = protocolPlan{run: runRequest(&neptunegraph.CreateGraphSnapshotInput{}, `{}`)}
	p["request/RestJsonDoesntSerializeNullStructureValues"] = protocolPlan{run: runRequest(&neptunegraph.CreateGraphSnapshotInput{}, `{}`)}
	p["request/RestJsonSerializesZeroValuesInMaps"] = protocolPlan{run: runRequest(
		&neptunegraph.CreateGraphSnapshotInput{Tags: map[string]string{"x": ""}}, `{"tags":{"x":""}}`)}
	return p
}

// TestProtocolVectors runs the official restJson1 protocol test cases that
// apply to CreateGraphSnapshot: error-code resolution (the test's errors
// mapped onto this operation's), framing, empty, null, unknown and
// epoch-seconds output members. The others exercise shapes the operation
// does not have; the test logs them with the reason.
func TestProtocolVectors(t *testing.T) {
	t.Parallel()
	all := plans()
	ran, skipped := 0, 0
	for _, c := range testutil.LoadProtocolCases(t, "restJson1.json") {
		key := c.Kind + "/" + c.ID
		plan, ok := all[key]
		if c.Kind == "error" {
			plan, ok = protocolPlan{run: runError}, true
		}
		switch {
		case !ok:
			t.Errorf("case %s is not classified: decide whether it applies to CreateGraphSnapshot", key)
		case plan.run == nil:
			skipped++
			t.Logf("skip %s: %s", key, plan.reason)
		default:
			ran++
			t.Run(key, func(t *testing.T) { plan.run(t, c) })
		}
	}
	t.Logf("%d cases ran, %d do not apply", ran, skipped)
	testutil.CheckRan(t, "restJson1 protocol vectors", ran, 30)
}

// runError maps the case's error code onto a real one and checks the
// typed error and its message.
func runError(t *testing.T, c testutil.ProtocolCase) {
	shape := testutil.ShapeName(c.ErrorShape)
	ours, ok := errorShapes[shape]
	if !ok {
		t.Fatalf("no error of this operation stands in for %s", shape)
	}
	header := map[string]string{"X-Amzn-RequestId": "req-protocol"}
	for k, v := range c.Headers {
		header[k] = strings.ReplaceAll(v, shape, ours)
	}
	body := ""
	if c.Body != nil {
		body = strings.ReplaceAll(*c.Body, shape, ours)
	}
	srv := testutil.NewServer(t, testutil.Response{Status: c.Code, Header: header, Body: body})
	_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 }).
		CreateGraphSnapshot(context.Background(), validInput())
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v holds no smithy.APIError", err)
	}
	if apiErr.ErrorCode() != ours {
		t.Fatalf("error %T with code %q, want %s", apiErr, apiErr.ErrorCode(), ours)
	}
	want := ""
	if m, ok := c.Params["Message"].(string); ok {
		want = m
	}
	if apiErr.ErrorMessage() != want {
		t.Errorf("message %q, want %q", apiErr.ErrorMessage(), want)
	}
	if _, generic := apiErr.(*smithy.GenericAPIError); generic {
		t.Errorf("got a generic error, want the typed %s", ours)
	}
	checkEnvelope(t, err, c.Code, "req-protocol")
}

// runResponse renames the case's members onto output members (others stay
// unknown and must be ignored) and checks the decoded output.
func runResponse(rename map[string]string) func(t *testing.T, c testutil.ProtocolCase) {
	return func(t *testing.T, c testutil.ProtocolCase) {
		body := ""
		if c.Body != nil {
			body = *c.Body
		}
		want := &neptunegraph.CreateGraphSnapshotOutput{}
		for from, to := range rename {
			body = strings.ReplaceAll(body, `"`+from+`"`, `"`+to+`"`)
			setOutput(t, want, to, c.Params[from])
		}
		srv := testutil.NewServer(t, testutil.Response{Status: c.Code, Header: c.Headers, Body: body})
		out, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, out, outputOptions); diff != "" {
			t.Errorf("output (-want +got):\n%s", diff)
		}
	}
}

func setOutput(t *testing.T, out *neptunegraph.CreateGraphSnapshotOutput, member string, value any) {
	t.Helper()
	if value == nil {
		return
	}
	switch member {
	case "arn":
		out.Arn = aws.String(value.(string))
	case "name":
		out.Name = aws.String(value.(string))
	case "status":
		out.Status = types.SnapshotStatus(value.(string))
	case "snapshotCreateTime":
		seconds := value.(float64)
		out.SnapshotCreateTime = aws.Time(time.UnixMilli(int64(seconds * 1000)).UTC())
	default:
		t.Fatalf("no output member %s", member)
	}
}

// runRequest sends in (unchecked, as the vectors' inputs omit required
// members) and checks the method, the path (under the case's endpoint path,
// if any), Content-Type, Content-Length and the body.
func runRequest(in *neptunegraph.CreateGraphSnapshotInput, wantBody string) func(t *testing.T, c testutil.ProtocolCase) {
	return func(t *testing.T, c testutil.ProtocolCase) {
		h := &hostCapture{}
		endpoint := "https://example.com"
		if c.Host != "" {
			endpoint = "https://" + c.Host
		}
		client := newCaptureClient(h, func(o *neptunegraph.Options) {
			o.Validation = neptunegraph.ValidationOff
			o.BaseEndpoint = aws.String(endpoint)
		})
		if _, err := client.CreateGraphSnapshot(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		wantPath := "/snapshots"
		if i := strings.LastIndexByte(c.URI, '/'); i > 0 {
			wantPath = c.URI[:i] + wantPath // the endpoint's path comes first
		}
		want := []string{"POST", wantPath, "application/json", strconv.Itoa(len(wantBody)), wantBody}
		got := []string{h.method, h.path, h.header.Get("Content-Type"), h.header.Get("Content-Length"), h.last()}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("method, path, Content-Type, Content-Length, body (-want +got):\n%s", diff)
		}
	}
}
