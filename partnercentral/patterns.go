package partnercentral

import "github.com/awssnap/awssnap/internal/validate"

// clientTokenPattern is the model's ^.{1,255}$ with the '.' of Smithy's
// ECMAScript pattern dialect, which matches any character but the line
// terminators \n, \r, U+2028 and U+2029 (Go's RE2 '.' excludes only \n).
var clientTokenPattern = validate.SingleLine(1, 255)
