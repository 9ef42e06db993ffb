package neptunegraph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// declared is a constraint as the package declares it or the model states it.
type declared struct {
	Pattern  string
	Min, Max int
	HasMax   bool
}

func fromString(rule *validate.String) declared {
	d := declared{Min: rule.MinLen, Max: rule.MaxLen, HasMax: rule.HasMax}
	if rule.Pattern != nil {
		d.Pattern = rule.Pattern.Source
	}
	return d
}

func fromModel(s *smithymodel.Shape) declared {
	var d declared
	s.Traits.Decode(smithymodel.TraitPattern, &d.Pattern)
	var l smithymodel.Length
	if s.Traits.Decode(smithymodel.TraitLength, &l) {
		if l.Min != nil {
			d.Min = *l.Min
		}
		if l.Max != nil {
			d.Max, d.HasMax = *l.Max, true
		}
	}
	return d
}

// loadModel reads the Neptune Analytics model.
func loadModel(t *testing.T) *smithymodel.Model {
	t.Helper()
	m, err := smithymodel.Load(testutil.SharedDir(t, "models", "neptunegraph.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestConstraintsMatchTheModel checks every declared constraint against
// the model, and that the input has exactly the members handled here.
func TestConstraintsMatchTheModel(t *testing.T) {
	t.Parallel()
	model := loadModel(t)
	shape := func(name string) *smithymodel.Shape { return model.Shape("com.amazonaws.neptunegraph#" + name) }
	tags := fromModel(shape("TagMap"))
	want := map[string]declared{
		"GraphIdentifier": fromModel(shape("GraphIdentifier")),
		"SnapshotName":    fromModel(shape("SnapshotName")),
		"TagMap":          tags,
		"TagKey":          fromModel(model.Shape(shape("TagMap").Key.Target)),
		"TagValue":        fromModel(model.Shape(shape("TagMap").Value.Target)),
	}
	got := map[string]declared{
		"GraphIdentifier": fromString(graphIdentifierRule),
		"SnapshotName":    fromString(snapshotNameRule),
		"TagMap":          {Min: tagMapRule.Min, Max: tagMapRule.Max, HasMax: tagMapRule.HasMax},
		"TagKey":          fromString(tagKeyRule),
		"TagValue":        fromString(tagValueRule),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constraints (-model +declared):\n%s", diff)
	}
	input := shape("CreateGraphSnapshotInput")
	members := map[string]string{}
	for _, m := range input.Members {
		members[m.Name] = m.Target
		if m.Traits.Has(smithymodel.TraitRequired) {
			members[m.Name] += " (required)"
		}
	}
	wantMembers := map[string]string{
		"graphIdentifier": "com.amazonaws.neptunegraph#GraphIdentifier (required)",
		"snapshotName":    "com.amazonaws.neptunegraph#SnapshotName (required)",
		"tags":            "com.amazonaws.neptunegraph#TagMap",
	}
	if diff := cmp.Diff(wantMembers, members); diff != "" {
		t.Errorf("input members (-handled +model):\n%s", diff)
	}
}

// TestErrorsMatchTheModel checks the error registry against the
// operation's errors and the service's common errors.
func TestErrorsMatchTheModel(t *testing.T) {
	t.Parallel()
	model := loadModel(t)
	var want []string
	for _, s := range []*smithymodel.Shape{model.Operation(), model.Service()} {
		for _, e := range s.Errors {
			want = append(want, smithymodel.Name(e))
		}
	}
	var got []string
	for _, e := range errorRegistry {
		got = append(got, e.Code)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-model +registry):\n%s", diff)
	}
}
