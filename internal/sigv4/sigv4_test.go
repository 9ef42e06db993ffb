package sigv4

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
)

// signCase is one request to sign, with everything the signer is given.
type signCase struct {
	method, rawURL, host string
	query                string // set on the URL after parsing
	path, rawPath        string // set on the URL after parsing, when path is not empty
	header               http.Header
	contentLength        int64
	credentials          aws.Credentials
	payloadHash          string
	service, region      string
	signingTime          time.Time
	disablePathEscaping  bool
	disableSessionToken  bool
}

func (c *signCase) request(t testing.TB) *http.Request {
	t.Helper()
	req, err := http.NewRequest(c.method, c.rawURL, nil)
	if err != nil {
		t.Fatalf("%s: %v", c.rawURL, err)
	}
	if c.path != "" {
		req.URL.Path, req.URL.RawPath = c.path, c.rawPath
	}
	req.URL.RawQuery = c.query
	req.Host = c.host
	req.ContentLength = c.contentLength
	req.Header = make(http.Header, len(c.header))
	for name, values := range c.header {
		req.Header[name] = append([]string(nil), values...)
	}
	return req
}

func (c *signCase) options(o *v4.SignerOptions) {
	o.DisableURIPathEscaping = c.disablePathEscaping
	o.DisableSessionToken = c.disableSessionToken
}

type captureLogger struct {
	mu       sync.Mutex
	messages []string
	formats  []string
}

