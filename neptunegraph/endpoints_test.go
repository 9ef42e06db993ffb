package neptunegraph_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
)

// rulesInterpreter evaluates a smithy.rules#endpointRuleSet as written in
// the model: isSet, not, booleanEquals, stringEquals, aws.partition,
// getAttr, and endpoint, error and tree rules.
type rulesInterpreter struct {
	Parameters map[string]struct {
		Required bool `json:"required"`
		Default  any  `json:"default"`
	} `json:"parameters"`
	Rules []rule `json:"rules"`
}

type rule struct {
	Type       string      `json:"type"`
	Conditions []condition `json:"conditions"`
	Endpoint   *struct {
		URL any `json:"url"`
	} `json:"endpoint"`
	Error any    `json:"error"`
	Rules []rule `json:"rules"`
}

type condition struct {
	Fn     string `json:"fn"`
	Argv   []any  `json:"argv"`
	Assign string `json:"assign"`
}

// outcome is the result of resolving: a URL or an error message.
type outcome struct {
	URL   string
	Error string
}

func loadRules(t *testing.T) *rulesInterpreter {
	t.Helper()
	data, err := os.ReadFile(testutil.SharedDir(t, "models", "neptunegraph.json"))
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Traits map[string]json.RawMessage `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatal(err)
	}
	raw := model.Shapes["com.amazonaws.neptunegraph#AmazonNeptuneGraph"].Traits["smithy.rules#endpointRuleSet"]
	if raw == nil {
		t.Fatal("the model has no endpoint rule set")
	}
	var rules rulesInterpreter
	if err := json.Unmarshal(raw, &rules); err != nil {
		t.Fatal(err)
	}
	return &rules
}

// resolve evaluates the rules for params.
func (ri *rulesInterpreter) resolve(params map[string]any) (outcome, error) {
	scope := map[string]any{}
	for name, p := range ri.Parameters {
		if v, ok := params[name]; ok && v != nil {
			scope[name] = v
		} else if p.Default != nil {
			scope[name] = p.Default
		}
	}
	for name, p := range ri.Parameters {
		if _, ok := scope[name]; p.Required && !ok {
			return outcome{Error: "parameter " + name + " is required"}, nil
		}
	}
	if out, ok, err := ri.evalRules(ri.Rules, scope); ok || err != nil {
		return out, err
	}
	return outcome{}, errors.New("no rule matched")
}

func (ri *rulesInterpreter) evalRules(rules []rule, scope map[string]any) (outcome, bool, error) {
	for _, r := range rules {
		local := make(map[string]any, len(scope))
		for k, v := range scope {
			local[k] = v
		}
		matched, err := ri.conditions(r.Conditions, local)
		if err != nil {
			return outcome{}, false, err
		}
		if !matched {
			continue
		}
		switch r.Type {
		case "endpoint":
			url, err := eval(r.Endpoint.URL, local)
			return outcome{URL: fmt.Sprint(url)}, true, err
		case "error":
			msg, err := eval(r.Error, local)
			return outcome{Error: fmt.Sprint(msg)}, true, err
		case "tree":
			out, ok, err := ri.evalRules(r.Rules, local)
			if ok || err != nil {
				return out, ok, err
			}
			return outcome{}, false, fmt.Errorf("tree rule fell through")
		default:
			return outcome{}, false, fmt.Errorf("unknown rule type %q", r.Type)
		}
	}
	return outcome{}, false, nil
}

func (ri *rulesInterpreter) conditions(conds []condition, scope map[string]any) (bool, error) {
	for _, c := range conds {
		v, err := eval(map[string]any{"fn": c.Fn, "argv": c.Argv}, scope)
		if err != nil {
			return false, err
		}
		if v == nil || v == false {
			return false, nil
		}
		if c.Assign != "" {
			scope[c.Assign] = v
		}
	}
	return true, nil
}

var templateRef = regexp.MustCompile(`\{([A-Za-z]+)(#([A-Za-z]+))?\}`)

// eval evaluates an expression: a literal, a template string, a reference
// or a function call.
func eval(expr any, scope map[string]any) (any, error) {
	switch e := expr.(type) {
	case string:
		return templateRef.ReplaceAllStringFunc(e, func(m string) string {
			parts := templateRef.FindStringSubmatch(m)
			v := scope[parts[1]]
			if parts[3] != "" {
				v = v.(map[string]any)[parts[3]]
			}
			return fmt.Sprint(v)
		}), nil
	case bool:
		return e, nil
	case map[string]any:
		if ref, ok := e["ref"].(string); ok {
			return scope[ref], nil
		}
		return call(e, scope)
	}
	return nil, fmt.Errorf("unknown expression %v", expr)
}

func call(e map[string]any, scope map[string]any) (any, error) {
	argv, _ := e["argv"].([]any)
	args := make([]any, len(argv))
	for i, a := range argv {
		v, err := eval(a, scope)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	switch e["fn"] {
	case "isSet":
		return args[0] != nil, nil
	case "not":
		return args[0] == false, nil
	case "booleanEquals", "stringEquals":
		return args[0] != nil && args[0] == args[1], nil
	case "getAttr":
		return args[0].(map[string]any)[args[1].(string)], nil
	case "aws.partition":
		p := endpoints.PartitionOf(args[0].(string))
		return map[string]any{
			"name": p.Name, "dnsSuffix": p.DNSSuffix, "dualStackDnsSuffix": p.DualStackDNSSuffix,
			"supportsFIPS": p.SupportsFIPS, "supportsDualStack": p.SupportsDualStack,
			"implicitGlobalRegion": p.ImplicitGlobalRegion,
		}, nil
	}
	return nil, fmt.Errorf("unknown function %v", e["fn"])
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

func TestEndpointRulesMatchTheModel(t *testing.T) {
	t.Parallel()
	rules := loadRules(t)
	regions := []*string{nil, aws.String("us-east-1"), aws.String("eu-west-2"), aws.String("ap-northeast-1"),
		aws.String("cn-north-1"), aws.String("cn-northwest-1"), aws.String("us-gov-west-1"), aws.String("us-gov-east-1"),
		aws.String("us-iso-east-1"), aws.String("us-isob-east-1"), aws.String("eu-isoe-west-1"), aws.String("us-isof-south-1"),
		aws.String("eusc-de-east-1"), aws.String("aws-global"), aws.String("aws-cn-global"), aws.String("mars-east-1"),
		aws.String("local")}
	apiTypes := []*string{aws.String("ControlPlane"), aws.String("DataPlane"), aws.String("someUnknownValue"), nil}
	customs := []*string{nil, aws.String("https://example.com/custom/path")}
	flags := []*bool{nil, aws.Bool(false), aws.Bool(true)}
	cases := 0
	for _, region := range regions {
		for _, apiType := range apiTypes {
			for _, custom := range customs {
				for _, fips := range flags {
					for _, dualStack := range flags {
						params := neptunegraph.EndpointParameters{Region: region, ApiType: apiType, Endpoint: custom,
							UseFIPS: fips, UseDualStack: dualStack}
						want, err := rules.resolve(map[string]any{"Region": deref(region), "ApiType": deref(apiType),
							"Endpoint": deref(custom), "UseFIPS": derefBool(fips), "UseDualStack": derefBool(dualStack)})
						if err != nil {
							t.Fatalf("%+v: the rules: %v", params, err)
						}
						if diff := cmp.Diff(want, resolveWith(params)); diff != "" {
							t.Errorf("region %v, api type %v, endpoint %v, fips %v, dual-stack %v (-rules +resolver):\n%s",
								deref(region), deref(apiType), deref(custom), derefBool(fips), derefBool(dualStack), diff)
						}
						cases++
					}
				}
			}
		}
	}
	t.Logf("%d parameter combinations agree with the model's rules", cases)
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func derefBool(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
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
			if len(resolver.params) != 1 || deref(resolver.params[0].ApiType) != "ControlPlane" {
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

func TestBaseEndpointPathPrefix(t *testing.T) {
	t.Parallel()
	c := &hostCapture{}
	client := neptunegraph.New(neptunegraph.Options{Region: "us-east-1", Credentials: testutil.Credentials, HTTPClient: c,
		BaseEndpoint: aws.String("https://example.com/custom")})
	if _, err := client.CreateGraphSnapshot(context.Background(), validInput()); err != nil {
		t.Fatal(err)
	}
	if c.path != "/custom/snapshots" {
		t.Errorf("path %q, want /custom/snapshots", c.path)
	}
}
