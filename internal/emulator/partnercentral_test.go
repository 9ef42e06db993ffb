package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func snapshotRequest(catalog, engagement, resource, template, token string) string {
	return fmt.Sprintf(`{"Catalog":%q,"EngagementIdentifier":%q,"ResourceType":"Opportunity","ResourceIdentifier":%q,`+
		`"ResourceSnapshotTemplateIdentifier":%q,"ClientToken":%q}`, catalog, engagement, resource, template, token)
}

func TestCreateResourceSnapshotRevisions(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	const arnPrefix = "arn:aws:partnercentral:us-east-1:111122223333:catalog/"
	steps := []struct {
		body string
		want map[string]any
	}{
		{snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "t1"), map[string]any{
			"Revision": 1.0, "Arn": arnPrefix + "AWS/engagement/eng-0123456789abcd/resource/Opportunity/O1234567/template/Summary/resource-snapshot/1"}},
		{snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "t2"), map[string]any{
			"Revision": 2.0, "Arn": arnPrefix + "AWS/engagement/eng-0123456789abcd/resource/Opportunity/O1234567/template/Summary/resource-snapshot/2"}},
		{snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Details", "t3"), map[string]any{
			"Revision": 1.0, "Arn": arnPrefix + "AWS/engagement/eng-0123456789abcd/resource/Opportunity/O1234567/template/Details/resource-snapshot/1"}},
		{snapshotRequest("Sandbox", SeedPartnerCentralSandboxEngagement, SeedPartnerCentralSandboxOpportunity, "Summary", "t4"), map[string]any{
			"Revision": 1.0, "Arn": arnPrefix + "Sandbox/engagement/eng-sandbox0000001/resource/Opportunity/O1000001/template/Summary/resource-snapshot/1"}},
	}
	for i, step := range steps {
		got := send(t, server, request{op: OpCreateResourceSnapshot, body: step.body})
		if got.status != http.StatusOK || got.header.Get("Content-Type") != "application/x-amz-json-1.0" {
			t.Fatalf("step %d: %d %s", i, got.status, got.raw)
		}
		if diff := cmp.Diff(step.want, got.body); diff != "" {
			t.Errorf("step %d (-want +got):\n%s", i, diff)
		}
	}
	if n := server.Emulator.PartnerCentralSnapshotCount(); n != len(steps) {
		t.Errorf("%d snapshots, want %d", n, len(steps))
	}
	if n := server.Emulator.PartnerCentralRevision("AWS", SeedPartnerCentralEngagement, "Opportunity", SeedPartnerCentralOpportunity, "Summary"); n != 2 {
		t.Errorf("latest revision %d, want 2", n)
	}
}

func TestCreateResourceSnapshotIdempotency(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	body := snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity2, "Summary", "same-token")
	first := send(t, server, request{op: OpCreateResourceSnapshot, body: body})
	retry := send(t, server, request{op: OpCreateResourceSnapshot, body: body})
	if diff := cmp.Diff(first.body, retry.body); diff != "" || first.status != http.StatusOK {
		t.Errorf("retry differs (-first +retry), first status %d:\n%s", first.status, diff)
	}
	conflict := send(t, server, request{op: OpCreateResourceSnapshot,
		body: snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "same-token")})
	if conflict.status != http.StatusConflict || conflict.code() != "ConflictException" || conflict.message() == "" {
		t.Errorf("conflict: %d %s", conflict.status, conflict.raw)
	}
	if n := server.Emulator.PartnerCentralSnapshotCount(); n != 1 {
		t.Errorf("%d snapshots, want 1", n)
	}
}

func TestCreateResourceSnapshotNotFound(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tests := []struct {
		name string
		body string
	}{
		{"unknown engagement", snapshotRequest("AWS", "eng-00000000000000", SeedPartnerCentralOpportunity, "Summary", "n1")},
		{"engagement of the other catalog", snapshotRequest("Sandbox", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "n2")},
		{"unknown catalog", snapshotRequest("Other", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "n3")},
		{"resource not in engagement", snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralSandboxOpportunity, "Summary", "n4")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpCreateResourceSnapshot, body: tt.body})
			if got.status != http.StatusNotFound || got.code() != "ResourceNotFoundException" || got.body["Message"] == nil {
				t.Errorf("got %d %s", got.status, got.raw)
			}
		})
	}
}

