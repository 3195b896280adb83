package inbox_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDriversStayInTheirPackages: importing the parsers, canonical or
// inbox compiles no database driver, and each driver package compiles only
// its own driver.
func TestDriversStayInTheirPackages(t *testing.T) {
	const (
		sqliteDriver   = "modernc.org/sqlite"
		postgresDriver = "github.com/jackc/pgx/v5"
	)
	const mod = "github.com/lmshooks/lmshooks/"
	for pkg, forbidden := range map[string][]string{
		"mcg":                      {sqliteDriver, postgresDriver},
		"easygenerator":            {sqliteDriver, postgresDriver},
		"braincert":                {sqliteDriver, postgresDriver},
		"toolzz":                   {sqliteDriver, postgresDriver},
		"learnink":                 {sqliteDriver, postgresDriver},
		"canonical":                {sqliteDriver, postgresDriver},
		"canonical/sink":           {sqliteDriver, postgresDriver},
		"canonical/inbox":          {sqliteDriver, postgresDriver},
		"canonical/inbox/sqlite":   {postgresDriver},
		"canonical/inbox/postgres": {sqliteDriver},
	} {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		deps := strings.Split(string(out), "\n")
		if own := map[string]string{"canonical/inbox/sqlite": sqliteDriver, "canonical/inbox/postgres": postgresDriver}[pkg]; own != "" && !slices.Contains(deps, own) {
			t.Errorf("%s does not compile its driver %s: is the list right?", pkg, own)
		}
		for _, dep := range deps {
			for _, f := range forbidden {
				if dep == f || strings.HasPrefix(dep, f+"/") {
					t.Errorf("%s compiles %s", pkg, dep)
				}
			}
		}
	}
}
