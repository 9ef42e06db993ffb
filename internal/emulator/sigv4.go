package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aws/smithy-go/encoding/httpbinding"
)

const (
	signingAlgorithm = "AWS4-HMAC-SHA256"
	amzDateFormat    = "20060102T150405Z"
	scopeDateFormat  = "20060102"
	// maxClockSkew is how far X-Amz-Date may be from the emulator's clock.
	maxClockSkew = 15 * time.Minute
)

// verifier checks SigV4 Authorization headers against the credentials it knows.
type verifier struct {
	credentials map[string]Credential
	region      string
	now         func() time.Time
}

// authorization is a parsed SigV4 signature: an Authorization header with
// X-Amz-Date and X-Amz-Security-Token beside it, or the query parameters
// of a presigned request.
type authorization struct {
	accessKeyID   string
	scopeDate     string
	region        string
	service       string
	signedHeaders []string
	signature     string
	amzDate       string
	securityToken string
	// presigned is set when the signature is in the query; expires is then
	// X-Amz-Expires, or zero when the query has none.
	presigned bool
	expires   time.Duration
}

// maxPresignedExpiry is the largest X-Amz-Expires SigV4 allows, a week.
const maxPresignedExpiry = 7 * 24 * time.Hour

// verify checks the request's signature for the given signing name and
// returns the error AWS would answer when it does not hold.
func (v verifier) verify(r *http.Request, body []byte, signingName string) *apiError {
	signer, err := v.authenticate(r, signingName)
	if err != nil {
		return err
	}
	return signer.check(r, body)
}

// signer is a request whose Authorization header names a known key, a
// current date and the right scope, and whose signature is still to check
// against the body.
type signer struct {
	auth        authorization
	secret      string
	signingTime time.Time
}

// authenticate checks everything about the request's signature that does
// not need its body: the header's form, the key and session token, the date,
// the scope and the signed headers. A request that fails here is refused
// before a byte of its body is read.
func (v verifier) authenticate(r *http.Request, signingName string) (signer, *apiError) {
	auth, err := requestAuthorization(r)
	if err != nil {
		return signer{}, err
	}
	credential, known := v.credentials[auth.accessKeyID]
	if !known || auth.securityToken != credential.SessionToken {
		return signer{}, coralError(http.StatusForbidden, "UnrecognizedClientException", "The security token included in the request is invalid.")
	}
	signingTime, err := v.checkDate(auth)
	if err != nil {
		return signer{}, err
	}
	if err := v.checkScope(auth, signingName); err != nil {
		return signer{}, err
	}
	if err := checkSignedHeaders(auth.signedHeaders, !auth.presigned); err != nil {
		return signer{}, err
	}
	return signer{auth: auth, secret: credential.SecretAccessKey, signingTime: signingTime}, nil
}

