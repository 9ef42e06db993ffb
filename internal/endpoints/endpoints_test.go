package endpoints

import (
	"regexp"
	"testing"
)

// regionPatterns are the partitions' region patterns as partitions.json
// writes them (aws-sdk-go-v2 v1.48.0), in the order of partitions.
var regionPatterns = []string{
	`^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`,
	`^cn\-\w+\-\d+$`,
	`^eusc\-(de)\-\w+\-\d+$`,
	`^us\-iso\-\w+\-\d+$`,
	`^us\-isob\-\w+\-\d+$`,
	`^eu\-isoe\-\w+\-\d+$`,
	`^us\-isof\-\w+\-\d+$`,
	`^us\-gov\-\w+\-\d+$`,
}

var regionSamples = []string{
	"", "us-east-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "us-isof-south-1", "eu-isoe-west-1",
	"eusc-de-east-1", "eusc-fr-east-1", "cn-north-1", "cn-northwest-1", "ap-southeast-10", "il-central-1",
	"us-east-", "us--1", "us-east_2-7", "us-east-1a", "us-east-1-", "us-ea st-1", "US-east-1", "usa-east-1",
	"mx-central-1", "me-south-1", "xx-east-1", "us-e\u00e9st-1", "us-east-\u0661", "us-east-1\n", "-us-east-1",
}

func TestRegionMatchesRegexp(t *testing.T) {
	t.Parallel()
	if len(regionPatterns) != len(partitions) {
		t.Fatalf("%d patterns for %d partitions", len(regionPatterns), len(partitions))
	}
	for i, p := range partitions {
		re := regexp.MustCompile(regionPatterns[i])
		for _, region := range regionSamples {
			if got, want := regionMatches(region, p.prefixes), re.MatchString(region); got != want {
				t.Errorf("%s: regionMatches(%q) = %t, %s says %t", p.Name, region, got, regionPatterns[i], want)
			}
		}
	}
}

func FuzzRegionMatchesRegexp(f *testing.F) {
	for _, region := range regionSamples {
		f.Add(region)
	}
	res := make([]*regexp.Regexp, len(regionPatterns))
	for i, source := range regionPatterns {
		res[i] = regexp.MustCompile(source)
	}
	f.Fuzz(func(t *testing.T, region string) {
		for i, p := range partitions {
			if got, want := regionMatches(region, p.prefixes), res[i].MatchString(region); got != want {
				t.Fatalf("%s: regionMatches(%q) = %t, %s says %t", p.Name, region, got, regionPatterns[i], want)
			}
		}
	})
}
