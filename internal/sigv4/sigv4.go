// Package sigv4 signs HTTP requests with AWS Signature Version 4, producing
// the same headers, byte for byte, as the official signer
// (github.com/aws/aws-sdk-go-v2/aws/signer/v4) does in SignHTTP, at a
// fraction of its cost: the canonical request is written into a reused
// buffer and hashed in one pass, the derived signing key is kept per
// credentials, day, region and service, the canonical order of a set of
// header names once seen is looked up rather than sorted again, and the
// only allocation is the one holding the header values it adds.
//
// The official signer's behaviour is followed to the letter: the headers it
// ignores (Authorization, User-Agent, X-Amzn-Trace-Id, Expect,
// Transfer-Encoding, matched by exact name) are ignored; every other header
// is signed, including amz-sdk-request, X-Amz-Content-Sha256 and
// X-Amz-Security-Token; X-Amz-Date and X-Amz-Security-Token are set before
// signing; the Host value drops a default port; the path is escaped twice
// unless DisableURIPathEscaping is set; a query is rewritten in canonical
// order. Where it differs, it differs on purpose: a log of what was signed
// (LogSigning) never shows the session token or the secret key.
package sigv4

import (
	"context"
	"crypto/fips140"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"

	"github.com/awssnap/awssnap/internal/redact"
)

const (
	algorithm       = "AWS4-HMAC-SHA256"
	dateHeader      = "X-Amz-Date"
	tokenHeader     = "X-Amz-Security-Token"
	authHeader      = "Authorization"
	hostName        = "host"
	contentLength   = "content-length"
	scopeTerminator = "aws4_request"
	hexDigits       = "0123456789abcdef"
	upperHexDigits  = "0123456789ABCDEF"
	redacted        = "<redacted>"
)

// Signer signs requests with SigV4. It satisfies the official clients'
// HTTPSignerV4 interface, takes the same options (v4.SignerOptions) and is
// safe for concurrent use. The zero value is ready to use.
type Signer struct {
	options v4.SignerOptions
	keys    keyCache
	orders  orderCache
	date    atomic.Pointer[signedDate] // the second signed last
}

// signedDate is a second, in Unix time, and its X-Amz-Date form.
type signedDate struct {
	unix int64
	text [16]byte
}

// New returns a Signer with the given options applied.
func New(optFns ...func(*v4.SignerOptions)) *Signer {
	s := &Signer{}
	for _, fn := range optFns {
		fn(&s.options)
	}
	return s
}

