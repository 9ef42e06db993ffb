package datazone

import (
	"context"
	"errors"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/encoding/httpbinding"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

type violation struct{ Path, Rule string }

func forms(n int) []types.FormInput {
	list := make([]types.FormInput, n)
	for i := range list {
		list[i].FormName = aws.String("Form")
	}
	return list
}

func terms(n int) []string {
	list := make([]string, n)
	for i := range list {
		list[i] = "term"
	}
	return list
}

// withForm returns a change that sets form 2 of three valid forms.
func withForm(change func(*types.FormInput)) func(*CreateAssetRevisionInput) {
	return func(in *CreateAssetRevisionInput) {
		in.FormsInput = forms(3)
		change(&in.FormsInput[2])
	}
}

func TestValidationRejects(t *testing.T) {
	t.Parallel()
	long := func(n int) *string { return aws.String(strings.Repeat("a", n)) }
	tests := []struct {
		name   string
		change func(*CreateAssetRevisionInput)
		want   []violation
	}{
		{"Name missing", func(in *CreateAssetRevisionInput) { in.Name = nil }, []violation{{"Name", "required"}}},
		{"Name empty", func(in *CreateAssetRevisionInput) { in.Name = aws.String("") }, []violation{{"Name", "length"}}},
		{"Name 257 runes", func(in *CreateAssetRevisionInput) { in.Name = aws.String(strings.Repeat("é", 257)) }, []violation{{"Name", "length"}}},
		{"DomainIdentifier missing", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = nil }, []violation{{"DomainIdentifier", "required"}}},
		{"DomainIdentifier empty", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("") }, []violation{{"DomainIdentifier", "pattern"}}},
		{"DomainIdentifier without id", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzd_") }, []violation{{"DomainIdentifier", "pattern"}}},
		{"DomainIdentifier wrong prefix", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzdxabc") }, []violation{{"DomainIdentifier", "pattern"}}},
		{"DomainIdentifier 37 id characters", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzd_" + strings.Repeat("a", 37)) }, []violation{{"DomainIdentifier", "pattern"}}},
		{"DomainIdentifier slash", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzd_a/b") }, []violation{{"DomainIdentifier", "pattern"}}},
		{"Identifier missing", func(in *CreateAssetRevisionInput) { in.Identifier = nil }, []violation{{"Identifier", "required"}}},
		{"Identifier empty", func(in *CreateAssetRevisionInput) { in.Identifier = aws.String("") }, []violation{{"Identifier", "pattern"}}},
		{"Identifier 37 characters", func(in *CreateAssetRevisionInput) { in.Identifier = long(37) }, []violation{{"Identifier", "pattern"}}},
		{"Identifier dot segment", func(in *CreateAssetRevisionInput) { in.Identifier = aws.String("..") }, []violation{{"Identifier", "pattern"}}},
		{"Identifier trailing newline", func(in *CreateAssetRevisionInput) { in.Identifier = aws.String("abc\n") }, []violation{{"Identifier", "pattern"}}},
		{"ClientToken empty", func(in *CreateAssetRevisionInput) { in.ClientToken = aws.String("") }, []violation{{"ClientToken", "length"}, {"ClientToken", "pattern"}}},
		{"ClientToken 129 characters", func(in *CreateAssetRevisionInput) { in.ClientToken = long(129) }, []violation{{"ClientToken", "length"}}},
		{"ClientToken space", func(in *CreateAssetRevisionInput) { in.ClientToken = aws.String("a b") }, []violation{{"ClientToken", "pattern"}}},
		{"ClientToken non-ASCII", func(in *CreateAssetRevisionInput) { in.ClientToken = aws.String("tökén") }, []violation{{"ClientToken", "pattern"}}},
		{"Description 2049 runes", func(in *CreateAssetRevisionInput) { in.Description = aws.String(strings.Repeat("ü", 2049)) }, []violation{{"Description", "length"}}},
		{"FormsInput 11 forms", func(in *CreateAssetRevisionInput) { in.FormsInput = forms(11) }, []violation{{"FormsInput", "size"}}},
		{"FormName missing", withForm(func(f *types.FormInput) { f.FormName = nil }), []violation{{"FormsInput[2].FormName", "required"}}},
		{"FormName empty", withForm(func(f *types.FormInput) { f.FormName = aws.String("") }), []violation{{"FormsInput[2].FormName", "length"}, {"FormsInput[2].FormName", "pattern"}}},
		{"FormName underscore only", withForm(func(f *types.FormInput) { f.FormName = aws.String("_") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName underscores only", withForm(func(f *types.FormInput) { f.FormName = aws.String("___") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName leading digit", withForm(func(f *types.FormInput) { f.FormName = aws.String("1a") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName hyphen", withForm(func(f *types.FormInput) { f.FormName = aws.String("a-b") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName dot", withForm(func(f *types.FormInput) { f.FormName = aws.String("a.b") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName non-ASCII letter", withForm(func(f *types.FormInput) { f.FormName = aws.String("é") }), []violation{{"FormsInput[2].FormName", "pattern"}}},
		{"FormName 129 characters", withForm(func(f *types.FormInput) { f.FormName = long(129) }), []violation{{"FormsInput[2].FormName", "length"}}},
		{"TypeIdentifier empty", withForm(func(f *types.FormInput) { f.TypeIdentifier = aws.String("") }), []violation{{"FormsInput[2].TypeIdentifier", "length"}, {"FormsInput[2].TypeIdentifier", "pattern"}}},
		{"TypeIdentifier leading dot", withForm(func(f *types.FormInput) { f.TypeIdentifier = aws.String(".a") }), []violation{{"FormsInput[2].TypeIdentifier", "pattern"}}},
		{"TypeIdentifier trailing dot", withForm(func(f *types.FormInput) { f.TypeIdentifier = aws.String("a.") }), []violation{{"FormsInput[2].TypeIdentifier", "pattern"}}},
		{"TypeIdentifier dot only", withForm(func(f *types.FormInput) { f.TypeIdentifier = aws.String(".") }), []violation{{"FormsInput[2].TypeIdentifier", "pattern"}}},
		{"TypeIdentifier hyphen", withForm(func(f *types.FormInput) { f.TypeIdentifier = aws.String("a-b") }), []violation{{"FormsInput[2].TypeIdentifier", "pattern"}}},
		{"TypeIdentifier 386 characters", withForm(func(f *types.FormInput) { f.TypeIdentifier = long(386) }), []violation{{"FormsInput[2].TypeIdentifier", "length"}}},
		{"form TypeRevision empty", withForm(func(f *types.FormInput) { f.TypeRevision = aws.String("") }), []violation{{"FormsInput[2].TypeRevision", "length"}, {"FormsInput[2].TypeRevision", "pattern"}}},
		{"form TypeRevision space", withForm(func(f *types.FormInput) { f.TypeRevision = aws.String("1 2") }), []violation{{"FormsInput[2].TypeRevision", "pattern"}}},
		{"form TypeRevision 65 characters", withForm(func(f *types.FormInput) { f.TypeRevision = long(65) }), []violation{{"FormsInput[2].TypeRevision", "length"}}},
		{"Content 300001 characters", withForm(func(f *types.FormInput) { f.Content = long(300001) }), []violation{{"FormsInput[2].Content", "length"}}},
		{"GlossaryTerms empty", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = []string{} }, []violation{{"GlossaryTerms", "size"}}},
		{"GlossaryTerms 21 terms", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = terms(21) }, []violation{{"GlossaryTerms", "size"}}},
		{"glossary term space", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = []string{"a", "b", "c", "a b"} }, []violation{{"GlossaryTerms[3]", "pattern"}}},
		{"glossary term empty", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = []string{""} }, []violation{{"GlossaryTerms[0]", "pattern"}}},
		{"glossary term 37 characters", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = []string{strings.Repeat("t", 37)} }, []violation{{"GlossaryTerms[0]", "pattern"}}},
		{"TypeRevision empty", func(in *CreateAssetRevisionInput) { in.TypeRevision = aws.String("") }, []violation{{"TypeRevision", "length"}}},
		{"TypeRevision 65 characters", func(in *CreateAssetRevisionInput) { in.TypeRevision = long(65) }, []violation{{"TypeRevision", "length"}}},
		{"several at once", func(in *CreateAssetRevisionInput) {
			in.Name = nil
			in.Identifier = aws.String("a b")
			in.FormsInput = []types.FormInput{{FormName: aws.String("ok")}, {}, {FormName: aws.String("9"), TypeIdentifier: aws.String("x.")}}
			in.GlossaryTerms = []string{"ok", "not ok"}
		}, []violation{
			{"Name", "required"}, {"Identifier", "pattern"}, {"FormsInput[1].FormName", "required"},
			{"FormsInput[2].FormName", "pattern"}, {"FormsInput[2].TypeIdentifier", "pattern"}, {"GlossaryTerms[1]", "pattern"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := requiredInput()
			tt.change(in)
			if diff := cmp.Diff(tt.want, collect(t, in.Validate())); diff != "" {
				t.Errorf("Validate violations (-want +got):\n%s", diff)
			}
			server := testutil.NewServer(t)
			_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), in)
			if diff := cmp.Diff(tt.want, collect(t, err)); diff != "" {
				t.Errorf("call violations (-want +got):\n%s", diff)
			}
			if n := server.Count(); n != 0 {
				t.Errorf("the server saw %d requests, want 0", n)
			}
		})
	}
}

func collect(t *testing.T, err error) []violation {
	t.Helper()
	var got []violation
	for _, v := range violations(t, err) {
		got = append(got, violation{v.Path(), v.Rule})
		if !strings.HasPrefix(v.Field(), "CreateAssetRevisionInput.") {
			t.Errorf("field %q lacks the input name", v.Field())
		}
	}
	return got
}

func TestValidationAcceptsEdgeCases(t *testing.T) {
	t.Parallel()
	exactly := func(n int, s string) *string { return aws.String(strings.Repeat(s, n)) }
	tests := []struct {
		name   string
		change func(*CreateAssetRevisionInput)
	}{
		{"every member", func(in *CreateAssetRevisionInput) { *in = *fullInput() }},
		{"Name 256 multi-byte runes", func(in *CreateAssetRevisionInput) { in.Name = exactly(256, "😀") }},
		{"Name one rune", func(in *CreateAssetRevisionInput) { in.Name = aws.String("x") }},
		{"DomainIdentifier shortest", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzd-a") }},
		{"DomainIdentifier longest", func(in *CreateAssetRevisionInput) { in.DomainIdentifier = aws.String("dzd_" + strings.Repeat("Z", 36)) }},
		{"Identifier 36 characters", func(in *CreateAssetRevisionInput) { in.Identifier = exactly(36, "-") }},
		{"ClientToken printable ASCII", func(in *CreateAssetRevisionInput) {
			in.ClientToken = aws.String("!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~")
		}},
		{"ClientToken 128 characters", func(in *CreateAssetRevisionInput) { in.ClientToken = exactly(128, "~") }},
		{"Description empty", func(in *CreateAssetRevisionInput) { in.Description = aws.String("") }},
		{"Description 2048 runes", func(in *CreateAssetRevisionInput) { in.Description = exactly(2048, "ü") }},
		{"FormsInput empty", func(in *CreateAssetRevisionInput) { in.FormsInput = []types.FormInput{} }},
		{"FormsInput 10 forms", func(in *CreateAssetRevisionInput) { in.FormsInput = forms(10) }},
		{"FormName boundary names", func(in *CreateAssetRevisionInput) {
			in.FormsInput = forms(7)
			for i, name := range []string{"a", "Z", "_1", "_a_", "__9__", "A9_", strings.Repeat("f", 128)} {
				in.FormsInput[i].FormName = aws.String(name)
			}
		}},
		{"TypeIdentifier boundary values", func(in *CreateAssetRevisionInput) {
			in.FormsInput = forms(6)
			for i, id := range []string{"a", "_", "a..b", "amazon.datazone.AssetCommonDetailsFormType", "9.9", strings.Repeat("t", 385)} {
				in.FormsInput[i].TypeIdentifier = aws.String(id)
			}
		}},
		{"form TypeRevision and Content limits", func(in *CreateAssetRevisionInput) {
			in.FormsInput = forms(2)
			in.FormsInput[0].TypeRevision = exactly(64, "-")
			in.FormsInput[1].Content = exactly(300000, "c")
			in.FormsInput[1].TypeRevision = aws.String("1")
		}},
		{"Content empty", withForm(func(f *types.FormInput) { f.Content = aws.String("") })},
		{"GlossaryTerms 1 term", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = terms(1) }},
		{"GlossaryTerms 20 terms", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = terms(20) }},
		{"glossary term 36 characters", func(in *CreateAssetRevisionInput) { in.GlossaryTerms = []string{strings.Repeat("t", 36)} }},
		{"TypeRevision 64 runes, any characters", func(in *CreateAssetRevisionInput) { in.TypeRevision = exactly(64, "☃") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := requiredInput()
			tt.change(in)
			if err := in.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

// TestValidationModes checks that required-only mode checks what the
// official client checks, and that off sends whatever it is given.
func TestValidationModes(t *testing.T) {
	t.Parallel()
	broken := func() *CreateAssetRevisionInput {
		in := requiredInput()
		in.Identifier = aws.String("not a valid id")
		in.Name = aws.String("")
		in.GlossaryTerms = []string{}
		in.FormsInput = []types.FormInput{{FormName: aws.String("1")}}
		return in
	}
	tests := []struct {
		name   string
		mode   ValidationMode
		change func(*CreateAssetRevisionInput)
		want   []violation // nil: the request is sent
	}{
		{"required-only sends broken lengths and patterns", ValidationRequiredOnly, func(*CreateAssetRevisionInput) {}, nil},
		{"required-only checks required members", ValidationRequiredOnly, func(in *CreateAssetRevisionInput) {
			in.Name = nil
			in.FormsInput = append(in.FormsInput, types.FormInput{})
		}, []violation{{"Name", "required"}, {"FormsInput[1].FormName", "required"}}},
		{"off sends missing members", ValidationOff, func(in *CreateAssetRevisionInput) {
			in.Name = nil
			in.FormsInput = append(in.FormsInput, types.FormInput{})
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := broken()
			tt.change(in)
			server := testutil.NewServer(t)
			client := newTestClient(server.Endpoint(), func(o *Options) { o.Validation = tt.mode })
			_, err := client.CreateAssetRevision(context.Background(), in)
			if tt.want == nil {
				if err != nil || server.Count() != 1 {
					t.Fatalf("error %v, %d requests; want the request sent", err, server.Count())
				}
				return
			}
			if diff := cmp.Diff(tt.want, collect(t, err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			if n := server.Count(); n != 0 {
				t.Errorf("the server saw %d requests, want 0", n)
			}
		})
	}
}

// TestValidationPerCall checks that a per-call option changes the mode of
// one call only.
func TestValidationPerCall(t *testing.T) {
	t.Parallel()
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint())
	in := requiredInput()
	in.TypeRevision = aws.String("")
	if _, err := client.CreateAssetRevision(context.Background(), in, func(o *Options) { o.Validation = ValidationOff }); err != nil {
		t.Fatalf("with validation off: %v", err)
	}
	if _, err := client.CreateAssetRevision(context.Background(), in); err == nil {
		t.Fatal("the client's full validation let an empty TypeRevision through")
	}
	if n := server.Count(); n != 1 {
		t.Errorf("the server saw %d requests, want 1", n)
	}
}

// TestRequiredMessagesMatchTheOfficialClient checks the wording of a
// missing required member.
func TestRequiredMessagesMatchTheOfficialClient(t *testing.T) {
	t.Parallel()
	in := requiredInput()
	in.Name = nil
	want := "1 validation error(s) found.\n- missing required field, CreateAssetRevisionInput.Name.\n"
	if err := in.Validate(); err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// specialLabel holds every character that could change a path if it were
// not escaped, plus a multi-byte rune and an unreserved ~.
const specialLabel = "a b/c+d%e?f#g&h=i;j:k@l~m/../x%2Fy é😀"

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	unicodeInput := requiredInput()
	unicodeInput.Name = aws.String("注文 \"quoted\" back\\slash\n\ttab \u0001 \u2028\u2029 <>&/ 😀")
	unicodeInput.Description = aws.String("Ünïcödé \u007f \u00a0 \x1f end")
	unicodeInput.FormsInput = []types.FormInput{{FormName: aws.String("Form"), Content: aws.String(`{"k":"v\u0000"} — ☃`)}}
	unicodeInput.GlossaryTerms = []string{"term-1"}
	tests := []struct {
		name       string
		input      *CreateAssetRevisionInput
		validation ValidationMode
	}{
		{"required_only", requiredInput(), ValidationFull},
		{"every_member", fullInput(), ValidationFull},
		{"unicode_and_escapes", unicodeInput, ValidationFull},
		{"special_labels", &CreateAssetRevisionInput{
			DomainIdentifier: aws.String(specialLabel),
			Identifier:       aws.String("../../other"),
			Name:             aws.String("orders"),
		}, ValidationOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := testutil.NewServer(t)
			client := newTestClient(nil, func(o *Options) {
				o.HTTPClient = server.HTTPClient() // the real endpoint, delivered to the capture server
				o.Validation = tt.validation
			})
			if _, err := client.CreateAssetRevision(context.Background(), tt.input); err != nil {
				t.Fatal(err)
			}
			if n := server.Count(); n != 1 {
				t.Fatalf("sent %d requests, want 1", n)
			}
			testutil.Golden(t, tt.name, testutil.Snapshot(server.Requests()[0]))
		})
	}
}

// TestLabelEscaping checks that each label is escaped exactly as the
// official client escapes it (smithy-go httpbinding.EscapePath with the
// separator encoded) and stays one path segment, whatever it holds.
func TestLabelEscaping(t *testing.T) {
	t.Parallel()
	labels := []struct{ label, escaped string }{
		{"plain-_.~", "plain-_.~"},
		{"a b", "a%20b"},
		{"a/b", "a%2Fb"},
		{"a+b", "a%2Bb"},
		{"a%b", "a%25b"},
		{"100%2F", "100%252F"},
		{"?#&=;:@", "%3F%23%26%3D%3B%3A%40"},
		{"!$'()*,[]", "%21%24%27%28%29%2A%2C%5B%5D"},
		{"../..", "..%2F.."},
		{"é😀", "%C3%A9%F0%9F%98%80"},
		{"\x00\n\x7f\xff", "%00%0A%7F%FF"},
		{specialLabel, "a%20b%2Fc%2Bd%25e%3Ff%23g%26h%3Di%3Bj%3Ak%40l~m%2F..%2Fx%252Fy%20%C3%A9%F0%9F%98%80"},
	}
	server := testutil.NewServer(t)
	client := newTestClient(server.Endpoint(), func(o *Options) { o.Validation = ValidationOff })
	for _, l := range labels {
		in := requiredInput()
		in.DomainIdentifier = aws.String(l.label)
		in.Identifier = aws.String(l.label)
		if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
			t.Fatalf("label %q: %v", l.label, err)
		}
		if got := httpbinding.EscapePath(l.label, true); got != l.escaped {
			t.Errorf("label %q: the official escaping gives %q, the table says %q", l.label, got, l.escaped)
		}
	}
	requests := server.Requests()
	for i, l := range labels {
		want := "/base/path/v2/domains/" + l.escaped + "/assets/" + l.escaped + "/revisions"
		if diff := cmp.Diff(want, requests[i].Path); diff != "" {
			t.Errorf("label %q: path (-want +got):\n%s", l.label, diff)
		}
		segments := strings.Split(strings.TrimPrefix(requests[i].Path, "/"), "/")
		if len(segments) != 8 {
			t.Fatalf("label %q: path %q has %d segments, want 8", l.label, requests[i].Path, len(segments))
		}
		for _, segment := range []string{segments[4], segments[6]} {
			if got, err := url.PathUnescape(segment); err != nil || got != l.label {
				t.Errorf("label %q: segment %q unescapes to %q (%v)", l.label, segment, got, err)
			}
		}
	}
}

// TestUnusableLabelsAreRejected checks that an empty label, or a dot
// segment that a server would resolve into another path, fails before
// anything is sent, in every validation mode.
func TestUnusableLabelsAreRejected(t *testing.T) {
	t.Parallel()
	labels := map[string]string{"": "must not be empty", ".": `must not be "." or ".."`, "..": `must not be "." or ".."`}
	for _, mode := range []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff} {
		for _, member := range []string{"domainIdentifier", "identifier"} {
			for label, message := range labels {
				t.Run(mode.String()+"/"+member+"/"+label, func(t *testing.T) {
					t.Parallel()
					server := testutil.NewServer(t)
					client := newTestClient(server.Endpoint(), func(o *Options) { o.Validation = mode })
					in := requiredInput()
					if member == "domainIdentifier" {
						in.DomainIdentifier = aws.String(label)
					} else {
						in.Identifier = aws.String(label)
					}
					_, err := client.CreateAssetRevision(context.Background(), in)
					if err == nil {
						t.Fatal("call succeeded")
					}
					var opErr *smithy.OperationError
					if !errors.As(err, &opErr) || opErr.Service() != "DataZone" || opErr.Operation() != "CreateAssetRevision" {
						t.Errorf("error %v is not an operation error of DataZone CreateAssetRevision", err)
					}
					if mode != ValidationFull {
						var serErr *smithy.SerializationError
						if !errors.As(err, &serErr) || !strings.Contains(err.Error(), "input member "+member+" "+message) {
							t.Errorf("error %q is not the serialization error for %s", err, member)
						}
					}
					if n := server.Count(); n != 0 {
						t.Errorf("the server saw %d requests, want 0", n)
					}
				})
			}
		}
	}
}

const namespace = "com.amazonaws.datazone#"

func loadModel(t *testing.T) *smithymodel.Model {
	t.Helper()
	m, err := smithymodel.Load(testutil.SharedDir(t, "models", "datazone.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// constraint is a string or list constraint, as the model states it or
// as the package declares it.
type constraint struct {
	Pattern   string
	Min, Max  int
	HasMax    bool
	Sensitive bool
}

// of merges the traits of a member and its target, the member's winning.
func of(m *smithymodel.Model, member smithymodel.Traits, target string, sensitiveParent bool) constraint {
	c := constraint{Sensitive: sensitiveParent}
	for _, traits := range []smithymodel.Traits{m.Shape(target).Traits, member} {
		traits.Decode(smithymodel.TraitPattern, &c.Pattern)
		var l smithymodel.Length
		if traits.Decode(smithymodel.TraitLength, &l) {
			c.Min, c.Max, c.HasMax = 0, 0, false
			if l.Min != nil {
				c.Min = *l.Min
			}
			if l.Max != nil {
				c.Max, c.HasMax = *l.Max, true
			}
		}
		c.Sensitive = c.Sensitive || traits.Has(smithymodel.TraitSensitive)
	}
	return c
}

func fromRule(rule *validate.String) constraint {
	c := constraint{Min: rule.MinLen, Max: rule.MaxLen, HasMax: rule.HasMax, Sensitive: rule.Sensitive}
	if rule.Pattern != nil {
		c.Pattern = rule.Pattern.Source
	}
	return c
}

func fromSize(rule *validate.Size, sensitive bool) constraint {
	return constraint{Min: rule.Min, Max: rule.Max, HasMax: rule.HasMax, Sensitive: sensitive}
}

// TestConstraintsMatchTheModel checks every declared rule against the
// model's traits, sensitivity included, and that every constrained member
// of the input and of FormInput has a rule.
func TestConstraintsMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	input, form := m.Shape(namespace+"CreateAssetRevisionInput"), m.Shape(namespace+"FormInput")
	formSensitive := form.Traits.Has(smithymodel.TraitSensitive) || m.Shape(namespace+"FormInputList").Traits.Has(smithymodel.TraitSensitive)
	want := map[string]constraint{}
	for _, member := range input.Members {
		want[member.Name] = of(m, member.Traits, member.Target, false)
		if item := m.Shape(member.Target).Member; item != nil {
			want[member.Name+"[]"] = of(m, nil, item.Target, false)
		}
	}
	for _, member := range form.Members {
		want["formsInput[]."+member.Name] = of(m, member.Traits, member.Target, formSensitive)
	}
	want["formsInput[]"] = constraint{Sensitive: formSensitive}
	got := map[string]constraint{
		"name":                        fromRule(assetNameRule),
		"domainIdentifier":            fromRule(domainIDRule),
		"identifier":                  fromRule(assetIdentifierRule),
		"clientToken":                 fromRule(clientTokenRule),
		"description":                 fromRule(descriptionRule),
		"typeRevision":                fromRule(revisionRule),
		"glossaryTerms":               fromSize(glossaryTermsRule, false),
		"glossaryTerms[]":             fromRule(glossaryTermRule),
		"formsInput":                  fromSize(formInputListRule, formSensitive),
		"formsInput[]":                {Sensitive: formSensitive},
		"formsInput[].formName":       fromRule(formNameRule),
		"formsInput[].typeIdentifier": fromRule(formTypeIdentifierRule),
		"formsInput[].typeRevision":   fromRule(formTypeRevisionRule),
		"formsInput[].content":        fromRule(formContentRule),
		"predictionConfiguration":     {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constraints (-model +declared):\n%s", diff)
	}
}

// TestRequiredMembersMatchTheModel checks the required members the
// validation reports against the model.
func TestRequiredMembersMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var want []violation
	for _, shape := range []struct{ name, path string }{{"CreateAssetRevisionInput", ""}, {"FormInput", "FormsInput[0]."}} {
		for _, member := range m.Shape(namespace + shape.name).Members {
			if member.Traits.Has(smithymodel.TraitRequired) {
				want = append(want, violation{shape.path + exported(member.Name), "required"})
			}
		}
	}
	in := &CreateAssetRevisionInput{FormsInput: forms(1)}
	in.FormsInput[0].FormName = nil
	got := collect(t, in.Validate())
	sortViolations(want)
	sortViolations(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("required members (-model +validation):\n%s", diff)
	}
}

func exported(name string) string { return string(name[0]-'a'+'A') + name[1:] }

func sortViolations(v []violation) {
	sort.Slice(v, func(i, j int) bool { return v[i].Path < v[j].Path })
}
