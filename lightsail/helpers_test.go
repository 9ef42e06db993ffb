package lightsail

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/awssnap/awssnap/internal/testutil"
)

// cmpOptions compare outputs without their result metadata.
var cmpOptions = cmpopts.IgnoreFields(GetExportSnapshotRecordsOutput{}, "ResultMetadata")

// testRetryer retries like the standard retryer, without delays or a
// retry quota, so retry tests run fast.
func testRetryer(maxAttempts int) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})
}

// newTestClient returns a client of endpoint (nil for the region's own),
// signing reproducibly and retrying without delay.
func newTestClient(endpoint *string, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:       "us-east-1",
		Credentials:  testutil.Credentials,
		BaseEndpoint: endpoint,
		HTTPSignerV4: testutil.FixedSigner{Time: testutil.SigningTime},
		Retryer:      testRetryer(3),
	}, optFns...)
}

// viaServer sends every request to the capture server whatever its URL,
// so that a client resolving the real endpoint of a region is recorded.
func viaServer(srv *testutil.Server) func(*Options) {
	return func(o *Options) { o.HTTPClient = srv.HTTPClient() }
}

// recordJSON is one realistic export snapshot record as the service writes
// it, every member set (about 900 bytes, so that a page of 100 is about
// 90 KB).
func recordJSON(i int) string {
	return fmt.Sprintf(`{"name":"export-snapshot-record-%08[1]d","arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/%08[1]x-1a2b-4c3d-8e4f-5a6b7c8d9e0f",`+
		`"createdAt":1.7672256%03[1]dE9,"location":{"availabilityZone":"all","regionName":"us-east-1"},"resourceType":"ExportSnapshotRecord",`+
		`"state":"Succeeded","sourceInfo":{"resourceType":"InstanceSnapshot","createdAt":1767225600.123,"name":"snapshot-%[1]d",`+
		`"arn":"arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/%08[1]x-9f8e-4d7c-b6a5-4f3e2d1c0b9a","fromResourceName":"web-%[1]d",`+
		`"fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Instance/%08[1]x-0a1b-4c2d-9e3f-4a5b6c7d8e9f","instanceSnapshotInfo":`+
		`{"fromBundleId":"nano_3_0","fromBlueprintId":"ubuntu_22_04","fromDiskInfo":[{"name":"root-%[1]d","path":"/dev/xvda","sizeInGb":20,"isSystemDisk":true}]}},`+
		`"destinationInfo":{"id":"ami-%017[1]x",`+
		`"service":"Aws::EC2::Image"}}`, i%1000)
}

// pageJSON is page number page (from 0) of a listing of pages pages with
// perPage records each.
func pageJSON(page, pages, perPage int) string {
	var b strings.Builder
	b.WriteString(`{"exportSnapshotRecords":[`)
	for i := range perPage {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(recordJSON(page*perPage + i))
	}
	b.WriteByte(']')
	if page+1 < pages {
		fmt.Fprintf(&b, `,"nextPageToken":"%s"`, pageToken(page+1))
	}
	b.WriteByte('}')
	return b.String()
}

// pageToken is the token of page number page, shaped like the service's
// opaque tokens.
func pageToken(page int) string {
	return fmt.Sprintf("eyJvZmZzZXQiOiAi%06dIiwgInYiOiAyfQ==", page)
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