func (l *captureLogger) Logf(_ logging.Classification, format string, v ...interface{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.messages = append(l.messages, fmt.Sprintf(format, v...))
	l.formats = append(l.formats, format)
}

// compareWithOfficial signs c with ours and with the official signer,
// both logging what they sign, and reports any difference in the signed
// request (every header, Host, the URL) or in the log, where ours shows
// the session token and secret key as <redacted>.
func compareWithOfficial(t testing.TB, ours *Signer, c *signCase) {
	t.Helper()
	ourReq, officialReq := c.request(t), c.request(t)
	ourLog, officialLog := &captureLogger{}, &captureLogger{}
	logTo := func(l logging.Logger) func(*v4.SignerOptions) {
		return func(o *v4.SignerOptions) { o.Logger, o.LogSigning = l, true }
	}
	official := v4.NewSigner()
	ctx := context.Background()
	if err := official.SignHTTP(ctx, c.credentials, officialReq, c.payloadHash, c.service, c.region, c.signingTime,
		c.options, logTo(officialLog)); err != nil {
		t.Fatal(err)
	}
	if err := ours.SignHTTP(ctx, c.credentials, ourReq, c.payloadHash, c.service, c.region, c.signingTime,
		c.options, logTo(ourLog)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(officialReq.Header, ourReq.Header); diff != "" {
		t.Fatalf("%s %s: headers (-official +ours):\n%s", c.method, c.rawURL, diff)
	}
	if officialReq.Host != ourReq.Host || officialReq.URL.String() != ourReq.URL.String() {
		t.Fatalf("%s: host %q URL %q, official host %q URL %q", c.rawURL, ourReq.Host, ourReq.URL, officialReq.Host, officialReq.URL)
	}
	if len(ourLog.messages) != 1 || len(officialLog.messages) != 1 {
		t.Fatalf("%d log messages, official %d", len(ourLog.messages), len(officialLog.messages))
	}
	want := officialLog.messages[0]
	for _, secret := range []string{c.credentials.SessionToken, c.credentials.SecretAccessKey} {
		if secret != "" {
			want = strings.ReplaceAll(want, secret, redacted)
			want = strings.ReplaceAll(want, strings.ReplaceAll(url.QueryEscape(secret), "+", "%20"), redacted)
			if signed := signedForm(secret); signed != "" {
				want = strings.ReplaceAll(want, signed, redacted)
			}
		}
	}
	if diff := cmp.Diff(want, ourLog.messages[0]); diff != "" {
		t.Fatalf("%s: signing log (-official, redacted +ours):\n%s", c.rawURL, diff)
	}
}

// Values this library's requests carry, per part of the request.
var (
	hosts = []string{
		"memory-db.us-east-1.amazonaws.com", "lightsail.eu-west-3.amazonaws.com",
		"partnercentral-selling.us-east-1.api.aws", "neptune-graph.ap-southeast-2.amazonaws.com",
		"datazone.us-gov-west-1.api.aws", "datazone-fips.us-east-1.api.aws", "memory-db.cn-north-1.amazonaws.com.cn",
		"127.0.0.1:43210", "localhost:8080", "[::1]:9000", "example.com:443", "example.com:80", "[::1]:443",
		"vpce-0123.memory-db.us-east-1.vpce.amazonaws.com",
	}
	prefixes = []string{"", "/", "/prefix", "/a/b/", "/x%20y", "/v1;p=1"}
	queries  = []string{"", "", "", "a=b", "b=2&a=1&a=0", "x=a b&y=%2F&z", "k=v&&=e&;bad=1", "Action=List&Version=2013-11-01"}
	regions  = []string{"us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1", "il-central-1", "us-isob-east-1"}
	services = []string{"memorydb", "lightsail", "partnercentral-selling", "neptune-graph", "datazone", "s3", "execute-api"}
	targets  = []string{"AmazonMemoryDB.CopySnapshot", "Lightsail_20161128.GetExportSnapshotRecords",
		"AWSPartnerCentralSelling.CreateResourceSnapshot"}
	contentTypes = []string{"application/x-amz-json-1.0", "application/x-amz-json-1.1", "application/json"}
	labelRunes   = []rune("aZ09-._~ /+%?#&=;:@!$'()*,[]\"\\^`{|}<>é😀\u2028\x00\x7f\t")
	valueRunes   = []rune("aZ09 -_.;=,/:\t\"é")
)

// signedForm is a header value as a canonical request shows it: trimmed,
// runs of spaces folded into one.
func signedForm(v string) string {
	v = strings.TrimSpace(v)
	for strings.Contains(v, "  ") {
		v = strings.ReplaceAll(v, "  ", " ")
	}
	return v
}

func pick[T any](r *rand.Rand, values []T) T { return values[r.IntN(len(values))] }

func randomString(r *rand.Rand, runes []rune, maxLen int) string {
	var b strings.Builder
	for n := r.IntN(maxLen + 1); n > 0; n-- {
		b.WriteRune(pick(r, runes))
	}
	return b.String()
}

func randomKey(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// randomCase builds a request of a shape this library sends: POST to "/"
// with X-Amz-Target (awsJson) or to a path of escaped labels (restJson),
// below an endpoint's own path, with the User-Agent and amz-sdk-request
// headers; then, now and then, what a user's endpoint, HTTP client or
// retried request may add: a query, a default port, extra and
// odd headers, header values with spaces, a Host key, earlier signing
// headers.
func randomCase(r *rand.Rand) *signCase {
	c := &signCase{method: "POST", header: http.Header{}}
	scheme := pick(r, []string{"https", "https", "http", "HTTPS"})
	host := pick(r, hosts)
	endpoint, err := url.Parse(scheme + "://" + host + pick(r, prefixes))
	if err != nil {
		panic(err)
	}
	path, rawPath := "/", "/"
	if r.IntN(2) == 0 {
		c.header["Content-Type"] = []string{pick(r, contentTypes[:2])}
		c.header["X-Amz-Target"] = []string{pick(r, targets)}
	} else {
		c.header["Content-Type"] = []string{contentTypes[2]}
		path, rawPath = "/snapshots", "/snapshots"
		if r.IntN(3) > 0 {
			var raw strings.Builder
			for _, literal := range []string{"/v2/domains/", "/assets/", "/revisions"} {
				raw.WriteString(literal)
				if literal != "/revisions" {
					label := randomString(r, labelRunes, 12)
					if label == "" {
						label = "dzd_1"
					}
					raw.WriteString(escapeLabel(label))
				}
			}
			rawPath = raw.String()
			path, err = url.PathUnescape(rawPath)
			if err != nil {
				panic(err)
			}
		}
	}
	u := *endpoint
	if u.Path == "" || u.Path == "/" {
		u.Path, u.RawPath = path, ""
		if rawPath != path {
			u.RawPath = rawPath
		}
	} else {
		endpointRaw := u.RawPath
		if endpointRaw == "" {
			endpointRaw = u.Path
		}
		u.Path = smithyhttp.JoinPath(u.Path, path)
		u.RawPath = smithyhttp.JoinPath(endpointRaw, rawPath)
	}
	u.RawQuery = pick(r, queries)
	c.rawURL, c.path, c.rawPath, c.query = u.Scheme+"://"+u.Host+"/", u.Path, u.RawPath, u.RawQuery
	if r.IntN(4) == 0 {
		c.host = pick(r, hosts)
	}
	c.header["User-Agent"] = []string{"awssnap/0.1.0 lang/go#1.26 os/linux md/GOARCH#amd64 api/MemoryDB" +
		pick(r, []string{"", " app/my-app"})}
	maxAttempts := r.IntN(12)
	c.header["Amz-Sdk-Request"] = []string{fmt.Sprintf("attempt=%d; max=%d", 1+r.IntN(max(maxAttempts, 1)), maxAttempts)}
	if r.IntN(3) == 0 {
		addOddHeaders(r, c.header)
	}
	body := randomKey(r, "{}\"abc:, ", r.IntN(300))
	sum := sha256.Sum256([]byte(body))
	c.payloadHash = hex.EncodeToString(sum[:])
	c.contentLength = int64(len(body))
	if r.IntN(10) == 0 {
		c.contentLength = -1
	}
	c.credentials = aws.Credentials{
		AccessKeyID:     pick(r, []string{"AKIA", "ASIA"}) + randomKey(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
		SecretAccessKey: randomKey(r, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", 40),
	}
	if r.IntN(2) == 0 {
		c.credentials.SessionToken = randomKey(r, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=", 100+r.IntN(1200))
	}
	c.service, c.region = pick(r, services), pick(r, regions)
	c.signingTime = time.Unix(r.Int64N(4_102_444_800), 0) // 1970 to 2100
	if r.IntN(5) == 0 {
		c.signingTime = time.Date(2026, 12, 5+r.IntN(2), 23, 59, 59, 999, time.FixedZone("east", 3600*r.IntN(14)))
	}
	c.disablePathEscaping = r.IntN(10) == 0
	c.disableSessionToken = r.IntN(10) == 0
	return c
}

func escapeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func addOddHeaders(r *rand.Rand, h http.Header) {
	for n := 1 + r.IntN(6); n > 0; n-- {
		switch r.IntN(12) {
		case 0:
			h["X-Amz-Date"] = []string{"20000101T000000Z"}
		case 1:
			h["X-Amz-Security-Token"] = []string{"stale-token"}
		case 2:
			h["Authorization"] = []string{"AWS4-HMAC-SHA256 stale"}
		case 3:
			h["X-Amz-Content-Sha256"] = []string{"UNSIGNED-PAYLOAD"}
		case 4:
			h["X-Amzn-Trace-Id"] = []string{"Root=1-5759e988-bd862e3fe1be46a994272793"}
		case 5:
			h["Host"] = []string{"other.example.com"}
		case 6:
			h["Content-Length"] = []string{"12"}
		case 7:
			h["user-agent"] = []string{"lower-case key, which the official signer signs"}
		case 8:
			h["X-Custom"] = []string{randomString(r, valueRunes, 20), randomString(r, valueRunes, 20)}
		case 9:
			h["x-lower-"+randomKey(r, "abc", 3)] = []string{"  a   b\t  c  "}
		case 10:
			h["Expect"] = []string{"100-continue"}
		case 11:
			h["X-Empty"] = nil
		}
	}
}

// TestMatchesOfficialSigner signs thousands of generated requests with
// this package and with aws/signer/v4 and requires identical results. One
// Signer serves all of them, so its caches of keys and of the last second
// formatted are hit and missed.
func TestMatchesOfficialSigner(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	ours := New()
	const n = 5000
	for i := 0; i < n; i++ {
		c := randomCase(r)
		compareWithOfficial(t, ours, c)
		if i%3 == 0 { // the same credentials again, another request
			again := randomCase(r)
			again.credentials, again.service, again.region, again.signingTime = c.credentials, c.service, c.region, c.signingTime.Add(time.Second)
			compareWithOfficial(t, ours, again)
			// Within the same second, which the signer formats once.
			again.signingTime = again.signingTime.Truncate(time.Second).Add(999 * time.Millisecond)
			compareWithOfficial(t, ours, again)
		}
	}
}

// TestKeyCache checks that a cached key is used only for the same access
// key, secret key, day, region and service.
func TestKeyCache(t *testing.T) {
	t.Parallel()
	base := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret-1"}
	day := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		change  func(c *aws.Credentials, service, region *string, at *time.Time)
		reuses  bool
		compare bool
	}{
		{"same everything, later that day", func(_ *aws.Credentials, _, _ *string, at *time.Time) { *at = at.Add(13 * time.Hour) }, true, true},
		{"next day", func(_ *aws.Credentials, _, _ *string, at *time.Time) { *at = at.Add(14 * time.Hour) }, false, true},
		{"other secret, same access key", func(c *aws.Credentials, _, _ *string, _ *time.Time) { c.SecretAccessKey = "secret-2" }, false, true},
		{"other access key", func(c *aws.Credentials, _, _ *string, _ *time.Time) { c.AccessKeyID = "AKIDOTHER" }, false, true},
		{"other region", func(_ *aws.Credentials, _, region *string, _ *time.Time) { *region = "eu-west-1" }, false, true},
		{"other service", func(_ *aws.Credentials, service, _ *string, _ *time.Time) { *service = "lightsail" }, false, true},
		{"session token only", func(c *aws.Credentials, _, _ *string, _ *time.Time) { c.SessionToken = "token" }, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := New()
			first := s.keys.get(&base, []byte("20261205"), "us-east-1", "memorydb")
			creds, service, region, at := base, "memorydb", "us-east-1", day
			tt.change(&creds, &service, &region, &at)
			var d [16]byte
			formatDate(&d, at.UTC())
			second := s.keys.get(&creds, d[:8], region, service)
			if got := first == second; got != tt.reuses {
				t.Fatalf("reused the cached key: %v, want %v", got, tt.reuses)
			}
			c := &signCase{method: "POST", rawURL: "https://memory-db.us-east-1.amazonaws.com/", header: http.Header{},
				credentials: creds, payloadHash: hex.EncodeToString(make([]byte, 32)), service: service, region: region, signingTime: at}
			compareWithOfficial(t, s, c)
		})
	}
}

// TestKeyCacheConcurrent signs from many goroutines with more
// (credentials, region, service) combinations than the cache holds.
func TestKeyCacheConcurrent(t *testing.T) {
	t.Parallel()
	ours := New()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 7))
			for i := 0; i < 200; i++ {
				c := randomCase(r)
				c.credentials.AccessKeyID = fmt.Sprintf("AKID%d", r.IntN(cacheSlots*2))
				c.credentials.SecretAccessKey = "secret-" + c.credentials.AccessKeyID
				compareWithOfficial(t, ours, c)
			}
		}(uint64(g))
	}
	wg.Wait()
}

