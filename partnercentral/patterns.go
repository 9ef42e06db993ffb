package partnercentral

import "github.com/awssnap/awssnap/internal/validate"

// clientTokenPattern is the model's ^.{1,255}$ with the '.' of Smithy's
// ECMAScript pattern dialect, which matches any character but the line
// terminators \n, \r, U+2028 and U+2029 (Go's RE2 '.' excludes only \n).
// Characters are counted as Unicode scalar values, like lengths.
var clientTokenPattern = validate.PatternFunc(`^.{1,255}$`, func(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u2028', '\u2029':
			return false
		}
		n++
	}
	return n >= 1 && n <= 255
})
