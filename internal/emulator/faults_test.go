package emulator

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// copyRequest is a CopySnapshot request creating the snapshot target.
func copyRequest(target string) request {
	return request{op: OpCopySnapshot, body: `{"SourceSnapshotName":"seed-snapshot-1","TargetSnapshotName":"` + target + `"}`}
}

// opRequests are one valid request per operation.
var opRequests = map[string]request{
	OpCopySnapshot:             copyRequest("fault-copy"),
	OpGetExportSnapshotRecords: {op: OpGetExportSnapshotRecords, body: `{}`},
	OpCreateResourceSnapshot: {op: OpCreateResourceSnapshot,
		body: snapshotRequest("AWS", SeedPartnerCentralEngagement, SeedPartnerCentralOpportunity, "Summary", "fault-token")},
	OpCreateGraphSnapshot: {op: OpCreateGraphSnapshot, path: graphPath, body: `{"graphIdentifier":"g-abcde12345","snapshotName":"fault-snap"}`},
	OpCreateAssetRevision: {op: OpCreateAssetRevision, path: assetPath(SeedDataZoneDomain, SeedDataZoneAsset), body: `{"name":"fault"}`},
}

func TestFaultThrottleAndServerErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op         string
		fault      Fault
		wantStatus int
		wantCode   string
	}{
		{OpCopySnapshot, Fault{Kind: FaultThrottle}, 400, "ThrottlingException"},
		{OpGetExportSnapshotRecords, Fault{Kind: FaultThrottle}, 400, "ThrottlingException"},
		{OpCreateResourceSnapshot, Fault{Kind: FaultThrottle}, 429, "ThrottlingException"},
		{OpCreateGraphSnapshot, Fault{Kind: FaultThrottle}, 429, "ThrottlingException"},
		{OpCreateAssetRevision, Fault{Kind: FaultThrottle}, 429, "ThrottlingException"},
		{OpCopySnapshot, Fault{Kind: FaultServerError}, 500, "InternalFailure"},
		{OpGetExportSnapshotRecords, Fault{Kind: FaultServerError}, 500, "ServiceException"},
		{OpCreateResourceSnapshot, Fault{Kind: FaultServerError}, 500, "InternalServerException"},
		{OpCreateGraphSnapshot, Fault{Kind: FaultServerError, Status: 500}, 500, "InternalServerException"},
		{OpCreateAssetRevision, Fault{Kind: FaultServerError, Status: 503}, 503, "ServiceUnavailableException"},
	}
	for _, tt := range tests {
		t.Run(tt.op+"/"+tt.wantCode, func(t *testing.T) {
			t.Parallel()
			server := startServer(t, Config{})
			tt.fault.Operation, tt.fault.Count = tt.op, 2
			server.Emulator.InjectFault(tt.fault)
			for attempt := range 2 {
				got := send(t, server, opRequests[tt.op])
				if got.status != tt.wantStatus || got.code() != tt.wantCode {
					t.Fatalf("attempt %d: got %d %s, want %d %s", attempt, got.status, got.code(), tt.wantStatus, tt.wantCode)
				}
			}
			if got := send(t, server, opRequests[tt.op]); got.status >= 300 {
				t.Errorf("after the fault: %d %s", got.status, got.raw)
			}
			if n := server.Emulator.RequestCount(tt.op); n != 3 {
				t.Errorf("RequestCount = %d, want 3", n)
			}
		})
	}
}

func TestFaultOnlyForItsOperation(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	server.Emulator.InjectFault(Fault{Kind: FaultThrottle, Operation: OpCreateGraphSnapshot})
	if got := send(t, server, opRequests[OpGetExportSnapshotRecords]); got.status != http.StatusOK {
		t.Errorf("other operation: %d", got.status)
	}
	if n := server.Emulator.PendingFaults(); n != 1 {
		t.Errorf("%d faults pending, want 1", n)
	}
	if got := send(t, server, opRequests[OpCreateGraphSnapshot]); got.status != http.StatusTooManyRequests {
		t.Errorf("faulted operation: %d", got.status)
	}
	if n := server.Emulator.PendingFaults(); n != 0 {
		t.Errorf("%d faults pending, want 0", n)
	}
}

// TestFaultNotConsumedByUnauthenticatedRequests keeps faults for requests
// that pass the signature check.
func TestFaultNotConsumedByUnauthenticatedRequests(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	server.Emulator.InjectFault(Fault{Kind: FaultThrottle})
	unsigned := opRequests[OpGetExportSnapshotRecords]
	unsigned.unsigned = true
	if got := send(t, server, unsigned); got.code() != "MissingAuthenticationTokenException" {
		t.Errorf("unsigned: %s", got.code())
	}
	if got := send(t, server, opRequests[OpGetExportSnapshotRecords]); got.code() != "ThrottlingException" {
		t.Errorf("signed: %d %s", got.status, got.code())
	}
}

