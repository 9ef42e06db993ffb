package testutil

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/endpoints"
	"github.com/awssnap/awssnap/internal/smithymodel"
)

// RuleSet is a model's smithy.rules#endpointRuleSet, evaluated by a small
// interpreter so that each service's Go translation of its rules can be
// compared with the model over many inputs.
type RuleSet struct {
	Parameters map[string]struct {
		Type    string `json:"type"`
		Default any    `json:"default"`
	} `json:"parameters"`
	Rules []rule `json:"rules"`
}

type rule struct {
	Type       string      `json:"type"`
	Conditions []condition `json:"conditions"`
	Rules      []rule      `json:"rules"`
	Error      string      `json:"error"`
	Endpoint   *struct {
		URL        any            `json:"url"`
		Properties map[string]any `json:"properties"`
	} `json:"endpoint"`
}

type condition struct {
	Fn     string `json:"fn"`
	Argv   []any  `json:"argv"`
	Assign string `json:"assign"`
}

// RuleResult is the outcome of evaluating a rule set.
type RuleResult struct {
	URL        string
	Properties map[string]any
	Error      string
}

// LoadRuleSet reads the endpoint rule set of the model file name (e.g.
// "memorydb.json") from the shared directory; see SharedDir for an absent ../shared.
func LoadRuleSet(t testing.TB, name string) *RuleSet {
	t.Helper()
	service := loadService(t, name)
	var rs RuleSet
	if err := json.Unmarshal(service.Traits["smithy.rules#endpointRuleSet"], &rs); err != nil {
		t.Fatalf("%s: endpoint rule set: %v", name, err)
	}
	return &rs
}

// loadService reads the model file name from the shared directory and
// returns its service shape.
func loadService(t testing.TB, name string) *smithymodel.Shape {
	t.Helper()
	m, err := smithymodel.Load(SharedDir(t, "models", name))
	if err != nil {
		t.Fatal(err)
	}
	service := m.Service()
	if service == nil {
		t.Fatalf("%s holds no single service shape", name)
	}
	return service
}

// Evaluate runs the rule set on params (parameter name → string or bool;
// absent means unset, defaults apply).
func (rs *RuleSet) Evaluate(params map[string]any) (RuleResult, error) {
	scope := map[string]any{}
	for name, p := range rs.Parameters {
		if v, ok := params[name]; ok {
			scope[name] = v
		} else if p.Default != nil {
			scope[name] = p.Default
		}
	}
	result, matched, err := evalRules(rs.Rules, scope)
	if err == nil && !matched {
		err = fmt.Errorf("no rule matched")
	}
	return result, err
}

func evalRules(rules []rule, scope map[string]any) (RuleResult, bool, error) {
	for _, r := range rules {
		local := make(map[string]any, len(scope))
		for k, v := range scope {
			local[k] = v
		}
		ok, err := evalConditions(r.Conditions, local)
		if err != nil {
			return RuleResult{}, false, err
		}
		if !ok {
			continue
		}
		switch r.Type {
		case "error":
			return RuleResult{Error: r.Error}, true, nil
		case "endpoint":
			url, err := evalValue(r.Endpoint.URL, local)
			if err != nil {
				return RuleResult{}, false, err
			}
			return RuleResult{URL: fmt.Sprint(url), Properties: r.Endpoint.Properties}, true, nil
		case "tree":
			if res, matched, err := evalRules(r.Rules, local); matched || err != nil {
				return res, matched, err
			}
			return RuleResult{}, false, fmt.Errorf("tree rule fell through")
		}
	}
	return RuleResult{}, false, nil
}

func evalConditions(conds []condition, scope map[string]any) (bool, error) {
	for _, c := range conds {
		v, err := evalFn(c.Fn, c.Argv, scope)
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

func evalFn(fn string, argv []any, scope map[string]any) (any, error) {
	args := make([]any, len(argv))
	for i, a := range argv {
		v, err := evalValue(a, scope)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	switch fn {
	case "isSet":
		return args[0] != nil, nil
	case "not":
		return args[0] == false, nil
	case "booleanEquals", "stringEquals":
		return args[0] == args[1], nil
	case "aws.partition":
		region, _ := args[0].(string)
		p := endpoints.PartitionOf(region)
		return map[string]any{
			"name": p.Name, "dnsSuffix": p.DNSSuffix, "dualStackDnsSuffix": p.DualStackDNSSuffix,
			"supportsFIPS": p.SupportsFIPS, "supportsDualStack": p.SupportsDualStack,
			"implicitGlobalRegion": p.ImplicitGlobalRegion,
		}, nil
	case "getAttr":
		m, _ := args[0].(map[string]any)
		return m[args[1].(string)], nil
	}
	return nil, fmt.Errorf("unsupported rules function %s", fn)
}

var template = regexp.MustCompile(`\{([^}]+)\}`)

func evalValue(v any, scope map[string]any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		if ref, ok := x["ref"].(string); ok {
			return scope[ref], nil
		}
		if fn, ok := x["fn"].(string); ok {
			argv, _ := x["argv"].([]any)
			return evalFn(fn, argv, scope)
		}
	case string:
		var err error
		out := template.ReplaceAllStringFunc(x, func(m string) string {
			name := m[1 : len(m)-1]
			ref, attr, hasAttr := strings.Cut(name, "#")
			val := scope[ref]
			if hasAttr {
				obj, _ := val.(map[string]any)
				val = obj[attr]
			}
			if val == nil {
				err = fmt.Errorf("template %s: %s unset", x, name)
			}
			return fmt.Sprint(val)
		})
		return out, err
	}
	return v, nil
}

// Regions lists regions of every partition, unknown ones, and the legacy
// pseudo-regions, for endpoint tests.
var Regions = []string{
	"us-east-1", "us-west-1", "eu-central-1", "ap-southeast-5", "mx-central-1", "aws-global",
	"cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1", "us-iso-east-1", "us-isob-east-1",
	"eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1", "xx-unknown-9", "fips", "local",
}
