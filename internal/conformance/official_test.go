package conformance_test

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// officialModules names the official client module of each service.
var officialModules = map[string]string{
	"memorydb": "memorydb", "lightsail": "lightsail", "neptunegraph": "neptunegraph",
	"datazone": "datazone", "partnercentral": "partnercentralselling",
}

// officialDir returns the newest official client source directory of the
// service in the module cache, or skips.
func officialDir(t *testing.T, name string) string {
	t.Helper()
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		cache = filepath.Join(build.Default.GOPATH, "pkg", "mod")
	}
	dirs, _ := filepath.Glob(filepath.Join(cache, "github.com", "aws", "aws-sdk-go-v2", "service", officialModules[name]+"@v*"))
	if len(dirs) == 0 {
		t.Skipf("skipping: the official %s client is not in the module cache (%s) to compare with", officialModules[name], cache)
	}
	sort.Strings(dirs)
	return dirs[len(dirs)-1]
}

// TestOfficialTypes compares every struct type and enum the operation
// reaches with the official client's source (read from the module cache,
// never imported): exported field names, field types and field order, and
// the enum constants.
func TestOfficialTypes(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		dir := officialDir(t, f.name)
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
