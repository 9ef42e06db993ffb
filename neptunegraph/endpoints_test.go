package neptunegraph_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
)

// outcome is the result of resolving: a URL or an error message.
type outcome struct {
	URL   string
	Error string
}

// resolveWith runs the default resolver and reduces its answer to an
// outcome: the URL, or the rule's error message.
func resolveWith(params neptunegraph.EndpointParameters) outcome {
	endpoint, err := neptunegraph.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), params)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "endpoint rule error, ")
		return outcome{Error: strings.TrimPrefix(msg, "endpoint parameters are not valid, ")}
	}
	return outcome{URL: endpoint.URI.String()}
}

// TestEndpointRulesMatchTheModel evaluates the model's rule set over a
// matrix of regions of every partition (and unknown ones), API types, FIPS,
// dual-stack and custom endpoints, and compares it with the Go rules.
func TestEndpointRulesMatchTheModel(t *testing.T) {
	t.Parallel()
	rules := testutil.LoadRuleSet(t, "neptunegraph.json")
	regions := append([]string{""}, testutil.Regions...)
	apiTypes := []string{"ControlPlane", "DataPlane", "someUnknownValue"}
	flags := []*bool{nil, aws.Bool(false), aws.Bool(true)}
	cases := 0
	for _, region := range regions {
		for _, apiType := range apiTypes {
			for _, custom := range []string{"", "https://example.com/custom/path"} {
				for _, fips := range flags {
					for _, dualStack := range flags {
						params := map[string]any{"ApiType": apiType}
						goParams := neptunegraph.EndpointParameters{ApiType: aws.String(apiType), UseFIPS: fips, UseDualStack: dualStack}
						if region != "" {
							params["Region"], goParams.Region = region, aws.String(region)
						}
						if custom != "" {
							params["Endpoint"], goParams.Endpoint = custom, aws.String(custom)
						}
						if fips != nil {
							params["UseFIPS"] = *fips
						}
						if dualStack != nil {
							params["UseDualStack"] = *dualStack
						}
						result, err := rules.Evaluate(params)
						if err != nil {
							t.Fatalf("%v: the rules: %v", params, err)
						}
						want := outcome{URL: result.URL, Error: result.Error}
						if diff := cmp.Diff(want, resolveWith(goParams)); diff != "" {
							t.Errorf("%v (-rules +resolver):\n%s", params, diff)
						}
						if len(result.Properties) != 0 {
							t.Errorf("%v: the rules set endpoint properties %v", params, result.Properties)
						}
						cases++
					}
				}
			}
		}
	}
	t.Logf("%d parameter combinations agree with the model's rules", cases)
}