func TestFaultDroppedConnections(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		kind        FaultKind
		wantApplied bool
	}{
		{"before processing", FaultDropBeforeProcessing, false},
		{"after processing", FaultDropAfterProcessing, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := startServer(t, Config{})
			server.Emulator.InjectFault(Fault{Kind: tt.kind, Operation: OpCopySnapshot})
			_, err := testClient.Do(newHTTPRequest(t, server.URL, copyRequest("dropped")))
			if err == nil {
				t.Fatal("the request got an answer")
			}
			if applied := server.Emulator.MemoryDBSnapshotCount("dropped") == 1; applied != tt.wantApplied {
				t.Errorf("applied = %v, want %v", applied, tt.wantApplied)
			}
			retry := send(t, server, copyRequest("dropped"))
			wantStatus := map[bool]int{false: http.StatusOK, true: http.StatusBadRequest}[tt.wantApplied]
			if retry.status != wantStatus {
				t.Errorf("retry: %d %s, want %d", retry.status, retry.raw, wantStatus)
			}
			if n := server.Emulator.RequestCount(OpCopySnapshot); n != 2 {
				t.Errorf("RequestCount = %d, want 2", n)
			}
		})
	}
}

func TestFaultTruncatedBody(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	server.Emulator.InjectFault(Fault{Kind: FaultTruncatedBody})
	resp, err := testClient.Do(newHTTPRequest(t, server.URL, copyRequest("truncated")))
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading the body: %v, want io.ErrUnexpectedEOF", err)
	}
	if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(2*len(body)) && resp.ContentLength != int64(2*len(body)+1) {
		t.Errorf("status %d, Content-Length %d, read %d bytes", resp.StatusCode, resp.ContentLength, len(body))
	}
	if resp.Header.Get("X-Amzn-RequestId") == "" {
		t.Error("no request ID")
	}
	if n := server.Emulator.MemoryDBSnapshotCount("truncated"); n != 1 {
		t.Errorf("the operation was not applied: %d", n)
	}
}

func TestFaultDelay(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	const delay = 300 * time.Millisecond
	server.Emulator.InjectFault(Fault{Kind: FaultDelay, Delay: delay, Count: 2})

	start := time.Now()
	if got := send(t, server, copyRequest("delayed")); got.status != http.StatusOK || time.Since(start) < delay {
		t.Errorf("got %d after %v, want 200 after at least %v", got.status, time.Since(start), delay)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := newHTTPRequest(t, server.URL, copyRequest("abandoned")).WithContext(ctx)
	if _, err := testClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Do: %v, want a deadline error", err)
	}
	time.Sleep(2 * delay)
	if n := server.Emulator.MemoryDBSnapshotCount("abandoned"); n != 0 {
		t.Error("an abandoned delayed request was applied")
	}
}

func TestFaultClockSkew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		skew          time.Duration
		wantShift     time.Duration
		wantInMessage string
	}{
		{"default", 0, defaultFaultSkew, "Signature expired"},
		{"server behind", -20 * time.Minute, -20 * time.Minute, "Signature not yet current"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clock := newManualClock()
			server := startServer(t, Config{Now: clock.Now})
			server.Emulator.InjectFault(Fault{Kind: FaultClockSkew, Skew: tt.skew})
			got := send(t, server, request{op: OpGetExportSnapshotRecords, body: `{}`, signingTime: clock.Now()})
			if got.status != http.StatusForbidden || got.code() != "InvalidSignatureException" || !strings.Contains(got.message(), tt.wantInMessage) {
				t.Fatalf("got %d %s %q", got.status, got.code(), got.message())
			}
			date, err := http.ParseTime(got.header.Get("Date"))
			if err != nil {
				t.Fatalf("Date header: %v", err)
			}
			if shift := date.Sub(clock.Now().Truncate(time.Second)); shift < tt.wantShift-time.Second || shift > tt.wantShift+time.Second {
				t.Errorf("Date is %v from the clock, want %v", shift, tt.wantShift)
			}
			if got := send(t, server, request{op: OpGetExportSnapshotRecords, body: `{}`, signingTime: clock.Now()}); got.status != http.StatusOK {
				t.Errorf("after the fault: %d", got.status)
			}
		})
	}
}

func TestRequestCounts(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	for op, req := range opRequests {
		send(t, server, req)
		req.unsigned = true
		send(t, server, req)
		if n := server.Emulator.RequestCount(op); n != 2 {
			t.Errorf("RequestCount(%s) = %d, want 2", op, n)
		}
	}
	send(t, server, request{op: OpCreateGraphSnapshot, path: "/unknown", body: `{}`})
	if n := server.Emulator.TotalRequests(); n != 2*len(opRequests)+1 {
		t.Errorf("TotalRequests = %d, want %d", n, 2*len(opRequests)+1)
	}
}
