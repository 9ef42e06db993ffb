package datazone

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
)

// officialBody encodes in with smithy-go's JSON encoder, member by member
// as the official client's serializer does.
func officialBody(in *CreateAssetRevisionInput) string {
	enc := smithyjson.NewEncoder()
	object := enc.Value.Object()
	if in.ClientToken != nil {
		object.Key("clientToken").String(*in.ClientToken)
	}
	if in.Description != nil {
		object.Key("description").String(*in.Description)
	}
	if in.FormsInput != nil {
		array := object.Key("formsInput").Array()
		for _, form := range in.FormsInput {
			item := array.Value().Object()
			for _, m := range []struct {
				name  string
				value *string
			}{{"content", form.Content}, {"formName", form.FormName}, {"typeIdentifier", form.TypeIdentifier}, {"typeRevision", form.TypeRevision}} {
				if m.value != nil {
					item.Key(m.name).String(*m.value)
				}
			}
			item.Close()
		}
		array.Close()
	}
	if in.GlossaryTerms != nil {
		array := object.Key("glossaryTerms").Array()
		for _, term := range in.GlossaryTerms {
			array.Value().String(term)
		}
		array.Close()
	}
	if in.Name != nil {
		object.Key("name").String(*in.Name)
	}
	if config := in.PredictionConfiguration; config != nil {
		inner := object.Key("predictionConfiguration").Object()
		if generation := config.BusinessNameGeneration; generation != nil {
			g := inner.Key("businessNameGeneration").Object()
			if generation.Enabled != nil {
				g.Key("enabled").Boolean(*generation.Enabled)
			}
			g.Close()
		}
		inner.Close()
	}
	if in.TypeRevision != nil {
		object.Key("typeRevision").String(*in.TypeRevision)
	}
	object.Close()
	return enc.String()
}

func encodeBody(in *CreateAssetRevisionInput) string {
	var req protocol.Request
	encodeCreateAssetRevisionInput(in, &req)
	return string(req.Body.Bytes())
}

func TestBodyMatchesOfficialSerializer(t *testing.T) {
	t.Parallel()
	empty := &CreateAssetRevisionInput{
		Name: aws.String(""), Description: aws.String(""), TypeRevision: aws.String(""),
		FormsInput: []types.FormInput{}, GlossaryTerms: []string{},
		PredictionConfiguration: &types.PredictionConfiguration{},
	}
	disabled := requiredInput()
	disabled.PredictionConfiguration = &types.PredictionConfiguration{
		BusinessNameGeneration: &types.BusinessNameGenerationConfiguration{Enabled: aws.Bool(false)},
	}
	unset := requiredInput()
	unset.PredictionConfiguration = &types.PredictionConfiguration{
		BusinessNameGeneration: &types.BusinessNameGenerationConfiguration{},
	}
	unset.FormsInput = []types.FormInput{{}}
	tests := map[string]*CreateAssetRevisionInput{
		"nothing":        {},
		"required":       requiredInput(),
		"full":           fullInput(),
		"empty values":   empty,
		"false":          disabled,
		"unset nested":   unset,
		"labels omitted": {DomainIdentifier: aws.String("dzd_x"), Identifier: aws.String("x")},
	}
	for name, in := range tests {
		if diff := cmp.Diff(officialBody(in), encodeBody(in)); diff != "" {
			t.Errorf("%s: body (-official +ours):\n%s", name, diff)
		}
	}
}

func FuzzBodyMatchesOfficialSerializer(f *testing.F) {
	f.Add("orders", "desc", `{"a":1}`, "term")
	f.Add("\"\\\n\u2028\x00", "\xff\xfe", "<>&", "é")
	f.Fuzz(func(t *testing.T, name, description, content, term string) {
		in := &CreateAssetRevisionInput{
			Name: &name, Description: &description, GlossaryTerms: []string{term, name},
			FormsInput: []types.FormInput{{FormName: &term, Content: &content}},
		}
		if diff := cmp.Diff(officialBody(in), encodeBody(in)); diff != "" {
			t.Errorf("body (-official +ours):\n%s", diff)
		}
	})
}