// check computes the signature of the request with its body and compares it
// with the one the request carries.
func (s signer) check(r *http.Request, body []byte) *apiError {
	// aws-sdk-go-v2 signs the path as sent; botocore signs it with dot
	// segments removed and repeated slashes collapsed. Either is accepted.
	path := sentPath(r)
	paths := []string{path}
	if normalized := removeDotSegments(path); normalized != path {
		paths = append(paths, normalized)
	}
	matched := false
	for _, path := range paths {
		canonical, err := canonicalRequest(r, path, s.auth, body)
		if err != nil {
			return err
		}
		expected := signature(s.secret, s.auth, s.signingTime, canonical)
		matched = matched || hmac.Equal([]byte(expected), []byte(s.auth.signature))
	}
	if !matched {
		return invalidSignature("The request signature we calculated does not match the signature you provided. " +
			"Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	return nil
}

func invalidSignature(message string) *apiError {
	return coralError(http.StatusForbidden, "InvalidSignatureException", message)
}

func incompleteSignature(message string) *apiError {
	return coralError(http.StatusBadRequest, "IncompleteSignatureException", message)
}

// requestAuthorization reads the request's signature from its
// Authorization header or, when it has none, from its query.
func requestAuthorization(r *http.Request) (authorization, *apiError) {
	if header := r.Header.Get("Authorization"); header != "" {
		auth, err := parseAuthorization(header)
		auth.amzDate, auth.securityToken = r.Header.Get("X-Amz-Date"), r.Header.Get("X-Amz-Security-Token")
		return auth, err
	}
	query, _ := url.ParseQuery(rawQuery(r))
	if !query.Has("X-Amz-Algorithm") && !query.Has("X-Amz-Credential") && !query.Has("X-Amz-Signature") {
		return authorization{}, coralError(http.StatusForbidden, "MissingAuthenticationTokenException", "Missing Authentication Token")
	}
	return parsePresigned(query)
}

// parsePresigned reads the signature of a presigned request from its query.
func parsePresigned(query url.Values) (authorization, *apiError) {
	if algorithm := query.Get("X-Amz-Algorithm"); algorithm != "" && algorithm != signingAlgorithm {
		return authorization{}, incompleteSignature("Unsupported AWS 'algorithm'; X-Amz-Algorithm must be " + signingAlgorithm + ".")
	}
	var missing []string
	for _, name := range []string{"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature"} {
		if query.Get(name) == "" {
			missing = append(missing, "'"+name+"'")
		}
	}
	if len(missing) > 0 {
		return authorization{}, incompleteSignature("AWS query-string parameters must include " + strings.Join(missing, ", ") +
			". Re-examine the query-string parameters.")
	}
	scope := strings.Split(query.Get("X-Amz-Credential"), "/")
	if len(scope) != 5 || scope[4] != "aws4_request" {
		return authorization{}, incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request.")
	}
	auth := authorization{
		accessKeyID:   scope[0],
		scopeDate:     scope[1],
		region:        scope[2],
		service:       scope[3],
		signedHeaders: strings.Split(query.Get("X-Amz-SignedHeaders"), ";"),
		signature:     query.Get("X-Amz-Signature"),
		amzDate:       query.Get("X-Amz-Date"),
		securityToken: query.Get("X-Amz-Security-Token"),
		presigned:     true,
	}
	if query.Has("X-Amz-Expires") {
		seconds, err := strconv.Atoi(query.Get("X-Amz-Expires"))
		auth.expires = time.Duration(seconds) * time.Second
		if err != nil || seconds <= 0 || auth.expires > maxPresignedExpiry {
			return authorization{}, incompleteSignature("X-Amz-Expires must be a whole number of seconds from 1 to 604800 (a week).")
		}
	}
	return auth, nil
}

// parseAuthorization splits "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...".
func parseAuthorization(header string) (authorization, *apiError) {
	algorithm, rest, _ := strings.Cut(strings.TrimSpace(header), " ")
	if algorithm != signingAlgorithm {
		return authorization{}, incompleteSignature("Unsupported AWS 'algorithm'; the Authorization header must start with " + signingAlgorithm + ".")
	}
	params := make(map[string]string, 3)
	for _, part := range strings.Split(rest, ",") {
		key, value, _ := strings.Cut(strings.TrimSpace(part), "=")
		params[key] = value
	}
	var missing []string
	for _, name := range []string{"Credential", "SignedHeaders", "Signature"} {
		if params[name] == "" {
			missing = append(missing, "Authorization header requires '"+name+"' parameter.")
		}
	}
	if len(missing) > 0 {
		return authorization{}, incompleteSignature(strings.Join(missing, " "))
	}
	scope := strings.Split(params["Credential"], "/")
	if len(scope) != 5 || scope[4] != "aws4_request" {
		return authorization{}, incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request.")
	}
	return authorization{
		accessKeyID:   scope[0],
		scopeDate:     scope[1],
		region:        scope[2],
		service:       scope[3],
		signedHeaders: strings.Split(params["SignedHeaders"], ";"),
		signature:     params["Signature"],
	}, nil
}

// checkDate parses X-Amz-Date, checks it against the clock (for a
// presigned request with X-Amz-Expires, the signature holds from 15 minutes
// before the date to X-Amz-Expires after it) and the credential scope, and
// returns it.
func (v verifier) checkDate(auth authorization) (time.Time, *apiError) {
	amzDate := auth.amzDate
	if amzDate == "" {
		return time.Time{}, incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	signingTime, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return time.Time{}, incompleteSignature("X-Amz-Date must be in the ISO-8601 basic format YYYYMMDD'T'HHMMSS'Z'.")
	}
	now := v.now().UTC()
	if auth.expires > 0 {
		if earliest := now.Add(-auth.expires); signingTime.Before(earliest) {
			return time.Time{}, invalidSignature(fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - %d sec.)",
				amzDate, earliest.Format(amzDateFormat), now.Format(amzDateFormat), int(auth.expires.Seconds())))
		}
	} else if earliest := now.Add(-maxClockSkew); signingTime.Before(earliest) {
		return time.Time{}, invalidSignature(fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 15 min.)",
			amzDate, earliest.Format(amzDateFormat), now.Format(amzDateFormat)))
	}
	if latest := now.Add(maxClockSkew); signingTime.After(latest) {
		return time.Time{}, invalidSignature(fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + 15 min.)",
			amzDate, latest.Format(amzDateFormat), now.Format(amzDateFormat)))
	}
	if day := signingTime.Format(scopeDateFormat); auth.scopeDate != day {
		return time.Time{}, invalidSignature(fmt.Sprintf("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			auth.scopeDate, day, amzDate))
	}
	return signingTime, nil
}

func (v verifier) checkScope(auth authorization, signingName string) *apiError {
	if auth.region != v.region {
		return invalidSignature("Credential should be scoped to a valid region. ")
	}
	if auth.service != signingName {
		return invalidSignature("Credential should be scoped to correct service: '" + signingName + "'. ")
	}
	return nil
}

// checkSignedHeaders requires the host to be signed, and the date when it
// is a header (a presigned request has it in the query), and the list to be
// lower case and sorted, as SigV4 defines it.
func checkSignedHeaders(names []string, dateHeader bool) *apiError {
	if !sort.StringsAreSorted(names) {
		return invalidSignature("SignedHeaders must be sorted.")
	}
	var host, date bool
	for _, name := range names {
		if name == "" || name != strings.ToLower(name) {
			return invalidSignature("SignedHeaders must be lower-case header names separated by ';'.")
		}
		host = host || name == "host"
		date = date || name == "x-amz-date"
	}
	if !host {
		return invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
	}
	if dateHeader && !date {
		return invalidSignature("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")
	}
	return nil
}

// canonicalRequest builds the SigV4 canonical request of r, with path as
// its escaped path, for the signature's signed headers. The canonical URI is
// the path escaped once more (the double encoding SigV4 uses for every service but S3); the
// canonical query leaves out the X-Amz-Signature of a presigned request.
func canonicalRequest(r *http.Request, path string, auth authorization, body []byte) (string, *apiError) {
	signedHeaders := auth.signedHeaders
	raw := rawQuery(r)
	if auth.presigned {
		raw = withoutQueryParameter(raw, "X-Amz-Signature")
	}
	query, ok := canonicalQuery(raw)
	if !ok {
		return "", invalidSignature("The query string is not correctly percent-encoded, so it cannot have been signed.")
	}
	payloadHash, err := canonicalPayloadHash(r, signedHeaders, body)
	if err != nil {
		return "", err
	}
	return strings.Join([]string{
		r.Method,
		httpbinding.EscapePath(path, false),
		query,
		canonicalHeaders(r, signedHeaders),
		strings.Join(signedHeaders, ";"),
		payloadHash,
	}, "\n"), nil
}

// unsignedPayload is the X-Amz-Content-Sha256 of a request whose signature
// does not cover its body.
const unsignedPayload = "UNSIGNED-PAYLOAD"

// canonicalPayloadHash is the hex SHA-256 of the body or, when the request
// signs an X-Amz-Content-Sha256 header, that header's value, as the signers
// that send it sign it: UNSIGNED-PAYLOAD, or a hash that must be the body's.
func canonicalPayloadHash(r *http.Request, signedHeaders []string, body []byte) (string, *apiError) {
	sum := sha256.Sum256(body)
	bodyHash := hex.EncodeToString(sum[:])
	if !slices.Contains(signedHeaders, "x-amz-content-sha256") {
		return bodyHash, nil
	}
	switch declared := strings.TrimSpace(r.Header.Get("X-Amz-Content-Sha256")); declared {
	case unsignedPayload, bodyHash:
		return declared, nil
	default:
		return "", invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed; " +
			"it must be " + unsignedPayload + " or the hex SHA-256 of the body.")
	}
}

