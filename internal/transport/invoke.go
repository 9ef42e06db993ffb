package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/sigv4"
	"github.com/awssnap/awssnap/internal/validate"
)

// Invoke runs one call of op with params and returns its output and
// result metadata (holding the request ID). Every error is a
// *smithy.OperationError naming the service and operation; service
// responses inside it are *awshttp.ResponseError values that carry the
// status and request ID and wrap the typed error. The caller's params are
// never modified.
func Invoke[In, Out any](ctx context.Context, cfg *Config, op *Operation[In, Out], params *In) (*Out, middleware.Metadata, error) {
	out, metadata, err := invokeAny(ctx, cfg, op.erase(), params)
	if err != nil {
		return nil, metadata, err
	}
	return out.(*Out), metadata, nil
}

// invokeAny is Invoke for the erased operation: params holds *In, and the
// output returned *Out.
func invokeAny(ctx context.Context, cfg *Config, op *operation, params any) (any, middleware.Metadata, error) {
	if cfg.Misuse != nil {
		return nil, middleware.Metadata{}, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: cfg.Misuse}
	}
	if ctx != nil && usesStack(cfg) {
		return invokeStack(ctx, cfg, op, params)
	}
	out, metadata, err := invoke(ctx, cfg, op, params)
	if err != nil {
		return nil, metadata, &smithy.OperationError{ServiceID: op.Service.ID, OperationName: op.Name, Err: err}
	}
	return out, metadata, nil
}

func invoke(ctx context.Context, cfg *Config, op *operation, params any) (any, middleware.Metadata, error) {
	var metadata middleware.Metadata
	if ctx == nil {
		return nil, metadata, ErrNilContext
	}
	cfg = withFallbacks(cfg)
	op, err := choose(cfg, op)
	if err != nil {
		return nil, metadata, err
	}
	callCtx := withCallValues(ctx, cfg, op)
	ctx = callCtx
	in, err := fillToken(cfg, op, params)
	if err != nil {
		return nil, metadata, err
	}
	if op.validate != nil && cfg.Validation != validate.Off {
		if err := check(op, in, cfg.Validation); err != nil {
			return nil, metadata, err
		}
	}
	var c call
	if err := prepare(ctx, cfg, op, in, &c); err != nil {
		return nil, metadata, err
	}
	c.sendCtx = ctx
	if hashed := callCtx.hashed; hashed != nil {
		hashed.hash = c.payloadHash
		c.sendCtx = hashed
	}
	return run(ctx, &c, op)
}

// checkers recycles Checkers: a Checker handed to an operation's Validate
// function escapes, so a fresh one would cost an allocation per call.
var checkers = sync.Pool{New: func() any { return new(validate.Checker) }}

// check validates in with op's constraints in the given mode.
func check(op *operation, in any, mode validate.Mode) error {
	checker := checkers.Get().(*validate.Checker)
	*checker = validate.New(op.InputName, mode)
	op.validate(in, checker)
	err := checker.Err()
	*checker = validate.Checker{}
	checkers.Put(checker)
	return err
}

// fillToken returns params, or a copy of it with the idempotency token set
// when the operation has one and params leaves it nil.
func fillToken(cfg *Config, op *operation, params any) (any, error) {
	if op.token == nil || *op.token(params) != nil {
		return params, nil
	}
	token, err := newToken(cfg)
	if err != nil {
		return nil, err
	}
	in := op.clone(params)
	*op.token(in) = token
	return in, nil
}

// newToken returns a new idempotency token from cfg.Tokens. Its error is
// the provider's own, as the official clients return it.
func newToken(cfg *Config) (*string, error) {
	tokens := cfg.Tokens
	if tokens == nil {
		tokens = DefaultTokens()
	}
	token, err := tokens.GetIdempotencyToken()
	if err != nil {
		return nil, err
	}
	return &token, nil
}

// call is one prepared request: what its attempts share, and the endpoint
// the current attempt resolved.
type call struct {
	cfg       *Config
	logger    logging.Logger // cfg.Logger, given the call's context when it logs
	method    string
	url       url.URL
	body      []byte
	firstBody *bytes.Reader // a reader of body for the first attempt, nil once used
	// path and rawPath are the operation's path and escaped path, which
	// the endpoint's are joined to.
	path, rawPath string
	// endpointFixed says url and the endpoint fields below hold the
	// endpoint of every attempt: a legacy resolver's, or the rules'.
	endpointFixed bool
	payloadHash   string
	signingName   string
	signingRegion string
	headers       []protocol.Header
	// endpointHeaders are the headers the resolved endpoint carries,
	// which replace any of the same name, as the official endpoint
	// middleware sets them before signing.
	endpointHeaders http.Header
	// sendCtx is the context the signer and the requests are given: the
	// call's, with the payload hash when hashInContext says so (see
	// withCallValues).
	sendCtx context.Context
	// conns traces whether each attempt of a create sent through net/http's
	// Transport obtained a connection (see connTrace); nil otherwise.
	conns *connTrace
	// traceHeader is the X-Amzn-Trace-Id a call made inside AWS Lambda
	// sends (see lambdaTraceID), or nil.
	traceHeader []string
	limit       int64
	logBody     []byte // the body rendered for logs, when they show bodies
	// operation and defaultSigningName name the operation and its
	// service's signing name, and endpointProperties are the resolved
	// endpoint's, for the auth step.
	operation          string
	defaultSigningName string
	endpointProperties smithy.Properties
}

