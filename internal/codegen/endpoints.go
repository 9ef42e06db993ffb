package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// endpointParam is one parameter of a service's endpoint rule set.
type endpointParam struct {
	Name     string
	Type     string // "string" or "boolean"
	Required bool
	Default  json.RawMessage // absent when the rule set gives none
	BuiltIn  string
	// Static is the value the operation's smithy.rules#staticContextParams
	// give the parameter, if any.
	Static json.RawMessage
}

// builtIns are the built-in settings the generator knows: what the
// parameter selects, where the client takes it from, and how
// endpointParameters fills it from a transport.EndpointKey.
var builtIns = map[string]struct {
	what, from string // what completes "<Name> ..."
	fill       func(field string) string
}{
	"AWS::Region": {
		"is the Region whose endpoint the rules resolve", "Options.Region",
		func(field string) string {
			return "if key.Region != \"\" {\nparams." + field + " = aws.String(key.Region)\n}\n"
		},
	},
	"AWS::UseFIPS": {
		"says whether the rules resolve a FIPS endpoint", "Options.EndpointOptions.UseFIPSEndpoint",
		func(field string) string { return "params." + field + " = aws.Bool(key.UseFIPS)\n" },
	},
	"AWS::UseDualStack": {
		"says whether the rules resolve a dual-stack (IPv4 and IPv6) endpoint", "Options.EndpointOptions.UseDualStackEndpoint",
		func(field string) string { return "params." + field + " = aws.Bool(key.UseDualStack)\n" },
	},
	"SDK::Endpoint": {
		"is an endpoint the rules use in place of the one they would resolve", "Options.BaseEndpoint",
		func(field string) string { return "params." + field + " = baseEndpoint\n" },
	},
}

// endpointParams reads the parameters of the service's endpoint rule set,
// in the model's order.
func (g *generator) endpointParams() ([]endpointParam, error) {
	s := g.m.Service()
	if s == nil {
		return nil, fmt.Errorf("the model has no single service shape")
	}
	var rules struct {
		Parameters json.RawMessage `json:"parameters"`
	}
	if !s.Traits.Decode("smithy.rules#endpointRuleSet", &rules) || len(rules.Parameters) == 0 {
		return nil, fmt.Errorf("%s has no smithy.rules#endpointRuleSet parameters", s.ID)
	}
	static := map[string]struct {
		Value json.RawMessage `json:"value"`
	}{}
	opName := ""
	if op := g.m.Operation(); op != nil {
		op.Traits.Decode("smithy.rules#staticContextParams", &static)
		opName = smithymodel.Name(op.ID)
	}
	dec := json.NewDecoder(bytes.NewReader(rules.Parameters))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var params []endpointParam
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var p struct {
			Type     string          `json:"type"`
			Required bool            `json:"required"`
			Default  json.RawMessage `json:"default"`
			BuiltIn  string          `json:"builtIn"`
		}
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		name := tok.(string)
		ep := endpointParam{Name: name, Type: strings.ToLower(p.Type), Required: p.Required, Default: p.Default, BuiltIn: p.BuiltIn}
		if v, ok := static[name]; ok {
			ep.Static = v.Value
		}
		if ep.Type != "string" && ep.Type != "boolean" {
			return nil, fmt.Errorf("endpoint parameter %s: the generator does not handle type %q", name, p.Type)
		}
		if ep.BuiltIn != "" {
			if _, ok := builtIns[ep.BuiltIn]; !ok {
				return nil, fmt.Errorf("endpoint parameter %s: the generator does not handle built-in %q", name, ep.BuiltIn)
			}
		} else if ep.Static == nil {
			return nil, fmt.Errorf("endpoint parameter %s has no built-in and %s gives it no static context value", name, opName)
		}
		params = append(params, ep)
	}
	return params, nil
}

// goValue is the Go expression of a JSON string or boolean as a pointer.
func (p endpointParam) goValue(raw json.RawMessage) (string, error) {
	switch p.Type {
	case "string":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("endpoint parameter %s: %w", p.Name, err)
		}
		return "aws.String(" + strconv.Quote(s) + ")", nil
	default:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return "", fmt.Errorf("endpoint parameter %s: %w", p.Name, err)
		}
		return "aws.Bool(" + strconv.FormatBool(b) + ")", nil
	}
}

