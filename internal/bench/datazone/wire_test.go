package datazone

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/datazone"
	ftypes "github.com/aws/aws-sdk-go-v2/service/datazone/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	ours "github.com/awssnap/awssnap/datazone"
	otypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
)

// escapes holds every class of character the JSON encoders treat apart.
const escapes = "q\"b\\n\nr\rt\tf\fb\b\x00\x01\x1f\x7f <>&/ \u2028\u2029 é 漢字 😀"

// labelChars are the characters the label encoding treats apart.
const labelChars = "dzd_a b/c+d%e?f#g&h=i;j:k@l~m$n,o!p*q'r(s)t[u]v"

// fixedTokens gives both clients the same idempotency token.
type fixedTokens struct{}

func (fixedTokens) GetIdempotencyToken() (string, error) {
	return "11111111-2222-4333-8444-555555555555", nil
}

// form is one form input, built for both clients from the same values.
type form struct{ name, content, typeID, typeRev *string }

// wireCase is one input, built for both clients from the same values.
type wireCase struct {
	name                       string
	domain, id, assetName      *string
	token, description, typRev *string
	forms                      []form
	formsSet                   bool
	terms                      []string
	prediction                 *bool // nil: no PredictionConfiguration
	predictionEmpty            bool  // PredictionConfiguration{} with no BusinessNameGeneration
}

func (c wireCase) ours() *ours.CreateAssetRevisionInput {
	in := &ours.CreateAssetRevisionInput{DomainIdentifier: c.domain, Identifier: c.id, Name: c.assetName,
		ClientToken: c.token, Description: c.description, TypeRevision: c.typRev, GlossaryTerms: c.terms}
	if c.formsSet {
		in.FormsInput = []otypes.FormInput{}
		for _, f := range c.forms {
			in.FormsInput = append(in.FormsInput, otypes.FormInput{FormName: f.name, Content: f.content, TypeIdentifier: f.typeID, TypeRevision: f.typeRev})
		}
	}
	switch {
	case c.predictionEmpty:
		in.PredictionConfiguration = &otypes.PredictionConfiguration{}
	case c.prediction != nil:
		in.PredictionConfiguration = &otypes.PredictionConfiguration{BusinessNameGeneration: &otypes.BusinessNameGenerationConfiguration{Enabled: c.prediction}}
	}
	return in
}

func (c wireCase) official() *official.CreateAssetRevisionInput {
	in := &official.CreateAssetRevisionInput{DomainIdentifier: c.domain, Identifier: c.id, Name: c.assetName,
		ClientToken: c.token, Description: c.description, TypeRevision: c.typRev, GlossaryTerms: c.terms}
	if c.formsSet {
		in.FormsInput = []ftypes.FormInput{}
		for _, f := range c.forms {
			in.FormsInput = append(in.FormsInput, ftypes.FormInput{FormName: f.name, Content: f.content, TypeIdentifier: f.typeID, TypeRevision: f.typeRev})
		}
	}
	switch {
	case c.predictionEmpty:
		in.PredictionConfiguration = &ftypes.PredictionConfiguration{}
	case c.prediction != nil:
		in.PredictionConfiguration = &ftypes.PredictionConfiguration{BusinessNameGeneration: &ftypes.BusinessNameGenerationConfiguration{Enabled: c.prediction}}
	}
	return in
}

var wireCases = []wireCase{
	{name: "required only", domain: aws.String(domain), id: aws.String(asset), assetName: aws.String("orders")},
	{name: "every member", domain: aws.String(domain), id: aws.String(asset), assetName: aws.String("orders"),
		token: aws.String(token), description: aws.String("d"), typRev: aws.String("3"), terms: []string{"gt_a", "gt_b"},
		formsSet: true, forms: []form{
			{aws.String("F1"), aws.String(formContent), aws.String("amazon.datazone.S3ObjectCollectionFormType"), aws.String("2")},
			{aws.String("F2"), nil, nil, nil}},
		prediction: aws.Bool(true)},
	{name: "unicode and escapes", domain: aws.String(domain), id: aws.String(asset), assetName: aws.String(escapes),
		description: aws.String(escapes), token: aws.String(escapes), terms: []string{escapes},
		formsSet: true, forms: []form{{aws.String(escapes), aws.String(escapes), aws.String(escapes), aws.String(escapes)}}},
	{name: "labels needing escapes", domain: aws.String(labelChars), id: aws.String("é 漢字/%2F"), assetName: aws.String("n")},
	{name: "empty lists and structs", domain: aws.String(domain), id: aws.String(asset), assetName: aws.String(""),
		formsSet: true, terms: []string{}, predictionEmpty: true},
	{name: "false and empty strings", domain: aws.String(domain), id: aws.String(asset), assetName: aws.String(""),
		description: aws.String(""), typRev: aws.String(""), token: aws.String(""), prediction: aws.Bool(false),
		formsSet: true, forms: []form{{aws.String(""), aws.String(""), aws.String(""), aws.String("")}}},
}

