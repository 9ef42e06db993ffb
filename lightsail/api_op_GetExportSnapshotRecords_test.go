package lightsail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/lightsail/types"
)

func TestGetExportSnapshotRecordsGoldenRequests(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		input  *GetExportSnapshotRecordsInput
		optFns []func(*Options)
	}{
		{name: "first-page-nil-input"},
		{name: "first-page", input: &GetExportSnapshotRecordsInput{}},
		{name: "empty-token", input: &GetExportSnapshotRecordsInput{PageToken: aws.String("")}},
		{name: "later-page", input: &GetExportSnapshotRecordsInput{PageToken: aws.String(pageToken(1))}},
		{name: "token-escapes", input: &GetExportSnapshotRecordsInput{
			PageToken: aws.String("q\"b\\s/n\nr\rt\tc\x00\x1f<>&del\x7f"),
		}},
		{name: "token-unicode", input: &GetExportSnapshotRecordsInput{
			PageToken: aws.String("é😀\u2028\u2029bad\xff\xfeend"),
		}},
		{name: "eu-south-2-dual-stack", input: &GetExportSnapshotRecordsInput{PageToken: aws.String("t")},
			optFns: []func(*Options){func(o *Options) {
				o.Region = "eu-south-2"
				o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
			}}},
		{name: "legacy-fips-region", optFns: []func(*Options){func(o *Options) { o.Region = "fips-us-east-2" }}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			client := newTestClient(nil, append([]func(*Options){viaServer(srv)}, tc.optFns...)...)
			_, err := client.GetExportSnapshotRecords(context.Background(), tc.input)
			must(t, err)
			requests := srv.Requests()
			if len(requests) != 1 {
				t.Fatalf("got %d requests, want 1", len(requests))
			}
			testutil.Golden(t, "GetExportSnapshotRecords/"+tc.name, testutil.Snapshot(requests[0]))
		})
	}
}

func TestGetExportSnapshotRecordsKeepsInput(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	client := newTestClient(srv.Endpoint())
	input := &GetExportSnapshotRecordsInput{PageToken: aws.String("token")}
	want := &GetExportSnapshotRecordsInput{PageToken: aws.String("token")}
	_, err := client.GetExportSnapshotRecords(context.Background(), input)
	must(t, err)
	if diff := cmp.Diff(want, input, cmpOptions); diff != "" {
		t.Errorf("input changed (-want +got):\n%s", diff)
	}
	// The official client sends awsJson requests to the endpoint's path
	// as it is, without a trailing slash.
	if got := srv.Requests()[0].Path; got != "/base/path" {
		t.Errorf("path = %q, want /base/path", got)
	}
}

