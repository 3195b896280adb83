package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestMetricsStayInTheReceiver: the parsers, canonical and the inbox
// compile no Prometheus client; the receiver does (so the check can fail).
func TestMetricsStayInTheReceiver(t *testing.T) {
	const prometheus = "github.com/prometheus/"
	const mod = "github.com/lmshooks/lmshooks/"
	for _, pkg := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink", "canonical", "canonical/sink", "canonical/inbox", "examples/receiver"} {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		deps := strings.Split(string(out), "\n")
		compiles := slices.ContainsFunc(deps, func(dep string) bool { return strings.HasPrefix(dep, prometheus) })
		if want := pkg == "examples/receiver"; compiles != want {
			t.Errorf("%s compiles %s...: %v, want %v", pkg, prometheus, compiles, want)
		}
	}
}
