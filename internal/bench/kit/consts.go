package kit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// PackageDir returns the directory of an importable package, as the go
// command resolves it from the current module.
func PackageDir(importPath string) (string, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", importPath).Output()
	if err != nil {
		return "", fmt.Errorf("go list %s: %w", importPath, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// TypedConstants parses the non-test Go files of dir and returns, for each
// named type, its constants by name with their literal values.
func TypedConstants(dir string) (map[string]map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	consts := map[string]map[string]string{}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, file, src, 0)
		if err != nil {
			return nil, err
		}
		collectConstants(f, consts)
	}
	return consts, nil
}

func collectConstants(f *ast.File, consts map[string]map[string]string) {
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			ident, ok := vs.Type.(*ast.Ident)
			if !ok {
				continue
			}
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					continue
				}
				if consts[ident.Name] == nil {
					consts[ident.Name] = map[string]string{}
				}
				consts[ident.Name][name.Name] = lit.Value
			}
		}
	}
}

// CompareEnumConstants reports the constants of the given enum types that
// differ between our package source in oursDir and the official one in
// officialDir: a constant missing on either side, or one with another
// value. Programs name these constants, so a missing one breaks a build
// that changes only the import path.
func CompareEnumConstants(oursDir, officialDir string, enums []Pair) ([]ShapeDiff, error) {
	ours, err := TypedConstants(oursDir)
	if err != nil {
		return nil, err
	}
	official, err := TypedConstants(officialDir)
	if err != nil {
		return nil, err
	}
	var diffs []ShapeDiff
	for _, e := range enums {
		oc, fc := ours[e.Ours.Name()], official[e.Official.Name()]
		for _, name := range sortedKeys(fc) {
			ov, ok := oc[name]
			switch {
			case !ok:
				diffs = append(diffs, ShapeDiff{Key: e.Official.Name() + "." + name + ": missing constant",
					Path: e.Official.Name(), Detail: "official constant " + name + " = " + fc[name] + " is not in ours"})
			case ov != fc[name]:
				diffs = append(diffs, ShapeDiff{Key: e.Official.Name() + "." + name + ": constant value",
					Path: e.Official.Name(), Detail: "ours " + ov + ", official " + fc[name]})
			}
		}
		for _, name := range sortedKeys(oc) {
			if _, ok := fc[name]; !ok {
				diffs = append(diffs, ShapeDiff{Key: e.Official.Name() + "." + name + ": extra constant",
					Path: e.Official.Name(), Detail: "our constant " + name + " = " + oc[name] + " is not in the official package"})
			}
		}
	}
	return diffs, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
