package datazone

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/redact"
	"github.com/awssnap/awssnap/internal/testutil"
)

// Every sensitive value below holds "SECRET" (in a form its pattern
// accepts, where it has one), so a leak anywhere shows.
func secretInput() *CreateAssetRevisionInput {
	in := fullInput()
	in.Name = aws.String("SECRET name")
	in.Description = aws.String("SECRET description")
	in.FormsInput = []types.FormInput{{
		FormName:       aws.String("SECRETform"),
		TypeIdentifier: aws.String("SECRET.type"),
		TypeRevision:   aws.String("SECRET-1"),
		Content:        aws.String(`{"SECRET":"content"}`),
	}}
	return in
}

// secretInvalidInput breaks every constraint of the sensitive members,
// with values that hold the secret.
func secretInvalidInput() *CreateAssetRevisionInput {
	in := secretInput()
	in.Name = aws.String(strings.Repeat("SECRET", 50))
	in.Description = aws.String(strings.Repeat("SECRET", 400))
	in.FormsInput = []types.FormInput{{
		FormName:       aws.String("SECRET form"),
		TypeIdentifier: aws.String("SECRET.type."),
		TypeRevision:   aws.String("SECRET revision"),
		Content:        aws.String(strings.Repeat("SECRET", 50001)),
	}}
	return in
}

const secretOutputBody = `{"id":"a1","name":"SECRET output name","description":"SECRET output description",
"domainId":"dzd_a","owningProjectId":"p","revision":"2","typeIdentifier":"t","typeRevision":"1",
"formsOutput":[{"formName":"f","typeName":"SECRETTypeName","typeRevision":"1","content":"{}"}],
"readOnlyFormsOutput":[{"formName":"r","typeName":"SECRETReadOnlyType"}],
"listing":{"listingId":"l","listingStatus":"ACTIVE"},"createdAt":1767225600}`

func secretOutput(t *testing.T) *CreateAssetRevisionOutput {
	t.Helper()
	server := testutil.NewServer(t, testutil.Response{Body: secretOutputBody})
	out, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), requiredInput())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// renderings prints v in every way an application might.
func renderings(v any) map[string]string {
	out := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%10.3v"} {
		out[verb] = fmt.Sprintf(verb, v)
	}
	if s, ok := v.(fmt.Stringer); ok {
		out["String"] = s.String()
	}
	var jsonLog, textLog bytes.Buffer
	slog.New(slog.NewJSONHandler(&jsonLog, &slog.HandlerOptions{Level: slog.LevelDebug})).Debug("value", "v", v)
	slog.New(slog.NewTextHandler(&textLog, &slog.HandlerOptions{Level: slog.LevelDebug})).Debug("value", "v", v)
	out["slog JSON"], out["slog text"] = jsonLog.String(), textLog.String()
	data, err := json.Marshal(v)
	out["json.Marshal"] = string(data) + fmt.Sprint(err)
	return out
}

func assertNoSecret(t *testing.T, what string, renderings map[string]string) {
	t.Helper()
	for how, text := range renderings {
		if strings.Contains(text, "SECRET") || strings.Contains(text, "534543524554") {
			t.Errorf("%s printed with %s shows a sensitive value:\n%s", what, how, text)
		}
	}
}

func TestSensitiveValuesNeverPrinted(t *testing.T) {
	t.Parallel()
	in, out := secretInput(), secretOutput(t)
	values := map[string]any{
		"input": *in, "input pointer": in,
		"output": *out, "output pointer": out,
		"forms": in.FormsInput, "form": in.FormsInput[0], "form pointer": &in.FormsInput[0],
		"output form": out.FormsOutput[0], "output forms": out.ReadOnlyFormsOutput,
		"validation error": secretInvalidInput().Validate(),
		// Values inside slices, maps and structures, which slog's JSON
		// handler writes with encoding/json.
		"outputs":        []*CreateAssetRevisionOutput{out},
		"inputs":         []CreateAssetRevisionInput{*in},
		"forms by name":  map[string]types.FormOutput{"f": out.FormsOutput[0]},
		"inputs by name": map[string]*CreateAssetRevisionInput{"in": in},
		"nested": struct {
			Call   struct{ In *CreateAssetRevisionInput }
			Out    CreateAssetRevisionOutput
			Forms  [][]types.FormInput
			Values map[string]any
		}{
			Call: struct{ In *CreateAssetRevisionInput }{in}, Out: *out,
			Forms:  [][]types.FormInput{in.FormsInput},
			Values: map[string]any{"forms": out.ReadOnlyFormsOutput, "in": in},
		},
	}
	for what, v := range values {
		assertNoSecret(t, what, renderings(v))
	}
}

// TestSensitiveValuesInValidationErrors checks that the invalid sensitive
// members are all reported, without their values.
func TestSensitiveValuesInValidationErrors(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), secretInvalidInput())
	if n := len(violations(t, err)); n != 6 {
		t.Errorf("%d violations, want 6: %v", n, err)
	}
	assertNoSecret(t, "call error", map[string]string{"Error": err.Error(), "%+v": fmt.Sprintf("%+v", err)})
}