// encodeRequest writes the path and body of op's request for in.
func encodeRequest(op *operation, in any) (*protocol.Request, error) {
	req := op.Binding.NewRequest()
	if op.path != nil {
		op.path(in, req)
	}
	if op.encode != nil {
		op.encode(in, req)
	} else {
		req.EmptyBody()
	}
	if err := req.Err(); err != nil {
		// The official serializers wrap a bad path label twice:
		// "serialization failed: serialization failed: input member ...".
		return nil, &smithy.SerializationError{Err: &smithy.SerializationError{Err: err}}
	}
	op.Binding.Measure(req)
	return req, nil
}

func prepare(ctx context.Context, cfg *Config, op *operation, in any, c *call) error {
	req, err := encodeRequest(op, in)
	if err != nil {
		return err
	}
	*c = call{
		cfg:                cfg,
		logger:             cfg.Logger,
		method:             op.Binding.Method,
		body:               req.Payload(),
		headers:            op.Binding.Headers(),
		limit:              cfg.responseLimit(),
		operation:          op.Name,
		defaultSigningName: op.Service.SigningName,
	}
	c.path, c.rawPath = req.Path()
	// A legacy resolver is asked once per call, before any attempt, as the
	// official clients ask it; a program's EndpointResolverV2 on each
	// attempt, the service's rules on the first (see resolveEndpoint).
	legacy, found, err := cfg.Endpoints.resolveLegacy(ctx)
	if err != nil {
		return resolveError(err)
	}
	if found {
		u, err := legacyURL(&legacy, op.cbor, c.path, c.rawPath)
		if err != nil {
			return err
		}
		if err := c.useEndpoint(&legacy, u); err != nil {
			return err
		}
		c.endpointFixed = true
	}
	if traceID, ok := lambdaTraceID(); ok {
		c.traceHeader = []string{traceID}
	}
	if !op.Idempotent && tracesConnections(cfg.HTTPClient) {
		c.conns = newConnTrace()
	}
	if cfg.LogMode != 0 {
		// A logging.ContextLogger receives the call's context.
		c.logger = logging.WithContext(ctx, cfg.Logger)
	}
	c.payloadHash = req.PayloadHash()
	c.firstBody = req.Reader()
	if cfg.LogMode.IsRequestWithBody() {
		c.logBody = redactedBody(op, in, c.body)
	}
	return nil
}

// hashInContext reports whether the context the signer and the HTTP
// client are handed holds the payload hash (v4.GetPayloadHash), as the
// official clients' does: when either is the program's own, whose code
// may read it, as a transport that signs a request again does. Neither
// this library's signer nor net/http's Transport reads it, so a call
// made with them does not pay for it.
func hashInContext(cfg *Config) bool {
	_, ownSigner := cfg.Signer.(*sigv4.Signer)
	return !ownSigner || !tracesConnections(cfg.HTTPClient)
}

// resolveEndpoint resolves the endpoint of an attempt with the endpoint
// rules, or the program's EndpointResolverV2, as the official clients do
// on every attempt, after the identity is found and before signing, so
// that a resolver answering each attempt differently (one that fails
// over to another host) is followed. The service's own rules answer the
// same on every attempt, so they are asked once per call.
func (c *call) resolveEndpoint(ctx context.Context) error {
	if c.endpointFixed {
		return nil
	}
	e := c.cfg.Endpoints
	endpoint, err := e.resolveV2(ctx, c.cfg.State)
	if err != nil {
		return resolveError(err)
	}
	// As the official endpoint middleware, only the scheme, host and
	// paths of the endpoint are used: a query, fragment or user
	// information in it is not sent. (A legacy resolver's endpoint is
	// used whole; see legacyURL.)
	u := url.URL{Scheme: endpoint.URI.Scheme, Host: endpoint.URI.Host, Path: endpoint.URI.Path, RawPath: endpoint.URI.RawPath}
	joinPaths(&u, c.path, c.rawPath)
	if err := c.useEndpoint(&endpoint, u); err != nil {
		return err
	}
	c.endpointFixed = e.Rules
	return nil
}