// doc is the doc comment of the parameter's field, wrapped.
func (p endpointParam) doc(opName string) string {
	var text string
	if b, ok := builtIns[p.BuiltIn]; ok {
		text = fmt.Sprintf("%s %s. The client fills it from the %s built-in setting (%s).", p.Name, b.what, p.BuiltIn, b.from)
	} else {
		text = fmt.Sprintf("%s is a parameter of the service's own rules, with no built-in setting. %s sets it to %s.", p.Name, opName, p.Static)
	}
	if p.Default != nil {
		text += fmt.Sprintf(" Its default is %s, which WithDefaults applies.", p.Default)
	}
	if p.Required {
		text += " It is required."
	} else {
		text += " It is optional."
	}
	var b strings.Builder
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 76 && line != "//" {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}

// endpointParamsFile writes <svc>/endpoint_params.go: the parameters of
// the endpoint rule set, their checks and defaults, the resolver interface
// and endpointParameters.
func (g *generator) endpointParamsFile() error {
	params, err := g.endpointParams()
	if err != nil {
		return err
	}
	opName := ""
	if op := g.m.Operation(); op != nil {
		opName = smithymodel.Name(op.ID)
	}
	var required, defaulted []endpointParam
	for _, p := range params {
		if p.Required {
			required = append(required, p)
		}
		if p.Default != nil {
			defaulted = append(defaulted, p)
		}
	}
	byName := func(ps []endpointParam) {
		sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	}
	byName(required)
	byName(defaulted)

	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n\"context\"\n", g.svc.Name)
	if len(required) > 0 {
		b.WriteString("\"fmt\"\n")
	}
	b.WriteString("\n\"github.com/aws/aws-sdk-go-v2/aws\"\nsmithyendpoints \"github.com/aws/smithy-go/endpoints\"\n\n\"github.com/awssnap/awssnap/internal/transport\"\n)\n\n")

	b.WriteString("// EndpointParameters are the inputs of the service's endpoint rules.\n")
	dualStack := false
	for _, p := range params {
		dualStack = dualStack || p.BuiltIn == "AWS::UseDualStack"
	}
	if !dualStack {
		b.WriteString("// The rules have no dual-stack (AWS::UseDualStack) parameter: the\n// endpoints they resolve do not depend on that setting.\n")
	}
	b.WriteString("type EndpointParameters struct {\n")
	for i, p := range params {
		if i > 0 {
			b.WriteString("\n")
		}
		typ := "*string"
		if p.Type == "boolean" {
			typ = "*bool"
		}
		fmt.Fprintf(&b, "%s%s %s\n", p.doc(opName), p.Name, typ)
	}
	b.WriteString("}\n\n")

	b.WriteString("// ValidateRequired returns an error if a required parameter is unset.\nfunc (p EndpointParameters) ValidateRequired() error {\n")
	for _, p := range required {
		fmt.Fprintf(&b, "if p.%s == nil {\nreturn fmt.Errorf(\"parameter %s is required\")\n}\n", p.Name, p.Name)
	}
	b.WriteString("return nil\n}\n\n")

	b.WriteString("// WithDefaults returns a copy of p with the rules' defaults applied to\n// unset parameters.\nfunc (p EndpointParameters) WithDefaults() EndpointParameters {\n")
	for _, p := range defaulted {
		v, err := p.goValue(p.Default)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "if p.%s == nil {\np.%s = %s\n}\n", p.Name, p.Name, v)
	}
	b.WriteString("return p\n}\n\n")

	b.WriteString(`// EndpointResolverV2 resolves the endpoint of a call from its parameters.
type EndpointResolverV2 interface {
	ResolveEndpoint(ctx context.Context, params EndpointParameters) (smithyendpoints.Endpoint, error)
}

// NewDefaultEndpointResolverV2 returns the resolver that implements the
// service's endpoint rules.
func NewDefaultEndpointResolverV2() EndpointResolverV2 {
	return &defaultResolver{}
}

`)
	b.WriteString("// endpointParameters returns the rule parameters of a call: the built-in\n// settings from key and baseEndpoint, and the operation's static context\n// values.\n")
	b.WriteString("func endpointParameters(key transport.EndpointKey, baseEndpoint *string) EndpointParameters {\nvar params EndpointParameters\n")
	for _, p := range params {
		if bi, ok := builtIns[p.BuiltIn]; ok {
			b.WriteString(bi.fill(p.Name))
			continue
		}
		v, err := p.goValue(p.Static)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "params.%s = %s\n", p.Name, v)
	}
	b.WriteString("return params\n}\n")
	return g.emit(g.svc.Name+"/endpoint_params.go", &b)
}
