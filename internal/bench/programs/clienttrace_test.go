package programs

import (
	"context"
	"fmt"
	"net/http/httptrace"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// TestProgramClientTrace calls each operation with a context that carries
// a net/http ClientTrace of the program's own, for a success, a modelled
// error, a retried throttle and retries running out, without middleware
// and with one (our middleware-stack path), and compares how many times
// each of its hooks ran with both clients: once per attempt's event,
// however many attempts there were.
func TestProgramClientTrace(t *testing.T) {
	eachScenario(t, func(t *testing.T, s service, answers []answer) {
		for _, stack := range []bool{false, true} {
			run := func(call func(context.Context, aws.Config) error) string {
				var conns, wrote, firstBytes atomic.Int32
				ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
					GotConn:              func(httptrace.GotConnInfo) { conns.Add(1) },
					WroteRequest:         func(httptrace.WroteRequestInfo) { wrote.Add(1) },
					GotFirstResponseByte: func() { firstBytes.Add(1) },
				})
				cfg := scenarioConfig(t, answers, nil)
				if stack {
					cfg.APIOptions = append(cfg.APIOptions, smithyhttp.AddHeaderValue("X-Program", "1"))
				}
				err := call(ctx, cfg)
				return fmt.Sprintf("error %t, GotConn %d, WroteRequest %d, GotFirstResponseByte %d",
					err != nil, conns.Load(), wrote.Load(), firstBytes.Load())
			}
			if ours, official := run(s.callOurs), run(s.callOfficial); ours != official {
				t.Errorf("with middleware %t: the program's hooks ran\nours:     %s\nofficial: %s", stack, ours, official)
			}
		}
	})
}
