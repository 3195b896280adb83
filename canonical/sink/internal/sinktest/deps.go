package sinktest

import (
	"os/exec"
	"strings"
	"testing"
)

// Light are the packages a user imports to parse and convert webhooks, or
// to forward them over HTTP: none of them may compile a broker client.
var Light = []string{
	"github.com/lmshooks/lmshooks/canonical",
	"github.com/lmshooks/lmshooks/canonical/sink",
	"github.com/lmshooks/lmshooks/canonical/sink/forward",
	"github.com/lmshooks/lmshooks/mcg",
	"github.com/lmshooks/lmshooks/easygenerator",
	"github.com/lmshooks/lmshooks/braincert",
	"github.com/lmshooks/lmshooks/toolzz",
	"github.com/lmshooks/lmshooks/learnink",
}

// GoList runs "go list" with args and returns its output's lines.
func GoList(t testing.TB, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	return strings.Fields(string(out))
}

// DepsWithPrefix returns the packages that pkgs depend on (themselves
// included) whose import path starts with prefix.
func DepsWithPrefix(t testing.TB, prefix string, pkgs ...string) []string {
	t.Helper()
	var found []string
	for _, dep := range GoList(t, append([]string{"-deps"}, pkgs...)...) {
		if strings.HasPrefix(dep, prefix) {
			found = append(found, dep)
		}
	}
	return found
}
