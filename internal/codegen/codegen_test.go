package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

func TestEnumConstName(t *testing.T) {
	for member, want := range map[string]string{
		"INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE": "IncompatibleBenefitAwsPartnerState",
		"us_east_1":                              "UsEast1",
		"LoadBalancerTlsCertificate":             "LoadBalancerTlsCertificate",
		"ACTIVE":                                 "Active",
	} {
		if got := enumConstName(member); got != want {
			t.Errorf("enumConstName(%q) = %q, want %q", member, got, want)
		}
	}
}

// TestCopyValueDropsProse checks that an imported model loses its
// documentation and examples and keeps every other key in file order.
func TestCopyValueDropsProse(t *testing.T) {
	in := `{"z":1,"traits":{"smithy.api#documentation":"<p>x</p>","smithy.api#examples":[{"a":1}],"smithy.api#required":{}},` +
		`"cases":[{"documentation":"For region x","params":{"Region":"x"}}],"a":"é\u0026<"}`
	var out bytes.Buffer
	if err := copyValue(json.NewDecoder(bytes.NewReader([]byte(in))), &out); err != nil {
		t.Fatal(err)
	}
	want := `{"z":1,"traits":{"smithy.api#required":{}},"cases":[{"params":{"Region":"x"}}],"a":"é&<"}`
	if got := string(bytes.ReplaceAll(out.Bytes(), []byte("\n"), nil)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestClientFactsRefuseMissingSettings checks that the client files are not
// written when the overlay lacks a setting the model calls for, or asks
// for a Protocol option the generator cannot describe.
func TestClientFactsRefuseMissingSettings(t *testing.T) {
	for _, tc := range []struct {
		svc  service
		want string
	}{
		{service{Name: "memorydb", SchemaSerde: true}, "CBORSince"},
		{service{Name: "partnercentral", SchemaSerde: true}, `"awsJson1_0"`},
	} {
		m, err := smithymodel.Load(filepath.Join("models", tc.svc.Name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		g := &generator{svc: tc.svc, m: m, files: map[string][]byte{}}
		if err := g.clientFiles(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one naming %s", tc.svc.Name, err, tc.want)
		}
		if len(g.files) != 0 {
			t.Errorf("%s: wrote %d files despite the error", tc.svc.Name, len(g.files))
		}
	}
}

// TestEcmaOnly checks which patterns the generator lets RE2 compile: only
// those RE2 reads as ECMAScript does.
func TestEcmaOnly(t *testing.T) {
	for pattern, want := range map[string]string{
		`^[A-Za-z0-9._-]+$`:                    "",
		`^[a-zA-Z+-=._:/]+$`:                   "",
		`^g-[a-z0-9]{10}$`:                     "",
		`^[\w\.]+$`:                            "",
		`^.{1,255}$`:                           ".",
		`^a\.b.c$`:                             ".",
		`^[^a]+$`:                              "[^",
		`^\s+$`:                                `\s`,
		`^\d\W$`:                               `\W`,
		`^(?!gs-)[a-z]+$`:                      "(?",
		`^[\x21-\x7E]+$`:                       `\x`,
		`^é$`:                                  "a non-ASCII character",
		`^[\]^.]$`:                             "",
		`^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`: "(?",
	} {
		if got := ecmaOnly(pattern); got != want {
			t.Errorf("ecmaOnly(%q) = %q, want %q", pattern, got, want)
		}
	}
}

// TestRuleName checks the default names of rule variables.
func TestRuleName(t *testing.T) {
	for shape, want := range map[string]string{
		"DomainId":        "domainID",
		"KmsKeyId":        "kmsKeyID",
		"AssetIdentifier": "assetIdentifier",
		"KMSKey":          "kmsKey",
		"Tag":             "tag",
		"ID":              "id",
	} {
		if got := lowerCamel(goInitialisms(shape)); got != want {
			t.Errorf("rule name of %s = %q, want %q", shape, got, want)
		}
	}
}

// TestOperationFilesRefuse checks that the operation files are not written
// when a model pattern lacks the hand-written matcher RE2 needs, when the
// overlay orders a member the structure lacks, or when it explains an
// idempotency the model already states.
func TestOperationFilesRefuse(t *testing.T) {
	for _, tc := range []struct {
		svc  service
		want string
	}{
		{service{Name: "neptunegraph"}, "hand-written matcher"},
		{service{Name: "memorydb", CheckOrder: map[string][]string{"CopySnapshotRequest": {"Nope"}}}, "lacks"},
		{service{Name: "partnercentral", Patterns: map[string]string{`^.{1,255}$`: "p"}, Idempotent: "because"}, "already says"},
	} {
		m, err := smithymodel.Load(filepath.Join("models", tc.svc.Name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		g := &generator{svc: tc.svc, m: m, files: map[string][]byte{}}
		if err := g.operationFiles(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one saying %q", tc.svc.Name, err, tc.want)
		}
	}
}
