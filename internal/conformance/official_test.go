package conformance_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
)

// officialModules names the official client module of each service.
var officialModules = map[string]string{
	"memorydb": "memorydb", "lightsail": "lightsail", "neptunegraph": "neptunegraph",
	"datazone": "datazone", "partnercentral": "partnercentralselling",
}

// notPinned says why a service has no official module pinned in
// internal/bench/go.mod and so nothing to compare with.
var notPinned = map[string]string{
	"partnercentral": "the official service/partnercentralselling module cannot be resolved from the module proxy",
}

// officialPrefix is the module path prefix of the official service clients.
const officialPrefix = "github.com/aws/aws-sdk-go-v2/service/"

// pinnedOfficial returns the versions of the compared official clients
// required by internal/bench/go.mod, the one place that pins them, keyed
// by the official module's last path element.
func pinnedOfficial(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "bench", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	compared := map[string]bool{}
	for _, module := range officialModules {
		compared[module] = true
	}
	pins := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		// Other service modules (sts, sso, ...) come in indirectly through
		// aws-sdk-go-v2/config; only the compared clients are pins.
		if len(fields) >= 2 && strings.HasPrefix(fields[0], officialPrefix) && compared[strings.TrimPrefix(fields[0], officialPrefix)] {
			pins[strings.TrimPrefix(fields[0], officialPrefix)] = fields[1]
		}
	}
	return pins
}

// moduleCache returns the Go module cache directory.
func moduleCache() string {
	if cache := os.Getenv("GOMODCACHE"); cache != "" {
		return cache
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
		return string(bytes.TrimSpace(out))
	}
	return filepath.Join(build.Default.GOPATH, "pkg", "mod")
}

// officialDir returns the source directory of the official client of the
// service at the version pinned in internal/bench/go.mod, or "" (logged)
// for a service with no official module to compare with. A pinned module
// absent from the module cache fails the test in CI and skips it
// elsewhere; `cd internal/bench && go mod download` fetches it.
func officialDir(t *testing.T, name string) string {
	t.Helper()
	module := officialModules[name]
	version, ok := pinnedOfficial(t)[module]
	if !ok {
		reason, known := notPinned[name]
		if !known {
			t.Fatalf("internal/bench/go.mod pins no version of %s%s", officialPrefix, module)
		}
		t.Logf("not compared with an official client: %s", reason)
		return ""
	}
	dir := filepath.Join(moduleCache(), "github.com", "aws", "aws-sdk-go-v2", "service", module+"@"+version)
	if _, err := os.Stat(dir); err != nil {
		testutil.MissingOracle(t, fmt.Sprintf("the official %s client %s pinned in internal/bench/go.mod is not in the module cache (run go mod download in internal/bench): %v", module, version, err))
	}
	return dir
}

// TestReportNewerOfficialVersions lists official client versions in the
// module cache that are newer than the ones internal/bench/go.mod pins. It
// only reports them (the comparisons use the pins); it fails only when the
// pins cannot be read.
func TestReportNewerOfficialVersions(t *testing.T) {
	pins := pinnedOfficial(t)
	if len(pins) != len(officialModules)-len(notPinned) {
		t.Fatalf("internal/bench/go.mod pins %v; want one version per service except %v", pins, notPinned)
	}
	for _, module := range slices.Sorted(maps.Keys(pins)) {
		dirs, _ := filepath.Glob(filepath.Join(moduleCache(), "github.com", "aws", "aws-sdk-go-v2", "service", module+"@v*"))
		for _, dir := range dirs {
			_, version, _ := strings.Cut(filepath.Base(dir), "@")
			if newerVersion(version, pins[module]) {
				t.Logf("newer official %s in the module cache: %s (pinned: %s)", module, version, pins[module])
			}
		}
	}
}

// newerVersion reports whether the release version a (vX.Y.Z) is newer
// than b.
func newerVersion(a, b string) bool {
	parse := func(v string) (n [3]int) {
		for i, part := range strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3) {
			n[i], _ = strconv.Atoi(part)
		}
		return n
	}
	na, nb := parse(a), parse(b)
	return slices.Compare(na[:], nb[:]) > 0
}

