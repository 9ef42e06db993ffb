package sigv4

import (
	"net/url"
	"strings"
)

// pathEscapes[c] reports whether net/url escapes byte c in a path
// (URL.EscapedPath). It is read from net/url itself, so the two agree.
var pathEscapes = func() (table [256]bool) {
	for c := range table {
		path := string([]byte{'a', byte(c)})
		u := url.URL{Path: path}
		table[c] = u.EscapedPath() != path
	}
	return table
}()

// pathEncoded[c] reports whether byte c may appear in an escaped path that
// URL.EscapedPath returns as it is (net/url's validEncoded).
var pathEncoded = func() (table [256]bool) {
	for c := range table {
		table[c] = !pathEscapes[c] || strings.IndexByte("!$&'()*+,;=:@[]%", byte(c)) >= 0
	}
	return table
}()

// pathUnreserved[c] reports whether the second escaping of the canonical
// URI leaves byte c as it is: A-Z a-z 0-9 - . _ ~ and '/'.
var pathUnreserved = func() (table [256]bool) {
	for c := range table {
		table[c] = c == '/' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return table
}()

// pathPlain[c] reports whether byte c goes into the canonical URI as it is
// in every case: neither net/url's escaping nor the second one changes it.
var pathPlain = func() (table [256]bool) {
	for c := range table {
		table[c] = !pathEscapes[c] && pathUnreserved[c]
	}
	return table
}()

// appendCanonicalPath appends the canonical URI of u as the official
// signer computes it: the escaped path (URL.EscapedPath, or the path part
// of Opaque), "/" when empty, then escaped again, every byte but
// A-Z a-z 0-9 - . _ ~ and '/', unless escapeAgain is false.
func appendCanonicalPath(b []byte, u *url.URL, escapeAgain bool) []byte {
	path, escaped := escapedPath(u)
	if path == "" {
		path, escaped = "/", true
	}
	for i := 0; i < len(path); i++ {
		c := path[i]
		if pathPlain[c] {
			// A run of bytes written as they are, escaped once or twice.
			j := i + 1
			for j < len(path) && pathPlain[path[j]] {
				j++
			}
			b = append(b, path[i:j]...)
			i = j - 1
			continue
		}
		if !escaped && pathEscapes[c] {
			b = appendPathByte(b, '%', escapeAgain)
			b = appendPathByte(b, upperHexDigits[c>>4], escapeAgain)
			b = appendPathByte(b, upperHexDigits[c&0xF], escapeAgain)
			continue
		}
		b = appendPathByte(b, c, escapeAgain)
	}
	return b
}

// escapedPath returns the request's path and whether it is already
// escaped; when it is not, net/url's path escaping is still to be applied.
func escapedPath(u *url.URL) (string, bool) {
	if u.Opaque != "" {
		opaque := u.Opaque
		if i := strings.IndexByte(opaque, '?'); i >= 0 {
			opaque = opaque[:i]
		}
		opaque = strings.TrimPrefix(opaque, "//")
		if i := strings.IndexByte(opaque, '/'); i >= 0 {
			return opaque[i:], true
		}
		return "", true
	}
	if u.RawPath != "" && validEncoded(u.RawPath) && unescapesTo(u.RawPath, u.Path) {
		return u.RawPath, true
	}
	if u.Path == "*" {
		return "*", true
	}
	return u.Path, false
}

func validEncoded(s string) bool {
	for i := 0; i < len(s); i++ {
		if !pathEncoded[s[i]] {
			return false
		}
	}
	return true
}

// unescapesTo reports whether raw is well formed and percent-decodes to
// path, as net/url's path unescaping would.
func unescapesTo(raw, path string) bool {
	if raw == path && strings.IndexByte(raw, '%') < 0 {
		return true // the usual case: a path that needed no escaping
	}
	j := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '%' {
			if i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2]) {
				return false
			}
			c = unhex(raw[i+1])<<4 | unhex(raw[i+2])
			i += 2
		}
		if j >= len(path) || path[j] != c {
			return false
		}
		j++
	}
	return j == len(path)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// appendPathByte appends c, percent-encoded when escape is set and c is
// not unreserved or '/'.
func appendPathByte(b []byte, c byte, escape bool) []byte {
	if !escape || pathUnreserved[c] {
		return append(b, c)
	}
	return append(b, '%', upperHexDigits[c>>4], upperHexDigits[c&0xF])
}
