package datazone

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/encoding/httpbinding"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
)

// fzToken is the token fzTokens makes.
const fzToken = "fuzz-token"

type fzTokens struct{}

func (fzTokens) GetIdempotencyToken() (string, error) { return fzToken, nil }

func fzClient(transport *testutil.FuzzTransport, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		HTTPClient:  transport,
		Retryer:     aws.NopRetryer{},
		// A fixed token keeps the bodies of calls that leave it nil known.
		IdempotencyTokenProvider: fzTokens{},
	}, optFns...)
}

// FuzzCreateAssetRevisionOutput feeds arbitrary bodies to the output
// decoder: it never panics, it accepts only bodies whose first value is a
// JSON object or null, and no rendering of what it decodes shows the
// sensitive members (Name, Description, each form's TypeName).
func FuzzCreateAssetRevisionOutput(f *testing.F) {
	f.Add(`{"id":"a","name":"secret name value","description":"secret description value","formsOutput":[{"formName":"f","typeName":"secret.type.name"}],"createdAt":1.7672256E9}`)
	f.Fuzz(func(t *testing.T, body string) {
		var r jsonwire.Reader
		r.Reset(body)
		if r.Empty() {
			return
		}
		var out CreateAssetRevisionOutput
		decodeCreateAssetRevisionOutput(&r, &out)
		if r.Err() != nil {
			return
		}
		var v any
		if err := json.NewDecoder(strings.NewReader(body)).Decode(&v); err != nil {
			t.Fatalf("decoder accepted %q, which is not JSON: %v", body, err)
		}
		if _, ok := v.(map[string]any); !ok && v != nil {
			t.Fatalf("decoder accepted %q, which is not an object", body)
		}
		secrets := []*string{out.Name, out.Description}
		for _, form := range append(out.FormsOutput, out.ReadOnlyFormsOutput...) {
			secrets = append(secrets, form.TypeName)
		}
		bare := out
		bare.Name, bare.Description = nil, nil
		bare.FormsOutput = fzWithoutTypeNames(out.FormsOutput)
		bare.ReadOnlyFormsOutput = fzWithoutTypeNames(out.ReadOnlyFormsOutput)
		fzCheckRedacted(t, &out, &bare, secrets)
	})
}

func fzWithoutTypeNames(forms []types.FormOutput) []types.FormOutput {
	if forms == nil {
		return nil
	}
	bare := make([]types.FormOutput, len(forms))
	for i, form := range forms {
		form.TypeName = nil
		bare[i] = form
	}
	return bare
}

// FuzzCreateAssetRevisionResponse runs whole calls against arbitrary
// responses: a call returns an output or an error, never both, never a
// panic; every error names the operation and carries the status and
// request ID; a non-2xx status always gives an API error or a
// deserialization error.
func FuzzCreateAssetRevisionResponse(f *testing.F) {
	f.Add(200, "", `{"id":"a","name":"n","revision":"2"}`)
	f.Add(404, "ResourceNotFoundException:http://internal.amazon.com/", `{"message":"none"}`)
	f.Add(409, "", `{"code":"ConflictException","message":"busy"}`)
	f.Add(400, "", `{"__type":"com.amazonaws.datazone#ValidationException","message":"bad"}`)
	f.Add(502, "", `<html>bad gateway</html>`)
	transport := &testutil.FuzzTransport{}
	client := fzClient(transport)
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = 200 + testutil.Abs(status)%400
		header := http.Header{"X-Amzn-Requestid": {"req-1"}}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		transport.Status, transport.Header, transport.Body = status, header, body
		out, err := client.CreateAssetRevision(context.Background(), &CreateAssetRevisionInput{
			DomainIdentifier: aws.String("dzd_a"), Identifier: aws.String("a"), Name: aws.String("n"),
		})
		testutil.CheckOutcome(t, "CreateAssetRevision", status, out != nil, err)
	})
}

// fzReferences are the model's patterns as RE2 expressions, with each
// negative look-ahead as a separate test on the start of the string.
var fzReferences = []struct {
	name  string
	match func(string) bool
	want  func(string) bool
}{
	{"domainIdentifier", matchDomainID, regexp.MustCompile(`^dzd[-_][a-zA-Z0-9_-]{1,36}$`).MatchString},
	{"identifier", matchIdentifier, regexp.MustCompile(`^[a-zA-Z0-9_-]{1,36}$`).MatchString},
	{"revision", matchRevisionInput, regexp.MustCompile(`^[a-zA-Z0-9_-]+$`).MatchString},
	{"clientToken", matchClientToken, regexp.MustCompile(`^[\x21-\x7E]+$`).MatchString},
	{"formName", matchFormName, func(s string) bool {
		return fzWord.MatchString(s) && !fzDigitOrUnderscore.MatchString(s) || fzUnderscoreName.MatchString(s)
	}},
	{"formTypeIdentifier", matchFormTypeIdentifier, func(s string) bool {
		return !strings.HasPrefix(s, ".") && fzWordsAndDots.MatchString(s)
	}},
}

