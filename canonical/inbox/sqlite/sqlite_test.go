package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// harness gives each test its own database file in a temp dir.
func harness() inboxtest.Harness {
	paths := map[*testing.T]string{}
	path := func(t *testing.T) string {
		if p, ok := paths[t]; ok {
			return p
		}
		p := filepath.Join(t.TempDir(), "inbox test.db") // a space, to check the path is escaped
		paths[t] = p
		return p
	}
	exec := func(t *testing.T, query string) {
		t.Helper()
		db, err := sql.Open("sqlite", path(t))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(query); err != nil {
			t.Fatal(err)
		}
	}
	return inboxtest.Harness{
		Open: func(t *testing.T, opts ...inbox.Option) (*inbox.Store, error) {
			return sqlite.Open(path(t), opts...)
		},
		Exec: exec,
		Query: func(t *testing.T, query string) int {
			t.Helper()
			db, err := sql.Open("sqlite", path(t))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var n int
			if err := db.QueryRow(query).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		},
		Poison: func(t *testing.T) {
			exec(t, `CREATE TRIGGER poison BEFORE INSERT ON lmshooks_events WHEN NEW.id LIKE 'poison%'
				BEGIN SELECT RAISE(ABORT, 'poisoned event'); END`)
		},
	}
}

func TestStore(t *testing.T) {
	inboxtest.Run(t, harness())
}
