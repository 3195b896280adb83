package forward_test

import (
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
)

// TestImportsOnlyTheStandardLibrary: the package itself imports nothing but
// the standard library and this module.
func TestImportsOnlyTheStandardLibrary(t *testing.T) {
	imports := sinktest.GoList(t, "-f", `{{join .Imports "\n"}}`, "github.com/lmshooks/lmshooks/canonical/sink/forward")
	if len(imports) == 0 {
		t.Fatal("go list printed no imports")
	}
	for _, imp := range imports {
		if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") && !strings.HasPrefix(imp, "github.com/lmshooks/lmshooks/") {
			t.Errorf("imports %s", imp)
		}
	}
}
