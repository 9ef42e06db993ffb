package kit

import (
	"context"
	"net/http"
	"reflect"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
)

// FuzzDecode feeds both callers the same arbitrary answers, a status from
// 200 to 599, any X-Amzn-ErrorType header and any body under the
// protocol's content type, seeded with
// the given cases, and fails where what an application observes differs:
// one call fails and the other does not, the outputs differ, or the errors
// differ in anything but the wording of a JSON decoder's own error
// (DecoderWording). An answer on which the official client panics is
// passed over: ours is fuzzed for panics in its own package.
//
// unlike, when not nil, names answers on which the clients differ on
// purpose (a DecodeCase's Unlike or OursFails), given both errors (nil for
// an output); where the clients differ on such an answer, it is passed
// over too.
func FuzzDecode(f *testing.F, contentType string, seeds []DecodeCase, ours, official Caller,
	unlike func(resp Response, ours, official error) bool) {
	for _, c := range seeds {
		f.Add(c.Response.Status, c.Response.Header.Get("X-Amzn-Errortype"), string(c.Response.Body))
	}
	f.Fuzz(func(t *testing.T, status int, errorType, body string) {
		status = fuzzStatus(status)
		var header []string
		if errorType != "" {
			header = []string{"X-Amzn-Errortype", errorType}
		}
		resp := Canned(status, contentType, body, header...)
		ctx := context.Background()
		oOut, oErr := ours(ctx, resp)
		fOut, panicked, fErr := callRecovering(ctx, official, resp)
		if panicked != nil {
			return
		}
		if (oErr == nil) != (fErr == nil) {
			if unlike != nil && unlike(resp, oErr, fErr) {
				return
			}
			t.Fatalf("status %d, X-Amzn-ErrorType %q, body %q:\nours err = %v\nofficial err = %v", status, errorType, body, oErr, fErr)
		}
		if oErr == nil {
			if diff := cmp.Diff(ViewOutput(fOut), ViewOutput(oOut)); diff != "" {
				t.Fatalf("status %d, X-Amzn-ErrorType %q, body %q: outputs differ (-official +ours):\n%s", status, errorType, body, diff)
			}
			return
		}
		ov, fv := ViewError(oErr), ViewError(fErr)
		if ov.Leaf != "" && fv.Leaf != "" {
			ov.Text, ov.Leaf, fv.Text, fv.Leaf = "", "", "", ""
		}
		if diff := cmp.Diff(fv, ov); diff != "" {
			if unlike != nil && unlike(resp, oErr, fErr) {
				return
			}
			t.Fatalf("status %d, X-Amzn-ErrorType %q, body %q: errors differ (-official +ours):\n%s\nofficial: %v\nours:     %v", status, errorType, body, diff, fErr, oErr)
		}
	})
}

// fuzzStatus maps any int to an HTTP status from 200 to 599, keeping those
// as they are, so that a seed's status is the one it is tested with.
func fuzzStatus(n int) int { return 200 + ((n-200)%400+400)%400 }

// MetadataView is what an application reads from a call's result
// metadata, apart from times that depend on the clock.
type MetadataView struct {
	RequestID     string
	HasRequestID  bool
	ServerTime    time.Time
	ServerZone    string // ServerTime's time zone, which cmp does not compare
	HasServerTime bool
	HasResponseAt bool
	RawResponse   string // the raw response's type
	Attempts      int
}

// ViewMetadata returns the MetadataView of md.
func ViewMetadata(md middleware.Metadata) MetadataView {
	var v MetadataView
	v.RequestID, v.HasRequestID = awsmiddleware.GetRequestIDMetadata(md)
	v.ServerTime, v.HasServerTime = awsmiddleware.GetServerTime(md)
	v.ServerZone = v.ServerTime.Location().String()
	_, v.HasResponseAt = awsmiddleware.GetResponseAt(md)
	v.RawResponse = shortTypeName(awsmiddleware.GetRawResponse(md))
	if results, ok := retry.GetAttemptResults(md); ok {
		v.Attempts = len(results.Results)
	}
	return v
}

// outputMetadata returns the ResultMetadata of out, a pointer to an output
// struct.
func outputMetadata(out any) middleware.Metadata {
	md, _ := reflect.ValueOf(out).Elem().FieldByName("ResultMetadata").Interface().(middleware.Metadata)
	return md
}

// FuzzResponseHeaders feeds both callers the same answer with arbitrary
// request ID and Date headers, a status from 200 to 599 and the body
// given for its class, and fails where the result metadata of a success
// (see MetadataView) or the error an application observes differs.
// idHeader picks where the request ID goes: X-Amzn-Requestid,
// X-Amz-Requestid, both (the second holding "other-" and the value), or
// neither.
func FuzzResponseHeaders(f *testing.F, contentType, okBody, errorBody string, ours, official Caller) {
	f.Add(200, uint8(0), "req-1", "Mon, 07 Dec 2026 02:00:00 GMT")
	f.Add(200, uint8(1), "", "Monday, 07-Dec-26 02:00:00 GMT")
	f.Add(404, uint8(2), "r", "Mon Dec  7 02:00:00 2026")
	f.Add(500, uint8(3), "x", "garbage")
	f.Add(200, uint8(3), "", "")
	f.Add(200, uint8(0), "a\tb", "Mon, 07 Dec 2026 25:00:00 GMT")
	f.Fuzz(func(t *testing.T, status int, idHeader uint8, requestID, date string) {
		status = fuzzStatus(status)
		header := http.Header{"Content-Type": {contentType}}
		switch idHeader % 4 {
		case 0:
			header["X-Amzn-Requestid"] = []string{requestID}
		case 1:
			header["X-Amz-Requestid"] = []string{requestID}
		case 2:
			header["X-Amzn-Requestid"] = []string{requestID}
			header["X-Amz-Requestid"] = []string{"other-" + requestID}
		}
		if date != "" {
			header["Date"] = []string{date}
		}
		body := okBody
		if status >= 300 {
			body = errorBody
		}
		resp := Response{Status: status, Header: header, Body: []byte(body)}
		ctx := context.Background()
		oOut, oErr := ours(ctx, resp)
		fOut, fErr := official(ctx, resp)
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("status %d, header %q:\nours err = %v\nofficial err = %v", status, header, oErr, fErr)
		}
		if oErr != nil {
			if diff := cmp.Diff(ViewError(fErr), ViewError(oErr)); diff != "" {
				t.Fatalf("status %d, header %q: errors differ (-official +ours):\n%s", status, header, diff)
			}
			return
		}
		if diff := cmp.Diff(ViewMetadata(outputMetadata(fOut)), ViewMetadata(outputMetadata(oOut))); diff != "" {
			t.Fatalf("status %d, header %q: metadata differs (-official +ours):\n%s", status, header, diff)
		}
	})
}
