package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/google/go-cmp/cmp"
)

func TestCreateAssetRevisionSuccess(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	server := startServer(t, Config{Now: clock.Now})
	body := `{"name":"orders v2","typeRevision":"4","description":"Orders, deduplicated.","glossaryTerms":["term1"],
		"formsInput":[{"formName":"AssetCommonDetailsForm","typeIdentifier":"amazon.datazone.AssetCommonDetailsFormType",
		"typeRevision":"6","content":"{\"description\":\"x\"}"}],
		"predictionConfiguration":{"businessNameGeneration":{"enabled":true}},"clientToken":"token-success"}`
	got := send(t, server, request{op: OpCreateAssetRevision, path: "/base" + assetPath(SeedDataZoneDomain, SeedDataZoneAsset), body: body})
	if got.status != http.StatusOK {
		t.Fatalf("status %d: %s", got.status, got.raw)
	}
	want := jsonObject(t, `{"id":"3t2ng8cp3dqxmb","name":"orders v2","typeIdentifier":"amazon.datazone.S3ObjectCollectionAssetType",
		"typeRevision":"4","externalIdentifier":"arn:aws:s3:::orders-bucket/orders/","revision":"2",
		"description":"Orders, deduplicated.","createdBy":"usr-emulator-caller",
		"firstRevisionCreatedAt":1767225600,"firstRevisionCreatedBy":"usr-seed-owner",
		"glossaryTerms":["term1"],"governedGlossaryTerms":["gov-pii"],"owningProjectId":"b2ji7k9xy",
		"domainId":"dzd_4p9n6sw4qt9xgn","listing":{"listingId":"lst4x9p2qkz","listingStatus":"ACTIVE"},
		"formsOutput":[{"formName":"AssetCommonDetailsForm","typeName":"amazon.datazone.AssetCommonDetailsFormType",
			"typeRevision":"6","content":"{\"description\":\"x\"}"}],
		"readOnlyFormsOutput":[{"formName":"DataSourceReferenceForm","typeName":"amazon.datazone.DataSourceReferenceFormType",
			"typeRevision":"1","content":"{\"dataSourceIdentifier\":\"ds-b2ji7k9xy\"}"}],
		"latestTimeSeriesDataPointFormsOutput":[{"formName":"DataQualityResultForm",
			"typeIdentifier":"amazon.datazone.DataQualityResultFormType","typeRevision":"1","timestamp":1767225600,
			"contentSummary":"{\"passingPercentage\":100}","id":"3t2ng8cp3dqxmb-dq"}],
		"predictionConfiguration":{"businessNameGeneration":{"enabled":true}}}`)
	want["createdAt"] = float64(clock.Now().UnixMilli()) / 1000
	if diff := cmp.Diff(want, got.body); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	second := send(t, server, request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset), body: `{"name":"orders v3"}`})
	if second.body["revision"] != "3" || second.body["description"] != "Orders, deduplicated." {
		t.Errorf("second revision: %s", second.raw)
	}
	if n := server.Emulator.DataZoneRevisionCount(SeedDataZoneDomain, SeedDataZoneAsset); n != 3 {
		t.Errorf("asset has %d revisions, want 3", n)
	}
}

func TestCreateAssetRevisionIdempotency(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	path := assetPath(SeedDataZoneDomain, SeedDataZoneAsset2)
	first := send(t, server, request{op: OpCreateAssetRevision, path: path, body: `{"name":"customers","clientToken":"tok-1"}`})
	retry := send(t, server, request{op: OpCreateAssetRevision, path: path, body: `{"clientToken":"tok-1","name":"customers"}`})
	if first.status != http.StatusOK {
		t.Fatalf("first: %d %s", first.status, first.raw)
	}
	if diff := cmp.Diff(first.body, retry.body); diff != "" {
		t.Errorf("retry with the same token and input differs (-first +retry):\n%s", diff)
	}
	conflict := send(t, server, request{op: OpCreateAssetRevision, path: path, body: `{"name":"renamed","clientToken":"tok-1"}`})
	otherAsset := send(t, server, request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
		body: `{"name":"customers","clientToken":"tok-1"}`})
	for _, got := range []result{conflict, otherAsset} {
		if got.status != http.StatusConflict || got.code() != "ConflictException" {
			t.Errorf("token reuse with other input: %d %s", got.status, got.code())
		}
	}
	if n := server.Emulator.DataZoneRevisionCount(SeedDataZoneDomain, SeedDataZoneAsset2); n != 2 {
		t.Errorf("asset has %d revisions, want 2", n)
	}
}

