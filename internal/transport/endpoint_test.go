package transport

import (
	"net/url"
	"testing"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// TestLegacyURL checks the URL of a request to a legacy resolver's
// endpoint in each protocol (rpcv2Cbor; awsJson, whose path is "/" with no
// escaped form; restJson1), as the official legacy middleware and
// serializers build it: the endpoint's URL whole, with its path replaced
// (rpcv2Cbor), kept (awsJson) or joined to the operation's, and its query
// encoded again (restJson1).
func TestLegacyURL(t *testing.T) {
	cases := []struct {
		endpoint      string
		cbor          bool
		path, rawPath string
		want          string
	}{
		{"https://h/p?b=1&a=2#f", true, "/service/S/operation/O", "", "https://h/service/S/operation/O?b=1&a=2#f"},
		{"https://u:pw@h:8443/a%2Fb/", true, "/service/S/operation/O", "", "https://u:pw@h:8443/service/S/operation/O"},
		{"https://h", false, "/", "", "https://h/"},
		{"https://h/p?b=1&a=2", false, "/", "", "https://h/p?b=1&a=2"},
		{"https://h/a%2Fb/", false, "/", "", "https://h/a%2Fb/"},
		{"https://h/p?b=1&a=2#f", false, "/snapshots", "/snapshots", "https://h/p/snapshots?a=2&b=1#f"},
		{"https://h//p//", false, "/v2/x y", "/v2/x%20y", "https://h//p//v2/x%20y"},
	}
	for _, c := range cases {
		u, err := url.Parse(c.endpoint)
		if err != nil {
			t.Fatal(err)
		}
		got, err := legacyURL(&smithyendpoints.Endpoint{URI: *u}, c.cbor, c.path, c.rawPath)
		if err != nil || got.String() != c.want {
			t.Errorf("legacyURL(%s, %v, %q) = %s, %v; want %s", c.endpoint, c.cbor, c.path, got.String(), err, c.want)
		}
	}
	u, _ := url.Parse("https://h/p?a=%zz")
	if _, err := legacyURL(&smithyendpoints.Endpoint{URI: *u}, false, "/x", "/x"); err == nil {
		t.Error("a query that does not parse was accepted in restJson1")
	}
}
