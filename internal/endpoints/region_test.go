package endpoints

import "testing"

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
}
