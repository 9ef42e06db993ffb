package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"

	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
)

// TestHeaderValue checks headerValue against http.Header.Get for the
// canonical keys it is given: present, absent, empty and repeated.
func TestHeaderValue(t *testing.T) {
	h := http.Header{"Date": {"Mon, 02 Jan 2006 15:04:05 GMT"}, "Age": {}, "X-Amzn-Requestid": {"a", "b"}}
	for _, key := range []string{"Date", "Age", "X-Amzn-Requestid", "X-Amz-Requestid"} {
		if got, want := headerValue(h, key), h.Get(key); got != want {
			t.Errorf("headerValue(%q) = %q, Get gives %q", key, got, want)
		}
	}
}

// valueOut is the output the decoding tests read: one optional member.
type valueOut struct{ Value *string }

// TestDecodeTopLevel checks the bodies of a successful response that are
// not an object with members. No bytes is an output with no members. White
// space alone is one too in the Classic JSON style, and cut-short JSON in
// the Schema style, as it is for the schema-based official clients. CBOR
// null or undefined is an error, as the official clients read the output
// as a structure.
func TestDecodeTopLevel(t *testing.T) {
	inJSON := func(style jsonwire.Style) func(string) (any, error) {
		return func(body string) (any, error) {
			return decodeJSON(func(r *jsonwire.Reader, o *valueOut) {
				for it := r.Object(); r.More(&it); {
					if r.Key() != "Value" {
						r.Skip()
						continue
					}
					o.Value = r.StringPtr()
				}
			}, style, body)
		}
	}
	inCBOR := func(body string) (any, error) {
		return decodeCBOR(&CBORCodec[valueOut]{Decode: func(r *cborwire.Reader, o *valueOut) {
			for it := r.Map(); r.More(&it); {
				switch r.Key() {
				case "Value":
					o.Value = r.StringPtr()
				default:
					r.Skip()
				}
			}
		}}, body)
	}
	classic, schema := inJSON(jsonwire.Classic), inJSON(jsonwire.Schema)
	cases := []struct {
		name    string
		decode  func(string) (any, error)
		body    string
		wantErr bool
	}{
		{"classic", classic, "", false},
		{"schema", schema, "", false},
		{"classic", classic, " \n\t", false},
		{"schema", schema, " \n\t", true},
		{"schema", schema, ` {"Value":"v"} `, false},
		{"cbor", inCBOR, "", false},
		{"cbor", inCBOR, "\xa0", false},
		{"cbor", inCBOR, "\xa1\x65Value\x61v", false},
		{"cbor", inCBOR, "\xf6", true},
		{"cbor", inCBOR, "\xf7", true},
	}
	for _, c := range cases {
		got, err := c.decode(c.body)
		if c.wantErr {
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Errorf("%s, body %q: got %v, %v; want a DeserializationError", c.name, c.body, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s, body %q: %v", c.name, c.body, err)
			continue
		}
		if o := got.(*valueOut); (o.Value != nil) != strings.Contains(c.body, "Value") {
			t.Errorf("%s, body %q: got %+v", c.name, c.body, o)
		}
	}
}

// failingClose is a response body whose Close fails.
type failingClose struct {
	io.Reader
	err error
}

func (f failingClose) Close() error { return f.err }

// TestReadResponseBroken checks how a response body that breaks off, and
// whose Close fails, is read, as the official deserializers read it: a
// success whose JSON object arrived whole is decoded by the clients that
// decode JSON into Go maps (the Classic JSON style), which stop reading at
// the object's end, and its failure is logged once it is decoded; the
// schema-driven clients read the whole body first and fail, logging it
// whatever the outcome; anything else fails, unlogged, with what was read
// as the snapshot of a Classic success. The failed Close is logged where
// the broken body would be.
func TestReadResponseBroken(t *testing.T) {
	reset, closing := errors.New("connection reset by peer"), errors.New("close failed")
	classic := &operation{Service: &Service{Layout: LayoutClassic}, Binding: &protocol.Binding{JSONStyle: jsonwire.Classic}}
	schema := &operation{Service: &Service{Layout: LayoutSchema}, Binding: &protocol.Binding{JSONStyle: jsonwire.Schema}}
	cases := []struct {
		op           *operation
		status       int
		body         string
		decoded      bool // the body is returned for decoding
		brokenLogged bool
	}{
		{classic, 200, ` {"a":1}`, true, true},
		{classic, 201, `{"a":{"b":[1,2]}}{"c"`, true, true},
		{classic, 200, `{"a":1`, false, false},
		{classic, 200, `[1]`, false, false},
		{classic, 200, `"s"`, false, false},
		{classic, 200, ` `, false, false},
		{classic, 200, ``, false, false},
		{classic, 400, `{"__type":"X"}`, false, false},
		{schema, 200, `{"a":1}`, false, true},
		{schema, 400, `{"__type":"X"}`, false, true},
	}
	for _, c := range cases {
		resp := &http.Response{StatusCode: c.status, ContentLength: -1,
			Body: failingClose{io.MultiReader(strings.NewReader(c.body), iotest.ErrReader(reset)), closing}}
		body, warnings, err := readResponse(context.Background(), resp, 1<<20, c.op)
		if decoded := err == nil && body == c.body; decoded != c.decoded || (err == nil) != c.decoded {
			t.Errorf("layout %d, %d %q: body %q, error %v; want decoded %v", c.op.Service.Layout, c.status, c.body, body, err, c.decoded)
		}
		if err != nil && !errors.Is(err, reset) {
			t.Errorf("layout %d, %d %q: error %v does not wrap the read error", c.op.Service.Layout, c.status, c.body, err)
		}
		var failure *smithy.DeserializationError
		wantSnapshot := c.op == classic && c.status < 300 && !c.decoded
		if errors.As(err, &failure) && (string(failure.Snapshot) == c.body) != wantSnapshot {
			t.Errorf("layout %d, %d %q: snapshot %q; want one %v", c.op.Service.Layout, c.status, c.body, failure.Snapshot, wantSnapshot)
		}
		if broken := warnings.broken; (broken != nil) != c.brokenLogged || (broken != nil && !errors.Is(broken, reset)) {
			t.Errorf("layout %d, %d %q: broken %v; want it %v", c.op.Service.Layout, c.status, c.body, broken, c.brokenLogged)
		}
		// When each client logs: the schema-driven ones before decoding,
		// the others once a success is decoded.
		for _, decoded := range []bool{false, true} {
			var logged []string
			warnings.log(context.Background(), logging.LoggerFunc(func(_ logging.Classification, format string, v ...any) {
				logged = append(logged, fmt.Sprintf(format, v...))
			}), decoded)
			want := 0
			if decoded == (c.op == classic) {
				want = 1 // the failed Close
				if c.brokenLogged {
					want = 2
				}
			}
			if len(logged) != want || (want > 0 && !strings.Contains(logged[want-1], "failed to close HTTP response body")) {
				t.Errorf("layout %d, %d %q, decoded %v: logged %q", c.op.Service.Layout, c.status, c.body, decoded, logged)
			}
		}
	}
}

// TestBodyFailureUnpinnedWhenDone checks that a body that broke off keeps
// the retry decision this client pins on it (retried only for an
// idempotent operation) while the call's context is live, and is handed
// to the retryer as the official clients hand it once the context is
// done.
func TestBodyFailureUnpinnedWhenDone(t *testing.T) {
	reset := errors.New("connection reset by peer")
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for _, idempotent := range []bool{false, true} {
		op := &operation{Service: &Service{Layout: LayoutSchema}, Binding: &protocol.Binding{JSONStyle: jsonwire.Schema}, Idempotent: idempotent}
		for _, ctx := range []context.Context{context.Background(), done} {
			resp := &http.Response{StatusCode: 200, ContentLength: -1,
				Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"a":`), iotest.ErrReader(reset)))}
			_, _, err := readResponse(ctx, resp, 1<<20, op)
			var pin interface{ RetryableError() bool }
			pinned := errors.As(err, &pin)
			if !errors.Is(err, reset) || pinned != (ctx.Err() == nil) || (pinned && pin.RetryableError() != idempotent) {
				t.Errorf("idempotent %v, context done %v: error %v, pinned %v", idempotent, ctx.Err() != nil, err, pinned)
			}
		}
	}
}