// TestOfficialTypes compares every struct type and enum the operation
// reaches with the official client's source (read from the module cache,
// never imported): exported field names, field types and field order, and
// the enum constants.
func TestOfficialTypes(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		dir := officialDir(t, f.name)
		if dir == "" {
			return
		}
		official := officialSource(t, filepath.Join(dir, "api_op_"+f.opName()+".go"))
		typesSource := officialSource(t, filepath.Join(dir, "types", "*.go"))
		ours := map[reflect.Type]bool{}
		collectTypes(f.input, f.typesPkg, ours)
		collectTypes(f.output, f.typesPkg, ours)
		for _, s := range f.errorShapes() {
			if typ := f.errorType(t, s); typ != nil {
				collectTypes(typ, f.typesPkg, ours)
			}
		}
		officialConsts := parseConstsIn(t, filepath.Join(dir, "types"))
		n := counts{}
		for typ := range ours {
			switch typ.Kind() {
			case reflect.Struct:
				n["structs"]++
				src := typesSource
				if typ == f.input || typ == f.output {
					src = official
				}
				want, ok := src.structs[typ.Name()]
				if !ok {
					t.Errorf("the official client has no struct %s", typ.Name())
					continue
				}
				if diff := cmp.Diff(want, ourFields(typ)); diff != "" {
					t.Errorf("struct %s differs from the official one (-official +ours):\n%s", typ.Name(), diff)
				}
			case reflect.String:
				n["enums"]++
				ourConsts := parseConsts(t, f.typesPkg)[typ.Name()]
				if diff := cmp.Diff(officialConsts[typ.Name()], ourConsts); diff != "" {
					t.Errorf("enum %s constants differ from the official ones (-official +ours):\n%s", typ.Name(), diff)
				}
			}
		}
		t.Logf("%s: compared with %s: %s", f.name, filepath.Base(dir), n)
	})
}

// collectTypes adds typ and the struct and enum types of the types package
// that its fields reach.
func collectTypes(typ reflect.Type, typesPkg string, seen map[reflect.Type]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
		typ = typ.Elem()
	}
	if typ.Name() == "" || seen[typ] {
		return
	}
	ours := typ.Kind() == reflect.Struct && strings.HasPrefix(typ.PkgPath(), module)
	enum := typ.Kind() == reflect.String && typ.PkgPath() == typesPkg
	if !ours && !enum {
		return
	}
	seen[typ] = true
	if typ.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < typ.NumField(); i++ {
		if typ.Field(i).IsExported() {
			collectTypes(typ.Field(i).Type, typesPkg, seen)
		}
	}
}

// ourFields renders the exported fields of typ as "Name Type", types
// written without the types package qualifier.
func ourFields(typ reflect.Type) []string {
	var fields []string
	for i := 0; i < typ.NumField(); i++ {
		if f := typ.Field(i); f.IsExported() {
			fields = append(fields, f.Name+" "+strings.ReplaceAll(f.Type.String(), "types.", ""))
		}
	}
	return fields
}

// source holds the struct types of official Go files: name → fields.
type source struct{ structs map[string][]string }

func officialSource(t *testing.T, glob string) source {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatalf("no official sources match %s", glob)
	}
	src := source{structs: map[string][]string{}}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		parsed, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(parsed, func(node ast.Node) bool {
			spec, ok := node.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := spec.Type.(*ast.StructType); ok {
				src.structs[spec.Name.Name] = astFields(fset, st)
			}
			return false
		})
	}
	return src
}

func astFields(fset *token.FileSet, st *ast.StructType) []string {
	var fields []string
	for _, field := range st.Fields.List {
		var typ bytes.Buffer
		_ = printer.Fprint(&typ, fset, field.Type)
		for _, name := range field.Names {
			if name.IsExported() {
				fields = append(fields, name.Name+" "+strings.ReplaceAll(typ.String(), "types.", ""))
			}
		}
	}
	return fields
}