// useEndpoint makes endpoint, whose request URL is u, the one the call's
// next attempt is sent to and signed for.
func (c *call) useEndpoint(endpoint *smithyendpoints.Endpoint, u url.URL) error {
	cfg := c.cfg
	if cfg.DisableHTTPS && !HostnameImmutable(endpoint) {
		u.Scheme = "http"
	}
	if err := checkScheme(&u, cfg.DisableHTTPS); err != nil {
		return err
	}
	c.url = u
	c.endpointProperties = endpoint.Properties
	c.endpointHeaders = endpoint.Headers
	c.signingName, c.signingRegion = endpoints.Signing(endpoint, c.defaultSigningName, cfg.Region)
	if cfg.SigningName != "" {
		c.signingName = cfg.SigningName
	}
	if cfg.SigningRegion != "" {
		c.signingRegion = cfg.SigningRegion
	}
	return nil
}

// joinPaths appends an operation's path and escaped path to the
// endpoint's in u, as the official endpoint middleware does: the paths
// are joined, and the escaped paths, the endpoint's path standing in for
// an escaped path it lacks when the operation's has one. Where the
// operation's path has no escaped form (awsJson, rpcv2Cbor), the request
// is sent to the escaped form of the joined path, so an escape in the
// endpoint's path, such as %2F, is kept by awsJson alone, as by the
// official clients.
func joinPaths(u *url.URL, path, rawPath string) {
	endpointRaw := u.RawPath
	if endpointRaw == "" && rawPath != "" {
		endpointRaw = u.Path
	}
	u.Path = join(u.Path, path)
	u.RawPath = join(endpointRaw, rawPath)
}

// join is smithyhttp.JoinPath, without allocating where a is empty or "/"
// and b is empty or absolute.
func join(a, b string) string {
	if a == "" || a == "/" {
		switch {
		case b == "":
			return "/"
		case b[0] == '/':
			return b
		}
	}
	return smithyhttp.JoinPath(a, b)
}

// redactedBody renders the request body for a log, with sensitive members
// replaced by a placeholder.
func redactedBody(op *operation, in any, body []byte) []byte {
	if !op.SensitiveInput || op.encode == nil {
		return body
	}
	req := op.Binding.NewRequest()
	req.Redact = true
	op.encode(in, req)
	return req.Payload()
}