var (
	fzWord              = regexp.MustCompile(`^\w+$`)
	fzDigitOrUnderscore = regexp.MustCompile(`^[0-9_]`)
	fzUnderscoreName    = regexp.MustCompile(`^_\w*[a-zA-Z0-9]\w*$`)
	fzWordsAndDots      = regexp.MustCompile(`^[\w\.]*\w$`)
)

// FuzzCreateAssetRevisionInput builds inputs from arbitrary values.
// Validate never panics and returns nil or an InvalidParamsError whose
// text holds no sensitive value; the pattern rewrites agree with the
// model's patterns; no rendering of the input shows a sensitive value; a
// call sends exactly when its validation mode accepts the input (a nil
// token is filled first, and empty or dot-segment labels are refused in
// every mode), to the escaped path, with a JSON body holding exactly the
// input's members; and the input is never modified.
func FuzzCreateAssetRevisionInput(f *testing.F) {
	f.Add("dzd_4p9n6sw4qt9xgn", "3t2ng8cp3dqxmb", "orders name", "tok-1", "the description", "3",
		"term-1,term-2", "Form_1", "amazon.datazone.Type", "7", `{"a":1}`, uint8(2), uint16(0xffff))
	f.Add("../x", "a/b", "", "tok 1", "", "", "", "_", ".bad", "1 2", "", uint8(11), uint16(0x0fbf))
	transport := &testutil.FuzzTransport{Status: 200, Body: `{}`}
	clients := map[ValidationMode]*Client{}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		clients[mode] = fzClient(transport, func(o *Options) { o.Validation = mode })
	}
	f.Fuzz(func(t *testing.T, domain, asset, name, token, description, revision, terms,
		formName, formType, formRevision, content string, forms uint8, set uint16) {
		fzCheckPatterns(t, domain, asset, revision, token, formName, formType, formRevision)
		in := fzInput(domain, asset, name, token, description, revision, terms,
			formName, formType, formRevision, content, forms, set)
		before := fzCloneInput(in)
		secrets := []*string{in.Name, in.Description}
		for _, form := range in.FormsInput {
			secrets = append(secrets, form.FormName, form.TypeIdentifier, form.TypeRevision, form.Content)
		}
		bare := fzCloneInput(in)
		bare.Name, bare.Description, bare.FormsInput = nil, nil, nil
		fzCheckRedacted(t, in, bare, secrets)
		verr := in.Validate()
		if verr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(verr, &invalid) {
				t.Fatalf("Validate returned %T %v", verr, verr)
			}
			fzCheckNoSecret(t, "validation error", verr.Error(), fzVocabulary(bare), secrets)
		}
		labelsUsable := fzUsableLabel(in.DomainIdentifier) && fzUsableLabel(in.Identifier)
		required := in.Name != nil && in.DomainIdentifier != nil && in.Identifier != nil
		for _, form := range in.FormsInput {
			required = required && form.FormName != nil
		}
		for mode, accepts := range map[ValidationMode]bool{
			ValidationFull: verr == nil, ValidationRequiredOnly: required && labelsUsable, ValidationOff: labelsUsable,
		} {
			transport.Reset()
			_, err := clients[mode].CreateAssetRevision(context.Background(), in)
			if got := len(transport.Sent) == 1; got != accepts {
				t.Fatalf("mode %v: sent %d requests (error %v), want sending %v", mode, len(transport.Sent), err, accepts)
			}
			if !accepts {
				var invalid smithy.InvalidParamsError
				if !errors.As(err, &invalid) && !errors.Is(err, protocol.ErrLabel) {
					t.Fatalf("mode %v: refused with %T %v", mode, err, err)
				}
				fzCheckNoSecret(t, "refusal", err.Error(), fzVocabulary(bare), secrets)
				continue
			}
			if err != nil {
				t.Fatalf("mode %v: %v", mode, err)
			}
			want := "/v2/domains/" + httpbinding.EscapePath(*in.DomainIdentifier, true) +
				"/assets/" + httpbinding.EscapePath(*in.Identifier, true) + "/revisions"
			if transport.Paths[0] != want {
				t.Fatalf("mode %v: path %q, want %q", mode, transport.Paths[0], want)
			}
			fzCheckBody(t, transport.Sent[0], in)
		}
		if !reflect.DeepEqual(before, in) {
			t.Fatalf("input modified (-before +after):\n%s", cmp.Diff(before, in, fzCmpInput))
		}
	})
}

