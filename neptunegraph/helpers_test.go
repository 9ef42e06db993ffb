package neptunegraph_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/neptunegraph"
)

// goldenHost is the Host every golden request is signed for.
const goldenHost = "neptune-graph.us-east-1.amazonaws.com"

// noWait is a retry backoff that does not wait, so retry tests run fast
// while the standard retryer still decides what is retried.
var noWait = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

// newClient returns a client of srv that signs at testutil.SigningTime and
// retries without waiting.
func newClient(srv *testutil.Server, optFns ...func(*neptunegraph.Options)) *neptunegraph.Client {
	return neptunegraph.New(neptunegraph.Options{
		Region:       "us-east-1",
		Credentials:  testutil.Credentials,
		BaseEndpoint: srv.Endpoint(),
		HTTPSignerV4: testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:      retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noWait }),
	}, optFns...)
}

// newGoldenClient returns a client whose requests name goldenHost under
// the capture server's base path and are delivered to srv, so the signed
// bytes do not depend on the server's port.
func newGoldenClient(srv *testutil.Server, optFns ...func(*neptunegraph.Options)) *neptunegraph.Client {
	return newClient(srv, append([]func(*neptunegraph.Options){func(o *neptunegraph.Options) {
		o.BaseEndpoint = aws.String("https://" + goldenHost + srv.Prefix)
		o.HTTPClient = srv.HTTPClient()
	}}, optFns...)...)
}

// validInput returns an input that passes every check.
func validInput() *neptunegraph.CreateGraphSnapshotInput {
	return &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-1"),
	}
}

// capture is an HTTPClient that records request bodies and answers every
// request with a canned response, without a network.
type capture struct {
	mu     sync.Mutex
	bodies []string
	status int
	body   string
}

func (c *capture) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.bodies = append(c.bodies, string(body))
	c.mu.Unlock()
	status := c.status
	if status == 0 {
		status = 201
	}
	return &http.Response{
		StatusCode:    status,
		Header:        http.Header{"X-Amzn-Requestid": {"captured"}},
		Body:          io.NopCloser(bytes.NewReader([]byte(c.body))),
		ContentLength: int64(len(c.body)),
		Request:       req,
	}, nil
}

func (c *capture) last() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.bodies) == 0 {
		return ""
	}
	return c.bodies[len(c.bodies)-1]
}

// newCaptureClient returns a client that sends through c.
func newCaptureClient(c neptunegraph.HTTPClient, optFns ...func(*neptunegraph.Options)) *neptunegraph.Client {
	return neptunegraph.New(neptunegraph.Options{
		Region:       "us-east-1",
		Credentials:  testutil.Credentials,
		HTTPClient:   c,
		HTTPSignerV4: testutil.FixedSigner{Time: testutil.SigningTime},
	}, optFns...)
}

// violation is what a test expects of one validation failure.
type violation struct {
	Path string
	Rule string
}

// violations returns the path and rule of each violation in err, which
// must hold a smithy.InvalidParamsError.
func violations(t *testing.T, err error) []violation {
	t.Helper()
	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) {
		t.Fatalf("error %v (%T) holds no smithy.InvalidParamsError", err, err)
	}
	var got []violation
	for _, e := range invalid.Errs() {
		var v *validate.Violation
		if !errors.As(e, &v) {
			t.Fatalf("violation %v is a %T, not a *validate.Violation", e, e)
		}
		got = append(got, violation{Path: v.Path(), Rule: v.Rule})
	}
	return got
}
