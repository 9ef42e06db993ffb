package partnercentral_test

import (
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// noBackoff retries at once, so retry tests run fast (the standard retryer
// waits at least a second after a throttling error).
var noBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

// fixedTokenProvider hands out numbered tokens and counts the calls.
type fixedTokenProvider struct {
	mu    sync.Mutex
	calls int
}

func (p *fixedTokenProvider) GetIdempotencyToken() (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", p.calls), nil
}

func newClient(srv *testutil.Server, optFns ...func(*partnercentral.Options)) *partnercentral.Client {
	return partnercentral.New(partnercentral.Options{
		Region:                   "us-east-1",
		BaseEndpoint:             srv.Endpoint(),
		Credentials:              testutil.Credentials,
		HTTPSignerV4:             testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:                  retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff }),
		IdempotencyTokenProvider: &fixedTokenProvider{},
	}, optFns...)
}

// realEndpoint sends to the service's own endpoint, delivered to the
// capture server with the real Host, so signatures are reproducible.
func realEndpoint(srv *testutil.Server) func(*partnercentral.Options) {
	return func(o *partnercentral.Options) {
		o.BaseEndpoint = nil
		o.HTTPClient = srv.HTTPClient()
	}
}

// valid returns an input that satisfies every constraint, token included.
func valid() *partnercentral.CreateResourceSnapshotInput {
	return &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		ClientToken:                        aws.String("3f1c2a3e-7b4d-4e8f-9a0b-1c2d3e4f5a6b"),
		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("MyTemplate"),
		ResourceType:                       types.ResourceTypeOpportunity,
	}
}

// withoutToken returns valid() with ClientToken left for the client to fill.
func withoutToken() *partnercentral.CreateResourceSnapshotInput {
	in := valid()
	in.ClientToken = nil
	return in
}

// cloneInput copies in and the strings it points to.
func cloneInput(in *partnercentral.CreateResourceSnapshotInput) *partnercentral.CreateResourceSnapshotInput {
	clone := *in
	for _, p := range []**string{&clone.Catalog, &clone.ClientToken, &clone.EngagementIdentifier,
		&clone.ResourceIdentifier, &clone.ResourceSnapshotTemplateIdentifier} {
		if *p != nil {
			*p = aws.String(**p)
		}
	}
	return &clone
}