// fullOutputBody is a response with every member set, timestamps with
// fractions and exponents, and members the model does not know.
const fullOutputBody = `{
  "id": "3t2ng8cp3dqxmb",
  "name": "orders",
  "typeIdentifier": "amazon.datazone.S3ObjectCollectionAssetType",
  "typeRevision": "3",
  "externalIdentifier": "arn:aws:s3:::orders",
  "revision": "4",
  "description": "Daily orders.",
  "createdAt": 1767225600.123456,
  "createdBy": "user-1",
  "firstRevisionCreatedAt": 1.7672256E9,
  "firstRevisionCreatedBy": "user-0",
  "glossaryTerms": ["term-1", "term_2"],
  "governedGlossaryTerms": [],
  "owningProjectId": "b2ji7k9xy",
  "domainId": "dzd_4p9n6sw4qt9xgn",
  "listing": {"listingId": "l1", "listingStatus": "ACTIVE", "extra": {"a": [1, 2]}},
  "formsOutput": [
    {"formName": "AssetCommonDetailsForm", "typeName": "amazon.datazone.AssetCommonDetailsFormType", "typeRevision": "7", "content": "{\"description\":\"x\"}", "unknown": null},
    {"formName": "_1"}
  ],
  "readOnlyFormsOutput": [{"formName": "ReadOnly", "typeName": "T", "typeRevision": "1", "content": "{}"}],
  "latestTimeSeriesDataPointFormsOutput": [
    {"formName": "ts", "typeIdentifier": "amazon.datazone.TS", "typeRevision": "2", "timestamp": 1767225601.5, "contentSummary": "sum", "id": "p1"}
  ],
  "predictionConfiguration": {"businessNameGeneration": {"enabled": false}},
  "someFutureMember": {"nested": [true, null, "x", 1e3]}
}`

