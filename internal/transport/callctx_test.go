package transport

import (
	"context"
	"net/http"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/internal/sigv4"
)

// TestCallContext checks the context of a direct-path call: the call's
// service, operation, region and logger are found in it, the stack values
// of the program's context are not (as ClearStackValues hides them), and
// everything else of the program's context is, its deadline included.
func TestCallContext(t *testing.T) {
	t.Parallel()
	keys := smithyKeys
	if keys.stack == nil || keys.logger == nil || keys.stack == keys.logger {
		t.Fatalf("the probe found the keys %#v", keys)
	}
	type programKey struct{}
	deadline := time.Now().Add(time.Hour)
	program, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	program = context.WithValue(program, programKey{}, "kept")
	program = awsmiddleware.SetOperationName(program, "OuterOperation") // as in a call made inside another's middleware
	logger := logging.Nop{}
	cfg := &Config{Region: "eu-west-3", Logger: logger}
	cfg.Finish()
	op := &operation{Service: &Service{ID: "MemoryDB"}, Name: "CopySnapshot"}
	for range 2 { // made, then cached
		ctx := withCallValues(program, cfg, op)
		got := []any{awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx), awsmiddleware.GetRegion(ctx),
			middleware.GetServiceID(ctx), middleware.GetOperationName(ctx), ctx.Value(programKey{})}
		want := []any{"MemoryDB", "CopySnapshot", "eu-west-3", "MemoryDB", "CopySnapshot", "kept"}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("value %d: %v, want %v", i, got[i], want[i])
			}
		}
		if d, ok := ctx.Deadline(); !ok || !d.Equal(deadline) {
			t.Errorf("deadline %v %t, want %v", d, ok, deadline)
		}
		if ctx.Value(keys.logger) != logging.Logger(logger) {
			t.Errorf("logger %v, want the Config's", ctx.Value(keys.logger))
		}
	}
	other := &operation{Service: &Service{ID: "MemoryDB"}, Name: "OtherOperation"}
	if got := awsmiddleware.GetOperationName(withCallValues(program, cfg, other)); got != "OtherOperation" {
		t.Errorf("another operation with the same Config: %q", got)
	}
}

// doerFunc is an HTTP client of a program's own.
type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(req *http.Request) (*http.Response, error) { return f(req) }

// TestHashContext checks the context a program's own HTTP client is
// handed: the payload hash is found in it with the call's values, and the
// call's context it was made with does not hold it; with net/http's
// transport and this library's signer no such context is made.
func TestHashContext(t *testing.T) {
	t.Parallel()
	op := &operation{Service: &Service{ID: "MemoryDB"}, Name: "CopySnapshot"}
	plain := &Config{Region: "eu-west-3", HTTPClient: &http.Client{}, Signer: sigv4.New()}
	plain.Finish()
	if withCallValues(context.Background(), plain, op).hashed != nil {
		t.Error("a context for the payload hash was made for net/http's transport and this library's signer")
	}
	cfg := &Config{Region: "eu-west-3", Signer: sigv4.New(), HTTPClient: doerFunc(func(*http.Request) (*http.Response, error) { return nil, nil })}
	cfg.Finish()
	call := withCallValues(context.Background(), cfg, op)
	hashed := call.hashed
	if hashed == nil {
		t.Fatal("no context for the payload hash with a program's own HTTP client")
	}
	hashed.hash = "0123abcd"
	for range 2 { // made, then kept
		if got := v4.GetPayloadHash(hashed); got != "0123abcd" {
			t.Errorf("payload hash %q, want 0123abcd", got)
		}
		if got := awsmiddleware.GetOperationName(hashed); got != "CopySnapshot" {
			t.Errorf("operation %q, want CopySnapshot", got)
		}
	}
	if got := awsmiddleware.GetRegion(hashed); got != "eu-west-3" {
		t.Errorf("region %q, want eu-west-3", got)
	}
	if got := v4.GetPayloadHash(call); got != "" {
		t.Errorf("the call's context holds the payload hash %q", got)
	}
}
