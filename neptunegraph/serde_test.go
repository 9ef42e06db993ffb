package neptunegraph_test

import (
	"context"
	"errors"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyjson "github.com/aws/smithy-go/encoding/json"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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

// TestBodiesMatchSmithyEncoder checks the body against smithy-go's JSON
// encoder (the official client's), writing the tags in sorted order, over
// random strings with every kind of character.
func TestBodiesMatchSmithyEncoder(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	c := &capture{body: "{}"}
	client := newCaptureClient(c, func(o *neptunegraph.Options) { o.Validation = neptunegraph.ValidationOff })
	for i := 0; i < 500; i++ {
		in := &neptunegraph.CreateGraphSnapshotInput{}
		if rng.IntN(4) > 0 {
			in.GraphIdentifier = aws.String(randomString(rng))
		}
		if rng.IntN(4) > 0 {
			in.SnapshotName = aws.String(randomString(rng))
		}
		if rng.IntN(3) > 0 {
			in.Tags = map[string]string{}
			for n := rng.IntN(6); n > 0; n-- {
				in.Tags[randomString(rng)] = randomString(rng)
			}
		}
		if _, err := client.CreateGraphSnapshot(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(smithyBody(in), c.last()); diff != "" {
			t.Fatalf("input %#v: body differs from smithy-go's encoding (-want +got):\n%s", in, diff)
		}
	}
}

// randomString draws from ASCII, control characters, line separators,
// multi-byte runes and invalid UTF-8.
func randomString(rng *rand.Rand) string {
	pieces := []string{"a", "Z", "0", "-", ":", "/", "\"", "\\", "\n", "\t", "\r", "\x00", "\x1f", "\x7f",
		"<", ">", "&", "é", "日", "🎉", "\u2028", "\u2029", "\xff", "\xe2\x82", " "}
	var b strings.Builder
	for n := rng.IntN(8); n > 0; n-- {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// smithyBody encodes in with smithy-go's JSON encoder in the official
// member order, with the tags sorted.
func smithyBody(in *neptunegraph.CreateGraphSnapshotInput) string {
	enc := smithyjson.NewEncoder()
	object := enc.Value.Object()
	if in.GraphIdentifier != nil {
		object.Key("graphIdentifier").String(*in.GraphIdentifier)
	}
	if in.SnapshotName != nil {
		object.Key("snapshotName").String(*in.SnapshotName)
	}
	if in.Tags != nil {
		tags := object.Key("tags").Object()
		for _, key := range slices.Sorted(maps.Keys(in.Tags)) {
			tags.Key(key).String(in.Tags[key])
		}
		tags.Close()
	}
	object.Close()
	return string(enc.Bytes())
}

// outputOptions compare outputs without their result metadata.
var outputOptions = cmpopts.IgnoreFields(neptunegraph.CreateGraphSnapshotOutput{}, "ResultMetadata")

const fullOutput = `{
	"id": "gs-abcde12345",
	"name": "nightly-1",
	"arn": "arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345",
	"sourceGraphId": "g-abcde12345",
	"snapshotCreateTime": 1767225600.123,
	"status": "CREATING",
	"kmsKeyIdentifier": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`

func TestOutputDecoding(t *testing.T) {
	t.Parallel()
	created := time.Date(2026, 1, 1, 0, 0, 0, 123e6, time.UTC)
	tests := []struct {
		name string
		body string
		want *neptunegraph.CreateGraphSnapshotOutput
	}{
		{"every member", fullOutput, &neptunegraph.CreateGraphSnapshotOutput{
			Id:                 aws.String("gs-abcde12345"),
			Name:               aws.String("nightly-1"),
			Arn:                aws.String("arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345"),
			SourceGraphId:      aws.String("g-abcde12345"),
			SnapshotCreateTime: &created,
			Status:             types.SnapshotStatusCreating,
			KmsKeyIdentifier:   aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		}},
		{"integer seconds", `{"snapshotCreateTime":1767225600}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}},
		{"exponent", `{"snapshotCreateTime":1.7672256001234E9}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 123e6, time.UTC))}},
		{"fraction kept to the millisecond", `{"snapshotCreateTime":1767225600.9999}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(2026, 1, 1, 0, 0, 0, 999e6, time.UTC))}},
		{"negative seconds", `{"snapshotCreateTime":-1.5}`, &neptunegraph.CreateGraphSnapshotOutput{
			SnapshotCreateTime: aws.Time(time.Date(1969, 12, 31, 23, 59, 58, 500e6, time.UTC))}},
		{"nulls", `{"id":null,"name":null,"arn":null,"sourceGraphId":null,"snapshotCreateTime":null,"status":null,"kmsKeyIdentifier":null}`,
			&neptunegraph.CreateGraphSnapshotOutput{}},
		{"unknown members", `{"future":{"a":[1,2,{"b":null}]},"id":"gs-abcde12345","other":"x","n":1e400}`,
			&neptunegraph.CreateGraphSnapshotOutput{Id: aws.String("gs-abcde12345")}},
		{"unknown status kept", `{"status":"RESTORING"}`, &neptunegraph.CreateGraphSnapshotOutput{Status: "RESTORING"}},
		{"every status", `{"status":"AVAILABLE"}`, &neptunegraph.CreateGraphSnapshotOutput{Status: types.SnapshotStatusAvailable}},
		{"empty strings kept", `{"id":"","arn":""}`, &neptunegraph.CreateGraphSnapshotOutput{Id: aws.String(""), Arn: aws.String("")}},
		{"escaped strings", `{"name":"a\"b\\c\u00e9\n"}`, &neptunegraph.CreateGraphSnapshotOutput{Name: aws.String("a\"b\\cé\n")}},
		{"empty body", ``, &neptunegraph.CreateGraphSnapshotOutput{}},
		{"white space body", " \n", &neptunegraph.CreateGraphSnapshotOutput{}},
		{"empty object", `{}`, &neptunegraph.CreateGraphSnapshotOutput{}},
		{"null body", `null`, &neptunegraph.CreateGraphSnapshotOutput{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: tt.body,
				Header: map[string]string{"X-Amzn-RequestId": "req-out"}})
			out, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, out, outputOptions); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-out" {
				t.Errorf("request ID %q, want req-out", id)
			}
		})
	}
}

func TestOutputDecodingFailures(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body string }{
		{"truncated", `{"id":"gs-abcde12345"`},
		{"wrong type for a string", `{"id":5}`},
		{"wrong type for the status", `{"status":true}`},
		{"string timestamp", `{"snapshotCreateTime":"2026-01-01T00:00:00Z"}`},
		{"array body", `[]`},
		{"HTML body", `<html></html>`},
		{"trailing garbage inside", `{"id":"x",}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: tt.body,
				Header: map[string]string{"X-Amzn-RequestId": "req-bad"}})
			_, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
			var deserErr *smithy.DeserializationError
			if !errors.As(err, &deserErr) {
				t.Fatalf("error %v holds no *smithy.DeserializationError", err)
			}
			checkEnvelope(t, err, 201, "req-bad")
			if n := srv.Count(); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

// modelledErrors are the errors of CreateGraphSnapshot with every member set.
var modelledErrors = []struct {
	code    string
	status  int
	members string // the JSON members of the body besides any code
	want    error
	fault   smithy.ErrorFault
}{
	{"ConflictException", 409, `"message":"name taken","reason":"CONCURRENT_MODIFICATION"`,
		&types.ConflictException{Message: aws.String("name taken"), Reason: types.ConflictExceptionReasonConcurrentModification}, smithy.FaultClient},
	{"InternalServerException", 500, `"message":"try again"`,
		&types.InternalServerException{Message: aws.String("try again")}, smithy.FaultServer},
	{"ResourceNotFoundException", 404, `"message":"no graph g-abcde12345"`,
		&types.ResourceNotFoundException{Message: aws.String("no graph g-abcde12345")}, smithy.FaultClient},
	{"ServiceQuotaExceededException", 402,
		`"message":"too many","resourceId":"g-abcde12345","resourceType":"graph-snapshot","serviceCode":"neptune-graph","quotaCode":"L-1234ABCD"`,
		&types.ServiceQuotaExceededException{Message: aws.String("too many"), ResourceId: aws.String("g-abcde12345"),
			ResourceType: aws.String("graph-snapshot"), ServiceCode: aws.String("neptune-graph"), QuotaCode: aws.String("L-1234ABCD")}, smithy.FaultClient},
	{"ThrottlingException", 429, `"message":"slow down"`,
		&types.ThrottlingException{Message: aws.String("slow down")}, smithy.FaultClient},
	{"ValidationException", 400, `"message":"bad name","reason":"CONSTRAINT_VIOLATION"`,
		&types.ValidationException{Message: aws.String("bad name"), Reason: types.ValidationExceptionReasonConstraintViolation}, smithy.FaultClient},
}

// wireForms are the ways a service can name the error code.
var wireForms = []struct {
	name   string
	header func(code string) string
	body   func(code, members string) string
}{
	{"X-Amzn-ErrorType",
		func(code string) string { return code },
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType with URI suffix",
		func(code string) string { return code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/" },
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType with namespace and URI",
		func(code string) string {
			return "com.amazonaws.neptunegraph#" + code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
		},
		func(_, members string) string { return "{" + members + "}" }},
	{"lower-case X-Amzn-ErrorType",
		strings.ToLower,
		func(_, members string) string { return "{" + members + "}" }},
	{"X-Amzn-ErrorType wins over the body",
		func(code string) string { return code },
		func(_, members string) string {
			return `{"code":"ResourceNotFoundException","__type":"ThrottlingException",` + members + "}"
		}},
	{"body code",
		func(string) string { return "" },
		func(code, members string) string { return `{"code":"` + code + `",` + members + "}" }},
	{"body __type with namespace",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"__type":"com.amazonaws.neptunegraph#` + code + `",` + members + "}"
		}},
	{"body code wins over __type",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"__type":"com.amazonaws.neptunegraph#SomethingElse","code":"` + code + `",` + members + "}"
		}},
	{"lower-case body code, capitalised Message, unknown members",
		func(string) string { return "" },
		func(code, members string) string {
			return `{"code":"` + strings.ToLower(code) + `","extra":{"nested":[1,{"__type":"x"}]},` +
				strings.Replace(members, `"message"`, `"Message"`, 1) + "}"
		}},
}

func TestModelledErrors(t *testing.T) {
	t.Parallel()
	for _, e := range modelledErrors {
		for _, form := range wireForms {
			t.Run(e.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				header := map[string]string{"X-Amzn-RequestId": "req-1"}
				if h := form.header(e.code); h != "" {
					header["X-Amzn-ErrorType"] = h
				}
				srv := testutil.NewServer(t, testutil.Response{Status: e.status, Header: header, Body: form.body(e.code, e.members)})
				_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 }).
					CreateGraphSnapshot(context.Background(), validInput())
				var apiErr smithy.APIError
				if !errors.As(err, &apiErr) {
					t.Fatalf("error %v holds no smithy.APIError", err)
				}
				if diff := cmp.Diff(e.want, apiErr); diff != "" {
					t.Errorf("typed error (-want +got):\n%s", diff)
				}
				if apiErr.ErrorFault() != e.fault {
					t.Errorf("fault %v, want %v", apiErr.ErrorFault(), e.fault)
				}
				checkEnvelope(t, err, e.status, "req-1")
			})
		}
	}
}

