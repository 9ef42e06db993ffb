package validate

import "strconv"

// SingleLine returns the Pattern of the model pattern ^.{minimum,maximum}$
// read as Smithy reads it, in ECMAScript's dialect: from minimum to maximum
// characters, none of them a line terminator (\n, \r, U+2028 or U+2029),
// the characters ECMAScript's '.' does not match. RE2 compiles the pattern
// as written but lets its '.' match \r, U+2028 and U+2029, so such
// patterns are matched here without it. Characters are counted as Unicode
// scalar values, like lengths.
func SingleLine(minimum, maximum int) *Pattern {
	source := "^.{" + strconv.Itoa(minimum) + "," + strconv.Itoa(maximum) + "}$"
	return PatternFunc(source, func(s string) bool {
		n := 0
		for _, r := range s {
			if isLineTerminator(r) {
				return false
			}
			n++
		}
		return n >= minimum && n <= maximum
	})
}

// isLineTerminator reports whether r is one of ECMAScript's line terminators.
func isLineTerminator(r rune) bool {
	switch r {
	case '\n', '\r', '\u2028', '\u2029':
		return true
	}
	return false
}
