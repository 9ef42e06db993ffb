package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/validate"
)

// Invoke runs one call of op with params and returns its output and
// result metadata (holding the request ID). Every error is a
// *smithy.OperationError naming the service and operation; service
// responses inside it are *awshttp.ResponseError values that carry the
// status and request ID and wrap the typed error. The caller's params are
// never modified.
func Invoke[In, Out any](ctx context.Context, cfg *Config, op *Operation[In, Out], params *In) (*Out, middleware.Metadata, error) {
	out, metadata, err := invoke(ctx, cfg, op, params)
	if err != nil {
		return nil, metadata, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: err}
	}
	return out, metadata, nil
}

func invoke[In, Out any](ctx context.Context, cfg *Config, op *Operation[In, Out], params *In) (*Out, middleware.Metadata, error) {
	var metadata middleware.Metadata
	if ctx == nil {
		return nil, metadata, ErrNilContext
	}
	if len(cfg.APIOptions) > 0 {
		return nil, metadata, ErrMiddleware
	}
	if cfg.Credentials == nil {
		return nil, metadata, ErrNoCredentials
	}
	cfg = withFallbacks(cfg)
	in, err := fillToken(cfg, op, params)
	if err != nil {
		return nil, metadata, err
	}
	if op.Validate != nil && cfg.Validation != validate.Off {
		if err := check(op, in, cfg.Validation); err != nil {
			return nil, metadata, err
		}
	}
	var c call
	if err := prepare(ctx, cfg, op, in, &c); err != nil {
		return nil, metadata, err
	}
	return run(ctx, &c, op)
}

// checkers recycles Checkers: a Checker handed to an operation's Validate
// function escapes, so a fresh one would cost an allocation per call.
var checkers = sync.Pool{New: func() any { return new(validate.Checker) }}

// check validates in with op's constraints in the given mode.
func check[In, Out any](op *Operation[In, Out], in *In, mode validate.Mode) error {
	checker := checkers.Get().(*validate.Checker)
	*checker = validate.New(op.InputName, mode)
	op.Validate(in, checker)
	err := checker.Err()
	*checker = validate.Checker{}
	checkers.Put(checker)
	return err
}

// fillToken returns params, or a copy of it with the idempotency token set
// when the caller left it nil.
func fillToken[In, Out any](cfg *Config, op *Operation[In, Out], params *In) (*In, error) {
	if op.Token == nil || *op.Token(params) != nil {
		return params, nil
	}
	tokens := cfg.Tokens
	if tokens == nil {
		tokens = DefaultTokens()
	}
	token, err := tokens.GetIdempotencyToken()
	if err != nil {
		return nil, fmt.Errorf("failed to generate an idempotency token, %w", err)
	}
	in := *params
	*op.Token(&in) = &token
	return &in, nil
}

// call is one prepared request: everything that stays the same across
// attempts.
type call struct {
	cfg           Config
	method        string
	url           url.URL
	body          []byte
	payloadHash   string
	signingName   string
	signingRegion string
	headers       map[string][]string
	limit         int64
	logBody       []byte // the body rendered for logs, when they show bodies
	getBody       func() (io.ReadCloser, error)
}