// SignHTTP signs r as v4.Signer.SignHTTP does: it sets X-Amz-Date, the
// session token (X-Amz-Security-Token) unless the options disable it, and
// Authorization, drops a default port from r.Host, and rewrites a query in
// canonical order. payloadHash is the hex SHA-256 of the body. It never
// fails; the error is there for the interface.
func (s *Signer) SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash string,
	service string, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	options := &s.options
	if len(optFns) > 0 {
		copied := s.options
		for _, fn := range optFns {
			fn(&copied)
		}
		options = &copied
	}
	if r.Header == nil {
		r.Header = make(http.Header)
	}
	out := new(signedValues)
	var amzDate [16]byte
	s.formatDate(&amzDate, signingTime)
	date := out.put(amzDate[:])
	setValue(r.Header, dateHeader, date, &out.values[0])
	token := credentials.SessionToken
	if !options.DisableSessionToken && token != "" {
		setValue(r.Header, tokenHeader, token, &out.values[1])
	}
	sanitizeHost(r)
	host := r.URL.Host
	if r.Host != "" {
		host = r.Host
	}

	bufp := buffers.Get().(*[]byte)
	b := (*bufp)[:0]
	b = append(b, r.Method...)
	b = append(b, '\n')
	b = appendCanonicalPath(b, r.URL, !options.DisableURIPathEscaping)
	b = append(b, '\n')
	var query string
	if r.URL.RawQuery != "" {
		query = canonicalQuery(r.URL.RawQuery)
		b = append(b, query...)
	}
	b = append(b, '\n')
	var stack [16]header
	headers := s.orders.collect(stack[:0], r.Header, r.ContentLength)
	for i := 0; i < len(headers); {
		h := &headers[i]
		b = appendName(b, h)
		b = append(b, ':')
		switch h.kind {
		case kindHost:
			b = appendCollapsed(b, trimSpaces(host))
			i++
		case kindContentLength:
			b = strconv.AppendInt(b, r.ContentLength, 10)
			i++
		default:
			// Two map keys for one name (such as "Foo" and "foo") share
			// a line, their values joined.
			var comma bool
			b, comma = appendValues(b, h.values, false)
			for i++; i < len(headers) && sameName(h, &headers[i]); i++ {
				b, comma = appendValues(b, headers[i].values, comma)
			}
		}
		b = append(b, '\n')
	}
	b = append(b, '\n')
	signedStart := len(b)
	for i := range headers {
		if i > 0 && sameName(&headers[i-1], &headers[i]) {
			continue
		}
		if i > 0 {
			b = append(b, ';')
		}
		b = appendName(b, &headers[i])
	}
	signedEnd := len(b)
	b = append(b, '\n')
	b = append(b, payloadHash...)
	canonicalEnd := len(b)
	requestHash := sha256.Sum256(b)

	key := s.keys.get(&credentials, amzDate[:8], region, service)
	// The string to sign follows the canonical request in the buffer,
	// after a block for the HMAC's inner pad.
	b = append(b, key.innerPad[:]...)
	stringToSign := len(b)
	b = append(b, algorithm+"\n"...)
	b = append(b, amzDate[:]...)
	b = append(b, '\n')
	scope := len(b)
	b = appendScope(b, amzDate[:8], region, service)
	scopeEnd := len(b)
	b = append(b, '\n')
	b = AppendHex(b, requestHash[:])
	var signature [sha256.Size]byte
	if fips140.Enabled() {
		mac := hmac.New(sha256.New, key.key[:])
		mac.Write(b[stringToSign:])
		signature = [sha256.Size]byte(mac.Sum(nil))
	} else {
		signature = key.mac(b[canonicalEnd:])
	}

	auth := out.authorization(credentials.AccessKeyID, b[scope:scopeEnd], b[signedStart:signedEnd], signature[:])
	setValue(r.Header, authHeader, auth, &out.values[2])
	if r.URL.RawQuery != "" {
		r.URL.RawQuery = query
	}
	if options.LogSigning {
		logSigning(ctx, options.Logger, &credentials, string(b[:canonicalEnd]), string(b[stringToSign:]))
	}
	if cap(b) <= maxPooledBuffer {
		*bufp = b[:0]
		buffers.Put(bufp)
	}
	return nil
}

// maxPooledBuffer bounds the buffers kept for reuse, so one huge request
// does not pin its buffer.
const maxPooledBuffer = 64 << 10

var buffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 2048)
	return &b
}}

// signedValues holds what signing adds to a request's headers, in one
// allocation: the slices' backing strings and, in most cases, their bytes.
type signedValues struct {
	values [3]string // X-Amz-Date, X-Amz-Security-Token, Authorization
	used   int
	bytes  [352]byte
}

// put returns a string holding a copy of p, kept in v's storage when it
// fits. The storage is written once and never again, so the string stays
// immutable.
func (v *signedValues) put(p []byte) string {
	if v.used+len(p) > len(v.bytes) {
		return string(p)
	}
	dst := v.bytes[v.used : v.used+len(p)]
	copy(dst, p)
	v.used += len(p)
	return unsafe.String(&dst[0], len(dst))
}

// authorization builds the Authorization value.
func (v *signedValues) authorization(accessKey string, scope, signedHeaders, signature []byte) string {
	const (
		credential = algorithm + " Credential="
		signed     = ", SignedHeaders="
		sig        = ", Signature="
	)
	n := len(credential) + len(accessKey) + 1 + len(scope) + len(signed) + len(signedHeaders) + len(sig) + 2*len(signature)
	var dst []byte
	if v.used+n <= len(v.bytes) {
		dst = v.bytes[v.used : v.used : v.used+n]
		v.used += n
	} else {
		dst = make([]byte, 0, n)
	}
	dst = append(dst, credential...)
	dst = append(dst, accessKey...)
	dst = append(dst, '/')
	dst = append(dst, scope...)
	dst = append(dst, signed...)
	dst = append(dst, signedHeaders...)
	dst = append(dst, sig...)
	dst = AppendHex(dst, signature)
	return unsafe.String(&dst[0], len(dst))
}

// setValue sets header name to the single value v, as the official signer
// does: reusing the existing slice's storage when it has any, else using
// spare (one of the signedValues' strings).
func setValue(h http.Header, name, v string, spare *string) {
	if existing := h[name]; cap(existing) > 0 {
		h[name] = append(existing[:0], v)
		return
	}
	*spare = v
	h[name] = unsafe.Slice(spare, 1)
}

