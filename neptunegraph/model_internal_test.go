package neptunegraph

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// modelShape is the part of a Smithy shape the constraints live in.
type modelShape struct {
	Type    string `json:"type"`
	Members map[string]struct {
		Target string                     `json:"target"`
		Traits map[string]json.RawMessage `json:"traits"`
	} `json:"members"`
	Key    struct{ Target string } `json:"key"`
	Value  struct{ Target string } `json:"value"`
	Traits struct {
		Pattern *string `json:"smithy.api#pattern"`
		Length  *struct {
			Min *int `json:"min"`
			Max *int `json:"max"`
		} `json:"smithy.api#length"`
	} `json:"traits"`
}

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

func fromModel(s modelShape) declared {
	var d declared
	if s.Traits.Pattern != nil {
		d.Pattern = *s.Traits.Pattern
	}
	if l := s.Traits.Length; l != nil {
		if l.Min != nil {
			d.Min = *l.Min
		}
		if l.Max != nil {
			d.Max, d.HasMax = *l.Max, true
		}
	}
	return d
}

// TestConstraintsMatchTheModel checks every declared constraint against
// the model, and that the input has exactly the members handled here.
func TestConstraintsMatchTheModel(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(testutil.SharedDir(t, "models", "neptunegraph.json"))
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]modelShape `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatal(err)
	}
	shape := func(name string) modelShape { return model.Shapes["com.amazonaws.neptunegraph#"+name] }
	tags := fromModel(shape("TagMap"))
	want := map[string]declared{
		"GraphIdentifier": fromModel(shape("GraphIdentifier")),
		"SnapshotName":    fromModel(shape("SnapshotName")),
		"TagMap":          tags,
		"TagKey":          fromModel(model.Shapes[shape("TagMap").Key.Target]),
		"TagValue":        fromModel(model.Shapes[shape("TagMap").Value.Target]),
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
	for name, m := range input.Members {
		_, required := m.Traits["smithy.api#required"]
		members[name] = m.Target
		if required {
			members[name] += " (required)"
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
	data, err := os.ReadFile(testutil.SharedDir(t, "models", "neptunegraph.json"))
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Errors []struct{ Target string } `json:"errors"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range []string{"CreateGraphSnapshot", "AmazonNeptuneGraph"} {
		for _, e := range model.Shapes["com.amazonaws.neptunegraph#"+name].Errors {
			want = append(want, e.Target[len("com.amazonaws.neptunegraph#"):])
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