func TestGetExportSnapshotRecordsDecodesOutput(t *testing.T) {
	t.Parallel()
	date := func(sec, ms int64) *time.Time {
		v := time.Unix(sec, ms*int64(time.Millisecond)).UTC()
		return &v
	}
	full := &GetExportSnapshotRecordsOutput{
		ExportSnapshotRecords: []types.ExportSnapshotRecord{{
			Name:         aws.String("export-snapshot-record-1"),
			Arn:          aws.String("arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/1"),
			CreatedAt:    date(1767225600, 0),
			Location:     &types.ResourceLocation{AvailabilityZone: aws.String("all"), RegionName: types.RegionNameApEast1},
			ResourceType: types.ResourceTypeExportSnapshotRecord,
			State:        types.RecordStateSucceeded,
			SourceInfo: &types.ExportSnapshotRecordSourceInfo{
				ResourceType:     types.ExportSnapshotRecordSourceTypeInstanceSnapshot,
				CreatedAt:        date(1767225600, 123),
				Name:             aws.String("snap1"),
				Arn:              aws.String("arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/1"),
				FromResourceName: aws.String("web-1"),
				FromResourceArn:  aws.String("arn:aws:lightsail:us-east-1:111122223333:Instance/1"),
				InstanceSnapshotInfo: &types.InstanceSnapshotInfo{
					FromBundleId:    aws.String("nano_3_0"),
					FromBlueprintId: aws.String("ubuntu_22_04"),
					FromDiskInfo: []types.DiskInfo{
						{Name: aws.String("disk"), Path: aws.String("/dev/xvda"), SizeInGb: aws.Int32(20), IsSystemDisk: aws.Bool(true)},
						{},
					},
				},
				DiskSnapshotInfo: &types.DiskSnapshotInfo{SizeInGb: aws.Int32(32)},
			},
			DestinationInfo: &types.DestinationInfo{Id: aws.String("ami-1"), Service: aws.String("Aws::EC2::Image")},
		}},
		NextPageToken: aws.String("next \"token\"\n😀"),
	}
	cases := []struct {
		name string
		body string
		want *GetExportSnapshotRecordsOutput
	}{
		{name: "every member", body: `{"exportSnapshotRecords":[{"name":"export-snapshot-record-1",` +
			`"arn":"arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/1","createdAt":1.7672256E9,` +
			`"location":{"availabilityZone":"all","regionName":"ap-east-1"},"resourceType":"ExportSnapshotRecord","state":"Succeeded",` +
			`"sourceInfo":{"resourceType":"InstanceSnapshot","createdAt":1767225600.123,"name":"snap1",` +
			`"arn":"arn:aws:lightsail:us-east-1:111122223333:InstanceSnapshot/1","fromResourceName":"web-1",` +
			`"fromResourceArn":"arn:aws:lightsail:us-east-1:111122223333:Instance/1","instanceSnapshotInfo":{"fromBundleId":"nano_3_0",` +
			`"fromBlueprintId":"ubuntu_22_04","fromDiskInfo":[{"name":"disk","path":"/dev/xvda","sizeInGb":20,"isSystemDisk":true},null]},` +
			`"diskSnapshotInfo":{"sizeInGb":32}},"destinationInfo":{"id":"ami-1","service":"Aws::EC2::Image"}}],` +
			`"nextPageToken":"next \"token\"\n\ud83d\ude00"}`, want: full},
		{name: "empty body", body: ``, want: &GetExportSnapshotRecordsOutput{}},
		{name: "empty object", body: ` {} `, want: &GetExportSnapshotRecordsOutput{}},
		{name: "nulls", body: `{"exportSnapshotRecords":[{"name":null,"createdAt":null,"location":null,"resourceType":null,` +
			`"state":null,"sourceInfo":null,"destinationInfo":null},null],"nextPageToken":null}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{}, {}}}},
		{name: "null list", body: `{"exportSnapshotRecords":null}`, want: &GetExportSnapshotRecordsOutput{}},
		{name: "empty lists", body: `{"exportSnapshotRecords":[{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[]}}}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				SourceInfo: &types.ExportSnapshotRecordSourceInfo{InstanceSnapshotInfo: &types.InstanceSnapshotInfo{FromDiskInfo: []types.DiskInfo{}}},
			}}}},
		{name: "unknown members", body: `{"future":{"a":[1,{"b":null}],"c":"d"},"exportSnapshotRecords":[{"extra":true,` +
			`"location":{"new":1},"sourceInfo":{"more":[]},"destinationInfo":{"x":"y"}}],"NextPageToken":"wrong case"}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				Location: &types.ResourceLocation{}, SourceInfo: &types.ExportSnapshotRecordSourceInfo{}, DestinationInfo: &types.DestinationInfo{},
			}}}},
		{name: "unknown enum values", body: `{"exportSnapshotRecords":[{"resourceType":"Hologram","state":"Pending",` +
			`"location":{"regionName":"mars-north-1"},"sourceInfo":{"resourceType":"BucketSnapshot"}}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{{
				ResourceType: "Hologram", State: "Pending", Location: &types.ResourceLocation{RegionName: "mars-north-1"},
				SourceInfo: &types.ExportSnapshotRecordSourceInfo{ResourceType: "BucketSnapshot"},
			}}}},
		{name: "timestamps", body: `{"exportSnapshotRecords":[{"createdAt":1767225600.123,"sourceInfo":{"createdAt":1.5e-3}},` +
			`{"createdAt":1767225600.1239},{"createdAt":17672256E2},{"createdAt":-1.5},{"createdAt":0}]}`,
			want: &GetExportSnapshotRecordsOutput{ExportSnapshotRecords: []types.ExportSnapshotRecord{
				{CreatedAt: date(1767225600, 123), SourceInfo: &types.ExportSnapshotRecordSourceInfo{CreatedAt: date(0, 1)}},
				{CreatedAt: date(1767225600, 123)}, {CreatedAt: date(1767225600, 0)}, {CreatedAt: date(-1, -500)}, {CreatedAt: date(0, 0)},
			}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: tc.body, Header: map[string]string{"X-Amzn-RequestId": "req-1"}})
			out, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			must(t, err)
			if diff := cmp.Diff(tc.want, out, cmpOptions); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-1" {
				t.Errorf("request ID = %q, want req-1", id)
			}
		})
	}
}

