package partnercentral_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral"
)

func TestEndpointsFromSpec(t *testing.T) {
	t.Parallel()
	cases := []struct {
		region   *string
		fips     bool
		endpoint *string
		url      string
		err      string
	}{
		{region: aws.String("us-east-1"), url: "https://partnercentral-selling.us-east-1.api.aws"},
		{region: aws.String("us-east-1"), fips: true, url: "https://partnercentral-selling-fips.us-east-1.api.aws"},
		{region: aws.String("cn-northwest-1"), url: "https://partnercentral-selling.cn-northwest-1.api.amazonwebservices.com.cn"},
		{region: aws.String("cn-north-1"), fips: true, url: "https://partnercentral-selling-fips.cn-north-1.api.amazonwebservices.com.cn"},
		{region: aws.String("us-gov-west-1"), url: "https://partnercentral-selling.us-gov-west-1.api.aws"},
		{region: aws.String("us-gov-east-1"), fips: true, url: "https://partnercentral-selling-fips.us-gov-east-1.api.aws"},
		{region: aws.String("us-iso-east-1"), url: "https://partnercentral-selling.us-iso-east-1.api.aws.ic.gov"},
		{region: aws.String("eusc-de-east-1"), url: "https://partnercentral-selling.eusc-de-east-1.api.amazonwebservices.eu"},
		{region: aws.String("us-east-1"), endpoint: aws.String("https://example.com/prefix"), url: "https://example.com/prefix"},
		{endpoint: aws.String("http://127.0.0.1:4566"), url: "http://127.0.0.1:4566"},
		{region: aws.String("us-east-1"), fips: true, endpoint: aws.String("https://example.com"),
			err: "endpoint rule error, Invalid Configuration: FIPS and custom endpoint are not supported"},
		{err: "endpoint rule error, Invalid Configuration: Missing Region"},
		{fips: true, err: "endpoint rule error, Invalid Configuration: Missing Region"},
	}
	resolver := partnercentral.NewDefaultEndpointResolverV2()
	for _, c := range cases {
		got, err := resolver.ResolveEndpoint(context.Background(), partnercentral.EndpointParameters{
			Region: c.region, UseFIPS: aws.Bool(c.fips), Endpoint: c.endpoint,
		})
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%+v: error = %v, want %q", c, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", c, err)
			continue
		}
		if got.URI.String() != c.url {
			t.Errorf("%+v: url = %s, want %s", c, got.URI.String(), c.url)
		}
		if name, region := endpoints.Signing(&got, "partnercentral-selling", "us-east-1"); name != "partnercentral-selling" || region != "us-east-1" {
			t.Errorf("%+v: the endpoint changes signing to %s/%s", c, name, region)
		}
	}
}

func TestEndpointParameterDefaults(t *testing.T) {
	t.Parallel()
	got, err := partnercentral.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(),
		partnercentral.EndpointParameters{Region: aws.String("us-east-1")})
	if err != nil || got.URI.String() != "https://partnercentral-selling.us-east-1.api.aws" {
		t.Errorf("unset UseFIPS: %v %v", got.URI.String(), err)
	}
	if p := (partnercentral.EndpointParameters{}).WithDefaults(); p.UseFIPS == nil || *p.UseFIPS {
		t.Errorf("WithDefaults: %+v", p)
	}
	if err := (partnercentral.EndpointParameters{}).ValidateRequired(); err == nil {
		t.Error("ValidateRequired accepts an unset UseFIPS")
	}
}