// TestSecretsStayOut checks that neither the secret key nor the session
// token reaches a log, whatever the request carries.
func TestSecretsStayOut(t *testing.T) {
	t.Parallel()
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
		SessionToken: " FwoGZXIvYXdzEXAMPLETOKEN/with+odd=chars  and   spaces\t"}
	req, _ := http.NewRequest("POST", "https://memory-db.us-east-1.amazonaws.com/?t="+url.QueryEscape(creds.SessionToken), nil)
	req.Header.Set("X-Echo", creds.SessionToken+" "+creds.SecretAccessKey)
	logs := &captureLogger{}
	s := New(func(o *v4.SignerOptions) { o.Logger, o.LogSigning = logs, true })
	if err := s.SignHTTP(context.Background(), creds, req, hex.EncodeToString(make([]byte, 32)), "memorydb", "us-east-1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if len(logs.messages) != 1 {
		t.Fatalf("%d log messages, want 1", len(logs.messages))
	}
	for _, secret := range []string{creds.SessionToken, creds.SecretAccessKey, url.QueryEscape(creds.SessionToken),
		signedForm(creds.SessionToken), "EXAMPLETOKEN"} {
		if strings.Contains(logs.messages[0], secret) {
			t.Errorf("the signing log shows %q:\n%s", secret, logs.messages[0])
		}
	}
	if !strings.Contains(logs.messages[0], "x-amz-security-token:<redacted>\n") {
		t.Errorf("the signing log lacks the redacted token line:\n%s", logs.messages[0])
	}
	// The secrets are in the arguments, which are redacted one by one: the
	// logger is given the official signer's format.
	if logs.formats[0] != logMessage {
		t.Errorf("the signing log's format is %q, want the official signer's", logs.formats[0])
	}
}

