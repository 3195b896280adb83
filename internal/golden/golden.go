// Package golden holds the test helpers behind the golden-file tests:
// the -update flag, comparison of golden files with go-cmp, a readable
// field-by-field dump of typed values, and JSON value comparison for
// round-trip tests. Only tests import it.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// UpdateVariable, set to any value, rewrites golden files like -update. It
// serves `go test ./...`, whose packages without golden files do not know
// the -update flag and would fail on it.
const UpdateVariable = "LMSHOOKS_UPDATE_GOLDEN"

func updating() bool { return *update || os.Getenv(UpdateVariable) != "" }

// Check compares got with the golden file at path, line by line. With
// -update (or LMSHOOKS_UPDATE_GOLDEN=1) it rewrites the file instead; read
// the diff before committing it.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("updating golden file: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test -update to create it): %v", err)
	}
	if diff := cmp.Diff(lines(want), lines(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", filepath.Base(path), diff)
	}
}

// CheckJSON indents got and compares it with the golden file at path.
func CheckJSON(t testing.TB, path string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, got, "", "  "); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	buf.WriteByte('\n')
	Check(t, path, buf.Bytes())
}

// JSONEqual fails t unless want and got hold equal JSON values (white space,
// key order and number spelling aside).
func JSONEqual(t testing.TB, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got is not JSON: %v\n%s", err, got)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("JSON values differ (-want +got):\n%s", diff)
	}
}

// Fixtures lists the files in dir whose names end in suffix (such as
// ".json"), sorted, leaving out golden files. It fails t when there are none.
func Fixtures(t testing.TB, dir, suffix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("listing fixtures: %v", err)
	}
	var paths []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && strings.HasSuffix(name, suffix) && !strings.Contains(name, ".golden") {
			paths = append(paths, filepath.Join(dir, name))
		}
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Fatalf("no %s fixtures in %s", suffix, dir)
	}
	return paths
}

// Path returns the golden file for a fixture: the fixture's path without its
// extension, plus "." + kind + ".golden".
func Path(fixture, kind string) string {
	return strings.TrimSuffix(fixture, filepath.Ext(fixture)) + "." + kind + ".golden"
}

// Read returns a fixture's bytes, failing t when it cannot.
func Read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func lines(b []byte) []string { return strings.Split(string(b), "\n") }
