package datazone

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
)

func BenchmarkValidate(b *testing.B) {
	in := fullInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	in := fullInput()
	var req protocol.Request
	b.ReportAllocs()
	for b.Loop() {
		req = protocol.Request{}
		req.Body.Grow(512)
		pathCreateAssetRevision(in, &req)
		encodeCreateAssetRevisionInput(in, &req)
	}
	b.SetBytes(int64(len(req.Body.Bytes())))
}

func BenchmarkDecode(b *testing.B) {
	b.SetBytes(int64(len(fullOutputBody)))
	b.ReportAllocs()
	for b.Loop() {
		var r jsonwire.Reader
		r.Reset(fullOutputBody)
		var out CreateAssetRevisionOutput
		decodeCreateAssetRevisionOutput(&r, &out)
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
	}
}

// BenchmarkCreateAssetRevision measures one whole call over loopback
// against a server answering with a full response.
func BenchmarkCreateAssetRevision(b *testing.B) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Amzn-RequestId", "req-1")
		_, _ = io.WriteString(w, fullOutputBody)
	}))
	defer server.Close()
	client := New(Options{Region: "us-east-1", BaseEndpoint: aws.String(server.URL), Credentials: testutil.Credentials})
	in := fullInput()
	in.ClientToken = nil
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CreateAssetRevision(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// cannedTransport answers every request with the same response, so the
// client's own cost shows without the network.
type cannedTransport struct{ body string }

func (t cannedTransport) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"X-Amzn-Requestid": {"req-1"}},
		Body:          io.NopCloser(strings.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
	}, nil
}

// BenchmarkCreateAssetRevisionClientSide measures the client alone: token,
// validation, encoding, signing and decoding.
func BenchmarkCreateAssetRevisionClientSide(b *testing.B) {
	client := New(Options{Region: "us-east-1", Credentials: testutil.Credentials, HTTPClient: cannedTransport{body: fullOutputBody}})
	in := fullInput()
	in.ClientToken = nil
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CreateAssetRevision(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