// sentPath is the escaped path as the client sent it, "/" when empty.
func sentPath(r *http.Request) string {
	if path := escapedPath(r); path != "" {
		return path
	}
	return "/"
}

// removeDotSegments normalises an escaped path as botocore does before
// signing it: "." and empty segments are dropped and ".." drops the
// segment before it; the leading slash is kept, and the trailing one when
// a segment is left.
func removeDotSegments(path string) string {
	var segments []string
	for segment := range strings.SplitSeq(path, "/") {
		switch segment {
		case "", ".":
		case "..":
			if len(segments) > 0 {
				segments = segments[:len(segments)-1]
			}
		default:
			segments = append(segments, segment)
		}
	}
	normalized := strings.Join(segments, "/")
	if strings.HasPrefix(path, "/") {
		normalized = "/" + normalized
	}
	if strings.HasSuffix(path, "/") && len(segments) > 0 {
		normalized += "/"
	}
	return normalized
}

// withoutQueryParameter returns a raw query without the parts that name
// the parameter.
func withoutQueryParameter(raw, name string) string {
	var kept []string
	for part := range strings.SplitSeq(raw, "&") {
		if partName, _, _ := strings.Cut(part, "="); partName != "" {
			if decoded, err := url.QueryUnescape(partName); err == nil && decoded == name {
				continue
			}
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

// rawQuery returns the query exactly as the client sent it on the wire.
func rawQuery(r *http.Request) string {
	if uri := r.RequestURI; uri != "" {
		if _, query, found := strings.Cut(uri, "?"); found {
			return query
		}
		return ""
	}
	return r.URL.RawQuery
}

// canonicalQuery is the SigV4 canonical query string of a raw query: the
// parameters are the '&'-separated parts (empty parts are skipped), each a
// name and a value split at the first '=', percent-decoded ('+' is a
// space); each name and value is encoded again with every byte outside
// A-Z a-z 0-9 - _ . ~ as %XX, and the pairs are sorted by name, then by
// value. This is what aws-sdk-go-v2's signer signs, with one difference:
// where url.ParseQuery silently drops a part it cannot decode or one holding
// a ';', this reports false for a bad escape, and keeps ';' as the ordinary
// character SigV4 says it is, so neither can be slipped in unsigned.
func canonicalQuery(raw string) (string, bool) {
	type param struct{ name, value string }
	var params []param
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		name, nameErr := url.QueryUnescape(name)
		value, valueErr := url.QueryUnescape(value)
		if nameErr != nil || valueErr != nil {
			return "", false
		}
		params = append(params, param{encodeQueryComponent(name), encodeQueryComponent(value)})
	}
	sort.Slice(params, func(i, j int) bool {
		if params[i].name != params[j].name {
			return params[i].name < params[j].name
		}
		return params[i].value < params[j].value
	})
	var out strings.Builder
	for i, p := range params {
		if i > 0 {
			out.WriteByte('&')
		}
		out.WriteString(p.name + "=" + p.value)
	}
	return out.String(), true
}

func encodeQueryComponent(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// canonicalHeaders renders "name:value\n" for each signed header, values
// trimmed, inner runs of spaces collapsed, repeated headers joined by commas.
func canonicalHeaders(r *http.Request, signedHeaders []string) string {
	var out strings.Builder
	for _, name := range signedHeaders {
		values := headerValues(r, name)
		for i, value := range values {
			values[i] = collapseSpaces(value)
		}
		out.WriteString(name + ":" + strings.Join(values, ",") + "\n")
	}
	return out.String()
}

// headerValues returns the values of a header, including the ones net/http
// moves out of the header map.
func headerValues(r *http.Request, name string) []string {
	switch name {
	case "host":
		return []string{r.Host}
	case "content-length":
		if values := r.Header.Values("Content-Length"); len(values) > 0 {
			return values
		}
		return []string{strconv.FormatInt(max(r.ContentLength, 0), 10)}
	case "transfer-encoding":
		return r.TransferEncoding
	}
	return append([]string(nil), r.Header.Values(name)...)
}

// collapseSpaces trims a value and replaces each run of spaces with one space.
func collapseSpaces(value string) string {
	return strings.TrimSpace(strings.Join(strings.FieldsFunc(value, func(c rune) bool { return c == ' ' }), " "))
}

// signature derives the signing key from the secret and signs the string to sign.
func signature(secret string, auth authorization, signingTime time.Time, canonical string) string {
	canonicalHash := sha256.Sum256([]byte(canonical))
	stringToSign := strings.Join([]string{
		signingAlgorithm,
		signingTime.UTC().Format(amzDateFormat),
		strings.Join([]string{auth.scopeDate, auth.region, auth.service, "aws4_request"}, "/"),
		hex.EncodeToString(canonicalHash[:]),
	}, "\n")
	key := hmacSHA256([]byte("AWS4"+secret), auth.scopeDate)
	key = hmacSHA256(key, auth.region)
	key = hmacSHA256(key, auth.service)
	key = hmacSHA256(key, "aws4_request")
	return hex.EncodeToString(hmacSHA256(key, stringToSign))
}

func hmacSHA256(key []byte, data string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(data))
	return mac.Sum(nil)
}