func prepare[In, Out any](ctx context.Context, cfg *Config, op *Operation[In, Out], in *In, c *call) error {
	req := protocol.NewRequest()
	req.Body.SetStyle(op.Binding.JSONStyle)
	if op.Path != nil {
		op.Path(in, req)
	}
	if op.Encode != nil {
		op.Encode(in, req)
	} else {
		req.Body.BeginObject()
		req.Body.EndObject()
	}
	if err := req.Err(); err != nil {
		// The official serializers wrap a bad path label twice:
		// "serialization failed: serialization failed: input member ...".
		return &smithy.SerializationError{Err: &smithy.SerializationError{Err: err}}
	}
	endpoint, err := cfg.Endpoints.ResolveEndpoint(ctx, cfg.State)
	if err != nil {
		return fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	*c = call{
		cfg:     *cfg,
		method:  op.Binding.Method,
		url:     endpoint.URI,
		body:    req.Body.Bytes(),
		headers: op.Binding.Headers(),
		limit:   cfg.MaxResponseBytes,
	}
	if c.limit <= 0 {
		c.limit = DefaultMaxResponseBytes
	}
	if cfg.DisableHTTPS {
		c.url.Scheme = "http"
	}
	if err := checkScheme(&c.url, cfg.DisableHTTPS); err != nil {
		return err
	}
	joinPath(&c.url, req)
	c.signingName, c.signingRegion = endpoints.Signing(&endpoint, op.Service.SigningName, cfg.Region)
	if cfg.SigningName != "" {
		c.signingName = cfg.SigningName
	}
	if cfg.SigningRegion != "" {
		c.signingRegion = cfg.SigningRegion
	}
	sum := sha256.Sum256(c.body)
	c.payloadHash = hex.EncodeToString(sum[:])
	if cfg.LogMode.IsRequestWithBody() {
		c.logBody = redactedBody(op, in, c.body)
	}
	body := c.body
	c.getBody = func() (io.ReadCloser, error) { return newBodyReader(body), nil }
	return nil
}

// joinPath appends the operation's path to the endpoint's, as the official
// clients do (smithyhttp.JoinPath), without work when the endpoint has no
// path of its own.
func joinPath(u *url.URL, req *protocol.Request) {
	path, rawPath := req.Path()
	if u.Path == "" || u.Path == "/" {
		u.Path = path
		u.RawPath = ""
		if rawPath != path {
			u.RawPath = rawPath
		}
		return
	}
	endpointRaw := u.RawPath
	if endpointRaw == "" {
		endpointRaw = u.Path
	}
	u.Path = smithyhttp.JoinPath(u.Path, path)
	u.RawPath = smithyhttp.JoinPath(endpointRaw, rawPath)
}

// redactedBody renders the request body for a log, with sensitive members
// replaced by a placeholder.
func redactedBody[In, Out any](op *Operation[In, Out], in *In, body []byte) []byte {
	if !op.SensitiveInput || op.Encode == nil {
		return body
	}
	var req protocol.Request
	req.Redact = true
	req.Body.SetStyle(op.Binding.JSONStyle)
	op.Encode(in, &req)
	return req.Body.Bytes()
}

// checkScheme refuses plain http to a host other than loopback unless the
// caller opted in, so credentials-bearing requests are not sent in clear
// text by mistake.
func checkScheme(u *url.URL, allowHTTP bool) error {
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if allowHTTP || isLoopback(u.Hostname()) {
			return nil
		}
		return endpoints.ErrInsecureEndpoint
	}
	return fmt.Errorf("unsupported endpoint scheme %q: use https", u.Scheme)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// run is the retry loop. It follows the official retry middleware: an
// attempt token per attempt, a retry token (quota) per retry, the
// retryer's delay, and clock skew correction from the response Date.
func run[In, Out any](ctx context.Context, c *call, op *Operation[In, Out]) (*Out, middleware.Metadata, error) {
	retryer := asRetryerV2(c.cfg.Retryer)
	maxAttempts := retryer.MaxAttempts()
	releaseRetry := nopRelease
	var skew time.Duration
	if !c.cfg.DisableClockSkewCorrection {
		skew = c.cfg.State.Skew()
	}
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, middleware.Metadata{}, err
		}
		releaseAttempt, err := retryer.GetAttemptToken(ctx)
		if err != nil {
			return nil, middleware.Metadata{}, fmt.Errorf("failed to get retry Send token, %w", err)
		}
		if attempt > 1 && c.cfg.LogMode.IsRetries() {
			c.cfg.Logger.Logf(logDebug, "retrying request %s/%s, attempt %d", op.Service.ID, op.Name, attempt)
		}
		out, result := attemptOnce(ctx, c, op, attemptInfo{number: attempt, max: maxAttempts, skew: skew})
		err = result.err
		if releaseErr := releaseRetry(err); releaseErr != nil && err != nil {
			return nil, result.metadata, fmt.Errorf("failed to release retry token after request error, %w", err)
		}
		if releaseErr := releaseAttempt(err); releaseErr != nil && err != nil {
			return nil, result.metadata, fmt.Errorf("failed to release initial token after request error, %w", err)
		}
		if result.hasSkew {
			if err != nil && isClockSkew(err, result.skew-skew) {
				err = &clockSkewError{Err: err}
			}
			skew = result.skew
			c.cfg.State.skew.Store(int64(skew))
		}
		if err == nil {
			return out, result.metadata, nil
		}
		if !retryer.IsErrorRetryable(err) {
			return nil, result.metadata, err
		}
		if maxAttempts > 0 && attempt >= maxAttempts {
			return nil, result.metadata, &retry.MaxAttemptsError{Attempt: attempt, Err: err}
		}
		releaseRetry, err = nextRetry(ctx, retryer, attempt, err)
		if err != nil {
			return nil, result.metadata, err
		}
	}
}

