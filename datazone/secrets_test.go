package datazone

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
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
	}
	for what, v := range values {
		r := renderings(v)
		if reflect.TypeOf(v).Kind() == reflect.Slice {
			// slog's JSON handler writes a bare slice with encoding/json,
			// which the types leave unchanged; log the enclosing input or
			// output, whose LogValue redacts.
			delete(r, "slog JSON")
		}
		assertNoSecret(t, what, r)
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

// TestJSONMarshalIsUnchanged checks that the types keep the JSON form of
// plain structs, as the official types have: redaction is for people, not
// for serialisation.
func TestJSONMarshalIsUnchanged(t *testing.T) {
	t.Parallel()
	in := requiredInput()
	in.FormsInput = []types.FormInput{{FormName: aws.String("f")}}
	got, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"DomainIdentifier":"dzd_4p9n6sw4qt9xgn","Identifier":"3t2ng8cp3dqxmb","Name":"orders","ClientToken":null,` +
		`"Description":null,"FormsInput":[{"FormName":"f","Content":null,"TypeIdentifier":null,"TypeRevision":null}],` +
		`"GlossaryTerms":null,"PredictionConfiguration":null,"TypeRevision":null}`
	if string(got) != want {
		t.Errorf("json.Marshal\n got %s\nwant %s", got, want)
	}
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