// TestEndpointsMatchModelRules evaluates the model's rule set over a
// matrix of inputs and compares it with the Go rules. The rule set has no
// UseDualStack parameter: every endpoint is dual-stack.
func TestEndpointsMatchModelRules(t *testing.T) {
	t.Parallel()
	rules := testutil.LoadRuleSet(t, "partnercentral.json")
	if _, ok := rules.Parameters["UseDualStack"]; ok {
		t.Error("the model now has a UseDualStack parameter")
	}
	resolver := partnercentral.NewDefaultEndpointResolverV2()
	regions := append([]string{""}, testutil.Regions...)
	ran := 0
	for _, region := range regions {
		for _, fips := range []bool{false, true} {
			for _, custom := range []string{"", "https://example.com/prefix", "http://localhost:8080"} {
				params := map[string]any{"UseFIPS": fips}
				goParams := partnercentral.EndpointParameters{UseFIPS: aws.Bool(fips)}
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
				ran++
			}
		}
	}
	t.Logf("compared %d parameter sets with the model's rules", ran)
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
		t.Errorf("%v: the model's endpoint carries properties %v", params, want.Properties)
	}
	if name, region := endpoints.Signing(&got, "partnercentral-selling", ""); name != "partnercentral-selling" || region != "" {
		t.Errorf("%v: signing %s/%s, want the defaults", params, name, region)
	}
}

// TestClientEndpoints checks what a client sends where: the host, and the
// region in the credential scope.
func TestClientEndpoints(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		optFns func(*partnercentral.Options)
		host   string
		scope  string
	}{
		{"us-east-1", func(o *partnercentral.Options) {}, "partnercentral-selling.us-east-1.api.aws", "/us-east-1/"},
		{"fips option", func(o *partnercentral.Options) { o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled },
			"partnercentral-selling-fips.us-east-1.api.aws", "/us-east-1/"},
		{"legacy fips region", func(o *partnercentral.Options) { o.Region = "fips-us-east-1" },
			"partnercentral-selling-fips.us-east-1.api.aws", "/us-east-1/"},
		{"legacy fips suffix", func(o *partnercentral.Options) { o.Region = "us-east-1-fips" },
			"partnercentral-selling-fips.us-east-1.api.aws", "/us-east-1/"},
		{"dual-stack option changes nothing", func(o *partnercentral.Options) {
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		}, "partnercentral-selling.us-east-1.api.aws", "/us-east-1/"},
		{"cn", func(o *partnercentral.Options) { o.Region = "cn-northwest-1" },
			"partnercentral-selling.cn-northwest-1.api.amazonwebservices.com.cn", "/cn-northwest-1/"},
		{"gov", func(o *partnercentral.Options) { o.Region = "us-gov-west-1" },
			"partnercentral-selling.us-gov-west-1.api.aws", "/us-gov-west-1/"},
		{"resolved region, for the legacy resolver alone", func(o *partnercentral.Options) {
			o.Region = "us-west-2"
			o.EndpointOptions.ResolvedRegion = "us-east-1"
		},
			"partnercentral-selling.us-west-2.api.aws", "/us-west-2/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			client := newClient(srv, realEndpoint(srv), c.optFns)
			if _, err := client.CreateResourceSnapshot(context.Background(), valid()); err != nil {
				t.Fatal(err)
			}
			req := srv.Requests()[0]
			if req.Host != c.host || req.Path != "/" {
				t.Errorf("request went to %s%s, want %s/", req.Host, req.Path, c.host)
			}
			if auth := req.Header.Get("Authorization"); !strings.Contains(auth, c.scope+"partnercentral-selling/aws4_request") {
				t.Errorf("credential scope in %s, want region %s", auth, c.scope)
			}
		})
	}
}

func TestBaseEndpointWithoutRegion(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t)
	client := newClient(srv, func(o *partnercentral.Options) { o.Region = "" })
	if _, err := client.CreateResourceSnapshot(context.Background(), valid()); err != nil {
		t.Fatal(err)
	}
	if got := srv.Requests()[0].Path; got != "/base/path" {
		t.Errorf("path = %s", got)
	}
}

// TestEndpointTestsFromModel runs the model's own endpoint test cases.
func TestEndpointTestsFromModel(t *testing.T) {
	t.Parallel()
	n := testutil.RunEndpointTests(t, "partnercentral.json", "partnercentral-selling", partnercentral.NewDefaultEndpointResolverV2().ResolveEndpoint)
	testutil.CheckRan(t, "partnercentral.json endpoint test cases", n, 9)
}