// nextRetry takes a retry token and waits the retryer's delay, ending early
// when ctx is done.
func nextRetry(ctx context.Context, retryer aws.RetryerV2, attempt int, err error) (func(error) error, error) {
	release, tokenErr := retryer.GetRetryToken(ctx, err)
	if tokenErr != nil {
		return nopRelease, errors.Join(err, tokenErr)
	}
	delay, delayErr := retryer.RetryDelay(attempt, err)
	if delayErr != nil {
		return release, delayErr
	}
	delay = retryAfter(delay, err)
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return release, &aws.RequestCanceledError{Err: ctx.Err()}
	case <-timer.C:
		return release, nil
	}
}

// retryAfter honours an x-amz-retry-after header (milliseconds), clamped to
// [delay, delay+5s], as the official retry middleware does.
func retryAfter(delay time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return delay
	}
	header := re.Response.Header.Get("X-Amz-Retry-After")
	if header == "" {
		return delay
	}
	ms, parseErr := strconv.ParseInt(header, 10, 64)
	if parseErr != nil || ms < 0 {
		return delay
	}
	return min(max(time.Duration(ms)*time.Millisecond, delay), delay+5*time.Second)
}

// attemptResult is the outcome of one attempt.
type attemptResult struct {
	metadata middleware.Metadata
	err      error
	skew     time.Duration // server time minus local time, from Date
	hasSkew  bool
}

// attemptInfo says which attempt is made, and with what clock offset.
type attemptInfo struct {
	number, max int
	skew        time.Duration
}

func attemptOnce[In, Out any](ctx context.Context, c *call, op *Operation[In, Out], attempt attemptInfo) (*Out, attemptResult) {
	var result attemptResult
	req, err := c.newRequest(ctx, attempt)
	if err != nil {
		result.err = err
		return nil, result
	}
	c.logRequest(req)
	sentAt := time.Now()
	resp, err := c.cfg.HTTPClient.Do(req)
	if err == nil && resp == nil {
		err = errors.New("the HTTP client returned neither a response nor an error")
	}
	if err != nil {
		result.err = wrapResponse(emptyResponse(), "", sendFailure(ctx, err, op.Idempotent))
		return nil, result
	}
	if resp.Body == nil {
		resp.Body = http.NoBody
	}
	receivedAt := time.Now()
	requestID := resp.Header.Get("X-Amzn-Requestid")
	if requestID == "" {
		requestID = resp.Header.Get("X-Amz-Request-Id")
	}
	awsmiddleware.SetRequestIDMetadata(&result.metadata, requestID)
	if !c.cfg.DisableClockSkewCorrection {
		result.skew, result.hasSkew = clockSkew(resp.Header, sentAt, receivedAt)
	}
	body, err := readBody(resp, c.limit)
	c.logResponse(resp, body, op.SensitiveOutput)
	if err != nil {
		result.err = wrapResponse(resp, requestID, bodyFailure(err, op.Idempotent))
		return nil, result
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		apiErr := apierror.Decode(op.Binding.ErrorStyle(), op.Errors, resp.Header, body)
		result.err = wrapResponse(resp, requestID, apiErr)
		return nil, result
	}
	// One allocation holds the output and the reader that fills it.
	decoded := new(struct {
		out Out
		r   jsonwire.Reader
	})
	out, r := &decoded.out, &decoded.r
	r.Reset(body)
	if !r.Empty() && op.Decode != nil {
		op.Decode(r, out)
		if err := r.Err(); err != nil {
			result.err = wrapResponse(resp, requestID, &smithy.DeserializationError{
				Err: fmt.Errorf("failed to decode response body, %w", err)})
			return nil, result
		}
	}
	return out, result
}

