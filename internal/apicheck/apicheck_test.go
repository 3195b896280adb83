package apicheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/lmshooks/lmshooks/internal/golden" // registers -update for go test ./... -update
)

const root = "../.."

// goFiles returns the repository's Go files below root, skipping testdata
// and nested modules.
func goFiles(t *testing.T, wantTests bool) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && strings.HasSuffix(path, "_test.go") == wantTests {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestExportedNamesHaveDocComments fails for every exported type, function,
// method, constant or variable without a doc comment (a comment on its
// const/var group counts).
func TestExportedNamesHaveDocComments(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range goFiles(t, false) {
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if file.Name.Name == "main" {
			continue
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Doc == nil && receiverExported(d) {
					t.Errorf("%s: %s has no doc comment", fset.Position(d.Pos()), d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					for _, name := range specNames(spec) {
						if name.IsExported() && d.Doc == nil && specDoc(spec) == nil {
							t.Errorf("%s: %s has no doc comment", fset.Position(name.Pos()), name.Name)
						}
					}
				}
			}
		}
	}
}

// TestPublicPackagesHaveRunnableExamples fails for a public package without
// an Example function that has an "// Output:" comment.
func TestPublicPackagesHaveRunnableExamples(t *testing.T) {
	withExample := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range goFiles(t, true) {
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range file.Comments {
			if strings.Contains(c.Text(), "Output:") && strings.Contains(mustRead(t, path), "func Example") {
				withExample[filepath.Dir(path)] = true
			}
		}
	}
	for _, pkg := range []string{"mcg", "canonical", "canonical/xapi", "canonical/inbox", "canonical/inbox/sqlite", "canonical/sink/jetstream", "canonical/sink/forward", "easygenerator", "braincert", "toolzz", "learnink"} {
		if dir := filepath.Join(root, pkg); !withExample[dir] {
			t.Errorf("package %s has no runnable Example with an // Output: line", pkg)
		}
	}
}

func receiverExported(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	typ := d.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
		case *ast.IndexExpr:
			typ = x.X
		case *ast.IndexListExpr:
			typ = x.X
		case *ast.Ident:
			return x.IsExported()
		default:
			return true
		}
	}
}

func specNames(spec ast.Spec) []*ast.Ident {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return []*ast.Ident{s.Name}
	case *ast.ValueSpec:
		return s.Names
	}
	return nil
}

func specDoc(spec ast.Spec) *ast.CommentGroup {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return s.Doc
	case *ast.ValueSpec:
		if s.Doc != nil {
			return s.Doc
		}
		return s.Comment
	}
	return nil
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
