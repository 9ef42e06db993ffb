package emulator

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCreateGraphSnapshotSuccess(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	server := startServer(t, Config{Now: clock.Now, NeptuneSnapshotReadyDelay: time.Minute})
	got := send(t, server, request{op: OpCreateGraphSnapshot, path: "/prefix" + graphPath,
		body: `{"graphIdentifier":"g-seedgraph2","snapshotName":"nightly-1","tags":{"team":"graph"}}`})
	if got.status != http.StatusCreated {
		t.Fatalf("status %d: %s", got.status, got.raw)
	}
	id, _ := got.body["id"].(string)
	if !regexp.MustCompile(`^gs-[a-z0-9]{10}$`).MatchString(id) {
		t.Fatalf("id %q", id)
	}
	want := map[string]any{
		"id": id, "name": "nightly-1", "arn": "arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/" + id,
		"sourceGraphId": "g-seedgraph2", "snapshotCreateTime": float64(clock.Now().UnixMilli()) / 1000,
		"status": "CREATING", "kmsKeyIdentifier": "arn:aws:kms:us-east-1:111122223333:key/" + SeedNeptuneKMSKeyID,
	}
	if diff := cmp.Diff(want, got.body); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if got.header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type %q", got.header.Get("Content-Type"))
	}
	assertGraphSnapshotStatus(t, server.Emulator, "nightly-1", "CREATING", id)
	clock.Advance(time.Minute)
	assertGraphSnapshotStatus(t, server.Emulator, "nightly-1", "AVAILABLE", id)
	if n := server.Emulator.GraphSnapshotCount("g-seedgraph2"); n != 1 {
		t.Errorf("graph has %d snapshots, want 1", n)
	}
}

func assertGraphSnapshotStatus(t *testing.T, e *Emulator, name, wantStatus, wantID string) {
	t.Helper()
	status, id, ok := e.GraphSnapshotStatus(name)
	if !ok || status != wantStatus || id != wantID {
		t.Errorf("GraphSnapshotStatus(%q) = %q, %q, %v; want %q, %q", name, status, id, ok, wantStatus, wantID)
	}
}

func TestCreateGraphSnapshotErrors(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	manyTags := make([]string, 51)
	for i := range manyTags {
		manyTags[i] = fmt.Sprintf(`"k%d":"v"`, i)
	}
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantCode   string
		wantReason string
	}{
		{"unknown graph", `{"graphIdentifier":"g-0000000000","snapshotName":"s1"}`, 404, "ResourceNotFoundException", ""},
		{"name taken", `{"graphIdentifier":"g-abcde12345","snapshotName":"seed-snapshot"}`, 409, "ConflictException", "CONCURRENT_MODIFICATION"},
		{"missing members", `{}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"graph id pattern", `{"graphIdentifier":"g-ABCDE12345","snapshotName":"s2"}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"name with gs- prefix", `{"graphIdentifier":"g-abcde12345","snapshotName":"gs-abc"}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"name upper case", `{"graphIdentifier":"g-abcde12345","snapshotName":"Nightly"}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"name too long", `{"graphIdentifier":"g-abcde12345","snapshotName":"` + strings.Repeat("a", 64) + `"}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"too many tags", `{"graphIdentifier":"g-abcde12345","snapshotName":"s3","tags":{` + strings.Join(manyTags, ",") + `}}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"tag key pattern", `{"graphIdentifier":"g-abcde12345","snapshotName":"s4","tags":{"bad key":"v"}}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"tag value too long", `{"graphIdentifier":"g-abcde12345","snapshotName":"s5","tags":{"k":"` + strings.Repeat("v", 257) + `"}}`, 400, "ValidationException", "CONSTRAINT_VIOLATION"},
		{"malformed JSON", `{"graphIdentifier"`, 400, "SerializationException", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpCreateGraphSnapshot, path: graphPath, body: tt.body})
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Fatalf("got %d %s, want %d %s: %s", got.status, got.code(), tt.wantStatus, tt.wantCode, got.raw)
			}
			if reason, _ := got.body["reason"].(string); reason != tt.wantReason {
				t.Errorf("reason %q, want %q", reason, tt.wantReason)
			}
			if _, found := got.body["__type"]; found || got.message() == "" {
				t.Errorf("restJson error body should carry only a message and members: %s", got.raw)
			}
			if !strings.HasPrefix(got.header.Get("X-Amzn-ErrorType"), tt.wantCode+":http://internal.amazon.com/coral/") {
				t.Errorf("X-Amzn-ErrorType %q", got.header.Get("X-Amzn-ErrorType"))
			}
		})
	}
	if n := server.Emulator.GraphSnapshotCount("g-abcde12345"); n != 1 {
		t.Errorf("graph has %d snapshots, want only the seeded one", n)
	}
}