// checkScheme refuses an endpoint that is not an absolute http or https
// URL, and plain http to a host other than loopback unless the caller
// opted in, so credentials-bearing requests are not sent in clear text by
// mistake.
func checkScheme(u *url.URL, allowHTTP bool) error {
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !allowHTTP && !isLoopback(u.Hostname()) {
			return endpoints.ErrInsecureEndpoint
		}
	default:
		return fmt.Errorf("unsupported endpoint scheme %q: use https", u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("endpoint %q has no host", u.Redacted())
	}
	return nil
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
func run(ctx context.Context, c *call, op *operation) (any, middleware.Metadata, error) {
	retryer := asRetryerV2(c.cfg.Retryer)
	maxAttempts := retryer.MaxAttempts()
	releaseRetry := nopRelease
	// skew is the clock offset each attempt signs with: the client's, then
	// the one the last response showed (none when it showed none), as the
	// official retry middleware keeps it. The last attempt's is kept for
	// the client's next calls, unless clock skew correction is off.
	var skew time.Duration
	if !c.cfg.DisableClockSkewCorrection {
		skew = c.cfg.State.Skew()
	}
	var lastSkew time.Duration
	lastHasSkew := false
	defer func() {
		if lastHasSkew && !c.cfg.DisableClockSkewCorrection {
			c.cfg.State.skew.Store(int64(lastSkew))
		}
	}()
	// results are what the official retry middleware reports of each
	// attempt (retry.GetAttemptResults).
	var results []retry.AttemptResult
	fail := func(err error) (any, middleware.Metadata, error) {
		results[len(results)-1].Err = err
		return nil, withAttemptResults(results), err
	}
	for attempt := 1; ; attempt++ {
		lastHasSkew = false
		if err := ctx.Err(); err != nil {
			results = append(results, retry.AttemptResult{})
			return fail(err)
		}
		releaseAttempt, err := retryer.GetAttemptToken(withAttemptNumber(ctx, attempt, maxAttempts, skew))
		if err != nil {
			results = append(results, retry.AttemptResult{})
			return fail(fmt.Errorf("failed to get retry Send token, %w", err))
		}
		if attempt > 1 {
			c.logRetries("retrying request %s/%s, attempt %d", op.Service.ID, op.Name, attempt)
		}
		out, result := attemptOnce(ctx, c, op, attemptInfo{number: attempt, max: maxAttempts, skew: skew})
		results = append(results, retry.AttemptResult{ResponseMetadata: result.metadata})
		err = result.err
		if releaseErr := releaseRetry(err); releaseErr != nil && err != nil {
			return fail(fmt.Errorf("failed to release retry token after request error, %w", err))
		}
		if releaseErr := releaseAttempt(err); releaseErr != nil && err != nil {
			return fail(fmt.Errorf("failed to release initial token after request error, %w", err))
		}
		if result.hasSkew && err != nil && isClockSkew(err, result.skew-skew) {
			err = &clockSkewError{Err: err}
		}
		skew, lastSkew, lastHasSkew = result.skew, result.skew, result.hasSkew
		if err == nil {
			return out, withAttemptResults(results), nil
		}
		if !retryer.IsErrorRetryable(err) {
			c.logRetries("request failed with unretryable error %v", err)
			return fail(err)
		}
		results[len(results)-1].Retryable = true
		if maxAttempts > 0 && attempt >= maxAttempts {
			c.logRetries("max retry attempts exhausted, max %d", maxAttempts)
			return fail(&retry.MaxAttemptsError{Attempt: attempt, Err: err})
		}
		releaseRetry, err = c.nextRetry(ctx, retryer, attempt, err)
		if err != nil {
			return fail(err)
		}
		results[len(results)-1].Err = result.err
		results[len(results)-1].Retried = true
	}
}

// warnDate logs a response Date header that does not parse, whatever the
// log mode, as the official clients' response timing middleware does.
func (c *call) warnDate(ctx context.Context, date responseDate) {
	if date.text == "" || date.isFixed {
		return
	}
	if _, err := smithyhttp.ParseTime(date.text); err != nil {
		logging.WithContext(ctx, c.cfg.Logger).Logf(logging.Warn, "failed to parse response Date header value, got %v", err.Error())
	}
}

// logRetries writes a message of the official retry middleware, which
// logs with aws.LogRetries.
func (c *call) logRetries(format string, v ...any) {
	if c.cfg.LogMode.IsRetries() {
		c.logger.Logf(logDebug, format, v...)
	}
}

// nextRetry takes a retry token and waits the retryer's delay, ending early
// when ctx is done.
func (c *call) nextRetry(ctx context.Context, retryer aws.RetryerV2, attempt int, err error) (func(error) error, error) {
	release, tokenErr := retryer.GetRetryToken(ctx, err)
	if tokenErr != nil {
		return nopRelease, errors.Join(err, tokenErr)
	}
	delay, delayErr := retryer.RetryDelay(attempt, err)
	if delayErr != nil {
		return release, delayErr
	}
	delay = retryAfter(delay, err, c.logRetries)
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
// [delay, delay+5s], as the official retry middleware does; an invalid one
// is ignored, with the official message to logf.
func retryAfter(delay time.Duration, err error, logf func(format string, v ...any)) time.Duration {
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
		logf("ignoring invalid x-amz-retry-after header value %q", header)
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

func attemptOnce(ctx context.Context, c *call, op *operation, attempt attemptInfo) (any, attemptResult) {
	var result attemptResult
	reqCtx := c.sendCtx
	if c.conns != nil {
		reqCtx = c.conns.attach(reqCtx)
	}
	req, err := c.newRequest(ctx, reqCtx, attempt)
	if err != nil {
		result.err = err
		return nil, result
	}
	c.logRequest(req)
	sentAt := time.Now()
	resp, err := c.send(req)
	if err == nil && resp == nil {
		err = errors.New("the HTTP client returned neither a response nor an error")
	}
	if err != nil {
		failure := sendFailure(ctx, err, op.Idempotent || c.conns.neverConnected())
		if resp == nil {
			result.err = wrapResponse(emptyResponse(), "", failure)
			return nil, result
		}
		// An HTTP client may hand back a response with its error. As the
		// official clients, the error carries its status and request ID,
		// and its body is drained and closed, so that its connection is
		// not held.
		if resp.Body == nil {
			resp.Body = http.NoBody
		}
		requestID := responseRequestID(resp.Header)
		if requestID != "" {
			awsmiddleware.SetRequestIDMetadata(&result.metadata, requestID)
		}
		discardBody(ctx, resp, c.limit, op, c.cfg.Logger, failure)
		result.err = wrapResponse(resp, requestID, failure)
		return nil, result
	}
	if resp.Body == nil {
		resp.Body = http.NoBody
	}
	receivedAt := time.Now()
	requestID := responseRequestID(resp.Header)
	if requestID != "" {
		// As the official RequestIDRetriever: no header, no metadata entry.
		awsmiddleware.SetRequestIDMetadata(&result.metadata, requestID)
	}
	if err := c.checkOrigin(req, resp); err != nil {
		_ = resp.Body.Close()
		result.err = wrapResponse(resp, requestID, err)
		return nil, result
	}
	date := newResponseDate(headerValue(resp.Header, "Date"))
	if !c.cfg.DisableClockSkewCorrection {
		result.skew, result.hasSkew = clockSkew(resp.Header, date, sentAt, receivedAt)
	}
	setResponseMetadata(&result.metadata, resp, date, receivedAt, result.skew, result.hasSkew)
	if c.cfg.LogMode.IsResponseWithBody() {
		if err := dumpResponse(ctx, resp, c.limit, op, c.logger); err != nil {
			c.warnDate(ctx, date)
			discardBody(ctx, resp, c.limit, op, c.cfg.Logger, err)
			result.err = wrapResponse(resp, requestID, err)
			return nil, result
		}
	}
	body, warnings, err := readResponse(ctx, resp, c.limit, op)
	c.logResponse(resp, body, op.SensitiveOutput)
	c.warnDate(ctx, date)
	warnings.log(ctx, c.cfg.Logger, false)
	if err != nil {
		result.err = wrapResponse(resp, requestID, err)
		return nil, result
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		result.err = wrapResponse(resp, requestID, apiErrorOf(op, resp.Header, body))
		return nil, result
	}
	out, err := op.decode(body)
	if err != nil {
		result.err = wrapResponse(resp, requestID, err)
		return nil, result
	}
	warnings.log(ctx, c.cfg.Logger, true)
	return out, result
}

// responseRequestID returns the request ID a response's header carries:
// X-Amzn-Requestid, else X-Amz-Requestid, as the official RequestIDRetriever
// reads it.
func responseRequestID(header http.Header) string {
	if requestID := headerValue(header, "X-Amzn-Requestid"); requestID != "" {
		return requestID
	}
	return headerValue(header, "X-Amz-Requestid")
}

// apiErrorOf decodes the typed error of an unsuccessful response.
func apiErrorOf(op *operation, header http.Header, body string) error {
	if op.cbor {
		return apierror.DecodeCBOR(op.cborErrors, body)
	}
	return apierror.Decode(op.Binding.ErrorStyle(), op.Binding.JSONStyle, op.Errors, header, body)
}

// decodeJSON reads the body of a successful JSON response with decode,
// in the given style.
func decodeJSON[Out any](decode func(*jsonwire.Reader, *Out), style jsonwire.Style, body string) (any, error) {
	r := jsonReaders.Get().(*jsonwire.Reader)
	defer putReader(&jsonReaders, r)
	r.Reset(body)
	r.SetStyle(style)
	if decode == nil || r.Empty() {
		return new(Out), nil
	}
	out, space := newOutput[Out](body)
	r.UseSpace(space)
	decode(r, out)
	if err := r.Err(); err != nil {
		failure := &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response body, %w", err)}
		if style == jsonwire.Classic {
			failure.Snapshot = jsonwire.Snapshot(body)
		}
		return out, failure
	}
	return out, nil
}

// smallBody is the longest body whose output is allocated with space for
// its first strings and timestamps (see newOutput).
const smallBody = 2048

// The readers that decode responses are reused: what a reader decodes
// lives in the output (the strings in the body, the other values in
// chunks of their own), not in the reader, which is cleared before it is
// put back so that it holds neither.
var (
	jsonReaders = sync.Pool{New: func() any { return new(jsonwire.Reader) }}
	cborReaders = sync.Pool{New: func() any { return new(cborwire.Reader) }}
)

// putReader clears r and puts it back into pool.
func putReader[R interface{ Reset(string) }](pool *sync.Pool, r R) {
	r.Reset("")
	pool.Put(r)
}

// decodeCBOR reads the body of a successful rpcv2Cbor response. An empty
// body is an output with no members, as it is for the official clients; a
// null one is an error, as it is for them.
func decodeCBOR[Out any](codec *CBORCodec[Out], body string) (any, error) {
	if len(body) == 0 || codec.Decode == nil {
		return new(Out), nil
	}
	r := cborReaders.Get().(*cborwire.Reader)
	defer putReader(&cborReaders, r)
	r.Reset(body)
	if r.Null() {
		// The official clients read the output as a structure, which null
		// (or undefined) only stands for inside another.
		return new(Out), &smithy.DeserializationError{Err: errors.New("failed to decode response body, expected a map for the output, found null")}
	}
	out, space := newOutput[Out](body)
	r.UseSpace(space)
	codec.Decode(r, out)
	if err := r.Err(); err != nil {
		return out, &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response body, %w", err)}
	}
	return out, nil
}

// newOutput allocates an output for body. A small output is allocated with
// the space where its reader puts the first strings and timestamps, so it
// costs one allocation; space is nil for a larger one.
func newOutput[Out any](body string) (out *Out, space *jsonwire.Space) {
	if len(body) > smallBody {
		return new(Out), nil
	}
	both := new(struct {
		out   Out
		space jsonwire.Space
	})
	return &both.out, &both.space
}

// newRequest builds and signs the HTTP request of one attempt. Like the
// official clients it sends amz-sdk-request (the attempt number), signed,
// so every attempt has its own signature. It leaves out the official
// clients' random amz-sdk-invocation-id, so that a request signed at a
// given time is reproducible.
//
// As in each attempt of the official clients, the auth scheme is chosen
// and its identity found first, then the endpoint resolved, then the
// request signed. Those steps are handed ctx, the call's context;
// reqCtx, which may also hold the call's connection trace, is the
// request's.
func (c *call) newRequest(ctx, reqCtx context.Context, attempt attemptInfo) (*http.Request, error) {
	auth, err := c.identify(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.resolveEndpoint(ctx); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(reqCtx, c.method, "", nil)
	if err != nil {
		return nil, err
	}
	*req.URL = c.url
	// As the official clients hand requests to the HTTP client: no Host
	// of its own (the URL's is sent) and no protocol version, so a
	// transport that rewrites the URL's host sends the host it chose.
	req.Proto, req.ProtoMajor, req.ProtoMinor = "", 0, 0
	// No GetBody: a body that cannot be replayed keeps net/http from
	// following a 307 or 308 with it (see send).
	if c.firstBody != nil {
		// Each attempt's body is a reader of its own: the HTTP client may
		// still hold an earlier one.
		req.Body, c.firstBody = io.NopCloser(c.firstBody), nil
	} else {
		req.Body = newBodyReader(c.body)
	}
	req.ContentLength = int64(len(c.body))
	// NewRequestWithContext made an empty header map; a small map holds
	// these few headers without growing.
	for _, h := range c.headers {
		req.Header[h.Name] = h.Values
	}
	req.Header["User-Agent"] = c.cfg.UserAgent
	req.Header["Amz-Sdk-Request"] = sdkRequestHeader(attempt.number, attempt.max)
	if deadline, ok := ctx.Deadline(); ok && attempt.skew > 0 {
		// The time by which the call must end, on the service's clock,
		// written as the official retry middleware writes it (in the
		// deadline's own location, with a Z).
		req.Header["Amz-Sdk-Request"] = []string{formatSDKRequest(attempt.number, attempt.max) +
			"; ttl=" + deadline.Add(attempt.skew).Format("20060102T150405Z")}
	}
	if c.traceHeader != nil {
		req.Header["X-Amzn-Trace-Id"] = c.traceHeader
	}
	for name := range c.endpointHeaders {
		req.Header.Set(name, c.endpointHeaders.Get(name))
	}
	if err := c.authenticate(c.sendCtx, req, &auth, attempt.skew); err != nil {
		return nil, err
	}
	return req, nil
}

// send hands req to the HTTP client without letting it follow a
// redirect, so the signed headers, the session token and the body go to
// the resolved endpoint and nowhere else.
//
// An *http.Client is used through a copy of itself whose CheckRedirect
// refuses every redirect (the caller's client is not modified); its
// transport, jar and timeout are shared. Other clients, awshttp's
// BuildableClient among them, get a request whose body cannot be
// replayed, which net/http never sends again on a 307 or 308 (the body is
// never empty); BuildableClient refuses the other redirects itself. A
// response to any other location is refused by checkOrigin.
func (c *call) send(req *http.Request) (*http.Response, error) {
	hc, ok := c.cfg.HTTPClient.(*http.Client)
	if !ok {
		return c.cfg.HTTPClient.Do(req)
	}
	// With redirects refused, the body may be replayed: net/http does so
	// when a reused connection turns out to be closed before the request
	// was written.
	body := c.body
	req.GetBody = func() (io.ReadCloser, error) { return newBodyReader(body), nil }
	return refusingRedirects(hc).Do(req)
}

// refusingRedirects returns hc, or a copy of it that follows no redirect
// when hc would.
func refusingRedirects(hc *http.Client) *http.Client {
	if refusesRedirects(hc) {
		return hc
	}
	copied := *hc
	copied.CheckRedirect = refuseRedirect
	return &copied
}

// refuseRedirect is the CheckRedirect of the clients the SDK builds, and
// of the copy of a caller's *http.Client that a call uses: the 3xx answer
// is returned as it is.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

var refuseRedirectPC = reflect.ValueOf(refuseRedirect).Pointer()

// refusesRedirects reports whether hc's CheckRedirect is refuseRedirect,
// so that hc can be used as it is.
func refusesRedirects(hc *http.Client) bool {
	return hc.CheckRedirect != nil && reflect.ValueOf(hc.CheckRedirect).Pointer() == refuseRedirectPC
}

// checkOrigin refuses a response that an HTTP client other than an
// *http.Client fetched from a location other than the request's: a
// redirect that client followed. Its answer is not the service's.
func (c *call) checkOrigin(req *http.Request, resp *http.Response) error {
	if _, ok := c.cfg.HTTPClient.(*http.Client); ok {
		return nil
	}
	return checkOrigin(req, resp)
}

// checkOrigin refuses a response fetched from a location other than the
// request's.
func checkOrigin(req *http.Request, resp *http.Response) error {
	if resp.Request == nil || resp.Request == req {
		return nil
	}
	got, want := resp.Request.URL, req.URL
	if got != nil && strings.EqualFold(got.Scheme, want.Scheme) && strings.EqualFold(got.Host, want.Host) &&
		got.EscapedPath() == want.EscapedPath() && got.RawQuery == want.RawQuery {
		return nil
	}
	where := "an unknown location"
	if got != nil {
		where = (&url.URL{Scheme: got.Scheme, Host: got.Host}).String()
	}
	return &transportFailure{Err: &RedirectedError{Location: where}}
}

// RedirectedError reports a response that the HTTP client fetched from
// another location than the endpoint's, by following a redirect. The
// response is not decoded.
type RedirectedError struct {
	// Location is the scheme and host the response came from.
	Location string
}

func (e *RedirectedError) Error() string {
	return "the HTTP client followed a redirect to " + e.Location +
		"; redirects are never followed, so the response is refused"
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

// firstBufferSize bounds the buffer readBody allocates before the body's
// bytes arrive: a declared Content-Length up to it is read into one
// buffer of the exact size, a longer body grows the buffer as it comes.
const firstBufferSize = 32 << 10

// readBody reads the body, refusing more than limit bytes; the caller
// closes it. The
// result shares the read buffer, which is never written again; when a read
// fails, it is what was read before. Memory follows the bytes received,
// not the declared Content-Length: the buffer grows as it fills (see
// grow), up to one byte past the declared length (so the end is seen
// without growing again) or past the limit.
func readBody(resp *http.Response, limit int64) (string, error) {
	declared := resp.ContentLength
	if declared > limit {
		return "", &ResponseTooLargeError{Limit: limit, Length: declared}
	}
	size := int64(512)
	if declared >= 0 {
		size = min(declared, firstBufferSize-1) + 1
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return "", &ResponseTooLargeError{Limit: limit, Length: -1}
			}
			buf = grow(buf, declared, limit)
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
			return bytesToString(buf), err
		}
	}
}

// grow returns a full buf with more room: eight times as much while the
// declared length lies ahead (so a long body costs few copies), twice as
// much otherwise, but no more than one byte past the declared length nor
// past limit+1. The caller has checked len(buf) <= limit.
func grow(buf []byte, declared, limit int64) []byte {
	n := int64(cap(buf))
	factor := int64(2)
	if declared > n {
		factor = 8
	}
	next := factor * max(n, 256)
	if declared >= n && declared < next-1 {
		next = declared + 1
	}
	if limit < next-1 {
		next = limit + 1
	}
	grown := make([]byte, len(buf), next)
	copy(grown, buf)
	return grown
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
// service only when it is resendable: the operation is idempotent, or the
// request is known to have had no connection (see connTrace).
func sendFailure(ctx context.Context, err error, resendable bool) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return &smithy.CanceledError{Err: ctxErr}
	}
	sendErr := &smithyhttp.RequestSendError{Err: err}
	if keepFromRetry(err, resendable) {
		return &transportFailure{Err: sendErr}
	}
	return sendErr
}

// keepFromRetry reports whether a failed send is kept from being retried:
// the request may have reached the service (a refused dial, or a failure
// before any connection, is known not to have) and it is not resendable
// (see sendFailure), so sending it again could make a second resource.
func keepFromRetry(err error, resendable bool) bool {
	return !resendable && !isDialError(err)
}

// readResponse reads resp's body (see readBody) and closes it, as the
// official deserializers of op's service read it, and returns the body to
// decode or the failure, with what their body-closing code would log (see
// bodyWarnings). Those that decode JSON into Go maps (the Classic JSON
// style) read a successful response's one JSON value with encoding/json's
// Decoder, which stops at the value's end, so an object that arrived whole
// is decoded whatever follows it; when it did not, the failure keeps what
// was read as its Snapshot. The schema-driven clients read the whole body
// first.
func readResponse(ctx context.Context, resp *http.Response, limit int64, op *operation) (body string, warnings bodyWarnings, err error) {
	body, err = readBody(resp, limit)
	warnings.closed = resp.Body.Close()
	warnings.afterDecode = !op.cbor && op.Binding.JSONStyle == jsonwire.Classic
	if err == nil {
		return body, warnings, nil
	}
	body, warnings, err = readFailure(resp, op, body, err, warnings)
	return body, warnings, unpinnedWhenDone(ctx, err)
}

// unpinnedWhenDone returns the failure to read a response body as the
// official clients hand it to the retryer once ctx is done: without the
// retry decision bodyFailure pins. With the context done no attempt
// follows whatever the retryer decides, so the pin, which keeps a create
// from being sent twice, has nothing left to keep, and the call ends as
// the official clients' does: the standard retryer, asked for a retry
// token, refuses it for the context, and that refusal is joined to err.
func unpinnedWhenDone(ctx context.Context, err error) error {
	if failure, ok := err.(*transportFailure); ok && ctx.Err() != nil {
		return failure.Err
	}
	return err
}

// discardBody drains, up to limit bytes, and closes the body of a response
// whose attempt failed with err before the body was read, as the official
// clients do: the schema-driven ones log what failed (see bodyWarnings;
// logger nil is the context's), the others nothing. A body over the limit
// is closed without reading.
func discardBody(ctx context.Context, resp *http.Response, limit int64, op *operation, logger logging.Logger, err error) {
	if tooLarge := (*ResponseTooLargeError)(nil); errors.As(err, &tooLarge) {
		_ = resp.Body.Close()
		return
	}
	var warnings bodyWarnings
	_, warnings.broken = io.Copy(io.Discard, io.LimitReader(resp.Body, limit))
	warnings.closed = resp.Body.Close()
	if op.Service.Layout == LayoutSchema {
		warnings.log(ctx, logger, false)
	}
}

// readFailure is readResponse for a body that could not be read whole
// (with err), of which body was read. It is apart so that a call whose
// body was read allocates nothing for it.
func readFailure(resp *http.Response, op *operation, body string, err error, warnings bodyWarnings) (string, bodyWarnings, error) {
	var tooLarge *ResponseTooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return "", bodyWarnings{}, err
	case !warnings.afterDecode:
		warnings.broken = err
		return "", warnings, bodyFailure(err, op, resp.StatusCode, nil)
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		return "", warnings, bodyFailure(err, op, resp.StatusCode, nil)
	case wholeObject(body):
		warnings.broken = err
		return body, warnings, nil
	}
	return "", warnings, bodyFailure(err, op, resp.StatusCode, jsonwire.Tail(body))
}

// wholeObject reports whether body begins, after white space, with a
// well-formed JSON object that ends within it.
func wholeObject(body string) bool {
	if value := strings.TrimLeft(body, " \t\r\n"); value == "" || value[0] != '{' {
		return false
	}
	var r jsonwire.Reader
	r.Reset(body)
	r.SetStyle(jsonwire.Classic)
	r.Skip()
	return r.Err() == nil
}

// bodyWarnings are the warnings the official clients' body-closing code
// logs about a response body: broken, the error a body broke off with,
// which draining it meets again, and closed, the error closing it gave.
// The schema-driven clients log them whatever the outcome; the others
// (afterDecode) only once a success has been decoded.
type bodyWarnings struct {
	broken, closed error
	afterDecode    bool
}

// log writes the warnings, with the call's context, where they belong:
// before decoding, or (decoded) after a success was decoded. They go to
// logger, or, when it is nil, to the logger the middleware stack put in
// ctx, fetched for each warning as the official middleware fetch it
// (middleware.GetLogger, which hands a logging.ContextLogger the context):
// a call with nothing to warn of asks for no logger.
func (w bodyWarnings) log(ctx context.Context, logger logging.Logger, decoded bool) {
	if w.afterDecode != decoded || (w.broken == nil && w.closed == nil) {
		return
	}
	warn := func(format string, err error) {
		if logger == nil {
			middleware.GetLogger(ctx).Logf(logging.Warn, format, err)
		} else {
			logging.WithContext(ctx, logger).Logf(logging.Warn, format, err)
		}
	}
	if w.broken != nil {
		warn("failed to discard remaining HTTP response body, this may affect connection reuse: %v", w.broken)
	}
	if w.closed != nil {
		warn("failed to close HTTP response body, this may affect connection reuse: %v", w.closed)
	}
}

// bodyFailure classifies an error while reading the body of a response
// with the given status, worded as the official deserializers of op's
// layout word it, and keeps snapshot.
func bodyFailure(err error, op *operation, status int, snapshot []byte) error {
	var tooLarge *ResponseTooLargeError
	if errors.As(err, &tooLarge) {
		return err
	}
	switch {
	case status < 200 || status >= 300:
		err = fmt.Errorf("failed to copy error response body, %w", err)
	case op.Service.Layout == LayoutClassic:
		err = fmt.Errorf("failed to decode response body, %w", err)
	}
	return &transportFailure{Err: &smithy.DeserializationError{Err: err, Snapshot: snapshot}, Retryable: op.Idempotent}
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
func clockSkew(header http.Header, date responseDate, sentAt, receivedAt time.Time) (time.Duration, bool) {
	if date.text == "" || headerValue(header, "Age") != "" || receivedAt.Sub(sentAt) > 15*time.Minute {
		return 0, false
	}
	serverTime, err := date.parse(http.ParseTime)
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

// headerValue is h.Get(key) for a key already in canonical form: the
// first value, or "". It skips canonicalizing the key again, which a
// lookup on every response would pay for.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}
