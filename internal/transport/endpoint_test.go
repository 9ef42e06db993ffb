package transport

import (
	"net/url"
	"testing"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/protocol"
)

// TestLegacyURL checks the URL of a request to a legacy resolver's
// endpoint in each protocol, as the official legacy middleware and
// serializers build it: the endpoint's URL whole, with its path replaced
// (rpcv2Cbor), kept (awsJson) or joined to the operation's, and its query
// encoded again (restJson1).
func TestLegacyURL(t *testing.T) {
	cases := []struct {
		endpoint      string
		kind          protocol.Kind
		path, rawPath string
		want          string
	}{
		{"https://h/p?b=1&a=2#f", protocol.RPCV2CBOR, "/service/S/operation/O", "", "https://h/service/S/operation/O?b=1&a=2#f"},
		{"https://u:pw@h:8443/a%2Fb/", protocol.RPCV2CBOR, "/service/S/operation/O", "", "https://u:pw@h:8443/service/S/operation/O"},
		{"https://h", protocol.AWSJSON11, "/", "", "https://h/"},
		{"https://h/p?b=1&a=2", protocol.AWSJSON10, "/", "", "https://h/p?b=1&a=2"},
		{"https://h/a%2Fb/", protocol.AWSJSON11, "/", "", "https://h/a%2Fb/"},
		{"https://h/p?b=1&a=2#f", protocol.RESTJSON1, "/snapshots", "/snapshots", "https://h/p/snapshots?a=2&b=1#f"},
		{"https://h//p//", protocol.RESTJSON1, "/v2/x y", "/v2/x%20y", "https://h//p//v2/x%20y"},
	}
	for _, c := range cases {
		u, err := url.Parse(c.endpoint)
		if err != nil {
			t.Fatal(err)
		}
		got, err := legacyURL(&smithyendpoints.Endpoint{URI: *u}, c.kind, c.path, c.rawPath)
		if err != nil || got.String() != c.want {
			t.Errorf("legacyURL(%s, %v, %q) = %s, %v; want %s", c.endpoint, c.kind, c.path, got.String(), err, c.want)
		}
	}
	u, _ := url.Parse("https://h/p?a=%zz")
	if _, err := legacyURL(&smithyendpoints.Endpoint{URI: *u}, protocol.RESTJSON1, "/x", "/x"); err == nil {
		t.Error("a query that does not parse was accepted in restJson1")
	}
}
