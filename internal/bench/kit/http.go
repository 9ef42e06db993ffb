package kit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Region is the region every comparison uses.
const Region = "us-east-1"

// NewHTTPClient returns the HTTP client every variant of a loopback
// benchmark sends with, so that they share one set of transport settings:
// keep-alive on, enough idle connections for the benchmark's goroutine, no
// proxy.
func NewHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        64,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     90 * time.Second,
	}}
}

// Response is a canned HTTP answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSONResponse returns a 200 answer carrying body, with the headers a
// service sends.
func JSONResponse(contentType, body string) Response {
	return Response{
		Status: http.StatusOK,
		Header: http.Header{
			"Content-Type":     {contentType},
			"X-Amzn-Requestid": {"8c3f7a2e-5b1d-4e6f-9a0b-1c2d3e4f5a6b"},
		},
		Body: []byte(body),
	}
}

// Serve starts a loopback server that reads each request body and answers
// with answer(body); it is closed when the test or benchmark ends.
func Serve(tb testing.TB, answer func(body []byte) Response) *httptest.Server {
	tb.Helper()
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := buffers.Get().(*bytes.Buffer)
		buf.Reset()
		_, _ = buf.ReadFrom(r.Body)
		resp := answer(buf.Bytes())
		buffers.Put(buf)
		header := w.Header()
		for name, values := range resp.Header {
			header[name] = values
		}
		header["Content-Length"] = []string{fmt.Sprint(len(resp.Body))}
		w.WriteHeader(resp.Status)
		_, _ = w.Write(resp.Body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// ServeCanned starts a loopback server answering every request with resp.
func ServeCanned(tb testing.TB, resp Response) *httptest.Server {
	return Serve(tb, func([]byte) Response { return resp })
}

// CannedClient is an HTTP client that answers every request at once with
// the same response, so that a benchmark measures the client alone. It
// drains and closes the request body like a transport does.
type CannedClient struct {
	Response Response
}

// Do answers req with the canned response.
func (c *CannedClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		Status:        http.StatusText(c.Response.Status),
		StatusCode:    c.Response.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        c.Response.Header,
		Body:          io.NopCloser(bytes.NewReader(c.Response.Body)),
		ContentLength: int64(len(c.Response.Body)),
		Request:       req,
	}, nil
}

// Floor makes the calls a client is measured against: net/http alone, with
// the request body already encoded. Plain sends pre-built bytes with
// headers signed once up front; Signed builds and signs every request with
// the SDK's SigV4 signer, which is the least a correct signed call costs.
type Floor struct {
	Client      *http.Client
	URL         string
	Header      http.Header // Content-Type, and X-Amz-Target for awsJson
	Body        []byte
	Service     string
	Region      string
	Credentials aws.CredentialsProvider

	signer *v4.Signer
	signed http.Header
}

// NewFloor returns a Floor posting body to url with header, signing for
// service in region with credentials.
func NewFloor(client *http.Client, url string, header http.Header, body []byte, service string, credentials aws.CredentialsProvider) (*Floor, error) {
	f := &Floor{Client: client, URL: url, Header: header, Body: body, Service: service, Region: Region,
		Credentials: credentials, signer: v4.NewSigner()}
	req, err := f.signedRequest(context.Background(), body)
	if err != nil {
		return nil, err
	}
	f.signed = req.Header
	return f, nil
}

// Plain posts the pre-built, pre-signed request and returns the response
// body.
func (f *Floor) Plain(ctx context.Context) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL, bytes.NewReader(f.Body))
	if err != nil {
		return nil, err
	}
	req.Header = f.signed
	return f.do(req)
}

// Signed builds the request, hashes the payload, signs it and posts it,
// and returns the response body.
func (f *Floor) Signed(ctx context.Context) ([]byte, error) {
	return f.SignedBody(ctx, f.Body)
}

// SignedBody is Signed with another request body.
func (f *Floor) SignedBody(ctx context.Context, body []byte) ([]byte, error) {
	req, err := f.signedRequest(ctx, body)
	if err != nil {
		return nil, err
	}
	return f.do(req)
}

// SignedOpaque is Signed with the body behind a reader type net/http does
// not know. net/http then writes the request headers and the body in two
// writes (transfer.go, isKnownInMemoryReader), which shows what that costs.
func (f *Floor) SignedOpaque(ctx context.Context) ([]byte, error) {
	req, err := f.signedRequest(ctx, f.Body)
	if err != nil {
		return nil, err
	}
	req.Body = &opaqueReader{bytes.NewReader(f.Body)}
	return f.do(req)
}

// opaqueReader hides the type of a request body from net/http.
type opaqueReader struct{ r *bytes.Reader }

func (o *opaqueReader) Read(p []byte) (int, error) { return o.r.Read(p) }
func (o *opaqueReader) Close() error               { return nil }

func (f *Floor) signedRequest(ctx context.Context, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for name, values := range f.Header {
		req.Header[name] = values
	}
	sum := sha256.Sum256(body)
	creds, err := f.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	err = f.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), f.Service, f.Region, time.Now())
	return req, err
}

func (f *Floor) do(req *http.Request) ([]byte, error) {
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var body []byte
	if resp.ContentLength >= 0 {
		body = make([]byte, resp.ContentLength)
		_, err = io.ReadFull(resp.Body, body)
	} else {
		body, err = io.ReadAll(resp.Body)
	}
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, nil
}