// checkEnvelope checks that err wraps like the official client's errors:
// an operation error around a response error with status and request ID.
func checkEnvelope(t *testing.T, err error, status int, requestID string) {
	t.Helper()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) {
		t.Fatalf("error %v is not a *smithy.OperationError", err)
	}
	if opErr.ServiceID != "Neptune Graph" || opErr.OperationName != "CreateGraphSnapshot" {
		t.Errorf("operation error names %q %q", opErr.ServiceID, opErr.OperationName)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v holds no *awshttp.ResponseError", err)
	}
	got := struct {
		Status    int
		RequestID string
	}{respErr.HTTPStatusCode(), respErr.ServiceRequestID()}
	want := struct {
		Status    int
		RequestID string
	}{status, requestID}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response error (-want +got):\n%s", diff)
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 409,
		Header: map[string]string{"X-Amzn-ErrorType": "ConflictException", "X-Amzn-RequestId": "req-9"},
		Body:   `{"message":"name taken","reason":"CONCURRENT_MODIFICATION"}`})
	_, err := newClient(srv).CreateGraphSnapshot(context.Background(), validInput())
	want := "operation error Neptune Graph: CreateGraphSnapshot, https response error StatusCode: 409, " +
		"RequestID: req-9, ConflictException: name taken"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestErrorEdgeCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header map[string]string
		body   string
		want   error // an API error, or nil for a deserialization error
	}{
		{"unknown code in the header", 400, map[string]string{"X-Amzn-ErrorType": "BrandNewException"}, `{"message":"new"}`,
			&smithy.GenericAPIError{Code: "BrandNewException", Message: "new"}},
		{"unknown code in the body", 403, nil, `{"__type":"com.amazonaws.neptunegraph#AccessDeniedException","message":"denied"}`,
			&smithy.GenericAPIError{Code: "AccessDeniedException", Message: "denied"}},
		{"empty body", 500, nil, "", &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"empty object", 400, nil, "{}", &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{"typed error with an empty body", 404, map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, "",
			&types.ResourceNotFoundException{}},
		{"typed error without a message", 409, map[string]string{"X-Amzn-ErrorType": "ConflictException"}, `{"reason":"CONCURRENT_MODIFICATION"}`,
			&types.ConflictException{Reason: types.ConflictExceptionReasonConcurrentModification}},
		{"null members", 402, map[string]string{"X-Amzn-ErrorType": "ServiceQuotaExceededException"},
			`{"message":null,"resourceId":null,"resourceType":null,"serviceCode":null,"quotaCode":null}`,
			&types.ServiceQuotaExceededException{}},
		{"unknown reason kept", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"m","reason":"NEW_REASON"}`,
			&types.ValidationException{Message: aws.String("m"), Reason: "NEW_REASON"}},
		{"unknown conflict reason kept", 409, map[string]string{"X-Amzn-ErrorType": "ConflictException"}, `{"message":"m","reason":"LOCKED"}`,
			&types.ConflictException{Message: aws.String("m"), Reason: "LOCKED"}},
		{"HTML body", 502, nil, "<html><body>Bad Gateway</body></html>", nil},
		{"truncated JSON", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"bad`, nil},
		{"non-string reason", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"}, `{"message":"m","reason":5}`, nil},
		{"non-string message", 404, map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, `{"message":{}}`, nil},
		{"non-string __type", 400, nil, `{"__type":7}`, nil},
		{"array body", 400, nil, `["ValidationException"]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			header := map[string]string{"X-Amzn-RequestId": "req-edge"}
			for k, v := range tt.header {
				header[k] = v
			}
			srv := testutil.NewServer(t, testutil.Response{Status: tt.status, Header: header, Body: tt.body})
			_, err := newClient(srv, func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 }).
				CreateGraphSnapshot(context.Background(), validInput())
			checkEnvelope(t, err, tt.status, "req-edge")
			if tt.want == nil {
				var deserErr *smithy.DeserializationError
				if !errors.As(err, &deserErr) {
					t.Fatalf("error %v holds no *smithy.DeserializationError", err)
				}
				return
			}
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v holds no smithy.APIError", err)
			}
			if diff := cmp.Diff(tt.want, apiErr); diff != "" {
				t.Errorf("API error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTypedErrorMethods(t *testing.T) {
	t.Parallel()
	override := aws.String("Custom")
	tests := []struct {
		err         smithy.APIError
		wantCode    string
		wantMessage string
		wantString  string
	}{
		{&types.ConflictException{}, "ConflictException", "", "ConflictException: "},
		{&types.ConflictException{Message: aws.String("m"), ErrorCodeOverride: override}, "Custom", "m", "Custom: m"},
		{&types.InternalServerException{Message: aws.String("m")}, "InternalServerException", "m", "InternalServerException: m"},
		{&types.ResourceNotFoundException{ErrorCodeOverride: override}, "Custom", "", "Custom: "},
		{&types.ServiceQuotaExceededException{Message: aws.String("q")}, "ServiceQuotaExceededException", "q", "ServiceQuotaExceededException: q"},
		{&types.ThrottlingException{Message: aws.String("t")}, "ThrottlingException", "t", "ThrottlingException: t"},
		{&types.ValidationException{Message: aws.String("v")}, "ValidationException", "v", "ValidationException: v"},
	}
	for _, tt := range tests {
		got := []string{tt.err.ErrorCode(), tt.err.ErrorMessage(), tt.err.Error()}
		if diff := cmp.Diff([]string{tt.wantCode, tt.wantMessage, tt.wantString}, got); diff != "" {
			t.Errorf("%T (-want +got):\n%s", tt.err, diff)
		}
	}
	var nilConflict *types.ConflictException
	if code := nilConflict.ErrorCode(); code != "ConflictException" {
		t.Errorf("nil receiver code %q", code)
	}
}
