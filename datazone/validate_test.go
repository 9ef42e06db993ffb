package datazone

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/testutil"
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

func TestValidateNilInput(t *testing.T) {
	t.Parallel()
	var in *CreateAssetRevisionInput
	want := []violation{{"Name", "required"}, {"DomainIdentifier", "required"}, {"Identifier", "required"}}
	if diff := cmp.Diff(want, collect(t, in.Validate())); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	server := testutil.NewServer(t)
	_, err := newTestClient(server.Endpoint()).CreateAssetRevision(context.Background(), nil)
	if diff := cmp.Diff(want, collect(t, err)); diff != "" {
		t.Errorf("call violations (-want +got):\n%s", diff)
	}
}
