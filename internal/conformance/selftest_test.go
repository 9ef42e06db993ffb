package conformance_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
)

// recorder collects what a checker reports instead of failing the test.
type recorder struct{ found []string }

// stopCheck unwinds a checker that called Fatal on a recorder.
type stopCheck struct{}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.found = append(r.found, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatal(args ...any) {
	r.found = append(r.found, fmt.Sprint(args...))
	panic(stopCheck{})
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(stopCheck{})
}

// run calls check with the recorder, stopping at a Fatal.
func (r *recorder) run(check func(reporter)) {
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(stopCheck); !ok {
				panic(v)
			}
		}
	}()
	check(r)
}

// doctored returns the fixture of service name with a copy of its model
// changed by edit (shapes and their trait maps are copied; edit replaces
// member slices rather than changing them in place).
func doctored(t *testing.T, name string, edit func(shapes map[string]*smithymodel.Shape)) *fixture {
	t.Helper()
	for _, s := range services {
		if s.name != name {
			continue
		}
		f := load(t, s)
		shapes := make(map[string]*smithymodel.Shape, len(f.model.Shapes))
		for id, shape := range f.model.Shapes {
			c := *shape
			c.Traits = smithymodel.Traits{}
			for k, v := range shape.Traits {
				c.Traits[k] = v
			}
			shapes[id] = &c
		}
		edit(shapes)
		f.model = &smithymodel.Model{Shapes: shapes}
		f.svc, f.op = f.model.Service(), f.model.Operation()
		return f
	}
	t.Fatalf("no service %s", name)
	return nil
}

// replaceMember returns members with the one named name replaced.
func replaceMember(members []*smithymodel.Member, name string, with *smithymodel.Member) []*smithymodel.Member {
	out := make([]*smithymodel.Member, 0, len(members))
	for _, m := range members {
		if m.Name == name {
			m = with
		}
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// TestCheckersCatchMistakes runs the shape and constraint checks against
// models doctored to disagree with the Go packages in one place each, and
// checks that each disagreement is found: the checks are not vacuous.
func TestCheckersCatchMistakes(t *testing.T) {
	const (
		mdb = "com.amazonaws.memorydb#"
		ng  = "com.amazonaws.neptunegraph#"
		dz  = "com.amazonaws.datazone#"
		pc  = "com.amazonaws.partnercentralselling#"
	)
	cases := []struct {
		name, service string
		edit          func(map[string]*smithymodel.Shape)
		want          string
	}{
		{"renamed member", "memorydb", func(s map[string]*smithymodel.Shape) {
			s[mdb+"Snapshot"].Members = replaceMember(s[mdb+"Snapshot"].Members, "Name",
				&smithymodel.Member{Name: "Nam", Target: mdb + "String"})
		}, "Snapshot.Nam: types.Snapshot has no field Nam"},
		{"member the Go type lacks in the model", "memorydb", func(s map[string]*smithymodel.Shape) {
			s[mdb+"Tag"].Members = replaceMember(s[mdb+"Tag"].Members, "Value", nil)
		}, "types.Tag has exported field Value that the model lacks"},
		{"changed member type", "memorydb", func(s map[string]*smithymodel.Shape) {
			cc := s[mdb+"ClusterConfiguration"]
			cc.Members = replaceMember(cc.Members, "Port", &smithymodel.Member{Name: "Port", Target: mdb + "String"})
		}, "ClusterConfiguration.Port: Go type *int32, want *string"},
		{"new enum value", "memorydb", func(s map[string]*smithymodel.Shape) {
			e := s[mdb+"DataTieringStatus"]
			e.Members = append(append([]*smithymodel.Member(nil), e.Members...), &smithymodel.Member{Name: "MAYBE", Target: "smithy.api#Unit"})
		}, "constant DataTieringStatusMaybe (\"MAYBE\") is missing"},
		{"tighter string length", "memorydb", func(s map[string]*smithymodel.Shape) {
			s[mdb+"TargetBucket"].Traits[smithymodel.TraitLength] = json.RawMessage(`{"min":0,"max":254}`)
		}, `TargetBucket of 255×"a": want violation {TargetBucket length}`},
		{"tighter list size", "memorydb", func(s map[string]*smithymodel.Shape) {
			s[mdb+"TagList"].Traits[smithymodel.TraitLength] = json.RawMessage(`{"min":0,"max":199}`)
		}, "Tags with 200 items: want violation {Tags size}"},
		{"new length on a nested member", "memorydb", func(s map[string]*smithymodel.Shape) {
			s[mdb+"String"].Traits[smithymodel.TraitLength] = json.RawMessage(`{"max":10}`)
		}, `Tags[1].Key of 11×"😀": want violation {Tags[1].Key length}`},
		{"tighter map value length", "neptunegraph", func(s map[string]*smithymodel.Shape) {
			s[ng+"TagValue"].Traits[smithymodel.TraitLength] = json.RawMessage(`{"min":0,"max":255}`)
		}, `Tags of 256×"😀": want violation {Tags["`},
		{"changed map key pattern", "neptunegraph", func(s map[string]*smithymodel.Shape) {
			s[ng+"TagKey"].Traits[smithymodel.TraitPattern] = json.RawMessage(`"^[a-zA-Z+=._:/-]+$"`)
		}, `Tags = "0" (pattern ^[a-zA-Z+=._:/-]+$, matches: false): want violation {Tags["0"] pattern}`},
		{"new required nested member", "datazone", func(s map[string]*smithymodel.Shape) {
			fi := s[dz+"FormInput"]
			fi.Members = replaceMember(fi.Members, "typeIdentifier", &smithymodel.Member{Name: "typeIdentifier",
				Target: dz + "FormTypeIdentifier", Traits: smithymodel.Traits{smithymodel.TraitRequired: json.RawMessage(`{}`)}})
		}, "unset FormsInput[1].TypeIdentifier: want violation {FormsInput[1].TypeIdentifier required}"},
		{"member no longer required", "datazone", func(s map[string]*smithymodel.Shape) {
			in := s[dz+"CreateAssetRevisionInput"]
			in.Members = replaceMember(in.Members, "name", &smithymodel.Member{Name: "name", Target: dz + "AssetName"})
		}, "unset Name: Validate reported {Name required}, want none"},
		{"new enum value on input", "partnercentral", func(s map[string]*smithymodel.Shape) {
			e := s[pc+"ResourceType"]
			e.Members = append(append([]*smithymodel.Member(nil), e.Members...), &smithymodel.Member{Name: "LEAD", Target: "smithy.api#Unit"})
		}, `ResourceType = "LEAD": Validate reported {ResourceType enum}, want none`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := doctored(t, tc.service, tc.edit)
			rec := &recorder{}
			rec.run(func(r reporter) { checkShapes(r, f, f.errorTypes(t), parseConsts(t, f.typesPkg)) })
			rec.run(func(r reporter) { checkConstraints(r, f, testutil.NewServer(t)) })
			for _, found := range rec.found {
				if strings.Contains(found, tc.want) {
					return
				}
			}
			t.Errorf("the checks did not find %q; they reported:\n%s", tc.want, strings.Join(rec.found, "\n"))
		})
	}
}
