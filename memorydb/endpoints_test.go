package memorydb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/memorydb"
)

func TestEndpointsFromSpec(t *testing.T) {
	t.Parallel()
	cases := []struct {
		region         string
		fips, dual     bool
		url, signingAt string
	}{
		{"us-east-1", false, false, "https://memory-db.us-east-1.amazonaws.com", "us-east-1"},
		{"us-east-1", true, false, "https://memory-db-fips.us-east-1.amazonaws.com", "us-east-1"},
		{"us-east-1", false, true, "https://memory-db.us-east-1.api.aws", "us-east-1"},
		{"us-east-1", true, true, "https://memory-db-fips.us-east-1.api.aws", "us-east-1"},
		{"cn-north-1", false, false, "https://memory-db.cn-north-1.amazonaws.com.cn", "cn-north-1"},
		{"fips", false, false, "https://memory-db-fips.us-west-1.amazonaws.com", "us-west-1"},
	}
	resolver := memorydb.NewDefaultEndpointResolverV2()
	for _, c := range cases {
		got, err := resolver.ResolveEndpoint(context.Background(), memorydb.EndpointParameters{
			Region: aws.String(c.region), UseFIPS: aws.Bool(c.fips), UseDualStack: aws.Bool(c.dual),
		})
		if err != nil {
			t.Errorf("%+v: %v", c, err)
			continue
		}
		if got.URI.String() != c.url {
			t.Errorf("%+v: url = %s", c, got.URI.String())
		}
		if _, region := endpoints.Signing(&got, "memorydb", c.region); region != c.signingAt {
			t.Errorf("%+v: signing region = %s, want %s", c, region, c.signingAt)
		}
	}
}

// TestEndpointsMatchModelRules evaluates the model's rule set over a
// matrix of inputs and compares it with the Go rules.
func TestEndpointsMatchModelRules(t *testing.T) {
	t.Parallel()
	rules := testutil.LoadRuleSet(t, "memorydb.json")
	resolver := memorydb.NewDefaultEndpointResolverV2()
	regions := append([]string{""}, testutil.Regions...)
	for _, region := range regions {
		for _, fips := range []bool{false, true} {
			for _, dual := range []bool{false, true} {
				for _, custom := range []string{"", "https://example.com/prefix"} {
					params := map[string]any{"UseFIPS": fips, "UseDualStack": dual}
					goParams := memorydb.EndpointParameters{UseFIPS: aws.Bool(fips), UseDualStack: aws.Bool(dual)}
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
	wantName, wantRegion := "memorydb", ""
	if schemes, ok := want.Properties["authSchemes"].([]any); ok {
		scheme := schemes[0].(map[string]any)
		wantName, _ = scheme["signingName"].(string)
		wantRegion, _ = scheme["signingRegion"].(string)
	}
	name, region := endpoints.Signing(&got, "memorydb", "")
	if diff := cmp.Diff([2]string{wantName, wantRegion}, [2]string{name, region}); diff != "" {
		t.Errorf("%v: signing (-want +got):\n%s", params, diff)
	}
}

func TestLegacyFIPSRegion(t *testing.T) {
	t.Parallel()
	for _, region := range []string{"fips-us-east-1", "us-east-1-fips"} {
		srv := testutil.NewServer(t)
		client := newClient(srv, func(o *memorydb.Options) {
			o.BaseEndpoint = nil
			o.Region = region
			o.HTTPClient = srv.HTTPClient()
		})
		if err := call(client, context.Background()); err != nil {
			t.Fatal(err)
		}
		req := srv.Requests()[0]
		if req.Host != "memory-db-fips.us-east-1.amazonaws.com" {
			t.Errorf("%s: host = %s", region, req.Host)
		}
		if auth := req.Header.Get("Authorization"); !strings.Contains(auth, "/us-east-1/memorydb/aws4_request") {
			t.Errorf("%s: scope in %s", region, auth)
		}
	}
	srv := testutil.NewServer(t)
	client := newClient(srv, func(o *memorydb.Options) { o.BaseEndpoint = nil; o.Region = "fips"; o.HTTPClient = srv.HTTPClient() })
	if err := call(client, context.Background()); err != nil {
		t.Fatal(err)
	}
	req := srv.Requests()[0]
	if req.Host != "memory-db-fips.us-west-1.amazonaws.com" || !strings.Contains(req.Header.Get("Authorization"), "/us-west-1/memorydb/aws4_request") {
		t.Errorf("fips region: host %s, auth %s", req.Host, req.Header.Get("Authorization"))
	}
}

// TestEndpointTestsFromModel runs the model's own endpoint test cases.
func TestEndpointTestsFromModel(t *testing.T) {
	t.Parallel()
	n := testutil.RunEndpointTests(t, "memorydb.json", "memorydb", memorydb.NewDefaultEndpointResolverV2().ResolveEndpoint)
	testutil.CheckRan(t, "memorydb.json endpoint test cases", n, 38)
}