// header is one line of the canonical headers.
type header struct {
	name   string // the map key, or the lower-case name when it is not ASCII
	values []string
	kind   uint8
	fold   bool // name holds ASCII upper case to be lowered
}

const (
	kindHeader uint8 = iota
	kindHost
	kindContentLength
)

// collectHeaders returns the headers to sign, sorted by lower-case name:
// host, content-length when the body is not empty, and every header but
// the ignored ones, Host and Content-Length.
func collectHeaders(dst []header, h http.Header, length int64) []header {
	dst = append(dst, header{name: hostName, kind: kindHost})
	if length > 0 {
		dst = append(dst, header{name: contentLength, kind: kindContentLength})
	}
	for key, values := range h {
		if ignored(key) || strings.EqualFold(key, contentLength) {
			continue
		}
		entry := header{name: key, values: values}
		if isASCII(key) {
			entry.fold = hasUpper(key)
		} else {
			entry.name = strings.ToLower(key)
		}
		if sameName(&dst[0], &entry) {
			continue // a Host key: the host line comes from the request
		}
		dst = append(dst, entry)
	}
	slices.SortFunc(dst, compareNames)
	return dst
}

// ignored reports whether the official signer leaves the header (named by
// its exact map key) out of the signature.
func ignored(key string) bool {
	switch key {
	case "Authorization", "User-Agent", "X-Amzn-Trace-Id", "Expect", "Transfer-Encoding":
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// compareNames orders headers by lower-case name, bytewise.
func compareNames(a, b header) int {
	n := min(len(a.name), len(b.name))
	for i := 0; i < n; i++ {
		x, y := a.name[i], b.name[i]
		if a.fold {
			x = lower(x)
		}
		if b.fold {
			y = lower(y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return len(a.name) - len(b.name)
}

func sameName(a, b *header) bool {
	return len(a.name) == len(b.name) && compareNames(*a, *b) == 0
}

func appendName(b []byte, h *header) []byte {
	if !h.fold {
		return append(b, h.name...)
	}
	for i := 0; i < len(h.name); i++ {
		b = append(b, lower(h.name[i]))
	}
	return b
}

// appendValues appends the values joined by commas, each trimmed of
// surrounding white space with inner runs of spaces collapsed to one.
func appendValues(b []byte, values []string, comma bool) ([]byte, bool) {
	for _, v := range values {
		if comma {
			b = append(b, ',')
		}
		comma = true
		b = appendCollapsed(b, strings.TrimSpace(v))
	}
	return b, comma
}

// trimSpaces removes leading and trailing spaces (only ' ').
func trimSpaces(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// appendCollapsed appends s with every run of spaces written as one.
func appendCollapsed(b []byte, s string) []byte {
	for {
		i := strings.Index(s, "  ")
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i+1]...)
		s = s[i+1:]
		for len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
	}
}

// canonicalQuery returns the query in the signer's canonical form: the
// pairs that net/url parses, each name and value escaped (a space as
// %20), sorted after escaping.
func canonicalQuery(raw string) string {
	query, _ := url.ParseQuery(raw)
	type pair struct{ name, value string }
	pairs := make([]pair, 0, len(query))
	for name, values := range query {
		escapedName := escapeQuery(name)
		for _, value := range values {
			pairs = append(pairs, pair{escapedName, escapeQuery(value)})
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	var s strings.Builder
	for i, p := range pairs {
		if i > 0 {
			s.WriteByte('&')
		}
		s.WriteString(p.name)
		s.WriteByte('=')
		s.WriteString(p.value)
	}
	return s.String()
}

func escapeQuery(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// sanitizeHost drops a default port (80 for http, 443 for https) from the
// request's host, setting r.Host, as the official signer does before
// signing.
func sanitizeHost(r *http.Request) {
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	port := portOnly(host)
	if port == "" {
		return
	}
	scheme := r.URL.Scheme
	if strings.EqualFold(scheme, "http") && port == "80" || strings.EqualFold(scheme, "https") && port == "443" {
		r.Host = stripPort(host)
	}
}

func portOnly(hostport string) string {
	colon := strings.IndexByte(hostport, ':')
	if colon == -1 {
		return ""
	}
	if i := strings.Index(hostport, "]:"); i != -1 {
		return hostport[i+len("]:"):]
	}
	if strings.Contains(hostport, "]") {
		return ""
	}
	return hostport[colon+len(":"):]
}

func stripPort(hostport string) string {
	colon := strings.IndexByte(hostport, ':')
	if colon == -1 {
		return hostport
	}
	if i := strings.IndexByte(hostport, ']'); i != -1 {
		return strings.TrimPrefix(hostport[:i], "[")
	}
	return hostport[:colon]
}

// formatDate writes t as formatDate does, from the last second formatted
// when t falls in it, as the requests of a busy client do.
func (s *Signer) formatDate(dst *[16]byte, t time.Time) {
	unix := t.Unix()
	if last := s.date.Load(); last != nil && last.unix == unix {
		*dst = last.text
		return
	}
	formatDate(dst, t.UTC())
	s.date.Store(&signedDate{unix: unix, text: *dst})
}

// formatDate writes t (UTC) as 20060102T150405Z.
func formatDate(dst *[16]byte, t time.Time) {
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		copy(dst[:], t.Format("20060102T150405Z"))
		return
	}
	hour, minute, second := t.Clock()
	put := func(i, v, width int) {
		for j := i + width - 1; j >= i; j-- {
			dst[j] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, year, 4)
	put(4, int(month), 2)
	put(6, day, 2)
	dst[8] = 'T'
	put(9, hour, 2)
	put(11, minute, 2)
	put(13, second, 2)
	dst[15] = 'Z'
}

func appendScope(b, day []byte, region, service string) []byte {
	b = append(b, day...)
	b = append(b, '/')
	b = append(b, region...)
	b = append(b, '/')
	b = append(b, service...)
	b = append(b, '/')
	return append(b, scopeTerminator...)
}

// AppendHex appends the lowercase hex digits of p to b, as hex.AppendEncode
// does, eight bytes at a time.
func AppendHex(b, p []byte) []byte {
	n := len(b)
	b = slices.Grow(b, 2*len(p))[:n+2*len(p)]
	dst := b[n:]
	for len(p) >= 8 && len(dst) >= 16 {
		x := binary.BigEndian.Uint64(p)
		binary.BigEndian.PutUint64(dst, hexWord(uint32(x>>32)))
		binary.BigEndian.PutUint64(dst[8:], hexWord(uint32(x)))
		p, dst = p[8:], dst[16:]
	}
	for i, c := range p {
		dst[2*i], dst[2*i+1] = hexDigits[c>>4], hexDigits[c&0xF]
	}
	return b
}

// hexWord returns the eight lowercase hex digits of x, the first in the
// highest byte: each nibble is spread to a byte of its own, then turned
// into its digit, '0'+n or 'a'+n-10, in all eight bytes at once.
func hexWord(x uint32) uint64 {
	v := uint64(x)
	v = (v<<16 | v) & 0x0000ffff0000ffff
	v = (v<<8 | v) & 0x00ff00ff00ff00ff
	v = (v<<4 | v) & 0x0f0f0f0f0f0f0f0f
	// A nibble of 10 or more carries into bit 4 of its byte once 6 is added.
	letters := (v + 0x0606060606060606) >> 4 & 0x0101010101010101
	return v + 0x3030303030303030 + letters*('a'-'0'-10)
}

// logSigning writes what was signed, as the official signer's LogSigning
// does, with the session token and secret key replaced wherever they
// appear: as they are, query-escaped, or as a signed header value. The
// message goes to the logger with the official format and its arguments
// redacted when that gives the same text, else as one string.
func logSigning(ctx context.Context, logger logging.Logger, credentials *aws.Credentials, canonical, stringToSign string) {
	if logger == nil {
		return
	}
	scrub := func(text string) string {
		for _, secret := range []string{credentials.SessionToken, credentials.SecretAccessKey} {
			if secret != "" {
				text = strings.ReplaceAll(text, secret, redacted)
				text = strings.ReplaceAll(text, escapeQuery(secret), redacted)
				// As a header value: trimmed, runs of spaces folded.
				if signed := string(appendCollapsed(nil, strings.TrimSpace(secret))); signed != "" {
					text = strings.ReplaceAll(text, signed, redacted)
				}
			}
		}
		return text
	}
	redact.Logf(logging.WithContext(ctx, logger), logging.Debug, scrub, logMessage, canonical, stringToSign, "")
}

// logMessage is the official signer's format, so logs read the same.
const logMessage = `Request Signature:
---[ CANONICAL STRING  ]-----------------------------
%s
---[ STRING TO SIGN ]--------------------------------
%s%s
-----------------------------------------------------`
