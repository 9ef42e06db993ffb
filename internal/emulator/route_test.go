package emulator

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestRouting(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	tests := []struct {
		name       string
		req        request
		wantStatus int
		wantCode   string
	}{
		{"awsJson under a prefix", request{op: OpGetExportSnapshotRecords, path: "/prefix/", body: `{}`}, 200, ""},
		{"unknown target", request{op: OpGetExportSnapshotRecords, header: map[string]string{"X-Amz-Target": "Lightsail_20161128.GetInstances"}}, 400, "UnknownOperationException"},
		{"awsJson wrong content type", request{op: OpCopySnapshot, body: `{}`, header: map[string]string{"Content-Type": "application/x-amz-json-1.0"}}, 400, "SerializationException"},
		{"awsJson content type with charset", request{op: OpGetExportSnapshotRecords, body: `{}`, header: map[string]string{"Content-Type": "application/x-amz-json-1.1; charset=utf-8"}}, 200, ""},
		{"restJson unknown path", request{op: OpCreateGraphSnapshot, path: "/graphs", body: `{}`}, 404, "UnknownOperationException"},
		{"restJson under a deep prefix", request{op: OpCreateGraphSnapshot, path: "/a/b/snapshots", body: `{"graphIdentifier":"g-0000000000","snapshotName":"x"}`}, 404, "ResourceNotFoundException"},
		{"restJson empty label", request{op: OpCreateAssetRevision, path: "/v2/domains//assets/a/revisions", body: `{}`}, 404, "UnknownOperationException"},
		{"empty awsJson body", request{op: OpGetExportSnapshotRecords}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := send(t, server, tt.req)
			if got.status != tt.wantStatus || got.code() != tt.wantCode {
				t.Errorf("got %d %q, want %d %q: %s", got.status, got.code(), tt.wantStatus, tt.wantCode, got.raw)
			}
			if got.header.Get("X-Amzn-RequestId") == "" || got.header.Get("Date") == "" {
				t.Errorf("missing X-Amzn-RequestId or Date: %v", got.header)
			}
		})
	}
}

func TestRouteBadEscape(t *testing.T) {
	t.Parallel()
	r := &http.Request{
		Method:     http.MethodPost,
		URL:        &url.URL{Path: "/v2/domains/dzd_x/assets/a/revisions"},
		RequestURI: "/v2/domains/dzd_%zz/assets/a/revisions",
		Header:     http.Header{},
	}
	op, _, err := route(r)
	if op != createAssetRevisionOperation || err == nil || err.code != "SerializationException" {
		t.Errorf("route = %v, %+v", op, err)
	}
}

func TestRequestIDsAreUnique(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	seen := make(map[string]bool)
	for range 20 {
		id := send(t, server, request{op: OpGetExportSnapshotRecords, body: `{}`}).header.Get("X-Amzn-RequestId")
		if seen[id] {
			t.Fatalf("request ID %s repeated", id)
		}
		seen[id] = true
	}
}

func TestDateHeaderFollowsClock(t *testing.T) {
	t.Parallel()
	clock := newManualClock()
	server := startServer(t, Config{Now: clock.Now})
	got := send(t, server, request{op: OpGetExportSnapshotRecords, body: `{}`, signingTime: clock.Now()})
	if want := clock.Now().UTC().Format(http.TimeFormat); got.header.Get("Date") != want {
		t.Errorf("Date %q, want %q", got.header.Get("Date"), want)
	}
}

func TestOversizedBody(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	body := `{"name":"` + strings.Repeat("x", maxBodyBytes) + `"}`
	got := send(t, server, request{op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset), body: body})
	if got.status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d: %.200s", got.status, got.raw)
	}
}

// TestHandlerWithRecorder serves the handler directly, without a server.
func TestHandlerWithRecorder(t *testing.T) {
	t.Parallel()
	emulator := New(Config{})
	req := newHTTPRequest(t, "http://emulator.test", request{op: OpGetExportSnapshotRecords, body: `{}`})
	recorder := httptest.NewRecorder()
	emulator.ServeHTTP(recorder, req)
	if recorder.Code != http.StatusOK || emulator.RequestCount(OpGetExportSnapshotRecords) != 1 {
		t.Errorf("status %d: %s", recorder.Code, recorder.Body)
	}
}

// FuzzOperations feeds arbitrary bodies to every operation: none may panic,
// and every answer must be success or a JSON error.
func FuzzOperations(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `"x"`, `{"Tags":[null]}`, `{"formsInput":[null]}`, `{"tags":{"":""}}`,
		`{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"\u0000"}`,
		`{"name":"x","glossaryTerms":[null,1]}`, `{"pageToken":"` + pageToken(100) + `"}`,
		`{"Catalog":"AWS","EngagementIdentifier":"eng-0123456789abcd","ResourceType":"Opportunity","ResourceIdentifier":"O1234567","ResourceSnapshotTemplateIdentifier":"abc","ClientToken":"\n"}`,
		strings.Repeat("[", 20000), `{"a":` + strings.Repeat(`{"a":`, 5000),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		s := newState(withDefaults(Config{}))
		for _, op := range operations {
			c := &call{op: op, labels: []string{SeedDataZoneDomain, SeedDataZoneAsset}, body: []byte(body)}
			output, apiErr := op.handle(s, c, time.Now())
			if apiErr == nil && output == nil {
				t.Fatalf("%s: neither output nor error", op.name)
			}
			if apiErr != nil && (apiErr.status < 400 || apiErr.code == "") {
				t.Fatalf("%s: bad error %+v", op.name, apiErr)
			}
		}
	})
}