func clients(srv *testutil.Server) (*ours.Client, *official.Client) {
	signer := testutil.FixedSigner{Time: testutil.SigningTime}
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials, BaseEndpoint: srv.Endpoint(),
		HTTPSignerV4: signer, Validation: ours.ValidationRequiredOnly, IdempotencyTokenProvider: fixedTokens{}})
	fc := official.New(official.Options{Region: kit.Region, Credentials: testutil.Credentials, BaseEndpoint: srv.Endpoint(),
		HTTPSignerV4: signer, IdempotencyTokenProvider: fixedTokens{}, APIOptions: []func(*middleware.Stack) error{kit.DropInvocationID}})
	return oc, fc
}

// TestWire sends each input through both clients to a capture server, at
// a fixed signing time with the same credentials and token provider, and
// compares the requests. Our client runs with ValidationRequiredOnly, like
// the official one, so that inputs outside the model's patterns reach the
// wire too.
func TestWire(t *testing.T) {
	t.Parallel()
	for _, tc := range wireCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			oc, fc := clients(srv)
			ctx := context.Background()
			if _, err := oc.CreateAssetRevision(ctx, tc.ours()); err != nil {
				t.Fatalf("ours: %v", err)
			}
			if _, err := fc.CreateAssetRevision(ctx, tc.official()); err != nil {
				t.Fatalf("official: %v", err)
			}
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			kit.CompareRequests(t, reqs[0], reqs[1])
		})
	}
}

// TestWireBenchmarkBody checks that the floors of the benchmarks send what
// both clients send for the benchmark input.
func TestWireBenchmarkBody(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	oc, fc := clients(srv)
	ctx := context.Background()
	if _, err := oc.CreateAssetRevision(ctx, oursInput()); err != nil {
		t.Fatal(err)
	}
	if _, err := fc.CreateAssetRevision(ctx, officialInput()); err != nil {
		t.Fatal(err)
	}
	for _, r := range srv.Requests() {
		if r.Body != requestBody || r.Path != "/base/path"+path {
			t.Errorf("request %s %s\n%s\nwant %s\n%s", r.Method, r.Path, r.Body, path, requestBody)
		}
	}
}

// TestTokenNotWrittenBack: the official client writes the token it fills
// into the caller's input; ours fills it on a copy (a deliberate
// difference: the caller's input is never modified).
func TestTokenNotWrittenBack(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	oc, fc := clients(srv)
	ctx := context.Background()
	oin, fin := wireCases[0].ours(), wireCases[0].official()
	if _, err := oc.CreateAssetRevision(ctx, oin); err != nil {
		t.Fatal(err)
	}
	if _, err := fc.CreateAssetRevision(ctx, fin); err != nil {
		t.Fatal(err)
	}
	if oin.ClientToken != nil {
		t.Errorf("ours wrote the token into the input: %q", *oin.ClientToken)
	}
	if fin.ClientToken == nil {
		t.Log("the official client no longer writes the token into the input")
	}
	reqs := srv.Requests()
	for _, r := range reqs {
		if !strings.Contains(r.Body, `"clientToken":"11111111-2222-4333-8444-555555555555"`) {
			t.Errorf("body without the provider's token: %s", r.Body)
		}
	}
}

