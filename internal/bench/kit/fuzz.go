package kit

import (
	"context"
	"testing"

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
		status = 200 + (status%400+400)%400
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
