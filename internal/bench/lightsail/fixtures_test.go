package lightsail

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/lightsail"
)

const (
	contentType = "application/x-amz-json-1.1"
	target      = "Lightsail_20161128.GetExportSnapshotRecords"
	signingName = "lightsail"
	// recordsPerPage is the service's page size.
	recordsPerPage = 100
	// callRecords is the number of records in the answer of the single
	// call benchmarks: a realistic account's worth.
	callRecords = 10
)

// record returns the JSON of the i-th export snapshot record, every member
// set: an instance snapshot with two disks (about 830 bytes).
func record(i int) string {
	return fmt.Sprintf(`{"name":"export-%06d",`+
		`"arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/%06d",`+
		`"createdAt":1.767225600123E9,"location":{"availabilityZone":"all","regionName":"us-east-1"},`+
		`"resourceType":"ExportSnapshotRecord","state":"Succeeded",`+
		`"sourceInfo":{"resourceType":"InstanceSnapshot","createdAt":1767139200.5,"name":"web-snap-%06d",`+
		`"arn":"arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/%06d",`+
		`"fromResourceName":"web-%d","fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Instance/%06d",`+
		`"instanceSnapshotInfo":{"fromBundleId":"medium_3_0","fromBlueprintId":"ubuntu_22_04",`+
		`"fromDiskInfo":[{"name":"system","path":"/dev/xvda","sizeInGb":80,"isSystemDisk":true},`+
		`{"name":"data","path":"/dev/xvdf","sizeInGb":512,"isSystemDisk":false}]}},`+
		`"destinationInfo":{"id":"ami-%06d","service":"Aws::EC2::Image"}}`,
		i, i, i, i, i, i, i)
}

// page returns the JSON of page p (from 0) of n records each, with a next
// page token unless it is the last of pages.
func page(p, n, pages int) string {
	var b strings.Builder
	b.WriteString(`{"exportSnapshotRecords":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(record(p*n + i))
	}
	b.WriteByte(']')
	if p+1 < pages {
		fmt.Fprintf(&b, `,"nextPageToken":"%s"`, pageToken(p+1))
	}
	b.WriteByte('}')
	return b.String()
}

// pageToken is the opaque token of page p, as long as a real one.
func pageToken(p int) string {
	return fmt.Sprintf("eyJ2IjoxLCJvZmZzZXQiOiIlMDZkIn0-%06d-c2lnbmF0dXJlLWJ5dGVzLWxvbmctZW5vdWdo", p)
}

// pageServer answers each GetExportSnapshotRecords request with the page
// its token names, pages pages of recordsPerPage records.
func pageServer(tb testing.TB, pages int) string {
	bodies := make([]kit.Response, pages)
	index := map[string]int{}
	for p := range pages {
		bodies[p] = kit.JSONResponse(contentType, page(p, recordsPerPage, pages))
		index[pageToken(p)] = p
	}
	srv := kit.Serve(tb, func(body []byte) kit.Response {
		_, rest, found := bytes.Cut(body, []byte(`"pageToken":"`))
		if !found {
			return bodies[0]
		}
		token, _, _ := bytes.Cut(rest, []byte(`"`))
		if p, ok := index[string(token)]; ok {
			return bodies[p]
		}
		return kit.Canned(400, contentType, `{"__type":"InvalidInputException","message":"bad token"}`)
	})
	return srv.URL
}

func newOurs(httpClient ours.HTTPClient, endpoint string, optFns ...func(*ours.Options)) *ours.Client {
	options := ours.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = &endpoint
	}
	return ours.New(options, optFns...)
}

func newOfficial(httpClient official.HTTPClient, endpoint string, optFns ...func(*official.Options)) *official.Client {
	options := official.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = &endpoint
	}
	return official.New(options, optFns...)
}

func callResponse() kit.Response {
	return kit.JSONResponse(contentType, page(0, callRecords, 2))
}

func requestHeader() http.Header {
	return kit.Header("Content-Type", contentType, "X-Amz-Target", target)
}

// callBody is the request of the single call benchmarks: the first page.
const callBody = `{}`

func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+"/", requestHeader(), []byte(callBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}

func TestFixtureSizes(t *testing.T) {
	t.Parallel()
	if n := len(record(1)); n < 780 || n > 880 {
		t.Errorf("a record is %d bytes, want about 830", n)
	}
	if n := len(page(0, recordsPerPage, 2)); n < 78_000 || n > 88_000 {
		t.Errorf("a page is %d bytes, want about 83 KB", n)
	}
}
