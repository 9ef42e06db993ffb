package neptunegraph

import (
	"strings"

	"github.com/awssnap/awssnap/internal/validate"
)

// snapshotNamePattern is the model's SnapshotName pattern, whose negative
// look-ahead Go's RE2 engine cannot compile, matched by matchSnapshotName.
var snapshotNamePattern = validate.PatternFunc(`^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`, matchSnapshotName)

// matchSnapshotName is the model pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
// written without the look-ahead RE2 lacks: a lower-case letter, then runs
// of lower-case letters and digits joined by single hyphens, not ending in
// a hyphen, and not starting with "gs-".
func matchSnapshotName(s string) bool {
	if s == "" || !isLower(s[0]) || strings.HasPrefix(s, "gs-") {
		return false
	}
	afterHyphen := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			if afterHyphen {
				return false
			}
			afterHyphen = true
		case isLower(c) || '0' <= c && c <= '9':
			afterHyphen = false
		default:
			return false
		}
	}
	return !afterHyphen
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