// newRequest builds and signs the HTTP request of one attempt. Like the
// official clients it sends amz-sdk-request (the attempt number), signed,
// so every attempt has its own signature. It leaves out the official
// clients' random amz-sdk-invocation-id, so that a request signed at a
// given time is reproducible.
func (c *call) newRequest(ctx context.Context, attempt attemptInfo) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, c.method, "", nil)
	if err != nil {
		return nil, err
	}
	*req.URL = c.url
	req.Host = c.url.Host
	req.Body = newBodyReader(c.body)
	req.GetBody = c.getBody
	req.ContentLength = int64(len(c.body))
	req.Header = make(http.Header, len(c.headers)+5)
	for name, values := range c.headers {
		req.Header[name] = values
	}
	req.Header["User-Agent"] = c.cfg.State.userAgent
	req.Header["Amz-Sdk-Request"] = sdkRequestHeader(attempt.number, attempt.max)
	creds, err := c.cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("failed to retrieve credentials, %w", err)
	}
	if creds.Source == anonymousSource {
		return req, nil
	}
	signingTime := time.Now().UTC().Add(attempt.skew)
	if err := c.cfg.Signer.SignHTTP(ctx, creds, req, c.payloadHash, c.signingName, c.signingRegion, signingTime); err != nil {
		return nil, fmt.Errorf("failed to sign request, %w", err)
	}
	return req, nil
}

// newBodyReader returns a request body over bytes the call owns. It is an
// io.NopCloser around a *bytes.Reader, a type net/http recognises as in
// memory, so it writes the headers and the body in one packet.
func newBodyReader(body []byte) io.ReadCloser {
	return io.NopCloser(bytes.NewReader(body))
}

// sdkRequestHeaders holds the amz-sdk-request values of the common
// attempt and maximum counts, so most attempts allocate none.
var sdkRequestHeaders = func() (table [11][11][]string) {
	for max := range table {
		for attempt := 1; attempt < len(table[max]); attempt++ {
			table[max][attempt] = []string{formatSDKRequest(attempt, max)}
		}
	}
	return table
}()

func sdkRequestHeader(attempt, max int) []string {
	if max >= 0 && max < len(sdkRequestHeaders) && attempt > 0 && attempt < len(sdkRequestHeaders[max]) {
		return sdkRequestHeaders[max][attempt]
	}
	return []string{formatSDKRequest(attempt, max)}
}

func formatSDKRequest(attempt, max int) string {
	value := "attempt=" + strconv.Itoa(attempt)
	if max != 0 {
		value += "; max=" + strconv.Itoa(max)
	}
	return value
}

// ErrNilContext is returned for a call made with a nil context.
var ErrNilContext = errors.New("nil context: pass context.Background() or a context with a deadline")

// ErrNoCredentials is returned for a call whose options carry no
// credentials provider.
var ErrNoCredentials = errors.New("no credentials: set Options.Credentials, or build the client with " +
	"NewFromConfig from config.LoadDefaultConfig; use aws.AnonymousCredentials{} to send unsigned requests")

// anonymousSource is the Source of aws.AnonymousCredentials, which means
// "send unsigned".
var anonymousSource = func() string {
	creds, _ := aws.AnonymousCredentials{}.Retrieve(context.Background())
	return creds.Source
}()

// readBody reads and closes the body, refusing more than limit bytes. The
// result shares the read buffer, which is never written again.
func readBody(resp *http.Response, limit int64) (string, error) {
	defer resp.Body.Close()
	if resp.ContentLength > limit {
		return "", &ResponseTooLargeError{Limit: limit, Length: resp.ContentLength}
	}
	size := resp.ContentLength + 1
	if resp.ContentLength < 0 {
		size = 512
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return "", &ResponseTooLargeError{Limit: limit, Length: -1}
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := resp.Body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return "", &ResponseTooLargeError{Limit: limit, Length: -1}
		}
		if err == io.EOF {
			return bytesToString(buf), nil
		}
		if err != nil {
			return "", err
		}
	}
}