// fzCmpInput compares inputs by their fields, past their redacting
// String methods.
var fzCmpInput = cmp.Exporter(func(reflect.Type) bool { return false })

func fzCheckPatterns(t *testing.T, values ...string) {
	t.Helper()
	for _, ref := range fzReferences {
		for _, v := range values {
			if got, want := ref.match(v), ref.want(v); got != want {
				t.Fatalf("%s pattern on %q = %v, the model's pattern says %v", ref.name, v, got, want)
			}
		}
	}
}

func fzInput(domain, asset, name, token, description, revision, terms,
	formName, formType, formRevision, content string, forms uint8, set uint16) *CreateAssetRevisionInput {
	in := &CreateAssetRevisionInput{}
	fzSet(set, 0, &in.DomainIdentifier, domain)
	fzSet(set, 1, &in.Identifier, asset)
	fzSet(set, 2, &in.Name, name)
	fzSet(set, 3, &in.ClientToken, token)
	fzSet(set, 4, &in.Description, description)
	fzSet(set, 5, &in.TypeRevision, revision)
	if set&(1<<6) != 0 {
		in.GlossaryTerms = strings.Split(terms, ",")
	}
	if set&(1<<7) != 0 {
		in.FormsInput = make([]types.FormInput, int(forms)%12)
		for i := range in.FormsInput {
			form := &in.FormsInput[i]
			fzSet(set, 8, &form.FormName, formName)
			fzSet(set, 9, &form.TypeIdentifier, formType)
			fzSet(set, 10, &form.TypeRevision, formRevision)
			fzSet(set, 11, &form.Content, content)
		}
	}
	if set&(1<<12) != 0 {
		in.PredictionConfiguration = &types.PredictionConfiguration{}
		if set&(1<<13) != 0 {
			in.PredictionConfiguration.BusinessNameGeneration = &types.BusinessNameGenerationConfiguration{
				Enabled: aws.Bool(set&(1<<14) != 0),
			}
		}
	}
	return in
}

func fzSet(set uint16, bit uint, field **string, v string) {
	if set&(1<<bit) != 0 {
		*field = &v
	}
}

func fzUsableLabel(v *string) bool {
	return v != nil && *v != "" && *v != "." && *v != ".."
}

func fzCloneInput(in *CreateAssetRevisionInput) *CreateAssetRevisionInput {
	c := *in
	if in.GlossaryTerms != nil {
		c.GlossaryTerms = append(make([]string, 0, len(in.GlossaryTerms)), in.GlossaryTerms...)
	}
	if in.FormsInput != nil {
		c.FormsInput = append(make([]types.FormInput, 0, len(in.FormsInput)), in.FormsInput...)
	}
	return &c
}

// fzRenderings are the ways a program prints a value.
func fzRenderings(v any) []string {
	var jsonLog, textLog bytes.Buffer
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	slog.New(slog.NewJSONHandler(&jsonLog, opts)).Debug("m", "v", v)
	slog.New(slog.NewTextHandler(&textLog, opts)).Debug("m", "v", v)
	out := []string{
		fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v),
		fmt.Sprintf("%s", v), fmt.Sprintf("%q", v), fmt.Sprintf("%x", v), jsonLog.String(), textLog.String(),
	}
	if s, ok := v.(fmt.Stringer); ok {
		out = append(out, s.String())
	}
	return out
}

// fzCheckRedacted checks that no rendering of v shows a secret that the
// same rendering of bare (v without its sensitive members) does not.
func fzCheckRedacted(t *testing.T, v, bare any, secrets []*string) {
	t.Helper()
	vocabulary := strings.Join(fzRenderings(bare), "\n")
	for _, rendering := range fzRenderings(v) {
		fzCheckNoSecret(t, "rendering", rendering, vocabulary, secrets)
	}
}

// fzCheckNoSecret fails when text holds a secret of eight bytes or more
// that vocabulary does not explain. Values that look like addresses are
// skipped: %v prints the addresses of pointer fields.
func fzCheckNoSecret(t *testing.T, what, text, vocabulary string, secrets []*string) {
	t.Helper()
	for _, secret := range secrets {
		if secret == nil || len(*secret) < 8 || strings.Contains(*secret, "0xc") {
			continue
		}
		for _, form := range []string{*secret, testutil.JSONString(*secret)} {
			if strings.Contains(text, form) && !strings.Contains(vocabulary, form) {
				t.Fatalf("%s %q shows the sensitive value %q", what, text, *secret)
			}
		}
	}
}