// FuzzMatchesOfficialSigner compares this package with aws/signer/v4 on
// requests built from fuzzed parts: method, path and escaped path, query,
// header names and values, host, body length, credentials, scope and time.
func FuzzMatchesOfficialSigner(f *testing.F) {
	f.Add("POST", "/v2/domains/a b/assets", "/v2/domains/a%20b/assets", "", "Content-Type", " application/json ",
		"example.com:443", int64(2), "token", "us-east-1", "datazone", int64(1_764_892_800), uint8(0))
	f.Add("GET", "/*", "", "a=b&c", "x-amz-target", "A.B", "[::1]:443", int64(0), "", "eu-west-1", "memorydb", int64(0), uint8(3))
	f.Add("POST", "/%zz", "/%25zz", "k=%zz", "Host", "h", "", int64(-1), "t", "r", "s", int64(-62_135_596_800), uint8(5))
	ours := New()
	f.Fuzz(func(t *testing.T, method, path, rawPath, query, name, value, host string, length int64,
		token, region, service string, unix int64, flags uint8) {
		if !validMethod(method) {
			return
		}
		c := &signCase{
			method: method, rawURL: "https://memory-db.us-east-1.amazonaws.com/", path: path, rawPath: rawPath,
			host: host, header: http.Header{"Content-Type": {"application/json"}}, contentLength: length,
			credentials: aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG", SessionToken: token},
			payloadHash: hex.EncodeToString(make([]byte, 32)), service: service, region: region,
			signingTime:         time.Unix(unix%(1<<40), 0),
			disablePathEscaping: flags&1 != 0, disableSessionToken: flags&2 != 0,
		}
		if path == "" {
			c.path = "/"
		}
		c.query = query
		if flags&4 != 0 {
			c.header[http.CanonicalHeaderKey(name)] = []string{value}
		} else {
			c.header[name] = []string{value, value + " x"}
		}
		if flags&8 != 0 {
			c.header["Amz-Sdk-Request"] = []string{"attempt=1; max=3"}
		}
		if sameKeyTwice(c.header) {
			return // the official signer joins such values in map order
		}
		compareWithOfficial(t, ours, c)
	})
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}

// sameKeyTwice reports whether two keys of h lower-case to one name other
// than host (whose values are never used).
func sameKeyTwice(h http.Header) bool {
	seen := map[string]bool{}
	for key := range h {
		lower := strings.ToLower(key)
		if seen[lower] && lower != "host" {
			return true
		}
		seen[lower] = true
	}
	return false
}

// TestAppendHex compares AppendHex with encoding/hex over every length up
// to a few words, every byte value among the inputs, after a prefix.
func TestAppendHex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		for range 50 {
			p := make([]byte, n)
			for i := range p {
				p[i] = byte(rng.IntN(256))
			}
			got := string(AppendHex([]byte("x="), p))
			if want := "x=" + hex.EncodeToString(p); got != want {
				t.Fatalf("AppendHex(%x) = %q, want %q", p, got, want)
			}
		}
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	if got, want := string(AppendHex(nil, all)), hex.EncodeToString(all); got != want {
		t.Fatalf("AppendHex(0..255) = %q, want %q", got, want)
	}
}
