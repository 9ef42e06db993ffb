package datazone

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

const namespace = "com.amazonaws.datazone#"

// shapeTraits are the constraint traits of a shape or member.
type shapeTraits struct {
	Pattern   *string   `json:"smithy.api#pattern"`
	Length    *bounds   `json:"smithy.api#length"`
	Sensitive *struct{} `json:"smithy.api#sensitive"`
	Required  *struct{} `json:"smithy.api#required"`
}

type bounds struct {
	Min *int `json:"min"`
	Max *int `json:"max"`
}

type modelShape struct {
	Type    string `json:"type"`
	Members map[string]struct {
		Target string      `json:"target"`
		Traits shapeTraits `json:"traits"`
	} `json:"members"`
	Member struct{ Target string }   `json:"member"`
	Traits shapeTraits               `json:"traits"`
	Errors []struct{ Target string } `json:"errors"`
}

type model map[string]modelShape

func loadModel(t *testing.T) model {
	t.Helper()
	data, err := os.ReadFile(testutil.SharedDir(t, "models", "datazone.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Shapes model `json:"shapes"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m.Shapes
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
func (m model) of(member shapeTraits, target string, sensitiveParent bool) constraint {
	c := constraint{Sensitive: sensitiveParent}
	for _, traits := range []shapeTraits{m[target].Traits, member} {
		if traits.Pattern != nil {
			c.Pattern = *traits.Pattern
		}
		if l := traits.Length; l != nil {
			c.Min, c.Max, c.HasMax = 0, 0, false
			if l.Min != nil {
				c.Min = *l.Min
			}
			if l.Max != nil {
				c.Max, c.HasMax = *l.Max, true
			}
		}
		c.Sensitive = c.Sensitive || traits.Sensitive != nil
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
	input, form := m[namespace+"CreateAssetRevisionInput"], m[namespace+"FormInput"]
	formSensitive := form.Traits.Sensitive != nil || m[namespace+"FormInputList"].Traits.Sensitive != nil
	want := map[string]constraint{}
	for name, member := range input.Members {
		want[name] = m.of(member.Traits, member.Target, false)
		if item := m[member.Target].Member.Target; item != "" {
			want[name+"[]"] = m.of(shapeTraits{}, item, false)
		}
	}
	for name, member := range form.Members {
		want["formsInput[]."+name] = m.of(member.Traits, member.Target, formSensitive)
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
		for name, member := range m[namespace+shape.name].Members {
			if member.Traits.Required != nil {
				want = append(want, violation{shape.path + exported(name), "required"})
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
	for _, name := range []string{"CreateAssetRevision", "DataZone"} {
		for _, e := range m[namespace+name].Errors {
			if code := testutil.ShapeName(e.Target); !slices.Contains(want, code) {
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
		s := m[shape]
		switch s.Type {
		case "structure":
			object, _ := value.(map[string]any)
			for name, member := range s.Members {
				v, ok := object[name]
				if !ok {
					missing = append(missing, path+name)
					continue
				}
				walk(member.Target, v, path+name+".")
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
			if m[s.Member.Target].Type == "structure" {
				walk(s.Member.Target, merged, path)
			}
		}
	}
	walk(namespace+"CreateAssetRevisionOutput", body, "")
	if len(missing) > 0 {
		t.Errorf("the full response lacks %v", missing)
	}
}