func TestCreateAssetRevisionErrors(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	valid := assetPath(SeedDataZoneDomain, SeedDataZoneAsset3)
	tests := []struct {
		name       string
		path       string
		body       string
		wantStatus int
		wantCode   string
	}{
		{"unknown domain", assetPath("dzd_unknown", SeedDataZoneAsset), `{"name":"x"}`, 404, "ResourceNotFoundException"},
		{"asset of another domain", assetPath(SeedDataZoneDomain2, SeedDataZoneAsset), `{"name":"x"}`, 404, "ResourceNotFoundException"},
		{"domain pattern", assetPath("domain-1", SeedDataZoneAsset), `{"name":"x"}`, 400, "ValidationException"},
		{"asset pattern", assetPath(SeedDataZoneDomain, "a.b"), `{"name":"x"}`, 400, "ValidationException"},
		{"name missing", valid, `{}`, 400, "ValidationException"},
		{"name empty", valid, `{"name":""}`, 400, "ValidationException"},
		{"name 257 runes", valid, `{"name":"` + strings.Repeat("é", 257) + `"}`, 400, "ValidationException"},
		{"empty glossary terms", valid, `{"name":"x","glossaryTerms":[]}`, 400, "ValidationException"},
		{"glossary term pattern", valid, `{"name":"x","glossaryTerms":["a b"]}`, 400, "ValidationException"},
		{"form name starts with digit", valid, `{"name":"x","formsInput":[{"formName":"1form"}]}`, 400, "ValidationException"},
		{"form name missing", valid, `{"name":"x","formsInput":[{"content":"{}"}]}`, 400, "ValidationException"},
		{"form type starts with dot", valid, `{"name":"x","formsInput":[{"formName":"f","typeIdentifier":".a"}]}`, 400, "ValidationException"},
		{"form type revision pattern", valid, `{"name":"x","formsInput":[{"formName":"f","typeRevision":"1.0"}]}`, 400, "ValidationException"},
		{"eleven forms", valid, `{"name":"x","formsInput":[` + strings.Repeat(`{"formName":"f"},`, 10) + `{"formName":"f"}]}`, 400, "ValidationException"},
		{"description too long", valid, `{"name":"x","description":"` + strings.Repeat("d", 2049) + `"}`, 400, "ValidationException"},
		{"client token with space", valid, `{"name":"x","clientToken":"a b"}`, 400, "ValidationException"},
		{"malformed JSON", valid, `{"name":}`, 400, "SerializationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpCreateAssetRevision, path: tt.path, body: tt.body})
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Fatalf("got %d %s, want %d %s: %s", got.status, got.code(), tt.wantStatus, tt.wantCode, got.raw)
			}
			if diff := cmp.Diff([]string{"message"}, keys(got.body)); diff != "" {
				t.Errorf("DataZone errors carry only a message (-want +got):\n%s", diff)
			}
		})
	}
	if n := server.Emulator.DataZoneRevisionCount(SeedDataZoneDomain2, SeedDataZoneAsset3); n != 1 {
		t.Errorf("failed requests created revisions: %d", n)
	}
}

// TestCreateAssetRevisionSensitiveValuesNotEchoed checks that validation
// messages name fields but never repeat their (sensitive) values.
func TestCreateAssetRevisionSensitiveValuesNotEchoed(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	secret := strings.Repeat("s3cr3t", 50)
	got := send(t, server, request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset),
		body: `{"name":"` + secret + `"}`})
	if got.status != http.StatusBadRequest || strings.Contains(string(got.raw), "s3cr3t") {
		t.Errorf("got %d %s", got.status, got.raw)
	}
}

func keys(object map[string]any) []string {
	var names []string
	for name := range object {
		names = append(names, name)
	}
	return names
}

// The model's patterns of a form's input typeIdentifier and output
// typeName, read by the ECMAScript matcher the conformance tests trust.
var (
	modelFormTypeIdentifier = mustECMAPattern(`^(?!\.)[\w\.]*\w$`)
	modelFormTypeName       = mustECMAPattern(`^(amazon.datazone.)?(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`)
)

