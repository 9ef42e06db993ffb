package conformance_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/schemas"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
)

// module is the import path prefix of the repository's packages.
const module = "github.com/awssnap/awssnap/"

// service ties one model file to the Go package that implements its
// operation: the input and output types and a call through the real client.
type service struct {
	name   string // model file name without .json, and the package directory
	input  reflect.Type
	output reflect.Type
	call   func(ctx context.Context, o callOptions, in any) (any, error)
}

// callOptions configure the client of one call.
type callOptions struct {
	endpoint *string
	mode     validate.Mode
}

func result[T any](out *T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return out, nil
}

var services = []service{
	{name: "memorydb", input: reflect.TypeFor[memorydb.CopySnapshotInput](), output: reflect.TypeFor[memorydb.CopySnapshotOutput](),
		call: func(ctx context.Context, o callOptions, in any) (any, error) {
			// The model's fixtures are in awsJson1_1; rpcv2Cbor, the
			// default, is checked in the memorydb package.
			c := memorydb.New(memorydb.Options{BaseEndpoint: o.endpoint, Credentials: testutil.Credentials,
				Region: "us-east-1", RetryMaxAttempts: 1, Validation: o.mode,
				Protocol: awsjson.New11(schemas.AmazonMemoryDB)})
			return result(c.CopySnapshot(ctx, in.(*memorydb.CopySnapshotInput)))
		}},
	{name: "lightsail", input: reflect.TypeFor[lightsail.GetExportSnapshotRecordsInput](), output: reflect.TypeFor[lightsail.GetExportSnapshotRecordsOutput](),
		call: func(ctx context.Context, o callOptions, in any) (any, error) {
			c := lightsail.New(lightsail.Options{BaseEndpoint: o.endpoint, Credentials: testutil.Credentials,
				Region: "us-east-1", RetryMaxAttempts: 1, Validation: o.mode})
			return result(c.GetExportSnapshotRecords(ctx, in.(*lightsail.GetExportSnapshotRecordsInput)))
		}},
	{name: "neptunegraph", input: reflect.TypeFor[neptunegraph.CreateGraphSnapshotInput](), output: reflect.TypeFor[neptunegraph.CreateGraphSnapshotOutput](),
		call: func(ctx context.Context, o callOptions, in any) (any, error) {
			c := neptunegraph.New(neptunegraph.Options{BaseEndpoint: o.endpoint, Credentials: testutil.Credentials,
				Region: "us-east-1", RetryMaxAttempts: 1, Validation: o.mode})
			return result(c.CreateGraphSnapshot(ctx, in.(*neptunegraph.CreateGraphSnapshotInput)))
		}},
	{name: "datazone", input: reflect.TypeFor[datazone.CreateAssetRevisionInput](), output: reflect.TypeFor[datazone.CreateAssetRevisionOutput](),
		call: func(ctx context.Context, o callOptions, in any) (any, error) {
			c := datazone.New(datazone.Options{BaseEndpoint: o.endpoint, Credentials: testutil.Credentials,
				Region: "us-east-1", RetryMaxAttempts: 1, Validation: o.mode})
			return result(c.CreateAssetRevision(ctx, in.(*datazone.CreateAssetRevisionInput)))
		}},
	{name: "partnercentral", input: reflect.TypeFor[partnercentral.CreateResourceSnapshotInput](), output: reflect.TypeFor[partnercentral.CreateResourceSnapshotOutput](),
		call: func(ctx context.Context, o callOptions, in any) (any, error) {
			c := partnercentral.New(partnercentral.Options{BaseEndpoint: o.endpoint, Credentials: testutil.Credentials,
				Region: "us-east-1", RetryMaxAttempts: 1, Validation: o.mode})
			return result(c.CreateResourceSnapshot(ctx, in.(*partnercentral.CreateResourceSnapshotInput)))
		}},
}

// fixture is one service with its model loaded.
type fixture struct {
	service
	model    *smithymodel.Model
	svc, op  *smithymodel.Shape
	typesPkg string // import path of the service's types package
}

var models sync.Map // model file name → *smithymodel.Model

