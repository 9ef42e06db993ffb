package datazone

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
)

// TestEndpointRulesMatchTheModel evaluates the model's rule set over
// regions of every partition and unknown ones, FIPS and a custom
// endpoint, and compares it with the Go rules. The rules have no
// dual-stack parameter; TestEndpointsFromTheSpec checks that the
// dual-stack option changes nothing.
func TestEndpointRulesMatchTheModel(t *testing.T) {
	t.Parallel()
	rules := testutil.LoadRuleSet(t, "datazone.json")
	resolver := NewDefaultEndpointResolverV2()
	cases := 0
	for _, region := range append([]string{""}, testutil.Regions...) {
		for _, fips := range []bool{false, true} {
			for _, custom := range []string{"", "https://example.com/custom/path"} {
				params := map[string]any{"UseFIPS": fips}
				goParams := EndpointParameters{UseFIPS: aws.Bool(fips)}
				if region != "" {
					params["Region"], goParams.Region = region, aws.String(region)
				}
				if custom != "" {
					params["Endpoint"], goParams.Endpoint = custom, aws.String(custom)
				}
				want, err := rules.Evaluate(params)
				if err != nil {
					t.Fatalf("%v: %v", params, err)
				}
				got, gotErr := resolver.ResolveEndpoint(context.Background(), goParams)
				compareRuleResult(t, params, want, got, gotErr)
				cases++
			}
		}
	}
	t.Logf("%d parameter combinations agree with the model's rules", cases)
}

func compareRuleResult(t *testing.T, params map[string]any, want testutil.RuleResult, got smithyendpoints.Endpoint, err error) {
	t.Helper()
	if want.Error != "" {
		if err == nil || err.Error() != "endpoint rule error, "+want.Error {
			t.Errorf("%v: error %v, want %q", params, err, want.Error)
		}
		return
	}
	if err != nil {
		t.Errorf("%v: %v, want %s", params, err, want.URL)
		return
	}
	if got.URI.String() != want.URL {
		t.Errorf("%v: url %s, want %s", params, got.URI.String(), want.URL)
	}
	if name, region := endpoints.Signing(&got, "datazone", "client-region"); name != "datazone" || region != "client-region" {
		t.Errorf("%v: the endpoint changes the signing to %s/%s", params, name, region)
	}
}

// TestEndpointsFromTheSpec pins the results the spec lists, through calls
// delivered to the capture server: the host and path prefix of the
// request, or the error of the call.
func TestEndpointsFromTheSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		options func(*Options)
		want    string
	}{
		{"us-east-1", func(o *Options) { o.Region = "us-east-1" }, "datazone.us-east-1.api.aws"},
		{"FIPS", func(o *Options) {
			o.Region = "us-east-1"
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}, "datazone-fips.us-east-1.api.aws"},
		{"legacy FIPS region", func(o *Options) { o.Region = "fips-us-west-2" }, "datazone-fips.us-west-2.api.aws"},
		{"dual-stack option has no effect", func(o *Options) {
			o.Region = "eu-west-1"
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		}, "datazone.eu-west-1.api.aws"},
		{"China", func(o *Options) { o.Region = "cn-north-1" }, "datazone.cn-north-1.api.amazonwebservices.com.cn"},
		{"GovCloud", func(o *Options) { o.Region = "us-gov-east-1" }, "datazone.us-gov-east-1.api.aws"},
		{"ISO", func(o *Options) { o.Region = "us-iso-east-1" }, "datazone.us-iso-east-1.api.aws.ic.gov"},
		{"resolved region, for the legacy resolver alone", func(o *Options) {
			o.Region = "us-east-1"
			o.EndpointOptions.ResolvedRegion = "ap-south-2"
		}, "datazone.us-east-1.api.aws"},
		{"custom endpoint", func(o *Options) {
			o.Region = "us-east-1"
			o.BaseEndpoint = aws.String("https://localhost:8443/prefix")
		}, "localhost:8443/prefix"},
		{"custom endpoint with FIPS", func(o *Options) {
			o.Region = "us-east-1"
			o.BaseEndpoint = aws.String("https://localhost:8443")
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}, "error: endpoint rule error, Invalid Configuration: FIPS and custom endpoint are not supported"},
		{"no region", func(o *Options) { o.Region = "" }, "error: endpoint rule error, Invalid Configuration: Missing Region"},
		{"invalid region", func(o *Options) { o.Region = "us-east-1/evil" }, "error: invalid input region us-east-1/evil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			server := testutil.NewServer(t)
			client := newTestClient(nil, func(o *Options) { o.HTTPClient = server.HTTPClient() }, tt.options)
			_, err := client.CreateAssetRevision(context.Background(), requiredInput())
			if wantErr, ok := strings.CutPrefix(tt.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), wantErr) {
					t.Errorf("error %v, want %q", err, wantErr)
				}
				if n := server.Count(); n != 0 {
					t.Errorf("the server saw %d requests, want 0", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := server.Requests()[0]
			if got := r.Host + strings.TrimSuffix(r.Path, "/v2/domains/dzd_4p9n6sw4qt9xgn/assets/3t2ng8cp3dqxmb/revisions"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestEndpointReachesTheWire checks the host and signing scope of calls
// to the real endpoints, delivered to the capture server.
func TestEndpointReachesTheWire(t *testing.T) {
	t.Parallel()
	tests := []struct{ region, host, scope string }{
		{"cn-northwest-1", "datazone.cn-northwest-1.api.amazonwebservices.com.cn", "/cn-northwest-1/datazone/aws4_request"},
		{"us-east-1-fips", "datazone-fips.us-east-1.api.aws", "/us-east-1/datazone/aws4_request"},
	}
	for _, tt := range tests {
		server := testutil.NewServer(t)
		client := newTestClient(nil, func(o *Options) {
			o.HTTPClient = server.HTTPClient()
			o.Region = tt.region
		})
		if _, err := client.CreateAssetRevision(context.Background(), requiredInput()); err != nil {
			t.Fatal(err)
		}
		r := server.Requests()[0]
		if r.Host != tt.host {
			t.Errorf("%s: host %s, want %s", tt.region, r.Host, tt.host)
		}
		if auth := r.Header.Get("Authorization"); !strings.Contains(auth, tt.scope) {
			t.Errorf("%s: authorization %s is not scoped to %s", tt.region, auth, tt.scope)
		}
	}
}

// TestEndpointParameterDefaults checks ValidateRequired and WithDefaults.
func TestEndpointParameterDefaults(t *testing.T) {
	t.Parallel()
	if err := (EndpointParameters{}).ValidateRequired(); err == nil {
		t.Error("ValidateRequired accepted an unset UseFIPS")
	}
	params := EndpointParameters{}.WithDefaults()
	if params.UseFIPS == nil || *params.UseFIPS {
		t.Errorf("WithDefaults: UseFIPS %v", params.UseFIPS)
	}
	if err := params.ValidateRequired(); err != nil {
		t.Error(err)
	}
}

// TestEndpointTestsFromModel runs the model's own endpoint test cases.
func TestEndpointTestsFromModel(t *testing.T) {
	t.Parallel()
	n := testutil.RunEndpointTests(t, "datazone.json", "datazone", NewDefaultEndpointResolverV2().ResolveEndpoint)
	testutil.CheckRan(t, "datazone.json endpoint test cases", n, 10)
}
