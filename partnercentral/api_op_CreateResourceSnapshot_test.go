package partnercentral_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

type violation struct{ Path, Rule string }

// violations lists the broken constraints in err, which must be the
// validation error of a call or of Validate.
func violations(t *testing.T, err error) []violation {
	t.Helper()
	var params smithy.InvalidParamsError
	if !errors.As(err, &params) {
		t.Fatalf("error %v is not a smithy.InvalidParamsError", err)
	}
	var got []violation
	for _, e := range params.Errs() {
		var v *validate.Violation
		if !errors.As(e, &v) {
			t.Fatalf("%T is not a *validate.Violation", e)
		}
		got = append(got, violation{v.Path(), v.Rule})
	}
	return got
}

type modifier func(in *partnercentral.CreateResourceSnapshotInput)

// rejectTable runs cases that each break constraints, through Validate and
// through a call that must send nothing.
func rejectTable(t *testing.T, cases map[string]struct {
	modify modifier
	want   []violation
}) {
	t.Helper()
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := valid()
			c.modify(in)
			if diff := cmp.Diff(c.want, violations(t, in.Validate())); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
			srv := testutil.NewServer(t)
			_, err := newClient(srv).CreateResourceSnapshot(context.Background(), in)
			if diff := cmp.Diff(c.want, violations(t, err)); diff != "" {
				t.Errorf("CreateResourceSnapshot (-want +got):\n%s", diff)
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("the server saw %d requests, want none", n)
			}
		})
	}
}

// acceptTable runs cases that each keep the input valid.
func acceptTable(t *testing.T, cases map[string]modifier) {
	t.Helper()
	for name, modify := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := valid()
			modify(in)
			if err := in.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			srv := testutil.NewServer(t)
			if _, err := newClient(srv).CreateResourceSnapshot(context.Background(), in); err != nil {
				t.Fatal(err)
			}
		})
	}
}

type rejectCase = struct {
	modify modifier
	want   []violation
}

func TestRequired(t *testing.T) {
	t.Parallel()
	rejectTable(t, map[string]rejectCase{
		"Catalog":              {func(in *partnercentral.CreateResourceSnapshotInput) { in.Catalog = nil }, []violation{{"Catalog", "required"}}},
		"EngagementIdentifier": {func(in *partnercentral.CreateResourceSnapshotInput) { in.EngagementIdentifier = nil }, []violation{{"EngagementIdentifier", "required"}}},
		"ResourceType":         {func(in *partnercentral.CreateResourceSnapshotInput) { in.ResourceType = "" }, []violation{{"ResourceType", "required"}}},
		"ResourceIdentifier":   {func(in *partnercentral.CreateResourceSnapshotInput) { in.ResourceIdentifier = nil }, []violation{{"ResourceIdentifier", "required"}}},
		"ResourceSnapshotTemplateIdentifier": {func(in *partnercentral.CreateResourceSnapshotInput) { in.ResourceSnapshotTemplateIdentifier = nil },
			[]violation{{"ResourceSnapshotTemplateIdentifier", "required"}}},
		"all but the token, in model order": {func(in *partnercentral.CreateResourceSnapshotInput) {
			*in = partnercentral.CreateResourceSnapshotInput{ClientToken: in.ClientToken}
		}, []violation{
			{"Catalog", "required"}, {"EngagementIdentifier", "required"}, {"ResourceType", "required"},
			{"ResourceIdentifier", "required"}, {"ResourceSnapshotTemplateIdentifier", "required"},
		}},
	})
}

func TestCatalogPattern(t *testing.T) {
	t.Parallel()
	set := func(v string) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) { in.Catalog = aws.String(v) }
	}
	want := []violation{{"Catalog", "pattern"}}
	rejectTable(t, map[string]rejectCase{
		"empty":             {set(""), want},
		"digit":             {set("AWS1"), want},
		"space":             {set("AW S"), want},
		"trailing newline":  {set("AWS\n"), want},
		"multi-byte letter": {set("Sändbox"), want},
		"hyphen":            {set("my-catalog"), want},
	})
	acceptTable(t, map[string]modifier{
		"AWS":          set("AWS"),
		"Sandbox":      set("Sandbox"),
		"one letter":   set("a"),
		"long letters": set(strings.Repeat("Ab", 500)),
	})
}

func TestEngagementIdentifierPattern(t *testing.T) {
	t.Parallel()
	set := func(v string) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) { in.EngagementIdentifier = aws.String(v) }
	}
	want := []violation{{"EngagementIdentifier", "pattern"}}
	rejectTable(t, map[string]rejectCase{
		"empty":            {set(""), want},
		"13 characters":    {set("eng-0123456789abc"), want},
		"15 characters":    {set("eng-0123456789abcde"), want},
		"upper case":       {set("eng-0123456789ABCD"), want},
		"upper-case ENG":   {set("ENG-0123456789abcd"), want},
		"missing prefix":   {set("0123456789abcdefgh"), want},
		"trailing newline": {set("eng-0123456789abcd\n"), want},
		"leading space":    {set(" eng-0123456789abcd"), want},
		"multi-byte rune":  {set("eng-0123456789abcé"), want},
	})
	acceptTable(t, map[string]modifier{
		"digits":  set("eng-01234567890123"),
		"letters": set("eng-abcdefghijklmn"),
	})
}