func load(t *testing.T, s service) *fixture {
	t.Helper()
	path := testutil.SharedDir(t, "models", s.name+".json")
	var m *smithymodel.Model
	if cached, ok := models.Load(path); ok {
		m = cached.(*smithymodel.Model)
	} else {
		loaded, err := smithymodel.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		cached, _ := models.LoadOrStore(path, loaded)
		m = cached.(*smithymodel.Model)
	}
	f := &fixture{service: s, model: m, svc: m.Service(), op: m.Operation(), typesPkg: module + s.name + "/types"}
	if f.svc == nil || f.op == nil {
		t.Fatalf("%s: want exactly one service and one operation", path)
	}
	return f
}

// forEachService runs test once per service, in parallel.
func forEachService(t *testing.T, test func(t *testing.T, f *fixture)) {
	for _, s := range services {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			test(t, load(t, s))
		})
	}
}

// errorShapes returns the operation's errors and the service's common
// errors, each once.
func (f *fixture) errorShapes() []*smithymodel.Shape {
	var shapes []*smithymodel.Shape
	seen := map[string]bool{}
	for _, id := range append(append([]string(nil), f.op.Errors...), f.svc.Errors...) {
		if !seen[id] {
			seen[id] = true
			shapes = append(shapes, f.model.Shape(id))
		}
	}
	return shapes
}

// closure returns the shapes reachable from roots, each once, in a stable
// order (depth first, members in model order).
func (f *fixture) closure(roots ...string) []*smithymodel.Shape {
	var out []*smithymodel.Shape
	seen := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		s := f.model.Shape(id)
		if s == nil || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, s)
		for _, m := range members(s) {
			visit(m.Target)
		}
	}
	for _, id := range roots {
		visit(id)
	}
	return out
}

// members returns the members a shape refers to: structure members, the
// list member, or the map key and value.
func members(s *smithymodel.Shape) []*smithymodel.Member {
	switch s.Type {
	case "structure", "union":
		return s.Members
	case "list", "set":
		return []*smithymodel.Member{s.Member}
	case "map":
		return []*smithymodel.Member{s.Key, s.Value}
	}
	return nil
}

// goName is the Go field name of a member: the member name with its first
// letter upper-cased, as aws-sdk-go-v2 names them.
func goName(member string) string {
	r, n := utf8.DecodeRuneInString(member)
	return string(unicode.ToUpper(r)) + member[n:]
}

// required reports whether a member carries the required trait.
func required(m *smithymodel.Member) bool { return m.Traits.Has(smithymodel.TraitRequired) }

// httpTrait returns the operation's http trait, if any.
func (f *fixture) httpTrait() (smithymodel.HTTP, bool) {
	var h smithymodel.HTTP
	ok := f.op.Traits.Decode(smithymodel.TraitHTTP, &h)
	return h, ok
}

// opName is the operation's name.
func (f *fixture) opName() string { return smithymodel.Name(f.op.ID) }

// violation is one validation failure: the member path and the rule.
type violation struct{ Path, Rule string }

// violations lists the validate.Violation values inside err, which must be
// nil or a smithy.InvalidParamsError (possibly wrapped).
func violations(err error) ([]violation, []*validate.Violation, error) {
	if err == nil {
		return nil, nil, nil
	}
	var params smithy.InvalidParamsError
	if !errors.As(err, &params) {
		return nil, nil, fmt.Errorf("error %T (%v) is not a smithy.InvalidParamsError", err, err)
	}
	var out []violation
	var raw []*validate.Violation
	for _, e := range params.Errs() {
		var v *validate.Violation
		if !errors.As(e, &v) {
			return nil, nil, fmt.Errorf("violation %T (%v) is not a *validate.Violation", e, e)
		}
		out = append(out, violation{v.Path(), v.Rule})
		raw = append(raw, v)
	}
	return out, raw, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// counts collects what a test checked, per kind, for its log line.
type counts map[string]int

func (c counts) String() string {
	parts := make([]string, 0, len(c))
	for _, k := range sortedKeys(c) {
		parts = append(parts, fmt.Sprintf("%d %s", c[k], k))
	}
	return strings.Join(parts, ", ")
}

// reporter is the part of testing.T the checkers report through, so that
// TestCheckersCatchMistakes can run them on a doctored model and collect
// what they find.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}
