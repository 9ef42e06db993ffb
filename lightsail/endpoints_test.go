package lightsail

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
)

func TestEndpointsFromSpec(t *testing.T) {
	t.Parallel()
	cases := []struct {
		region     string
		fips, dual bool
		url        string
	}{
		{"us-east-1", false, false, "https://lightsail.us-east-1.amazonaws.com"},
		{"us-east-1", true, false, "https://lightsail-fips.us-east-1.amazonaws.com"},
		{"us-east-1", false, true, "https://lightsail.us-east-1.api.aws"},
		{"us-east-1", true, true, "https://lightsail-fips.us-east-1.api.aws"},
		{"cn-north-1", false, false, "https://lightsail.cn-north-1.amazonaws.com.cn"},
		{"cn-north-1", false, true, "https://lightsail.cn-north-1.api.amazonwebservices.com.cn"},
		{"ap-east-1", false, false, "https://lightsail.ap-east-1.amazonaws.com"},
		{"sa-east-1", false, false, "https://lightsail.sa-east-1.amazonaws.com"},
	}
	resolver := NewDefaultEndpointResolverV2()
	for _, c := range cases {
		got, err := resolver.ResolveEndpoint(context.Background(), EndpointParameters{
			Region: aws.String(c.region), UseFIPS: aws.Bool(c.fips), UseDualStack: aws.Bool(c.dual),
		})
		if err != nil || got.URI.String() != c.url {
			t.Errorf("%+v: %s, %v; want %s", c, got.URI.String(), err, c.url)
		}
		if name, region := endpoints.Signing(&got, "lightsail", c.region); name != "lightsail" || region != c.region {
			t.Errorf("%+v: signs as %s in %s", c, name, region)
		}
	}
	_, err := resolver.ResolveEndpoint(context.Background(), EndpointParameters{})
	if err == nil || !strings.Contains(err.Error(), "Invalid Configuration: Missing Region") {
		t.Errorf("no region: %v", err)
	}
}

// TestEndpointsMatchModelRules evaluates the model's rule set over regions
// of every partition (and unknown ones) × FIPS × dual-stack × custom
// endpoint, and compares it with the Go rules.
func TestEndpointsMatchModelRules(t *testing.T) {
	t.Parallel()
	rules := testutil.LoadRuleSet(t, "lightsail.json")
	resolver := NewDefaultEndpointResolverV2()
	regions := append([]string{"", "ap-east-1", "eu-south-2", "sa-east-1", "ap-southeast-5"}, testutil.Regions...)
	for _, region := range regions {
		for _, fips := range []bool{false, true} {
			for _, dual := range []bool{false, true} {
				for _, custom := range []string{"", "https://example.com/prefix"} {
					params := map[string]any{"UseFIPS": fips, "UseDualStack": dual}
					goParams := EndpointParameters{UseFIPS: aws.Bool(fips), UseDualStack: aws.Bool(dual)}
					if region != "" {
						params["Region"] = region
						goParams.Region = aws.String(region)
					}
					if custom != "" {
						params["Endpoint"] = custom
						goParams.Endpoint = aws.String(custom)
					}
					want, err := rules.Evaluate(params)
					if err != nil {
						t.Fatalf("%v: %v", params, err)
					}
					got, gotErr := resolver.ResolveEndpoint(context.Background(), goParams)
					compareRuleResult(t, params, want, got, gotErr)
				}
			}
		}
	}
}

func compareRuleResult(t *testing.T, params map[string]any, want testutil.RuleResult, got smithyendpoints.Endpoint, err error) {
	t.Helper()
	if want.Error != "" {
		if err == nil || err.Error() != "endpoint rule error, "+want.Error {
			t.Errorf("%v: error = %v, want %q", params, err, want.Error)
		}
		return
	}
	if err != nil {
		t.Errorf("%v: %v, want %s", params, err, want.URL)
		return
	}
	if got.URI.String() != want.URL {
		t.Errorf("%v: url = %s, want %s", params, got.URI.String(), want.URL)
	}
	if len(want.Properties) != 0 {
		t.Errorf("%v: the rules give properties %v, which the Go rules do not carry", params, want.Properties)
	}
}

// TestEndpointOptions checks that the client turns its options into the
// rules' parameters: FIPS and dual-stack options, the legacy FIPS region
// spellings, and the signing scope.
func TestEndpointOptions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		optFn     func(*Options)
		host      string
		signingIn string
	}{
		{"fips option", func(o *Options) { o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled },
			"lightsail-fips.us-east-1.amazonaws.com", "us-east-1"},
		{"dual-stack option", func(o *Options) { o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled },
			"lightsail.us-east-1.api.aws", "us-east-1"},
		{"fips- prefix", func(o *Options) { o.Region = "fips-eu-west-2" }, "lightsail-fips.eu-west-2.amazonaws.com", "eu-west-2"},
		{"-fips suffix", func(o *Options) { o.Region = "ap-northeast-1-fips" }, "lightsail-fips.ap-northeast-1.amazonaws.com", "ap-northeast-1"},
		{"china", func(o *Options) { o.Region = "cn-northwest-1" }, "lightsail.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			_, err := newTestClient(nil, viaServer(srv), tc.optFn).GetExportSnapshotRecords(context.Background(), nil)
			must(t, err)
			req := srv.Requests()[0]
			if req.Host != tc.host {
				t.Errorf("host = %s, want %s", req.Host, tc.host)
			}
			if scope := "/" + tc.signingIn + "/lightsail/aws4_request"; !strings.Contains(req.Header.Get("Authorization"), scope) {
				t.Errorf("Authorization %s lacks the scope %s", req.Header.Get("Authorization"), scope)
			}
		})
	}
}

// TestEndpointTestsFromModel runs the model's own endpoint test cases.
func TestEndpointTestsFromModel(t *testing.T) {
	t.Parallel()
	n := testutil.RunEndpointTests(t, "lightsail.json", "lightsail", NewDefaultEndpointResolverV2().ResolveEndpoint)
	testutil.CheckRan(t, "lightsail.json endpoint test cases", n, 34)
}
