package kit

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode feeds both callers the same arbitrary answers, a status from
// 200 to 599 and any body under the protocol's content type, seeded with
// the given cases, and fails where what an application observes differs:
// one call fails and the other does not, the outputs differ, or the errors
// differ in anything but the wording of a JSON decoder's own error
// (DecoderWording). An answer on which the official client panics is
// passed over: ours is fuzzed for panics in its own package.
//
// unlike, when not nil, names answers on which the clients differ on
// purpose (a DecodeCase's Unlike), given both errors' views; those are
// passed over too.
func FuzzDecode(f *testing.F, contentType string, seeds []DecodeCase, ours, official Caller,
	unlike func(resp Response, ours, official ErrorView) bool) {
	for _, c := range seeds {
		f.Add(c.Response.Status, string(c.Response.Body))
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		status = 200 + (status%400+400)%400
		resp := Canned(status, contentType, body)
		ctx := context.Background()
		oOut, oErr := ours(ctx, resp)
		fOut, panicked, fErr := callRecovering(ctx, official, resp)
		if panicked != nil {
			return
		}
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("status %d, body %q:\nours err = %v\nofficial err = %v", status, body, oErr, fErr)
		}
		if oErr == nil {
			if diff := cmp.Diff(ViewOutput(fOut), ViewOutput(oOut)); diff != "" {
				t.Fatalf("status %d, body %q: outputs differ (-official +ours):\n%s", status, body, diff)
			}
			return
		}
		ov, fv := ViewError(oErr), ViewError(fErr)
		if unlike != nil && unlike(resp, ov, fv) {
			return
		}
		if ov.Leaf != "" && fv.Leaf != "" {
			ov.Text, ov.Leaf, fv.Text, fv.Leaf = "", "", "", ""
		}
		if diff := cmp.Diff(fv, ov); diff != "" {
			t.Fatalf("status %d, body %q: errors differ (-official +ours):\n%s\nofficial: %v\nours:     %v", status, body, diff, fErr, oErr)
		}
	})
}
