package programs

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-xray-sdk-go/instrumentation/awsv2"
	"github.com/aws/aws-xray-sdk-go/strategy/ctxmissing"
	"github.com/aws/aws-xray-sdk-go/strategy/sampling"
	"github.com/aws/aws-xray-sdk-go/xray"
	"github.com/google/go-cmp/cmp"
)

// TestXRay records a call of each operation with the AWS X-Ray SDK's
// instrumentation (awsv2.AWSV2Instrumentor on aws.Config.APIOptions)
// through both clients, for a success, a modelled error, a retried
// throttle and retries running out, and compares the segments emitted to
// a daemon address, less IDs, times and stack frames; and the
// X-Amzn-Trace-Id header each request carried. (Not parallel: the X-Ray
// SDK's configuration is global.)
func TestXRay(t *testing.T) {
	daemon, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer daemon.Close()
	everyCall, err := sampling.NewLocalizedStrategyFromJSONBytes([]byte(`{"version": 2, "default": {"fixed_target": 0, "rate": 1}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := xray.Configure(xray.Config{DaemonAddr: daemon.LocalAddr().String(), SamplingStrategy: everyCall,
		ContextMissingStrategy: ctxmissing.NewDefaultIgnoreErrorStrategy()}); err != nil {
		t.Fatal(err)
	}
	for _, s := range services {
		for name, answers := range s.scenarios() {
			record := func(call func(context.Context, aws.Config) error) string {
				var traced atomic.Int32
				countTraced := func(r *http.Request) {
					if r.Header.Get("X-Amzn-Trace-Id") != "" {
						traced.Add(1)
					}
				}
				cfg := scenarioConfig(t, answers, countTraced)
				awsv2.AWSV2Instrumentor(&cfg.APIOptions)
				ctx, segment := xray.BeginSegment(context.Background(), "program")
				err := call(ctx, cfg)
				segment.Close(nil)
				return fmt.Sprintf("error: %v\ntrace headers: %d\n%s", err != nil, traced.Load(), readSegment(t, daemon, segment.TraceID))
			}
			ours, official := record(s.callOurs), record(s.callOfficial)
			if ours != official || !strings.Contains(ours, `"request_id": "request-`) {
				t.Errorf("%s, %s: segments differ (-official +ours):\n%s", s.name, name, cmp.Diff(official, ours))
			}
		}
	}
}

// readSegment returns the segment of the trace traceID that the daemon
// receives next, as indented JSON without the values that differ between
// calls or clients: IDs, times and the stack frames of a cause. Datagrams
// of earlier traces are skipped: under load the X-Ray SDK now and then
// emits a segment a second time, after the call that made it has ended.
func readSegment(t *testing.T, daemon net.PacketConn, traceID string) string {
	buf := make([]byte, 64<<10)
	if err := daemon.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	var segment map[string]any
	for segment == nil || segment["trace_id"] != traceID {
		n, _, err := daemon.ReadFrom(buf)
		if err != nil {
			t.Fatalf("no segment of trace %s emitted: %v", traceID, err)
		}
		_, document, found := strings.Cut(string(buf[:n]), "\n") // after the {"format": ...} header
		if !found {
			t.Fatalf("datagram %q has no header line", buf[:n])
		}
		segment = nil
		if err := json.Unmarshal([]byte(document), &segment); err != nil {
			t.Fatalf("segment %q: %v", document, err)
		}
	}
	var strip func(v any)
	strip = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, key := range []string{"id", "trace_id", "parent_id", "start_time", "end_time", "stack", "working_directory"} {
				delete(v, key)
			}
			for _, child := range v {
				strip(child)
			}
		case []any:
			for _, child := range v {
				strip(child)
			}
		}
	}
	strip(segment)
	out, err := json.MarshalIndent(segment, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
