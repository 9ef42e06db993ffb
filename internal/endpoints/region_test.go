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
