// Package eventtabletest checks a vendor package's event names against its
// documented bodies, the same way for every vendor: every constant of its
// event-name type is listed by Events, every listed name parses its body
// into an event of that type, and a name it does not model parses to its
// Unknown event carrying the name as sent.
package eventtabletest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Name is a vendor's event-name type, such as mcg.EventType or
// braincert.Topic.
type Name interface {
	~string
	Known() bool
}

// Vendor describes one vendor package to Check.
type Vendor[N Name, E interface{ EventName() string }] struct {
	// Dir is the package's directory ("." from its own tests) and TypeName
	// its event-name type, whose constants Check reads from the source.
	Dir, TypeName string
	// Events is the package's Events().
	Events []string
	// Body returns the documented body of the named event.
	Body func(t *testing.T, name N) []byte
	// Parse is the package's Parse.
	Parse func(body []byte) (E, error)
	// TypeOf returns the event's name as the typed value: e.EventType()
	// (braincert: e.Topic()).
	TypeOf func(E) N
	// IsUnknown reports whether the event is the package's *Unknown.
	IsUnknown func(E) bool
	// UnknownBody is a body naming UnknownName, an event the package does
	// not model; nil for a vendor whose bodies name no event.
	UnknownBody []byte
	UnknownName N
}

// Documented returns a Vendor.Body that finds the named event's body with
// lookup (the vendor test package's Lookup) and fails the test when there is
// none.
func Documented[N Name](lookup func(name string) ([]byte, bool)) func(*testing.T, N) []byte {
	return func(t *testing.T, name N) []byte {
		t.Helper()
		body, ok := lookup(string(name))
		if !ok {
			t.Fatalf("no documented body of %s", name)
		}
		return body
	}
}

// Check runs every check on v.
func Check[N Name, E interface{ EventName() string }](t *testing.T, v Vendor[N, E]) {
	t.Helper()
	constants := Constants(t, v.Dir, v.TypeName)
	if len(constants) == 0 {
		t.Fatalf("no constant of type %s in %s", v.TypeName, v.Dir)
	}
	for _, c := range constants {
		if !slices.Contains(v.Events, c) {
			t.Errorf("constant %q is not in Events()", c)
		}
	}
	for _, name := range v.Events {
		if !slices.Contains(constants, name) {
			t.Errorf("Events() lists %q, which is no %s constant", name, v.TypeName)
		}
		if !N(name).Known() {
			t.Errorf("%s(%q).Known() is false", v.TypeName, name)
		}
		event, err := v.Parse(v.Body(t, N(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if v.IsUnknown(event) {
			t.Errorf("%s: parsed as the Unknown event", name)
		}
		if got := v.TypeOf(event); got != N(name) {
			t.Errorf("%s: the event's %s is %q", name, v.TypeName, got)
		}
		if got := event.EventName(); got != name {
			t.Errorf("%s: EventName() is %q", name, got)
		}
	}
	if v.UnknownBody != nil {
		checkUnknown(t, v)
	}
}

func checkUnknown[N Name, E interface{ EventName() string }](t *testing.T, v Vendor[N, E]) {
	t.Helper()
	if v.UnknownName.Known() {
		t.Fatalf("%q is Known: pick a name the package does not model", v.UnknownName)
	}
	event, err := v.Parse(v.UnknownBody)
	if err != nil {
		t.Fatalf("%s: %v", v.UnknownName, err)
	}
	if !v.IsUnknown(event) {
		t.Errorf("%s: parsed as %T, not the Unknown event", v.UnknownName, event)
	}
	if got := v.TypeOf(event); got != v.UnknownName {
		t.Errorf("Unknown's %s is %q, not %q as sent", v.TypeName, got, v.UnknownName)
	}
	if got := event.EventName(); got != string(v.UnknownName) {
		t.Errorf("Unknown's EventName() is %q, not %q as sent", got, v.UnknownName)
	}
}

// Constants returns the values of the constants of type typeName declared in
// dir's Go files (tests excluded), in source order. A constant whose value is
// not a string literal fails the test: the vendors spell their names out.
func Constants(t *testing.T, dir, typeName string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			if d, ok := decl.(*ast.GenDecl); ok && d.Tok == token.CONST {
				values = append(values, constantsOf(t, fset, d, typeName)...)
			}
		}
	}
	return values
}

func constantsOf(t *testing.T, fset *token.FileSet, d *ast.GenDecl, typeName string) []string {
	t.Helper()
	var values []string
	for _, spec := range d.Specs {
		s := spec.(*ast.ValueSpec)
		if typ, ok := s.Type.(*ast.Ident); !ok || typ.Name != typeName {
			continue
		}
		for i, name := range s.Names {
			lit, ok := valueAt(s, i).(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Fatalf("%s: %s is not a string literal", fset.Position(name.Pos()), name.Name)
			}
			value, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			values = append(values, value)
		}
	}
	return values
}

func valueAt(s *ast.ValueSpec, i int) ast.Expr {
	if i < len(s.Values) {
		return s.Values[i]
	}
	return nil
}
