package endpoints

import (
	"net/url"
	"testing"

	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// TestCheckRegion accepts regions that are host names and refuses any
// other text, an empty label included.
func TestCheckRegion(t *testing.T) {
	t.Parallel()
	for region, ok := range map[string]bool{
		"": true, "us-east-1": true, "us-gov-west-1": true, "a.b.c": true, "local": true,
		".": false, "us-east-1.": false, ".us-east-1": false, "a..b": false, "us east 1": false,
		"us-east-1/x": false, "evil.com#": false, "\u00e9": false,
	} {
		if err := CheckRegion(region); (err == nil) != ok {
			t.Errorf("CheckRegion(%q) = %v, want ok %v", region, err, ok)
		}
	}
}

// TestSigning reads the signing name and region of an endpoint's SigV4
// auth scheme, and falls back to the defaults without one, without
// allocating for an endpoint that has no properties. (Not parallel:
// AllocsPerRun refuses to run in a parallel test.)
func TestSigning(t *testing.T) {
	plain, err := URL("https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	if name, region := Signing(&plain, "memorydb", "us-east-1"); name != "memorydb" || region != "us-east-1" {
		t.Errorf("no auth scheme: %s %s, want the defaults", name, region)
	}
	if n := testing.AllocsPerRun(100, func() { Signing(&plain, "memorydb", "us-east-1") }); n != 0 {
		t.Errorf("%v allocations for an endpoint without properties", n)
	}
	scoped := WithSigV4(plain, "other-name", "eu-west-1")
	if name, region := Signing(&scoped, "memorydb", "us-east-1"); name != "other-name" || region != "eu-west-1" {
		t.Errorf("auth scheme: %s %s, want other-name eu-west-1", name, region)
	}
	// Every scheme's properties apply in turn, whatever its name, as the
	// official clients apply them.
	scheme := func(id, name, region string) *smithyauth.Option {
		o := &smithyauth.Option{SchemeID: id}
		if name != "" {
			smithyhttp.SetSigV4SigningName(&o.SignerProperties, name)
		}
		if region != "" {
			smithyhttp.SetSigV4SigningRegion(&o.SignerProperties, region)
		}
		return o
	}
	for _, c := range []struct {
		options      []*smithyauth.Option
		name, region string
	}{
		{[]*smithyauth.Option{scheme("aws.auth#sigv4", "a", "r1")}, "a", "r1"},
		{[]*smithyauth.Option{scheme("sigv4", "a", "r1")}, "a", "r1"},
		{[]*smithyauth.Option{scheme("custom#scheme", "", "r2")}, "memorydb", "r2"},
		{[]*smithyauth.Option{scheme("sigv4", "a", "r1"), scheme("sigv4a", "b", "")}, "b", "r1"},
	} {
		e := plain
		smithyauth.SetAuthOptions(&e.Properties, c.options)
		if name, region := Signing(&e, "memorydb", "us-east-1"); name != c.name || region != c.region {
			t.Errorf("schemes %v: %s %s, want %s %s", c.options, name, region, c.name, c.region)
		}
	}
}

// TestHostOfAndURL checks that endpoints built from text come out as the
// official rule sets build them, through net/url: a host of plain
// characters as it is, any other parsed (a space is an error, a slash
// starts the path), and a configured URL parsed whether or not it is
// absolute.
func TestHostOfAndURL(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		build  func() (smithyendpoints.Endpoint, error)
		url    string // "" with err
		errMsg string
	}{
		{"plain host", func() (smithyendpoints.Endpoint, error) { return HostOf("memory-db.us-east-1.amazonaws.com") },
			"https://memory-db.us-east-1.amazonaws.com", ""},
		{"upper case kept", func() (smithyendpoints.Endpoint, error) { return HostOf("x.US-EAST-1.y") }, "https://x.US-EAST-1.y", ""},
		{"space", func() (smithyendpoints.Endpoint, error) { return HostOf("x. .y") }, "", "Failed to parse uri: https://x. .y"},
		{"slash starts the path", func() (smithyendpoints.Endpoint, error) { return HostOf("x.a/b.y") }, "https://x.a/b.y", ""},
		{"empty URL", func() (smithyendpoints.Endpoint, error) { return URL("") }, "", ""},
		{"relative URL", func() (smithyendpoints.Endpoint, error) { return URL("local/path") }, "local/path", ""},
		{"unparsable URL", func() (smithyendpoints.Endpoint, error) { return URL("https://[::1") }, "", "Failed to parse uri: https://[::1"},
		{"unparsable URL with a password", func() (smithyendpoints.Endpoint, error) { return URL("https://u:secret@[::1/p") },
			"", "Failed to parse uri: https://u:xxxxx@[::1/p"},
	}
	for _, c := range cases {
		e, err := c.build()
		if c.errMsg != "" {
			if err == nil || err.Error() != c.errMsg {
				t.Errorf("%s: got %v, %v; want the error %q", c.name, e.URI.String(), err, c.errMsg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		want, _ := url.Parse(c.url)
		if e.URI != *want {
			t.Errorf("%s: got %#v, want %#v", c.name, e.URI, *want)
		}
	}
}
