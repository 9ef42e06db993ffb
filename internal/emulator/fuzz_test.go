package emulator

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// FuzzCanonicalQuery compares the canonical query with the one
// aws-sdk-go-v2's signer signs (it rewrites the request's query into it):
// wherever url.ParseQuery reads the whole query, the two agree, and the
// signer's form is its own canonical form.
func FuzzCanonicalQuery(f *testing.F) {
	for _, seed := range []string{"", "a=1", "b=2&a=1&a-b=3", "x=%zz", "a=1;b=2", "sp=x+y&e=&f", "%41=%7e", "a&&b", "=v"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		canonical, ok := canonicalQuery(raw)
		if _, err := url.ParseQuery(raw); err != nil || !ok {
			return
		}
		req, err := http.NewRequest(http.MethodPost, "http://emulator.test/", nil)
		if err != nil {
			t.Skip()
		}
		req.URL.RawQuery = raw
		err = v4.NewSigner().SignHTTP(context.Background(), testCredentials, req,
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "lightsail", DefaultRegion, time.Now())
		if err != nil {
			t.Fatalf("SignHTTP: %v", err)
		}
		if req.URL.RawQuery != canonical {
			t.Fatalf("query %q: signer signs %q, emulator expects %q", raw, req.URL.RawQuery, canonical)
		}
		if again, ok := canonicalQuery(req.URL.RawQuery); !ok || again != canonical {
			t.Fatalf("signed query %q is not canonical: %q", req.URL.RawQuery, again)
		}
	})
}

// FuzzLoadState feeds arbitrary documents to LoadState: none may panic, a
// refused one leaves the state as it was, and an accepted one survives a
// second save and load unchanged.
func FuzzLoadState(f *testing.F) {
	f.Add(New(Config{LightsailRecords: 2}).MarshalState())
	for _, seed := range []string{`{"version":1}`, `{"version":1,"lightsail":{"generatedRecords":3}}`,
		`{"version":1,"partnercentral":{"engagements":[{"catalog":"A","id":"e","opportunities":["O1"]},{"catalog":"A","id":"e","opportunities":[]}]}}`,
		`{"version":1,"datazone":{"domains":[],"clientTokens":[{"token":"t","fingerprint":"f","output":{"a":[1,2]}}]}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e := New(Config{LightsailRecords: -1})
		before := e.MarshalState()
		if err := e.LoadState(data); err != nil {
			if !bytes.Equal(before, e.MarshalState()) {
				t.Fatalf("refused document changed the state: %v", err)
			}
			return
		}
		saved := e.MarshalState()
		again := New(Config{LightsailRecords: -1})
		if err := again.LoadState(saved); err != nil {
			t.Fatalf("a saved state does not load: %v\n%s", err, saved)
		}
		if resaved := again.MarshalState(); !bytes.Equal(saved, resaved) {
			t.Fatalf("state changed across a save and load:\n%s\n---\n%s", saved, resaved)
		}
	})
}