// TestEndpointExpectations pins results the official endpoint tests
// expect, and needs no model.
func TestEndpointExpectations(t *testing.T) {
	t.Parallel()
	cp, dp := aws.String("ControlPlane"), aws.String("DataPlane")
	tests := []struct {
		params neptunegraph.EndpointParameters
		want   outcome
	}{
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1"), ApiType: cp},
			outcome{URL: "https://neptune-graph.us-east-1.amazonaws.com"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1"), ApiType: cp, UseFIPS: aws.Bool(true)},
			outcome{URL: "https://neptune-graph-fips.us-east-1.amazonaws.com"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1"), ApiType: cp, UseDualStack: aws.Bool(true)},
			outcome{URL: "https://neptune-graph.us-east-1.api.aws"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1"), ApiType: cp, UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(true)},
			outcome{URL: "https://neptune-graph-fips.us-east-1.api.aws"}},
		{neptunegraph.EndpointParameters{Region: aws.String("eu-central-1"), ApiType: dp},
			outcome{URL: "https://eu-central-1.neptune-graph.amazonaws.com"}},
		{neptunegraph.EndpointParameters{Region: aws.String("ap-southeast-1"), ApiType: dp, UseDualStack: aws.Bool(true)},
			outcome{URL: "https://neptune-graph.ap-southeast-1.on.aws"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-west-2"), ApiType: dp, UseFIPS: aws.Bool(true)},
			outcome{Error: "Invalid Configuration: fips endpoint is not supported for this API"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-west-2"), ApiType: dp, UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(true)},
			outcome{Error: "Invalid Configuration: fips endpoint is not supported for this API"}},
		{neptunegraph.EndpointParameters{Region: aws.String("cn-north-1"), ApiType: cp},
			outcome{URL: "https://neptune-graph.cn-north-1.amazonaws.com.cn"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-gov-west-1"), ApiType: cp, UseFIPS: aws.Bool(true)},
			outcome{URL: "https://neptune-graph-fips.us-gov-west-1.amazonaws.com"}},
		{neptunegraph.EndpointParameters{ApiType: dp},
			outcome{Error: "Invalid Configuration: Missing Region"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1"), ApiType: aws.String("someUnknownValue")},
			outcome{Error: "Invalid Configuration: Unknown ApiType"}},
		{neptunegraph.EndpointParameters{Endpoint: aws.String("https://mycustomDomain.com"), ApiType: aws.String("someInvalidApiType")},
			outcome{URL: "https://mycustomDomain.com"}},
		{neptunegraph.EndpointParameters{Endpoint: aws.String("https://mycustomDomain.com"), Region: aws.String("us-east-1"), ApiType: cp, UseFIPS: aws.Bool(true)},
			outcome{Error: "Invalid Configuration: FIPS and custom endpoint are not supported"}},
		{neptunegraph.EndpointParameters{Endpoint: aws.String("https://mycustomDomain.com"), Region: aws.String("us-east-1"), ApiType: cp, UseDualStack: aws.Bool(true)},
			outcome{Error: "Invalid Configuration: Dualstack and custom endpoint are not supported"}},
		{neptunegraph.EndpointParameters{Region: aws.String("us-east-1")},
			outcome{Error: "parameter ApiType is required"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, resolveWith(tt.params)); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tt.params, diff)
		}
	}
}

// recordingResolver records the parameters a client resolves with.
type recordingResolver struct {
	params []neptunegraph.EndpointParameters
}

func (r *recordingResolver) ResolveEndpoint(ctx context.Context, params neptunegraph.EndpointParameters) (smithyendpoints.Endpoint, error) {
	r.params = append(r.params, params)
	return neptunegraph.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, params)
}

func TestClientEndpoints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		options  func(o *neptunegraph.Options)
		wantHost string
		wantErr  string
	}{
		{"region", func(o *neptunegraph.Options) {}, "neptune-graph.us-west-2.amazonaws.com", ""},
		{"FIPS", func(o *neptunegraph.Options) { o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled },
			"neptune-graph-fips.us-west-2.amazonaws.com", ""},
		{"dual-stack", func(o *neptunegraph.Options) {
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		},
			"neptune-graph.us-west-2.api.aws", ""},
		{"legacy FIPS region", func(o *neptunegraph.Options) { o.Region = "fips-us-west-2" },
			"neptune-graph-fips.us-west-2.amazonaws.com", ""},
		{"China", func(o *neptunegraph.Options) { o.Region = "cn-northwest-1" },
			"neptune-graph.cn-northwest-1.amazonaws.com.cn", ""},
		{"base endpoint", func(o *neptunegraph.Options) { o.BaseEndpoint = aws.String("https://proxy.example.com/prefix") },
			"proxy.example.com", ""},
		{"missing region", func(o *neptunegraph.Options) { o.Region = "" }, "",
			"Invalid Configuration: Missing Region"},
		{"invalid region", func(o *neptunegraph.Options) { o.Region = "us-west-2/evil" }, "",
			"invalid input region us-west-2/evil"},
		{"base endpoint with FIPS", func(o *neptunegraph.Options) {
			o.BaseEndpoint = aws.String("https://proxy.example.com")
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}, "", "Invalid Configuration: FIPS and custom endpoint are not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &hostCapture{}
			resolver := &recordingResolver{}
			client := neptunegraph.New(neptunegraph.Options{
				Region: "us-west-2", Credentials: testutil.Credentials, HTTPClient: c, EndpointResolverV2: resolver,
			}, tt.options)
			_, err := client.CreateGraphSnapshot(context.Background(), validInput())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if c.host != "" {
					t.Errorf("a request was sent to %s", c.host)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.host != tt.wantHost {
				t.Errorf("host %q, want %q", c.host, tt.wantHost)
			}
			if len(resolver.params) != 1 || aws.ToString(resolver.params[0].ApiType) != "ControlPlane" {
				t.Errorf("resolver parameters %+v, want one call with ApiType ControlPlane", resolver.params)
			}
		})
	}
}

// hostCapture is an HTTPClient that records the method, host, path and
// headers of the last request and answers 201.
type hostCapture struct {
	capture
	method, host, path string
	header             http.Header
}

func (h *hostCapture) Do(req *http.Request) (*http.Response, error) {
	h.method, h.host, h.path, h.header = req.Method, req.URL.Host, req.URL.EscapedPath(), req.Header.Clone()
	if req.ContentLength >= 0 {
		h.header.Set("Content-Length", strconv.FormatInt(req.ContentLength, 10))
	}
	return h.capture.Do(req)
}

// TestEndpointTestsFromModel runs the model's own endpoint test cases.
func TestEndpointTestsFromModel(t *testing.T) {
	t.Parallel()
	n := testutil.RunEndpointTests(t, "neptunegraph.json", "neptune-graph", neptunegraph.NewDefaultEndpointResolverV2().ResolveEndpoint)
	testutil.CheckRan(t, "neptunegraph.json endpoint test cases", n, 73)
}