// TestRedactedRenderingsKeepTheRest checks that redaction hides only the
// sensitive members: the other members print as fmt prints them.
func TestRedactedRenderingsKeepTheRest(t *testing.T) {
	t.Parallel()
	in := secretInput()
	plus := fmt.Sprintf("%+v", *in)
	for _, want := range []string{"Name:" + redact.Placeholder, "Description:" + redact.Placeholder,
		"FormsInput:" + redact.Placeholder, "GlossaryTerms:[term-1 term_2]", "TypeRevision:0x"} {
		if !strings.Contains(plus, want) {
			t.Errorf("%%+v output lacks %q:\n%s", want, plus)
		}
	}
	if got := fmt.Sprintf("%+v", in.DomainIdentifier); !strings.Contains(plus, "DomainIdentifier:"+got) {
		t.Errorf("%%+v output does not print DomainIdentifier as fmt does (%s):\n%s", got, plus)
	}
	if got := fmt.Sprintf("%#v", *in); !strings.HasPrefix(got, "datazone.CreateAssetRevisionInput{DomainIdentifier:(*string)(0x") {
		t.Errorf("%%#v output is not Go syntax: %s", got)
	}
	var log bytes.Buffer
	slog.New(slog.NewJSONHandler(&log, nil)).Info("in", "in", in)
	var entry struct {
		In map[string]any `json:"in"`
	}
	if err := json.Unmarshal(log.Bytes(), &entry); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"DomainIdentifier": "dzd_4p9n6sw4qt9xgn", "Identifier": "3t2ng8cp3dqxmb", "Name": redact.Placeholder,
		"ClientToken": *in.ClientToken, "Description": redact.Placeholder, "FormsInput": redact.Placeholder,
		"GlossaryTerms": []any{"term-1", "term_2"}, "TypeRevision": "3",
		"PredictionConfiguration": map[string]any{"BusinessNameGeneration": map[string]any{"Enabled": true}},
	}
	if fmt.Sprint(want) != fmt.Sprint(entry.In) {
		t.Errorf("slog JSON group\n got %v\nwant %v", entry.In, want)
	}
}

// TestJSONMarshalKeepsTheRest checks that encoding/json writes the types
// as it writes the plain structs, with only the set sensitive members
// replaced by the placeholder (unset ones stay null).
func TestJSONMarshalKeepsTheRest(t *testing.T) {
	t.Parallel()
	in, out := secretInput(), secretOutput(t)
	in.Description = nil
	type plainInput CreateAssetRevisionInput
	type plainOutput CreateAssetRevisionOutput
	type plainForm types.FormOutput
	cases := []struct {
		name       string
		value, raw any
		redacted   []string
	}{
		{"input", in, (*plainInput)(in), []string{"Name", "FormsInput"}},
		{"output", out, (*plainOutput)(out), []string{"Name", "Description"}},
		{"form", out.FormsOutput[0], plainForm(out.FormsOutput[0]), []string{"TypeName"}},
	}
	for _, tc := range cases {
		got, want := jsonFields(t, tc.value), jsonFields(t, tc.raw)
		if len(got) != len(want) {
			t.Errorf("%s: %d members, want %d", tc.name, len(got), len(want))
		}
		for name, raw := range want {
			if slices.Contains(tc.redacted, name) {
				if string(got[name]) == string(raw) {
					t.Errorf("%s: %s is not redacted: %s", tc.name, name, got[name])
				}
				continue
			}
			if string(got[name]) != string(raw) {
				t.Errorf("%s: %s is %s, want %s", tc.name, name, got[name], raw)
			}
		}
	}
	if got := jsonFields(t, in)["Description"]; string(got) != "null" {
		t.Errorf("an unset sensitive member is %s, want null", got)
	}
	if got := jsonFields(t, out)["Name"]; string(got) != strconv.Quote(redact.Placeholder) {
		t.Errorf("a sensitive member is %s, want the placeholder", got)
	}
	if got, err := json.Marshal(in.FormsInput[0]); err != nil || string(got) != strconv.Quote(redact.Placeholder) {
		t.Errorf("a sensitive form is %s (%v), want the placeholder", got, err)
	}
}

// jsonFields returns the members of v's JSON object.
func jsonFields(t *testing.T, v any) map[string]json.RawMessage {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return fields
}

// logBuffer is a logging.Logger that keeps what it is given.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logBuffer) Logf(classification logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, "%s "+format+"\n", append([]any{classification}, v...)...)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// TestSensitiveValuesNeverLogged runs calls with every client log mode
// (request and response bodies, retries, signing) and checks the log.
func TestSensitiveValuesNeverLogged(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t,
		testutil.Response{Status: 500, Body: `{"message":"retry"}`},
		testutil.Response{Body: secretOutputBody},
	)
	logger := &logBuffer{}
	client := newTestClient(server.Endpoint(), func(o *Options) {
		o.Logger = logger
		o.ClientLogMode = aws.LogRequestWithBody | aws.LogResponseWithBody | aws.LogRetries | aws.LogSigning
	})
	if _, err := client.CreateAssetRevision(context.Background(), secretInput()); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateAssetRevision(context.Background(), secretInvalidInput()); err == nil {
		t.Fatal("the invalid input was accepted")
	}
	log := logger.String()
	if !strings.Contains(log, "/base/path/v2/domains/dzd_4p9n6sw4qt9xgn/assets/3t2ng8cp3dqxmb/revisions") ||
		!strings.Contains(log, `"name":"`+redact.Placeholder+`"`) || !strings.Contains(log, `"formsInput":"`+redact.Placeholder+`"`) {
		t.Errorf("the log lacks the redacted request:\n%s", log)
	}
	if strings.Contains(log, "SECRET") {
		t.Errorf("the log shows a sensitive value:\n%s", log)
	}
	if requests := server.Requests(); !strings.Contains(requests[0].Body, "SECRET name") {
		t.Errorf("the request body lost the real name: %s", requests[0].Body)
	}
}
