package datazone

import (
	"encoding/json"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

const namespace = "com.amazonaws.datazone#"

func loadModel(t *testing.T) *smithymodel.Model {
	t.Helper()
	m, err := smithymodel.Load(testutil.SharedDir(t, "models", "datazone.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// constraint is a string or list constraint, as the model states it or
// as the package declares it.
type constraint struct {
	Pattern   string
	Min, Max  int
	HasMax    bool
	Sensitive bool
}

// of merges the traits of a member and its target, the member's winning.
func of(m *smithymodel.Model, member smithymodel.Traits, target string, sensitiveParent bool) constraint {
	c := constraint{Sensitive: sensitiveParent}
	for _, traits := range []smithymodel.Traits{m.Shape(target).Traits, member} {
		traits.Decode(smithymodel.TraitPattern, &c.Pattern)
		var l smithymodel.Length
		if traits.Decode(smithymodel.TraitLength, &l) {
			c.Min, c.Max, c.HasMax = 0, 0, false
			if l.Min != nil {
				c.Min = *l.Min
			}
			if l.Max != nil {
				c.Max, c.HasMax = *l.Max, true
			}
		}
		c.Sensitive = c.Sensitive || traits.Has(smithymodel.TraitSensitive)
	}
	return c
}

func fromRule(rule *validate.String) constraint {
	c := constraint{Min: rule.MinLen, Max: rule.MaxLen, HasMax: rule.HasMax, Sensitive: rule.Sensitive}
	if rule.Pattern != nil {
		c.Pattern = rule.Pattern.Source
	}
	return c
}

func fromSize(rule *validate.Size, sensitive bool) constraint {
	return constraint{Min: rule.Min, Max: rule.Max, HasMax: rule.HasMax, Sensitive: sensitive}
}

// TestConstraintsMatchTheModel checks every declared rule against the
// model's traits, sensitivity included, and that every constrained member
// of the input and of FormInput has a rule.
func TestConstraintsMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	input, form := m.Shape(namespace+"CreateAssetRevisionInput"), m.Shape(namespace+"FormInput")
	formSensitive := form.Traits.Has(smithymodel.TraitSensitive) || m.Shape(namespace+"FormInputList").Traits.Has(smithymodel.TraitSensitive)
	want := map[string]constraint{}
	for _, member := range input.Members {
		want[member.Name] = of(m, member.Traits, member.Target, false)
		if item := m.Shape(member.Target).Member; item != nil {
			want[member.Name+"[]"] = of(m, nil, item.Target, false)
		}
	}
	for _, member := range form.Members {
		want["formsInput[]."+member.Name] = of(m, member.Traits, member.Target, formSensitive)
	}
	want["formsInput[]"] = constraint{Sensitive: formSensitive}
	got := map[string]constraint{
		"name":                        fromRule(assetNameRule),
		"domainIdentifier":            fromRule(domainIDRule),
		"identifier":                  fromRule(assetIdentifierRule),
		"clientToken":                 fromRule(clientTokenRule),
		"description":                 fromRule(descriptionRule),
		"typeRevision":                fromRule(revisionRule),
		"glossaryTerms":               fromSize(glossaryTermsRule, false),
		"glossaryTerms[]":             fromRule(glossaryTermRule),
		"formsInput":                  fromSize(formInputListRule, formSensitive),
		"formsInput[]":                {Sensitive: formSensitive},
		"formsInput[].formName":       fromRule(formNameRule),
		"formsInput[].typeIdentifier": fromRule(formTypeIdentifierRule),
		"formsInput[].typeRevision":   fromRule(formTypeRevisionRule),
		"formsInput[].content":        fromRule(formContentRule),
		"predictionConfiguration":     {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constraints (-model +declared):\n%s", diff)
	}
}

// TestRequiredMembersMatchTheModel checks the required members the
// validation reports against the model.
func TestRequiredMembersMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var want []violation
	for _, shape := range []struct{ name, path string }{{"CreateAssetRevisionInput", ""}, {"FormInput", "FormsInput[0]."}} {
		for _, member := range m.Shape(namespace + shape.name).Members {
			if member.Traits.Has(smithymodel.TraitRequired) {
				want = append(want, violation{shape.path + exported(member.Name), "required"})
			}
		}
	}
	in := &CreateAssetRevisionInput{FormsInput: forms(1)}
	in.FormsInput[0].FormName = nil
	got := collect(t, in.Validate())
	sortViolations(want)
	sortViolations(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("required members (-model +validation):\n%s", diff)
	}
}

func exported(name string) string { return string(name[0]-'a'+'A') + name[1:] }

func sortViolations(v []violation) {
	sort.Slice(v, func(i, j int) bool { return v[i].Path < v[j].Path })
}

// TestErrorsMatchTheModel checks the error registry against the
// operation's errors and the service's common errors.
func TestErrorsMatchTheModel(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var want []string
	for _, s := range []*smithymodel.Shape{m.Operation(), m.Service()} {
		for _, e := range s.Errors {
			if code := smithymodel.Name(e); !slices.Contains(want, code) {
				want = append(want, code)
			}
		}
	}
	var got []string
	for _, e := range errorRegistry {
		got = append(got, e.Code)
	}
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-model +registry):\n%s", diff)
	}
}

// TestFullOutputHasEveryMember checks that the decoding tests' full
// response sets every output member of the model, nested ones included.
func TestFullOutputHasEveryMember(t *testing.T) {
	t.Parallel()
	m := loadModel(t)
	var body any
	if err := json.Unmarshal([]byte(fullOutputBody), &body); err != nil {
		t.Fatal(err)
	}
	var missing []string
	var walk func(shape string, value any, path string)
	walk = func(shape string, value any, path string) {
		s := m.Shape(shape)
		switch s.Type {
		case "structure":
			object, _ := value.(map[string]any)
			for _, member := range s.Members {
				v, ok := object[member.Name]
				if !ok {
					missing = append(missing, path+member.Name)
					continue
				}
				walk(member.Target, v, path+member.Name+".")
			}
		case "list":
			// Each member must appear in some item of the list.
			items, _ := value.([]any)
			merged := map[string]any{}
			for _, item := range items {
				object, _ := item.(map[string]any)
				for k, v := range object {
					merged[k] = v
				}
			}
			if m.Shape(s.Member.Target).Type == "structure" {
				walk(s.Member.Target, merged, path)
			}
		}
	}
	walk(namespace+"CreateAssetRevisionOutput", body, "")
	if len(missing) > 0 {
		t.Errorf("the full response lacks %v", missing)
	}
}