// fzVocabulary is the text a validation error may hold without leaking:
// the messages of an input breaking every rule, and the input's
// non-sensitive values.
func fzVocabulary(bare *CreateAssetRevisionInput) string {
	texts := []string{fzRuleMessages(), strings.Join(fzRenderings(bare), "\n")}
	for _, v := range []*string{bare.DomainIdentifier, bare.Identifier, bare.ClientToken, bare.TypeRevision} {
		if v != nil {
			texts = append(texts, *v)
		}
	}
	return strings.Join(append(texts, bare.GlossaryTerms...), "\n")
}

// fzRuleMessages holds the messages of inputs that break every rule.
var fzRuleMessages = sync.OnceValue(func() string {
	long := strings.Repeat("x", 300001)
	broken := &CreateAssetRevisionInput{
		Name: aws.String(long), DomainIdentifier: aws.String("."), Identifier: aws.String("."),
		ClientToken: aws.String(" "), Description: aws.String(long), TypeRevision: aws.String(""),
		GlossaryTerms: []string{"."}, FormsInput: make([]types.FormInput, 11),
	}
	for i := range broken.FormsInput {
		broken.FormsInput[i] = types.FormInput{FormName: aws.String("."), TypeIdentifier: aws.String("."),
			TypeRevision: aws.String(".")}
	}
	broken.FormsInput[0].Content = aws.String(long)
	return broken.Validate().Error() + "\n" + (&CreateAssetRevisionInput{}).Validate().Error()
})

// fzAssetRevisionBody is the request body as encoding/json reads it.
type fzAssetRevisionBody struct {
	ClientToken             *string                        `json:"clientToken"`
	Description             *string                        `json:"description"`
	FormsInput              []fzFormBody                   `json:"formsInput"`
	GlossaryTerms           []string                       `json:"glossaryTerms"`
	Name                    *string                        `json:"name"`
	PredictionConfiguration *types.PredictionConfiguration `json:"predictionConfiguration"`
	TypeRevision            *string                        `json:"typeRevision"`
}

type fzFormBody struct {
	Content        *string `json:"content"`
	FormName       *string `json:"formName"`
	TypeIdentifier *string `json:"typeIdentifier"`
	TypeRevision   *string `json:"typeRevision"`
}

func fzCheckBody(t *testing.T, body string, in *CreateAssetRevisionInput) {
	t.Helper()
	if !json.Valid([]byte(body)) {
		t.Fatalf("body %q is not JSON", body)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var got fzAssetRevisionBody
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	token := in.ClientToken
	if token == nil {
		token = aws.String(fzToken)
	}
	want := fzAssetRevisionBody{
		ClientToken: testutil.JSONPtr(token), Description: testutil.JSONPtr(in.Description), Name: testutil.JSONPtr(in.Name),
		PredictionConfiguration: in.PredictionConfiguration, TypeRevision: testutil.JSONPtr(in.TypeRevision),
	}
	if in.GlossaryTerms != nil {
		want.GlossaryTerms = make([]string, len(in.GlossaryTerms))
		for i, term := range in.GlossaryTerms {
			want.GlossaryTerms[i] = testutil.JSONString(term)
		}
	}
	if in.FormsInput != nil {
		want.FormsInput = make([]fzFormBody, len(in.FormsInput))
		for i, form := range in.FormsInput {
			want.FormsInput[i] = fzFormBody{Content: testutil.JSONPtr(form.Content), FormName: testutil.JSONPtr(form.FormName),
				TypeIdentifier: testutil.JSONPtr(form.TypeIdentifier), TypeRevision: testutil.JSONPtr(form.TypeRevision)}
		}
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("body %q (-input +sent):\n%s", body, cmp.Diff(want, got))
	}
}

// FuzzLabelEscaping checks arbitrary labels against the official escaping.
func FuzzLabelEscaping(f *testing.F) {
	for _, seed := range []string{"a", specialLabel, "%2F", "..", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, label string) {
		if label == "" || label == "." || label == ".." {
			return
		}
		var req protocol.Request
		in := requiredInput()
		in.DomainIdentifier, in.Identifier = &label, &label
		pathCreateAssetRevision(in, &req)
		_, raw := req.Path()
		escaped := httpbinding.EscapePath(label, true)
		if want := "/v2/domains/" + escaped + "/assets/" + escaped + "/revisions"; raw != want {
			t.Fatalf("label %q: path %q, want %q", label, raw, want)
		}
	})
}