func TestResourceIdentifierPattern(t *testing.T) {
	t.Parallel()
	set := func(v string) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) { in.ResourceIdentifier = aws.String(v) }
	}
	want := []violation{{"ResourceIdentifier", "pattern"}}
	rejectTable(t, map[string]rejectCase{
		"empty":            {set(""), want},
		"no digits":        {set("O"), want},
		"20 digits":        {set("O" + strings.Repeat("1", 20)), want},
		"lower-case o":     {set("o123"), want},
		"zero not letter":  {set("0123"), want},
		"letter after":     {set("O123a"), want},
		"full-width digit": {set("O１２３"), want},
	})
	acceptTable(t, map[string]modifier{
		"one digit":  set("O1"),
		"19 digits":  set("O" + strings.Repeat("9", 19)),
		"zeros only": set("O000"),
	})
}

func TestResourceSnapshotTemplateIdentifierPattern(t *testing.T) {
	t.Parallel()
	set := func(v string) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) {
			in.ResourceSnapshotTemplateIdentifier = aws.String(v)
		}
	}
	want := []violation{{"ResourceSnapshotTemplateIdentifier", "pattern"}}
	rejectTable(t, map[string]rejectCase{
		"empty":           {set(""), want},
		"2 characters":    {set("ab"), want},
		"81 characters":   {set(strings.Repeat("a", 81)), want},
		"underscore":      {set("my_template"), want},
		"space":           {set("my template"), want},
		"multi-byte rune": {set("Vorläufig"), want},
	})
	acceptTable(t, map[string]modifier{
		"3 characters":  set("ab1"),
		"80 characters": set(strings.Repeat("Z9", 40)),
	})
}

func TestResourceTypeEnum(t *testing.T) {
	t.Parallel()
	set := func(v types.ResourceType) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) { in.ResourceType = v }
	}
	want := []violation{{"ResourceType", "enum"}}
	rejectTable(t, map[string]rejectCase{
		"lower case":     {set("opportunity"), want},
		"member name":    {set("OPPORTUNITY"), want},
		"unknown":        {set("Lead"), want},
		"trailing space": {set("Opportunity "), want},
	})
	acceptTable(t, map[string]modifier{"Opportunity": set(types.ResourceTypeOpportunity)})
}

func TestClientTokenPattern(t *testing.T) {
	t.Parallel()
	set := func(v string) modifier {
		return func(in *partnercentral.CreateResourceSnapshotInput) { in.ClientToken = aws.String(v) }
	}
	want := []violation{{"ClientToken", "pattern"}}
	rejectTable(t, map[string]rejectCase{
		"empty":                {set(""), want},
		"256 characters":       {set(strings.Repeat("t", 256)), want},
		"256 multi-byte runes": {set(strings.Repeat("雪", 256)), want},
		"256 astral runes":     {set(strings.Repeat("😀", 256)), want},
		"newline":              {set("abc\ndef"), want},
		"trailing newline":     {set("abc\n"), want},
		"only a newline":       {set("\n"), want},
		"carriage return":      {set("abc\rdef"), want},
		"line separator":       {set("abc\u2028def"), want},
		"paragraph separator":  {set("abc\u2029def"), want},
	})
	acceptTable(t, map[string]modifier{
		"one character":        set("x"),
		"255 characters":       set(strings.Repeat("t", 255)),
		"255 multi-byte runes": set(strings.Repeat("雪", 255)),
		"255 astral runes":     set(strings.Repeat("😀", 255)),
		"uuid":                 set("9b2f7a46-2c1e-4d3f-8a5b-6c7d8e9f0a1b"),
		"spaces and controls":  set(" \t\x01\x7f\u0085 "),
		"json specials":        set(`"quoted" \ back/slash <&>`),
	})
}

func TestSeveralViolationsAtOnce(t *testing.T) {
	t.Parallel()
	rejectTable(t, map[string]rejectCase{
		"every member": {func(in *partnercentral.CreateResourceSnapshotInput) {
			in.Catalog = aws.String("A W S")
			in.EngagementIdentifier = aws.String("eng-1")
			in.ResourceType = "Lead"
			in.ResourceIdentifier = aws.String("O")
			in.ResourceSnapshotTemplateIdentifier = aws.String("x")
			in.ClientToken = aws.String("")
		}, []violation{
			{"Catalog", "pattern"}, {"EngagementIdentifier", "pattern"}, {"ResourceType", "enum"},
			{"ResourceIdentifier", "pattern"}, {"ResourceSnapshotTemplateIdentifier", "pattern"}, {"ClientToken", "pattern"},
		}},
		"missing and malformed": {func(in *partnercentral.CreateResourceSnapshotInput) {
			in.Catalog = nil
			in.ResourceType = ""
			in.ResourceIdentifier = aws.String("Opp-1")
			in.ClientToken = aws.String("a\nb")
		}, []violation{
			{"Catalog", "required"}, {"ResourceType", "required"}, {"ResourceIdentifier", "pattern"}, {"ClientToken", "pattern"},
		}},
	})
}