// TestLabelsRefused compares the labels the clients refuse before sending.
func TestLabelsRefused(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, domain, id string
		unlike           string // why the clients differ, if they do
	}{
		{name: "empty domain", domain: "", id: asset},
		{name: "empty identifier", domain: domain, id: ""},
		{name: "dot identifier", domain: domain, id: ".",
			unlike: "ours refuses dot-segment labels, which would change the request path; the official client sends them"},
		{name: "dot-dot domain", domain: "..", id: asset,
			unlike: "ours refuses dot-segment labels, which would change the request path; the official client sends them"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			oc, fc := clients(srv)
			ctx := context.Background()
			c := wireCase{domain: aws.String(tc.domain), id: aws.String(tc.id), assetName: aws.String("n")}
			_, oerr := oc.CreateAssetRevision(ctx, c.ours())
			_, ferr := fc.CreateAssetRevision(ctx, c.official())
			ov, fv := kit.ViewError(oerr), kit.ViewError(ferr)
			if tc.unlike != "" {
				if oerr == nil {
					t.Fatalf("ours sent the request")
				}
				t.Logf("differs on purpose (%s):\nofficial: %v (requests seen: %d)\nours:     %v", tc.unlike, ferr, srv.Count(), oerr)
				return
			}
			// Deliberate: the innermost error is a *protocol.LabelError
			// (errors.Is protocol.ErrLabel) where the official client has a
			// plain *errors.errorString; the chain above it and the text
			// are the same.
			if n := len(ov.Chain); n > 0 && ov.Chain[n-1] == "*protocol.LabelError" && len(fv.Chain) == n {
				ov.Chain[n-1] = fv.Chain[n-1]
			}
			if diff := cmp.Diff(fv, ov); diff != "" {
				t.Errorf("errors differ (-official +ours):\n%s", diff)
			}
			if srv.Count() != 0 {
				t.Errorf("%d requests sent", srv.Count())
			}
		})
	}
}

// FuzzWire sends arbitrary inputs through both clients, ours checking only
// required members as the official client does: both refuse an input with
// the same message, or both send the same request. present says which
// members are set: bits 0-4 the domain, identifier, name, description and
// client token, bit 5 one form holding form as its name and content (bit
// 7: without a name), bit 6 one glossary term (the description). Ours
// refuses the dot-segment labels the official client sends (see
// TestLabelsRefused).
func FuzzWire(f *testing.F) {
	for _, tc := range wireCases {
		present, args := uint8(0), [6]string{}
		for i, p := range []*string{tc.domain, tc.id, tc.assetName, tc.description, tc.token} {
			if p != nil {
				present |= 1 << i
				args[i] = *p
			}
		}
		if len(tc.forms) > 0 && tc.forms[0].content != nil {
			present |= 1 << 5
			args[5] = *tc.forms[0].content
		}
		if len(tc.terms) > 0 {
			present |= 1 << 6
		}
		f.Add(args[0], args[1], args[2], args[3], args[4], args[5], present)
	}
	srv := testutil.NewServer(f)
	oc, fc := clients(srv)
	f.Fuzz(func(t *testing.T, domain, id, name, description, token, formText string, present uint8) {
		var c wireCase
		for i, field := range []struct {
			dst **string
			v   string
		}{{&c.domain, domain}, {&c.id, id}, {&c.assetName, name}, {&c.description, description}, {&c.token, token}} {
			if present&(1<<i) != 0 {
				*field.dst = aws.String(field.v)
			}
		}
		if present&(1<<5) != 0 {
			c.formsSet, c.forms = true, []form{{name: aws.String(formText), content: aws.String(formText)}}
			if present&(1<<7) != 0 {
				c.forms[0].name = nil
			}
		}
		if present&(1<<6) != 0 {
			c.terms = []string{description}
		}
		ctx := context.Background()
		before := srv.Count()
		_, oErr := oc.CreateAssetRevision(ctx, c.ours())
		sentOurs := srv.Count() > before
		_, fErr := fc.CreateAssetRevision(ctx, c.official())
		reqs := srv.Requests()[before:]
		if oErr != nil && fErr == nil && (isDotSegment(c.domain) || isDotSegment(c.id)) {
			return
		}
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("%+v:\nours err = %v\nofficial err = %v", c, oErr, fErr)
		}
		if oErr != nil {
			if oErr.Error() != fErr.Error() {
				t.Fatalf("%+v: errors differ\nours:     %v\nofficial: %v", c, oErr, fErr)
			}
			return
		}
		if !sentOurs || len(reqs) != 2 {
			t.Fatalf("%+v: %d requests, want 2", c, len(reqs))
		}
		kit.CompareRequests(t, reqs[0], reqs[1])
	})
}

// isDotSegment reports whether label is "." or "..", which ours refuses.
func isDotSegment(label *string) bool {
	return label != nil && (*label == "." || *label == "..")
}

// FuzzEndpoints compares both clients' default endpoint resolvers on
// arbitrary parameters; see kit.FuzzEndpoints.
func FuzzEndpoints(f *testing.F) {
	kit.FuzzEndpoints(f, ours.NewDefaultEndpointResolverV2(), official.NewDefaultEndpointResolverV2(), nil)
}