func mustECMAPattern(source string) *smithymodel.Pattern {
	p, err := smithymodel.CompilePattern(source)
	if err != nil {
		panic(err)
	}
	return p
}

// checkFormTypeName reports an output typeName outside the model's FormTypeName
// constraints: length 1..128 and its pattern.
func checkFormTypeName(t *testing.T, identifier, typeName string) {
	t.Helper()
	if n := utf8.RuneCountInString(typeName); n < 1 || n > maxFormTypeNameLength || !modelFormTypeName.MatchString(typeName) {
		t.Errorf("typeIdentifier %q: typeName %q (%d characters) breaks FormTypeName's length 1..128 or pattern", identifier, typeName, n)
	}
}

func TestCreateAssetRevisionFormTypeName(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 385)
	tests := []struct {
		typeIdentifier string
		wantTypeName   string
	}{
		{"amazon.datazone.AssetCommonDetailsFormType", "amazon.datazone.AssetCommonDetailsFormType"},
		{"MyFormType", "MyFormType"},
		{"_private_1", "_private_1"},
		{"my_domain.project.OrdersForm", "OrdersForm"},
		{"amazon.datazone.2024Form", "Form2024Form"},
		{"2024Form", "Form2024Form"},
		{"__", "Form__"},
		{"a.b._", "Form_"},
		{"x..y", "y"},
		{long, long[:128]},
		{strings.Repeat("a.", 192) + "b", "b"},
		{"ns." + strings.Repeat("_", 200) + "z", "Form" + strings.Repeat("_", 124)},
		{strings.Repeat("9", 385), "Form" + strings.Repeat("9", 124)},
	}
	server := startServer(t, Config{})
	for _, tt := range tests {
		if len(tt.typeIdentifier) > 385 || !modelFormTypeIdentifier.MatchString(tt.typeIdentifier) {
			t.Fatalf("test case %q is not a valid typeIdentifier", tt.typeIdentifier)
		}
		body := fmt.Sprintf(`{"name":"typed","formsInput":[{"formName":"F","typeIdentifier":%q}]}`, tt.typeIdentifier)
		got := send(t, server, request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset), body: body})
		if got.status != http.StatusOK {
			t.Fatalf("%q: status %d: %s", tt.typeIdentifier, got.status, got.raw)
		}
		for _, field := range []string{"formsOutput", "readOnlyFormsOutput"} {
			for _, form := range got.body[field].([]any) {
				checkFormTypeName(t, tt.typeIdentifier, form.(map[string]any)["typeName"].(string))
			}
		}
		if typeName := got.body["formsOutput"].([]any)[0].(map[string]any)["typeName"]; typeName != tt.wantTypeName {
			t.Errorf("typeIdentifier %q: typeName %q, want %q", tt.typeIdentifier, typeName, tt.wantTypeName)
		}
	}
}

// TestFormTypeNameOfEveryIdentifier checks the typeName of every valid
// typeIdentifier of up to five characters from an alphabet of each kind of
// character the identifier may hold, and that the emulator's RE2 rewrite of
// the FormTypeName pattern agrees with the model's on each.
func TestFormTypeNameOfEveryIdentifier(t *testing.T) {
	t.Parallel()
	alphabet := []string{"a", "Z", "0", "_", "."}
	var walk func(identifier string, depth int)
	walk = func(identifier string, depth int) {
		if modelFormTypeIdentifier.MatchString(identifier) {
			checkFormTypeName(t, identifier, formTypeName(identifier))
		}
		if formTypeNamePattern.match(identifier) != modelFormTypeName.MatchString(identifier) {
			t.Errorf("%q: the RE2 rewrite of FormTypeName disagrees with the model's pattern", identifier)
		}
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(identifier+c, depth-1)
		}
	}
	walk("", 5)
	for _, prefix := range []string{"amazon.datazone.", "amazonXdatazone_", "amazon\rdatazone.", "amazon\u2028datazone."} {
		if formTypeNamePattern.match(prefix+"Form") != modelFormTypeName.MatchString(prefix+"Form") {
			t.Errorf("%q: the RE2 rewrite of FormTypeName disagrees with the model's pattern", prefix+"Form")
		}
	}
}