func TestValidateLeavesNilTokenToTheCall(t *testing.T) {
	t.Parallel()
	if err := withoutToken().Validate(); err != nil {
		t.Errorf("Validate with a nil token: %v", err)
	}
	srv := testutil.NewServer(t)
	_, err := newClient(srv, func(o *partnercentral.Options) { o.IdempotencyTokenProvider = emptyTokens{} }).
		CreateResourceSnapshot(context.Background(), withoutToken())
	if diff := cmp.Diff([]violation{{"ClientToken", "pattern"}}, violations(t, err)); diff != "" {
		t.Errorf("a filled token is checked like a given one (-want +got):\n%s", diff)
	}
	if n := srv.Count(); n != 0 {
		t.Errorf("the server saw %d requests", n)
	}
}

// emptyTokens makes invalid (empty) tokens.
type emptyTokens struct{}

func (emptyTokens) GetIdempotencyToken() (string, error) { return "", nil }

func TestValidationModes(t *testing.T) {
	t.Parallel()
	bad := &partnercentral.CreateResourceSnapshotInput{Catalog: aws.String("not a catalog"), ResourceType: "Lead"}
	srv := testutil.NewServer(t)

	_, err := newClient(srv, func(o *partnercentral.Options) { o.Validation = partnercentral.ValidationRequiredOnly }).
		CreateResourceSnapshot(context.Background(), bad)
	want := []violation{{"EngagementIdentifier", "required"}, {"ResourceIdentifier", "required"}, {"ResourceSnapshotTemplateIdentifier", "required"}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("required-only client (-want +got):\n%s", diff)
	}

	// Per call: off sends the request unchecked, the filled token included.
	_, err = newClient(srv).CreateResourceSnapshot(context.Background(), bad,
		func(o *partnercentral.Options) { o.Validation = partnercentral.ValidationOff })
	if err != nil {
		t.Fatalf("validation off: %v", err)
	}
	if n := srv.Count(); n != 1 {
		t.Fatalf("the server saw %d requests, want 1", n)
	}
	if got, want := srv.Requests()[0].Body, `{"Catalog":"not a catalog","ClientToken":"00000000-0000-4000-8000-000000000001","ResourceType":"Lead"}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestValidationMessage(t *testing.T) {
	t.Parallel()
	in := valid()
	in.Catalog = nil
	in.EngagementIdentifier = aws.String("eng-1")
	want := "2 validation error(s) found.\n" +
		"- missing required field, CreateResourceSnapshotInput.Catalog.\n" +
		"- CreateResourceSnapshotInput.EngagementIdentifier: value \"eng-1\" does not match the pattern ^eng-[0-9a-z]{14}$\n"
	if err := in.Validate(); err == nil || err.Error() != want {
		t.Errorf("message:\n%v\nwant:\n%s", err, want)
	}
}

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	unicode := valid()
	unicode.ClientToken = aws.String("tok \"quoted\" \\ back/slash 雪😀\t<&>\x01\u0085")
	cases := []struct {
		name string
		in   *partnercentral.CreateResourceSnapshotInput
	}{
		{"every_member", valid()},
		{"token_filled", withoutToken()},
		{"sandbox_catalog_longest_identifiers", &partnercentral.CreateResourceSnapshotInput{
			Catalog:                            aws.String("Sandbox"),
			EngagementIdentifier:               aws.String("eng-zzzzzzzzzzzzzz"),
			ResourceIdentifier:                 aws.String("O1234567890123456789"),
			ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummaryView"),
			ResourceType:                       types.ResourceTypeOpportunity,
		}},
		{"unicode_and_escapes", unicode},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: `{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource-snapshot/1","Revision":1}`})
			before := cloneInput(c.in)
			out, err := newClient(srv, realEndpoint(srv)).CreateResourceSnapshot(context.Background(), c.in)
			if err != nil {
				t.Fatal(err)
			}
			if out.Arn == nil || out.Revision == nil || *out.Revision != 1 {
				t.Errorf("output %+v", out)
			}
			testutil.Golden(t, c.name, testutil.Snapshot(srv.Requests()[0]))
			if diff := cmp.Diff(before, c.in); diff != "" {
				t.Errorf("the caller's input changed (-before +after):\n%s", diff)
			}
		})
	}
}
