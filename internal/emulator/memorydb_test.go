package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/google/go-cmp/cmp"
)

// jsonObject decodes a JSON object literal for comparisons.
func jsonObject(t *testing.T, literal string) map[string]any {
	t.Helper()
	var object map[string]any
	if err := json.Unmarshal([]byte(literal), &object); err != nil {
		t.Fatalf("bad test literal %s: %v", literal, err)
	}
	return object
}

func TestCopySnapshotSuccess(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	got := send(t, server, request{op: OpCopySnapshot, body: `{"SourceSnapshotName":"seed-snapshot-2","TargetSnapshotName":"copy-1",` +
		`"KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/k1","Tags":[{"Key":"env","Value":"dev"}]}`})
	if got.status != http.StatusOK {
		t.Fatalf("status %d: %s", got.status, got.raw)
	}
	want := jsonObject(t, `{"Snapshot":{
		"Name":"copy-1","Status":"creating","Source":"manual",
		"KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/k1",
		"ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/copy-1","DataTiering":"true",
		"ClusterConfiguration":{"Name":"seed-cluster-2","Description":"Seeded cluster seed-cluster-2",
			"NodeType":"db.r6gd.xlarge","Engine":"valkey","EngineVersion":"7.2",
			"MaintenanceWindow":"wed:08:00-wed:09:00","TopicArn":"arn:aws:sns:us-east-1:111122223333:memorydb-events",
			"Port":6379,"ParameterGroupName":"default.memorydb-valkey7","SubnetGroupName":"seed-subnets",
			"VpcId":"vpc-0a1b2c3d4e5f67890","SnapshotRetentionLimit":7,"SnapshotWindow":"05:00-06:00","NumShards":2,
			"Shards":[
				{"Name":"0001","Configuration":{"Slots":"0-8191","ReplicaCount":2},"Size":"2 GB","SnapshotCreationTime":1767225600},
				{"Name":"0002","Configuration":{"Slots":"8192-16383","ReplicaCount":2},"Size":"2 GB","SnapshotCreationTime":1767225600}]}}}`)
	if diff := cmp.Diff(want, got.body); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if got.header.Get("Content-Type") != "application/x-amz-json-1.1" || got.header.Get("X-Amzn-RequestId") == "" || got.header.Get("Date") == "" {
		t.Errorf("headers %v", got.header)
	}
	if n, _ := server.Emulator.MemoryDBSnapshotTags("copy-1"); n != 1 || server.Emulator.MemoryDBSnapshotCount("copy-1") != 1 {
		t.Errorf("stored copy: %d snapshots, %d tags", server.Emulator.MemoryDBSnapshotCount("copy-1"), n)
	}
}

func TestCopySnapshotErrors(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tags := make([]string, memoryDBMaxTags+1)
	for i := range tags {
		tags[i] = fmt.Sprintf(`{"Key":"k%d","Value":"v"}`, i)
	}
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantCode   string
	}{
		{"unknown source", `{"SourceSnapshotName":"nope","TargetSnapshotName":"t1"}`, 404, "SnapshotNotFoundFault"},
		{"target exists", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"seed-snapshot-2"}`, 400, "SnapshotAlreadyExistsFault"},
		{"source not available", `{"SourceSnapshotName":"seed-snapshot-creating","TargetSnapshotName":"t2"}`, 400, "InvalidSnapshotStateFault"},
		{"too many tags", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t3","Tags":[` + strings.Join(tags, ",") + `]}`, 400, "TagQuotaPerResourceExceeded"},
		{"same names", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"seed-snapshot-1"}`, 400, "InvalidParameterCombinationException"},
		{"missing names", `{}`, 400, "InvalidParameterValueException"},
		{"blank target", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":" "}`, 400, "InvalidParameterValueException"},
		{"empty bucket", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t4","TargetBucket":""}`, 400, "InvalidParameterValueException"},
		{"bucket pattern", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t5","TargetBucket":"a b"}`, 400, "InvalidParameterValueException"},
		{"bucket too long", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t6","TargetBucket":"` + strings.Repeat("b", 256) + `"}`, 400, "InvalidParameterValueException"},
		{"kms key too long", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t7","KmsKeyId":"` + strings.Repeat("k", 2049) + `"}`, 400, "InvalidParameterValueException"},
		{"malformed JSON", `{"SourceSnapshotName":`, 400, "SerializationException"},
		{"wrong member type", `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"t8","Tags":"x"}`, 400, "SerializationException"},
		{"not an object", `["seed-snapshot-1"]`, 400, "SerializationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpCopySnapshot, body: tt.body})
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Fatalf("got %d %s, want %d %s: %s", got.status, got.code(), tt.wantStatus, tt.wantCode, got.raw)
			}
			if typ, _ := got.body["__type"].(string); !strings.Contains(typ, "#") || got.message() == "" {
				t.Errorf("awsJson error body lacks a namespaced __type or a message: %s", got.raw)
			}
		})
	}
	for _, name := range []string{"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", " "} {
		if n := server.Emulator.MemoryDBSnapshotCount(name); n != 0 {
			t.Errorf("failed copy %s was stored", name)
		}
	}
}

