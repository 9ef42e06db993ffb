package partnercentral

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

const (
	contentType = "application/x-amz-json-1.0"
	target      = "AWSPartnerCentralSelling.CreateResourceSnapshot"
	signingName = "partnercentral-selling"
	token       = "0f8fad5b-d9cb-469f-a165-70867728950e"
)

const fullBody = `{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource/Opportunity/O1234567/template/OpportunitySummaryTemplate/snapshot/7","Revision":7}`

// requestBody is what our client sends for input(), for the floors.
const requestBody = `{"Catalog":"AWS","ClientToken":"` + token + `","EngagementIdentifier":"eng-0123456789abcd",` +
	`"ResourceIdentifier":"O1234567","ResourceSnapshotTemplateIdentifier":"OpportunitySummaryTemplate","ResourceType":"Opportunity"}`

func input() *ours.CreateResourceSnapshotInput {
	return &ours.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		ClientToken:                        aws.String(token),
		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummaryTemplate"),
		ResourceType:                       types.ResourceTypeOpportunity,
	}
}

func newOurs(httpClient ours.HTTPClient, endpoint string) *ours.Client {
	options := ours.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return ours.New(options)
}

func fullResponse() kit.Response { return kit.Canned(200, contentType, fullBody) }

// BenchmarkFullCall is one CreateResourceSnapshot call over loopback:
// ours, and the two net/http floors.
func BenchmarkFullCall(b *testing.B) {
	srv := kit.ServeCanned(b, fullResponse())
	client := kit.NewHTTPClient()
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c, in := newOurs(client, srv.URL), input()
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateResourceSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	floor := newFloor(b, client, srv.URL)
	b.Run("impl=nethttp", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Plain(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=nethttp-signed", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Signed(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClientSide is one call with an HTTP client that answers at once.
func BenchmarkClientSide(b *testing.B) {
	c, in := newOurs(&kit.CannedClient{Response: fullResponse()}, ""), input()
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.CreateResourceSnapshot(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestFloorBody checks that the floors send what our client sends, to the
// same path with the same headers.
func TestFloorBody(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Body: fullBody})
	c := ours.New(ours.Options{Region: kit.Region, Credentials: testutil.Credentials, BaseEndpoint: srv.Endpoint()})
	out, err := c.CreateResourceSnapshot(context.Background(), input())
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToInt32(out.Revision) != 7 {
		t.Errorf("revision %v", out.Revision)
	}
	r := srv.Requests()[0]
	if r.Body != requestBody || r.Path != "/base/path" || r.Header.Get("X-Amz-Target") != target || r.Header.Get("Content-Type") != contentType {
		t.Errorf("request %s %s %v\n%s\nwant\n%s", r.Method, r.Path, r.Header, r.Body, requestBody)
	}
	if r.Method != http.MethodPost {
		t.Errorf("method %s", r.Method)
	}
}

// BenchmarkPaired runs the comparisons the targets are stated in, both
// sides of each alternating within one benchmark (kit.PairOperation);
// there is no official client to compare the client side with.
func BenchmarkPaired(b *testing.B) {
	kit.PairOperation(b, fullResponse(), func(client kit.Doer, url string) kit.Call {
		c, in := newOurs(client, url), input()
		return func(ctx context.Context) error { _, err := c.CreateResourceSnapshot(ctx, in); return err }
	}, nil, newFloor)
}

// newFloor returns the net/http floors of the call to the server at url.
func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+"/", kit.Header("Content-Type", contentType, "X-Amz-Target", target),
		[]byte(requestBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}
