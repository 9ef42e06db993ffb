package datazone

import "github.com/awssnap/awssnap/internal/validate"

// The model's patterns, matched by small functions instead of regular
// expressions: FormName and FormTypeIdentifier use a negative look-ahead
// that Go's RE2 engine cannot compile, and the others are plain character
// runs that a loop checks without allocating. Every pattern here allows
// ASCII characters only, so byte lengths equal the {m,n} character counts.
// The tests prove each function equal to its pattern.
var (
	domainIDPattern           = validate.PatternFunc(`^dzd[-_][a-zA-Z0-9_-]{1,36}$`, matchDomainID)
	identifierPattern         = validate.PatternFunc(`^[a-zA-Z0-9_-]{1,36}$`, matchIdentifier)
	revisionInputPattern      = validate.PatternFunc(`^[a-zA-Z0-9_-]+$`, matchRevisionInput)
	clientTokenPattern        = validate.PatternFunc(`^[\x21-\x7E]+$`, matchClientToken)
	formNamePattern           = validate.PatternFunc(`^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`, matchFormName)
	formTypeIdentifierPattern = validate.PatternFunc(`^(?!\.)[\w\.]*\w$`, matchFormTypeIdentifier)
)

// matchIdentifier matches ^[a-zA-Z0-9_-]{1,36}$ (AssetIdentifier,
// GlossaryTermId).
func matchIdentifier(s string) bool {
	return len(s) >= 1 && len(s) <= 36 && all(s, isIdentifierByte)
}

// matchDomainID matches ^dzd[-_][a-zA-Z0-9_-]{1,36}$.
func matchDomainID(s string) bool {
	return len(s) > 4 && s[:3] == "dzd" && (s[3] == '-' || s[3] == '_') && matchIdentifier(s[4:])
}

// matchRevisionInput matches ^[a-zA-Z0-9_-]+$.
func matchRevisionInput(s string) bool {
	return s != "" && all(s, isIdentifierByte)
}

// matchClientToken matches ^[\x21-\x7E]+$: printable ASCII, no space.
func matchClientToken(s string) bool {
	return s != "" && all(s, func(c byte) bool { return c >= 0x21 && c <= 0x7E })
}

// matchFormName matches ^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$, which is
// ^[A-Za-z]\w*$|^_\w*[A-Za-z0-9]\w*$: word characters only, starting with a
// letter, or with an underscore followed somewhere by a letter or digit.
func matchFormName(s string) bool {
	if s == "" || !all(s, isWordByte) {
		return false
	}
	if isLetter(s[0]) {
		return true
	}
	return s[0] == '_' && !all(s[1:], func(c byte) bool { return c == '_' })
}

// matchFormTypeIdentifier matches ^(?!\.)[\w\.]*\w$, which is
// ^(?:\w[\w.]*)?\w$: word characters and dots, not starting with a dot,
// ending with a word character.
func matchFormTypeIdentifier(s string) bool {
	return s != "" && s[0] != '.' && isWordByte(s[len(s)-1]) &&
		all(s, func(c byte) bool { return c == '.' || isWordByte(c) })
}

func all(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isWordByte reports whether c is in \w, [A-Za-z0-9_].
func isWordByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '_' }

func isIdentifierByte(c byte) bool { return isWordByte(c) || c == '-' }