func TestCreateResourceSnapshotValidation(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	got := send(t, server, request{op: OpCreateResourceSnapshot,
		body: `{"Catalog":"AWS1","EngagementIdentifier":"eng-1","ResourceType":"Lead","ResourceSnapshotTemplateIdentifier":"ab"}`})
	want := jsonObject(t, `{
		"__type":"com.amazonaws.partnercentralselling#ValidationException",
		"Message":"6 validation errors detected: Value at 'Catalog' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z]+$; Value at 'EngagementIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^eng-[0-9a-z]{14}$; Value at 'ResourceType' failed to satisfy constraint: Member must satisfy enum value set: [Opportunity]; Value at 'ResourceIdentifier' failed to satisfy constraint: Member must not be null; Value at 'ResourceSnapshotTemplateIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{3,80}$; Value at 'ClientToken' failed to satisfy constraint: Member must not be null",
		"Reason":"REQUEST_VALIDATION_FAILED",
		"ErrorList":[
			{"FieldName":"Catalog","Code":"INVALID_STRING_FORMAT","Message":"Value at 'Catalog' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z]+$"},
			{"FieldName":"EngagementIdentifier","Code":"INVALID_STRING_FORMAT","Message":"Value at 'EngagementIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^eng-[0-9a-z]{14}$"},
			{"FieldName":"ResourceType","Code":"INVALID_ENUM_VALUE","Message":"Value at 'ResourceType' failed to satisfy constraint: Member must satisfy enum value set: [Opportunity]"},
			{"FieldName":"ResourceIdentifier","Code":"REQUIRED_FIELD_MISSING","Message":"Value at 'ResourceIdentifier' failed to satisfy constraint: Member must not be null"},
			{"FieldName":"ResourceSnapshotTemplateIdentifier","Code":"INVALID_STRING_FORMAT","Message":"Value at 'ResourceSnapshotTemplateIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{3,80}$"},
			{"FieldName":"ClientToken","Code":"REQUIRED_FIELD_MISSING","Message":"Value at 'ClientToken' failed to satisfy constraint: Member must not be null"}]}`)
	if got.status != http.StatusBadRequest {
		t.Fatalf("status %d", got.status)
	}
	if diff := cmp.Diff(want, got.body); diff != "" {
		t.Errorf("error body (-want +got):\n%s", diff)
	}
}

// TestCreateResourceSnapshotClientTokenPattern checks ClientToken against
// the model's ^.{1,255}$ read as ECMAScript reads it: every character but
// a line terminator (\n, \r, U+2028, U+2029), counted as Unicode scalar values.
func TestCreateResourceSnapshotClientTokenPattern(t *testing.T) {
	t.Parallel()
	const violation = "Value at 'ClientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.{1,255}$"
	tests := []struct {
		name  string
		token string
		valid bool
	}{
		{"printable ASCII", "token-1", true},
		{"tab and non-ASCII", "tab\there é😀\u0085", true},
		{"255 characters", strings.Repeat("é", 255), true},
		{"empty", "", false},
		{"256 characters", strings.Repeat("x", 256), false},
		{"line feed", "a\nb", false},
		{"carriage return", "a\rb", false},
		{"trailing carriage return", "token\r", false},
		{"line separator", "a\u2028b", false},
		{"paragraph separator", "a\u2029b", false},
	}
	server := startServer(t, Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := send(t, server, request{op: OpCreateResourceSnapshot,
				body: snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", tt.token)})
			if tt.valid {
				if got.status != http.StatusOK {
					t.Fatalf("got %d %s, want 200", got.status, got.raw)
				}
				return
			}
			want := map[string]any{
				"__type":  "com.amazonaws.partnercentralselling#ValidationException",
				"Message": "1 validation error detected: " + violation,
				"Reason":  "REQUEST_VALIDATION_FAILED",
				"ErrorList": []any{map[string]any{
					"FieldName": "ClientToken", "Code": "INVALID_STRING_FORMAT", "Message": violation,
				}},
			}
			if got.status != http.StatusBadRequest {
				t.Fatalf("got %d %s, want 400", got.status, got.raw)
			}
			if diff := cmp.Diff(want, got.body); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}