func TestGetExportSnapshotRecordsRejectsMalformedOutput(t *testing.T) {
	t.Parallel()
	bodies := map[string]string{
		"html":              `<html><body>Bad Gateway</body></html>`,
		"truncated":         `{"exportSnapshotRecords":[{"name":"a"},`,
		"wrong list type":   `{"exportSnapshotRecords":{}}`,
		"wrong record type": `{"exportSnapshotRecords":[5]}`,
		"string timestamp":  `{"exportSnapshotRecords":[{"createdAt":"1767225600"}]}`,
		"int32 overflow":    `{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":2147483648}}}]}`,
		"fractional int":    `{"exportSnapshotRecords":[{"sourceInfo":{"diskSnapshotInfo":{"sizeInGb":1.5}}}]}`,
		"string bool":       `{"exportSnapshotRecords":[{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[{"isSystemDisk":"true"}]}}}]}`,
		"number token":      `{"nextPageToken":5}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Body: body, Header: map[string]string{"X-Amzn-RequestId": "req-bad"}})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, 200, "req-bad")
			var deserialization *smithy.DeserializationError
			if !errors.As(err, &deserialization) {
				t.Errorf("error %v is not a *smithy.DeserializationError", err)
			}
		})
	}
}

// assertResponseError checks the wrapping of a service response failure:
// *smithy.OperationError, then *awshttp.ResponseError with the status and
// request ID.
func assertResponseError(t *testing.T, err error, status int, requestID string) {
	t.Helper()
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) || opErr.ServiceID != "Lightsail" || opErr.OperationName != "GetExportSnapshotRecords" {
		t.Fatalf("error %v is not an operation error of Lightsail GetExportSnapshotRecords", err)
	}
	var respErr *awshttp.ResponseError
	if !errors.As(err, &respErr) {
		t.Fatalf("error %v carries no *awshttp.ResponseError", err)
	}
	if respErr.HTTPStatusCode() != status || respErr.ServiceRequestID() != requestID {
		t.Errorf("status %d, request ID %q; want %d, %q", respErr.HTTPStatusCode(), respErr.ServiceRequestID(), status, requestID)
	}
}

func TestGetExportSnapshotRecordsTypedErrors(t *testing.T) {
	t.Parallel()
	members := `"message":"the message","code":"Lightsail.Code","docs":"https://docs","tip":"a tip","unknown":[1]`
	errorsByCode := []struct {
		code   string
		status int
		fault  smithy.ErrorFault
		want   func(message, code, docs, tip *string) error
	}{
		{"AccessDeniedException", 403, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.AccessDeniedException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"AccountSetupInProgressException", 428, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.AccountSetupInProgressException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"InvalidInputException", 400, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.InvalidInputException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"NotFoundException", 404, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.NotFoundException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"OperationFailureException", 400, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.OperationFailureException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"RegionSetupInProgressException", 428, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.RegionSetupInProgressException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"ServiceException", 500, smithy.FaultServer, func(m, c, d, tip *string) error {
			return &types.ServiceException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
		{"UnauthenticatedException", 401, smithy.FaultClient, func(m, c, d, tip *string) error {
			return &types.UnauthenticatedException{Message: m, Code: c, Docs: d, Tip: tip}
		}},
	}
	str := aws.String
	forms := []struct {
		name   string
		header func(code string) map[string]string
		body   func(code string) string
		want   func(code string) (message, lightsailCode, docs, tip *string)
	}{
		{"header with suffix",
			func(code string) map[string]string {
				return map[string]string{"X-Amzn-ErrorType": code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"}
			},
			func(string) string { return "{" + members + "}" },
			func(string) (*string, *string, *string, *string) {
				return str("the message"), str("Lightsail.Code"), str("https://docs"), str("a tip")
			}},
		{"__type with namespace", nil,
			func(code string) string { return `{"__type":"com.amazonaws.lightsail#` + code + `",` + members + `}` },
			func(string) (*string, *string, *string, *string) {
				return str("the message"), str("Lightsail.Code"), str("https://docs"), str("a tip")
			}},
		{"code only", nil,
			func(code string) string { return `{"code":"` + code + `","Message":"capital message"}` },
			func(code string) (*string, *string, *string, *string) {
				return str("capital message"), str(code), nil, nil
			}},
		{"lower-case code only", nil,
			func(code string) string { return `{"code":"` + strings.ToLower(code) + `"}` },
			func(code string) (*string, *string, *string, *string) {
				return nil, str(strings.ToLower(code)), nil, nil
			}},
		{"lower-case __type", nil,
			func(code string) string { return `{"__type":"` + strings.ToLower(code) + `"}` },
			func(string) (*string, *string, *string, *string) { return nil, nil, nil, nil }},
		{"header only, empty body",
			func(code string) map[string]string { return map[string]string{"X-Amzn-ErrorType": code} },
			func(string) string { return "" },
			func(string) (*string, *string, *string, *string) { return nil, nil, nil, nil }},
	}
	for _, e := range errorsByCode {
		for _, form := range forms {
			t.Run(e.code+"/"+form.name, func(t *testing.T) {
				t.Parallel()
				header := map[string]string{"X-Amzn-RequestId": "req-err"}
				if form.header != nil {
					for k, v := range form.header(e.code) {
						header[k] = v
					}
				}
				srv := testutil.NewServer(t, testutil.Response{Status: e.status, Header: header, Body: form.body(e.code)})
				client := newTestClient(srv.Endpoint(), func(o *Options) { o.Retryer = testRetryer(1) })
				_, err := client.GetExportSnapshotRecords(context.Background(), nil)
				assertResponseError(t, err, e.status, "req-err")
				want := e.want(form.want(e.code))
				var got smithy.APIError
				if !errors.As(err, &got) {
					t.Fatalf("error %v is not a smithy.APIError", err)
				}
				if diff := cmp.Diff(want, error(got), cmpOptions); diff != "" {
					t.Errorf("typed error (-want +got):\n%s", diff)
				}
				if got.ErrorCode() != e.code || got.ErrorFault() != e.fault {
					t.Errorf("code %q fault %v, want %q %v", got.ErrorCode(), got.ErrorFault(), e.code, e.fault)
				}
			})
		}
	}
}

func TestGetExportSnapshotRecordsUntypedErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		status int
		header map[string]string
		body   string
		want   error
	}{
		{name: "unknown code", status: 400, body: `{"__type":"com.amazonaws.lightsail#NewException","message":"later"}`,
			want: &smithy.GenericAPIError{Code: "NewException", Message: "later"}},
		{name: "lightsail code only is not a type", status: 400, body: `{"code":"InvalidInput","message":"bad"}`,
			want: &smithy.GenericAPIError{Code: "InvalidInput", Message: "bad"}},
		{name: "empty body", status: 403, body: ``,
			want: &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{name: "empty object", status: 400, body: `{}`,
			want: &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			header := map[string]string{"X-Amzn-RequestId": "req-x"}
			srv := testutil.NewServer(t, testutil.Response{Status: tc.status, Header: header, Body: tc.body})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, tc.status, "req-x")
			var got *smithy.GenericAPIError
			if !errors.As(err, &got) {
				t.Fatalf("error %v is not a *smithy.GenericAPIError", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGetExportSnapshotRecordsMalformedErrorBodies(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"html":                     `<html><body>Service Unavailable</body></html>`,
		"truncated":                `{"__type":"InvalidInputException","message":"cut`,
		"member of the wrong type": `{"__type":"InvalidInputException","tip":5}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "req-html"}, Body: body})
			_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			assertResponseError(t, err, 400, "req-html")
			var deserialization *smithy.DeserializationError
			if !errors.As(err, &deserialization) {
				t.Errorf("error %v is not a *smithy.DeserializationError", err)
			}
		})
	}
}

func TestGetExportSnapshotRecordsErrorString(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 400, Header: map[string]string{"X-Amzn-RequestId": "r1"},
		Body: `{"__type":"InvalidInputException","message":"The page token is not valid."}`})
	_, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
	want := "operation error Lightsail: GetExportSnapshotRecords, https response error StatusCode: 400, RequestID: r1, " +
		"InvalidInputException: The page token is not valid."
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}

func TestGetExportSnapshotRecordsRetries(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		first testutil.Response
	}{
		{"service exception", testutil.Response{Status: 500, Body: `{"__type":"ServiceException","message":"try again"}`}},
		{"throttling", testutil.Response{Status: 400, Body: `{"__type":"ThrottlingException","message":"slow down"}`}},
		{"bad gateway", testutil.Response{Status: 502, Body: `<html>Bad Gateway</html>`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, tc.first, testutil.Response{Body: `{"nextPageToken":"n"}`})
			out, err := newTestClient(srv.Endpoint()).GetExportSnapshotRecords(context.Background(), nil)
			must(t, err)
			if aws.ToString(out.NextPageToken) != "n" {
				t.Errorf("NextPageToken = %q, want n", aws.ToString(out.NextPageToken))
			}
			requests := srv.Requests()
			if len(requests) != 2 {
				t.Fatalf("got %d requests, want 2", len(requests))
			}
			for i, r := range requests {
				if got, want := r.Header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=3", i+1); got != want {
					t.Errorf("request %d: amz-sdk-request %q, want %q", i+1, got, want)
				}
			}
			if requests[0].Header.Get("Authorization") == requests[1].Header.Get("Authorization") {
				t.Error("both attempts carry the same signature")
			}
		})
	}
}

// The operation only reads, so a request whose connection drops before
// the answer is sent again.
func TestGetExportSnapshotRecordsRetriesDroppedConnection(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				conn.Close()
			}
			return
		}
		_, _ = io.WriteString(w, `{"nextPageToken":"after-drop"}`)
	}))
	t.Cleanup(srv.Close)
	out, err := newTestClient(aws.String(srv.URL)).GetExportSnapshotRecords(context.Background(), nil)
	must(t, err)
	if calls.Load() != 2 || aws.ToString(out.NextPageToken) != "after-drop" {
		t.Errorf("%d requests, token %q; want 2 requests and the second answer", calls.Load(), aws.ToString(out.NextPageToken))
	}
}

func TestGetExportSnapshotRecordsCancelStopsRetries(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := testutil.NewServer(t, testutil.Response{Status: 500, Body: `{"__type":"ServiceException"}`})
	slow := func(o *Options) { o.Retryer = slowRetryer{o.Retryer, cancel} }
	_, err := newTestClient(srv.Endpoint(), slow).GetExportSnapshotRecords(ctx, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want one matching context.Canceled", err)
	}
	if srv.Count() != 1 {
		t.Errorf("got %d requests, want 1", srv.Count())
	}
}

// slowRetryer cancels the call while it would wait a minute before the
// next attempt.
type slowRetryer struct {
	aws.Retryer
	cancel context.CancelFunc
}

func (r slowRetryer) RetryDelay(int, error) (time.Duration, error) {
	r.cancel()
	return time.Minute, nil
}

func TestGetExportSnapshotRecordsValidation(t *testing.T) {
	t.Parallel()
	// The input has no constraints: every token, in every mode, is sent.
	tokens := []*string{nil, aws.String(""), aws.String(" "), aws.String(strings.Repeat("é", 10000)), aws.String("\x00\xff")}
	modes := []ValidationMode{ValidationFull, ValidationRequiredOnly, ValidationOff}
	for _, mode := range modes {
		for _, token := range tokens {
			input := &GetExportSnapshotRecordsInput{PageToken: token}
			if err := input.Validate(); err != nil {
				t.Errorf("Validate(%q) = %v, want nil", aws.ToString(token), err)
			}
			srv := testutil.NewServer(t)
			_, err := newTestClient(srv.Endpoint(), func(o *Options) { o.Validation = mode }).GetExportSnapshotRecords(context.Background(), input)
			must(t, err)
			if srv.Count() != 1 {
				t.Errorf("mode %v token %q: %d requests, want 1", mode, aws.ToString(token), srv.Count())
			}
		}
	}
}

func TestGetExportSnapshotRecordsClientChecks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		optFns []func(*Options)
		want   string
	}{
		{"no region", []func(*Options){func(o *Options) { o.Region = ""; o.BaseEndpoint = nil }}, "Missing Region"},
		{"bad region", []func(*Options){func(o *Options) { o.Region = "us-east-1/evil"; o.BaseEndpoint = nil }}, "invalid input region"},
		{"custom endpoint and FIPS", []func(*Options){func(o *Options) {
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}}, "FIPS and custom endpoint are not supported"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			_, err := newTestClient(srv.Endpoint(), tc.optFns...).GetExportSnapshotRecords(context.Background(), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
			if srv.Count() != 0 {
				t.Errorf("the server saw %d requests, want 0", srv.Count())
			}
		})
	}
}

func TestEnumValues(t *testing.T) {
	t.Parallel()
	got := map[string]int{
		"ExportSnapshotRecordSourceType": len(types.ExportSnapshotRecordSourceType("").Values()),
		"RecordState":                    len(types.RecordState("").Values()),
		"RegionName":                     len(types.RegionName("").Values()),
		"ResourceType":                   len(types.ResourceType("").Values()),
	}
	want := map[string]int{"ExportSnapshotRecordSourceType": 2, "RecordState": 3, "RegionName": 20, "ResourceType": 21}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("number of enum values (-want +got):\n%s", diff)
	}
	regions := types.RegionName("").Values()
	for _, newer := range []types.RegionName{types.RegionNameApEast1, types.RegionNameEuSouth2, types.RegionNameSaEast1} {
		if !contains(regions, newer) {
			t.Errorf("RegionName.Values() lacks %s", newer)
		}
	}
}

func contains[T comparable](list []T, v T) bool {
	for _, item := range list {
		if item == v {
			return true
		}
	}
	return false
}
