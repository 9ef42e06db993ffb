package emulator

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pageThrough reads every page of export snapshot records and returns the
// record names and the page sizes.
func pageThrough(t *testing.T, server *Server) (names []string, pageSizes []int) {
	t.Helper()
	token := ""
	for page := 0; page < 1000; page++ {
		body := `{}`
		if token != "" {
			body = `{"pageToken":"` + token + `"}`
		}
		got := send(t, server, request{op: OpGetExportSnapshotRecords, body: body})
		if got.status != http.StatusOK {
			t.Fatalf("page %d: status %d: %s", page, got.status, got.raw)
		}
		records, _ := got.body["exportSnapshotRecords"].([]any)
		pageSizes = append(pageSizes, len(records))
		for _, record := range records {
			name, _ := record.(map[string]any)["name"].(string)
			names = append(names, name)
		}
		token, _ = got.body["nextPageToken"].(string)
		if token == "" {
			return names, pageSizes
		}
	}
	t.Fatal("paging did not end")
	return nil, nil
}

func TestGetExportSnapshotRecordsPaging(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		cfg       Config
		wantPages []int
	}{
		{"defaults", Config{}, []int{100, 100, 50}},
		{"small pages", Config{LightsailRecords: 5, LightsailPageSize: 2}, []int{2, 2, 1}},
		{"exact pages", Config{LightsailRecords: 4, LightsailPageSize: 2}, []int{2, 2}},
		{"no records", Config{LightsailRecords: -1}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := startServer(t, tt.cfg)
			names, pages := pageThrough(t, server)
			if diff := cmp.Diff(tt.wantPages, pages); diff != "" {
				t.Errorf("page sizes (-want +got):\n%s", diff)
			}
			seen := make(map[string]bool)
			for _, name := range names {
				if seen[name] {
					t.Errorf("record %s served twice", name)
				}
				seen[name] = true
			}
			if len(names) != server.Emulator.LightsailRecordCount() {
				t.Errorf("served %d records, seeded %d", len(names), server.Emulator.LightsailRecordCount())
			}
		})
	}
}

func TestGetExportSnapshotRecordsContent(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{LightsailRecords: 2})
	got := send(t, server, request{op: OpGetExportSnapshotRecords, body: `{}`})
	want := jsonObject(t, `{"exportSnapshotRecords":[
		{"name":"export-snapshot-record-0000",
		 "arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/00000000-0000-4000-8000-000000000000",
		 "createdAt":1767225600,"location":{"availabilityZone":"all","regionName":"us-east-1"},
		 "resourceType":"ExportSnapshotRecord","state":"Succeeded",
		 "sourceInfo":{"resourceType":"InstanceSnapshot","createdAt":1767222000,"name":"instance-snapshot-0000",
			"arn":"arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/000186a0-0000-4000-8000-0000000186a0",
			"fromResourceName":"instance-0000",
			"fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Instance/00030d40-0000-4000-8000-000000030d40",
			"instanceSnapshotInfo":{"fromBundleId":"nano_3_0","fromBlueprintId":"ubuntu_22_04","fromDiskInfo":[
				{"name":"instance-0000-root","path":"/dev/xvda","sizeInGb":20,"isSystemDisk":true},
				{"name":"instance-0000-data","path":"/dev/xvdf","sizeInGb":32,"isSystemDisk":false}]}},
		 "destinationInfo":{"id":"ami-00000000000000000","service":"Aws::EC2::Image"}},
		{"name":"export-snapshot-record-0001",
		 "arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/00000001-0000-4000-8000-000000000001",
		 "createdAt":1767225660,"location":{"availabilityZone":"all","regionName":"us-east-1"},
		 "resourceType":"ExportSnapshotRecord","state":"Succeeded",
		 "sourceInfo":{"resourceType":"DiskSnapshot","createdAt":1767222060,"name":"disk-snapshot-0001",
			"arn":"arn:aws:lightsail:us-east-1:111122223333:DiskSnapshot/000186a1-0000-4000-8000-0000000186a1",
			"fromResourceName":"disk-0001",
			"fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Disk/00030d41-0000-4000-8000-000000030d41",
			"diskSnapshotInfo":{"sizeInGb":40}},
		 "destinationInfo":{"id":"snap-00000000000000001","service":"Aws::EC2::Snapshot"}}]}`)
	if diff := cmp.Diff(want, got.body); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestGetExportSnapshotRecordsErrors(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tests := []struct {
		name     string
		body     string
		wantCode string
	}{
		{"token not base64", `{"pageToken":"not a token!"}`, "InvalidInputException"},
		{"token of another kind", `{"pageToken":"YWJj"}`, "InvalidInputException"},
		{"token past the end", `{"pageToken":"` + pageToken(5000) + `"}`, "InvalidInputException"},
		{"token of the first page", `{"pageToken":"` + pageToken(0) + `"}`, "InvalidInputException"},
		{"token not a string", `{"pageToken":5}`, "SerializationException"},
		{"malformed JSON", `{`, "SerializationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, request{op: OpGetExportSnapshotRecords, body: tt.body})
			if got.status != http.StatusBadRequest || got.code() != tt.wantCode {
				t.Fatalf("got %d %s, want 400 %s: %s", got.status, got.code(), tt.wantCode, got.raw)
			}
			if tt.wantCode != "InvalidInputException" {
				return
			}
			for _, member := range []string{"code", "docs", "message", "tip"} {
				if value, _ := got.body[member].(string); value == "" {
					t.Errorf("InvalidInputException lacks %s: %s", member, got.raw)
				}
			}
		})
	}
}

// TestLightsailErrorsCarryEveryMember checks that each error Lightsail's
// model gives code, docs, message and tip members carries all four, the
// server's ServiceException as well as the client's InvalidInputException.
func TestLightsailErrorsCarryEveryMember(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      *Fault
		body       string
		wantStatus int
		want       map[string]any
	}{
		{"InvalidInputException", nil, `{"pageToken":"YWJj"}`, http.StatusBadRequest, map[string]any{
			"__type": "com.amazonaws.lightsail#InvalidInputException", "code": "InvalidInput", "docs": lightsailDocs,
			"message": "The page token is not valid.",
			"tip":     "Omit pageToken to start from the first page, or pass the nextPageToken of the previous page."}},
		{"ServiceException", &Fault{Kind: FaultServerError, Operation: OpGetExportSnapshotRecords}, `{}`, http.StatusInternalServerError, map[string]any{
			"__type": "com.amazonaws.lightsail#ServiceException", "code": "InternalFailure", "docs": lightsailDocs,
			"message": "An internal error occurred.",
			"tip":     "The request failed on the service's side; retry it after a short wait."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := startServer(t, Config{})
			if tt.fault != nil {
				server.Emulator.InjectFault(*tt.fault)
			}
			got := send(t, server, request{op: OpGetExportSnapshotRecords, body: tt.body})
			if got.status != tt.wantStatus {
				t.Fatalf("got %d, want %d: %s", got.status, tt.wantStatus, got.raw)
			}
			if diff := cmp.Diff(tt.want, got.body); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}