func TestCopySnapshotValidationMessage(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	got := send(t, server, request{op: OpCopySnapshot, body: `{"TargetBucket":"bad bucket"}`})
	want := "3 validation errors detected: Value at 'SourceSnapshotName' failed to satisfy constraint: Member must not be null; " +
		"Value at 'TargetSnapshotName' failed to satisfy constraint: Member must not be null; " +
		"Value at 'TargetBucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9._-]+$"
	if diff := cmp.Diff(want, got.message()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}

// statusOf returns the Status member of a snapshot in the document data
// (MarshalState's), and its copiedAt member ("" when absent).
func statusOf(t *testing.T, data []byte, name string) (status, copiedAt string) {
	t.Helper()
	var doc struct {
		MemoryDB struct {
			Snapshots []struct {
				Name, Status, CopiedAt string
			} `json:"snapshots"`
		} `json:"memorydb"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.MemoryDB.Snapshots {
		if s.Name == name {
			return s.Status, s.CopiedAt
		}
	}
	t.Fatalf("no snapshot %s in the state", name)
	return "", ""
}

// TestCopiedSnapshotBecomesAvailable follows a copy through its ready
// delay on the emulator's clock: the copy answers creating and cannot be
// copied, then is available in every view (the API, MemoryDBSnapshots, the
// state document, a state reloaded from it) and can be copied in turn.
func TestCopiedSnapshotBecomesAvailable(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	server := startServer(t, Config{Now: clock.Now, MemoryDBSnapshotReadyDelay: time.Minute})
	copyOf := func(source, target string) result {
		return send(t, server, request{op: OpCopySnapshot,
			body: fmt.Sprintf(`{"SourceSnapshotName":%q,"TargetSnapshotName":%q}`, source, target)})
	}
	if got := copyOf(SeedMemoryDBSnapshot, "copy-1"); got.status != http.StatusOK || got.body["Snapshot"].(map[string]any)["Status"] != "creating" {
		t.Fatalf("first copy: %d %s", got.status, got.raw)
	}
	steps := []struct {
		name       string
		advance    time.Duration
		wantStatus string
		// wantCopy and wantCode are the answer to copying the copy.
		wantCopy int
		wantCode string
	}{
		{"just copied", 0, "creating", http.StatusBadRequest, "InvalidSnapshotStateFault"},
		{"just before the delay", time.Minute - time.Millisecond, "creating", http.StatusBadRequest, "InvalidSnapshotStateFault"},
		{"at the delay", time.Millisecond, "available", http.StatusOK, ""},
	}
	for i, step := range steps {
		clock.Advance(step.advance)
		saved := server.Emulator.MarshalState()
		status, copiedAt := statusOf(t, saved, "copy-1")
		if status != step.wantStatus || (copiedAt != "") != (step.wantStatus == "creating") {
			t.Errorf("%s: state has status %q, copiedAt %q; want %s", step.name, status, copiedAt, step.wantStatus)
		}
		listed := server.Emulator.MemoryDBSnapshots()
		if got := listed[slices.IndexFunc(listed, func(s mdbtypes.Snapshot) bool { return *s.Name == "copy-1" })].Status; *got != step.wantStatus {
			t.Errorf("%s: MemoryDBSnapshots says %q, want %s", step.name, *got, step.wantStatus)
		}
		reloaded := New(Config{Now: clock.Now, MemoryDBSnapshotReadyDelay: time.Minute})
		if err := reloaded.LoadState(saved); err != nil {
			t.Fatal(err)
		}
		if status, _ := statusOf(t, reloaded.MarshalState(), "copy-1"); status != step.wantStatus {
			t.Errorf("%s: reloaded state has status %q, want %s", step.name, status, step.wantStatus)
		}
		got := copyOf("copy-1", fmt.Sprintf("copy-of-copy-%d", i))
		if got.status != step.wantCopy || got.code() != step.wantCode {
			t.Errorf("%s: copying the copy: %d %s, want %d %s", step.name, got.status, got.code(), step.wantCopy, step.wantCode)
		}
	}
	clock.Advance(time.Hour)
	if status, _ := statusOf(t, server.Emulator.MarshalState(), SeedMemoryDBCreatingSnapshot); status != "creating" {
		t.Errorf("the seeded creating snapshot became %q; only copies become available", status)
	}
}

func TestCopiedSnapshotReadyDelay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		delay time.Duration
		want  string
	}{
		{"default delay", 0, "creating"},
		{"negative delay: available at once", -1, "available"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := startServer(t, Config{MemoryDBSnapshotReadyDelay: tt.delay})
			got := send(t, server, request{op: OpCopySnapshot, body: `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"c"}`})
			if status := got.body["Snapshot"].(map[string]any)["Status"]; got.status != http.StatusOK || status != tt.want {
				t.Errorf("got %d, status %v; want %s", got.status, status, tt.want)
			}
		})
	}
}