func TestDecodeOutput(t *testing.T) {
	t.Parallel()
	epoch := func(v float64) *time.Time { tm := smithytime.ParseEpochSeconds(v); return &tm }
	tests := []struct {
		name string
		body string
		want *CreateAssetRevisionOutput
	}{
		{"every member", fullOutputBody, &CreateAssetRevisionOutput{
			DomainId: aws.String("dzd_4p9n6sw4qt9xgn"),
			FormsOutput: []types.FormOutput{
				{FormName: aws.String("AssetCommonDetailsForm"), TypeName: aws.String("amazon.datazone.AssetCommonDetailsFormType"),
					TypeRevision: aws.String("7"), Content: aws.String(`{"description":"x"}`)},
				{FormName: aws.String("_1")},
			},
			Id:                     aws.String("3t2ng8cp3dqxmb"),
			Name:                   aws.String("orders"),
			OwningProjectId:        aws.String("b2ji7k9xy"),
			Revision:               aws.String("4"),
			TypeIdentifier:         aws.String("amazon.datazone.S3ObjectCollectionAssetType"),
			TypeRevision:           aws.String("3"),
			CreatedAt:              epoch(1767225600.123456),
			CreatedBy:              aws.String("user-1"),
			Description:            aws.String("Daily orders."),
			ExternalIdentifier:     aws.String("arn:aws:s3:::orders"),
			FirstRevisionCreatedAt: epoch(1767225600),
			FirstRevisionCreatedBy: aws.String("user-0"),
			GlossaryTerms:          []string{"term-1", "term_2"},
			GovernedGlossaryTerms:  []string{},
			LatestTimeSeriesDataPointFormsOutput: []types.TimeSeriesDataPointSummaryFormOutput{{
				FormName: aws.String("ts"), TypeIdentifier: aws.String("amazon.datazone.TS"), TypeRevision: aws.String("2"),
				Timestamp: epoch(1767225601.5), ContentSummary: aws.String("sum"), Id: aws.String("p1"),
			}},
			Listing: &types.AssetListingDetails{ListingId: aws.String("l1"), ListingStatus: types.ListingStatusActive},
			PredictionConfiguration: &types.PredictionConfiguration{
				BusinessNameGeneration: &types.BusinessNameGenerationConfiguration{Enabled: aws.Bool(false)},
			},
			ReadOnlyFormsOutput: []types.FormOutput{{FormName: aws.String("ReadOnly"), TypeName: aws.String("T"),
				TypeRevision: aws.String("1"), Content: aws.String("{}")}},
		}},
		{"empty body", "", &CreateAssetRevisionOutput{}},
		{"empty object", "{}", &CreateAssetRevisionOutput{}},
		{"null body", "null", &CreateAssetRevisionOutput{}},
		{"nulls", `{"id":null,"name":null,"createdAt":null,"formsOutput":null,"glossaryTerms":null,"listing":null,
			"predictionConfiguration":{"businessNameGeneration":null},"latestTimeSeriesDataPointFormsOutput":null}`,
			&CreateAssetRevisionOutput{PredictionConfiguration: &types.PredictionConfiguration{}}},
		{"null items", `{"glossaryTerms":["a",null],"formsOutput":[null,{"formName":"f"}]}`, &CreateAssetRevisionOutput{
			GlossaryTerms: []string{"a", ""},
			FormsOutput:   []types.FormOutput{{}, {FormName: aws.String("f")}},
		}},
		{"unknown enum value", `{"listing":{"listingId":"l","listingStatus":"ARCHIVED_LATER"}}`, &CreateAssetRevisionOutput{
			Listing: &types.AssetListingDetails{ListingId: aws.String("l"), ListingStatus: "ARCHIVED_LATER"},
		}},
		{"exponent timestamps", `{"createdAt":1.767225600123E9,"firstRevisionCreatedAt":17672256001e-1}`, &CreateAssetRevisionOutput{
			CreatedAt: epoch(1767225600.123), FirstRevisionCreatedAt: epoch(1767225600.1),
		}},
		{"escaped strings", `{"name":"\u6ce8\u6587 \"q\" \\ \n \ud83d\ude00","description":"é/\/"}`, &CreateAssetRevisionOutput{
			Name: aws.String("注文 \"q\" \\ \n 😀"), Description: aws.String("é//"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := testutil.NewServer(t, testutil.Response{Status: 200, Body: tt.body})
			out, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, out, cmpopts.IgnoreFields(CreateAssetRevisionOutput{}, "ResultMetadata")); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		resp testutil.Response
	}{
		{"wrong type", testutil.Response{Status: 200, Body: `{"id":5}`}},
		{"wrong list type", testutil.Response{Status: 200, Body: `{"formsOutput":{}}`}},
		{"truncated", testutil.Response{Status: 200, Body: `{"id":"x","formsOutput":[{"formName":"a"`}},
		{"html", testutil.Response{Status: 200, Body: `<html><body>proxy</body></html>`}},
		{"not an object", testutil.Response{Status: 200, Body: `[]`}},
		{"timestamp as string", testutil.Response{Status: 200, Body: `{"createdAt":"2026-01-01T00:00:00Z"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.resp.Header = map[string]string{"X-Amzn-RequestId": "req-decode"}
			server := testutil.NewServer(t, tt.resp)
			_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput())
			assertDeserializationError(t, err, 200, "req-decode")
		})
	}
}

func assertDeserializationError(t *testing.T, err error, status int, requestID string) {
	t.Helper()
	var deserErr *smithy.DeserializationError
	if !errors.As(err, &deserErr) {
		t.Fatalf("error %v (%T) is not a *smithy.DeserializationError", err, err)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v has no *awshttp.ResponseError", err)
	}
	if respErr.HTTPStatusCode() != status || respErr.ServiceRequestID() != requestID {
		t.Errorf("status %d, request ID %q; want %d, %q", respErr.HTTPStatusCode(), respErr.ServiceRequestID(), status, requestID)
	}
}

// errorForms are the wire forms an error code can take.
var errorForms = []struct {
	name   string
	header func(code string) map[string]string
	body   func(code string) string
}{
	{"X-Amzn-ErrorType", func(code string) map[string]string { return map[string]string{"X-Amzn-ErrorType": code} },
		func(string) string { return `{"message":"the message"}` }},
	{"X-Amzn-ErrorType with URI suffix", func(code string) map[string]string {
		return map[string]string{"X-Amzn-ErrorType": code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"}
	}, func(string) string { return `{"Message":"the message"}` }},
	{"__type with namespace", nil,
		func(code string) string {
			return `{"__type":"com.amazonaws.datazone#` + code + `","message":"the message"}`
		}},
	{"code only", nil, func(code string) string { return `{"code":"` + code + `","message":"the message"}` }},
	{"lower-case code", nil, func(code string) string { return `{"code":"` + strings.ToLower(code) + `","message":"the message"}` }},
	{"header wins over body", func(code string) map[string]string { return map[string]string{"X-Amzn-ErrorType": code} },
		func(string) string { return `{"__type":"OtherError","code":"OtherError","message":"the message"}` }},
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	typed := []struct {
		code      string
		status    int
		fault     smithy.ErrorFault
		retryable bool
		target    func(error) (smithy.APIError, bool)
	}{
		{"AccessDeniedException", 403, smithy.FaultClient, false, as[*types.AccessDeniedException]},
		{"ConflictException", 409, smithy.FaultClient, false, as[*types.ConflictException]},
		{"InternalServerException", 500, smithy.FaultServer, true, as[*types.InternalServerException]},
		{"ResourceNotFoundException", 404, smithy.FaultClient, false, as[*types.ResourceNotFoundException]},
		{"ThrottlingException", 429, smithy.FaultClient, true, as[*types.ThrottlingException]},
		{"UnauthorizedException", 401, smithy.FaultClient, false, as[*types.UnauthorizedException]},
		{"ValidationException", 400, smithy.FaultClient, false, as[*types.ValidationException]},
	}
	for _, tc := range typed {
		for _, form := range errorForms {
			t.Run(tc.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				resp := testutil.Response{Status: tc.status, Body: form.body(tc.code)}
				if form.header != nil {
					resp.Header = form.header(tc.code)
				}
				server := testutil.NewServer(t, resp)
				client := newTestClient(server.Endpoint(), func(o *Options) { o.RetryMaxAttempts = 1 })
				_, err := client.CreateAssetRevision(context.Background(), requiredInput())
				apiErr, ok := tc.target(err)
				if !ok {
					t.Fatalf("error %v (%T) is not a %s", err, err, tc.code)
				}
				if apiErr.ErrorCode() != tc.code || apiErr.ErrorMessage() != "the message" || apiErr.ErrorFault() != tc.fault {
					t.Errorf("code %q, message %q, fault %v", apiErr.ErrorCode(), apiErr.ErrorMessage(), apiErr.ErrorFault())
				}
				var respErr *awshttp.ResponseError
				if !errors.As(err, &respErr) || respErr.HTTPStatusCode() != tc.status || respErr.ServiceRequestID() != "request-1" {
					t.Errorf("error %v does not carry status %d and request ID request-1", err, tc.status)
				}
				// With one attempt allowed, a retryable error is reported
				// inside the retryer's attempts error, as by the official client.
				attempts := ""
				if tc.retryable {
					attempts = "exceeded maximum number of attempts, 1, "
				}
				want := "operation error DataZone: CreateAssetRevision, " + attempts + "https response error StatusCode: " +
					strconv.Itoa(tc.status) + ", RequestID: request-1, " + tc.code + ": the message"
				if err.Error() != want {
					t.Errorf("error string\n got %q\nwant %q", err.Error(), want)
				}
			})
		}
	}
}

// as returns the typed error T inside err.
func as[T smithy.APIError](err error) (smithy.APIError, bool) {
	var target T
	if !errors.As(err, &target) {
		return nil, false
	}
	return target, true
}

func TestDecodeGenericErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		resp          testutil.Response
		code, message string
	}{
		{"unknown code", testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-ErrorType": "SomethingNewException"},
			Body: `{"message":"new"}`}, "SomethingNewException", "new"},
		{"unknown __type", testutil.Response{Status: 402, Body: `{"__type":"ns#PaymentRequired","Message":"pay"}`}, "PaymentRequired", "pay"},
		{"empty body", testutil.Response{Status: 404}, "UnknownError", "UnknownError"},
		{"empty object", testutil.Response{Status: 400, Body: "{}"}, "UnknownError", "UnknownError"},
		{"errorMessage ignored", testutil.Response{Status: 400, Body: `{"code":"Odd","errorMessage":"x"}`}, "Odd", "UnknownError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := testutil.NewServer(t, tt.resp)
			_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput())
			var generic *smithy.GenericAPIError
			if !errors.As(err, &generic) {
				t.Fatalf("error %v (%T) is not a *smithy.GenericAPIError", err, err)
			}
			if diff := cmp.Diff(&smithy.GenericAPIError{Code: tt.code, Message: tt.message}, generic); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if generic.ErrorFault() != smithy.FaultUnknown {
				t.Errorf("fault %v, want unknown", generic.ErrorFault())
			}
		})
	}
}

func TestDecodeMalformedErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		resp testutil.Response
	}{
		{"html", testutil.Response{Status: 502, Body: "<html><body>Bad Gateway</body></html>"}},
		{"truncated", testutil.Response{Status: 400, Body: `{"__type":"ValidationException","message":"cut`}},
		{"non-string __type", testutil.Response{Status: 400, Body: `{"__type":5}`}},
		{"wrong message type", testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-ErrorType": "ValidationException"},
			Body: `{"message":["x"]}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.resp.Header = mergeHeader(tt.resp.Header, "X-Amzn-RequestId", "req-bad")
			server := testutil.NewServer(t, tt.resp)
			client := newTestClient(server.Endpoint(), func(o *Options) { o.RetryMaxAttempts = 1 })
			_, err := client.CreateAssetRevision(context.Background(), requiredInput())
			assertDeserializationError(t, err, tt.resp.Status, "req-bad")
		})
	}
}

func mergeHeader(h map[string]string, key, value string) map[string]string {
	out := map[string]string{key: value}
	for k, v := range h {
		out[k] = v
	}
	return out
}

// TestBodyEscapesMatchTheOfficialEncoder spot-checks that text members are
// written with the escapes of the official JSON encoder.
func TestBodyEscapesMatchTheOfficialEncoder(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint())
	in := requiredInput()
	in.Name = aws.String("\"\\\n\t\u0001\u2028<>&/é")
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	body := server.Requests()[0].Body
	want := `{"clientToken":"` + testToken + `","name":"\"\\\n\t\u0001\u2028<>&/é"}`
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
	if !utf8.ValidString(body) {
		t.Error("body is not valid UTF-8")
	}
}

// TestErrorsMatchTheModel checks the error registry against the
// operation's errors and the service's common errors.
func TestErrorsMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var want []string
	for _, s := range []*smithymodel.Shape{m.Operation(), m.Service()} {
		for _, e := range s.Errors {
			if code := smithymodel.Name(e); !slices.Contains(want, code) {
				want = append(want, code)
			}
		}
	}
	var got []string
	for _, e := range errorRegistry {
		got = append(got, e.Code)
	}
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-model +registry):\n%s", diff)
	}
}

// TestFullOutputHasEveryMember checks that the decoding tests' full
// response sets every output member of the model, nested ones included.
func TestFullOutputHasEveryMember(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var body any
	if err := json.Unmarshal([]byte(fullOutputBody), &body); err != nil {
		t.Fatal(err)
	}
	var missing []string
	var walk func(shape string, value any, path string)
	walk = func(shape string, value any, path string) {
		s := m.Shape(shape)
		switch s.Type {
		case "structure":
			object, _ := value.(map[string]any)
			for _, member := range s.Members {
				v, ok := object[member.Name]
				if !ok {
					missing = append(missing, path+member.Name)
					continue
				}
				walk(member.Target, v, path+member.Name+".")
			}
		case "list":
			// Each member must appear in some item of the list.
			items, _ := value.([]any)
			merged := map[string]any{}
			for _, item := range items {
				object, _ := item.(map[string]any)
				for k, v := range object {
					merged[k] = v
				}
			}
			if m.Shape(s.Member.Target).Type == "structure" {
				walk(s.Member.Target, merged, path)
			}
		}
	}
	walk(namespace+"CreateAssetRevisionOutput", body, "")
	if len(missing) > 0 {
		t.Errorf("the full response lacks %v", missing)
	}
}

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