// ResponseTooLargeError reports a response body longer than the client's
// bound; the body is not read past the bound.
type ResponseTooLargeError struct {
	Limit  int64
	Length int64 // the declared Content-Length, or -1 when unknown
}

func (e *ResponseTooLargeError) Error() string {
	if e.Length >= 0 {
		return fmt.Sprintf("response body of %d bytes exceeds the limit of %d bytes (Options.MaxResponseBytes)", e.Length, e.Limit)
	}
	return fmt.Sprintf("response body exceeds the limit of %d bytes (Options.MaxResponseBytes)", e.Limit)
}

func emptyResponse() *http.Response {
	return &http.Response{Header: http.Header{}, Body: http.NoBody}
}

// wrapResponse wraps err the way the official clients do, so the status
// and request ID are reachable with errors.As.
func wrapResponse(resp *http.Response, requestID string, err error) error {
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: err},
		RequestID:     requestID,
	}
}

// sendFailure classifies an error from HTTPClient.Do. A request that never
// left (a failed dial) may always be retried; one that may have reached the
// service only when the operation is idempotent.
func sendFailure(ctx context.Context, err error, idempotent bool) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return &smithy.CanceledError{Err: ctxErr}
	}
	sendErr := &smithyhttp.RequestSendError{Err: err}
	if idempotent || isDialError(err) {
		return sendErr
	}
	return &transportFailure{Err: sendErr}
}

// bodyFailure classifies an error while reading a response body.
func bodyFailure(err error, idempotent bool) error {
	var tooLarge *ResponseTooLargeError
	if errors.As(err, &tooLarge) {
		return err
	}
	return &transportFailure{
		Err:       &smithy.DeserializationError{Err: fmt.Errorf("failed to read response body, %w", err)},
		Retryable: idempotent,
	}
}

func isDialError(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// transportFailure pins the retry decision for a connection failure: the
// standard retryer asks RetryableError before anything else.
type transportFailure struct {
	Err       error
	Retryable bool
}

func (e *transportFailure) Error() string        { return e.Err.Error() }
func (e *transportFailure) Unwrap() error        { return e.Err }
func (e *transportFailure) RetryableError() bool { return e.Retryable }

// clockSkewError marks an authentication failure explained by a clock
// that is off by more than four minutes; it is retried once the signing
// time is corrected.
type clockSkewError struct{ Err error }

func (e *clockSkewError) Error() string        { return "Probable clock skew error: " + e.Err.Error() }
func (e *clockSkewError) Unwrap() error        { return e.Err }
func (e *clockSkewError) RetryableError() bool { return true }

// skewCodes are the error codes that a skewed clock can cause.
var skewCodes = map[string]bool{
	"InvalidSignatureException": true,
	"SignatureDoesNotMatch":     true,
	"AuthFailure":               true,
	"RequestTimeTooSkewed":      true,
	"AccessDeniedException":     true,
}

func isClockSkew(err error, change time.Duration) bool {
	var coded interface{ ErrorCode() string }
	if !errors.As(err, &coded) || !skewCodes[coded.ErrorCode()] {
		return false
	}
	return change > 4*time.Minute || change < -4*time.Minute
}

// clockSkew derives the server clock's offset from the response Date, as
// the official clients do: not for cached responses (Age) nor for round
// trips over fifteen minutes.
func clockSkew(header http.Header, sentAt, receivedAt time.Time) (time.Duration, bool) {
	date := header.Get("Date")
	if date == "" || header.Get("Age") != "" || receivedAt.Sub(sentAt) > 15*time.Minute {
		return 0, false
	}
	serverTime, err := http.ParseTime(date)
	if err != nil {
		return 0, false
	}
	return serverTime.Sub(receivedAt), true
}

func asRetryerV2(r aws.Retryer) aws.RetryerV2 {
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2
	}
	return retryerV2{r}
}

type retryerV2 struct{ aws.Retryer }

func (r retryerV2) GetAttemptToken(context.Context) (func(error) error, error) {
	return r.GetInitialToken(), nil
}

func nopRelease(error) error { return nil }
