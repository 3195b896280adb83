package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// TestStore runs the suite on a database file in a temp dir per test.
func TestStore(t *testing.T) {
	inboxtest.Run(t, inboxtest.Harness{
		Driver: "sqlite",
		Source: func(t *testing.T) string {
			return filepath.Join(t.TempDir(), "inbox test.db") // a space, to check the path is escaped
		},
		Open: func(path string, opts ...inbox.Option) (*inbox.Store, error) { return sqlite.Open(path, opts...) },
		Poison: []string{`CREATE TRIGGER poison BEFORE INSERT ON lmshooks_events WHEN NEW.id LIKE 'poison%'
			BEGIN SELECT RAISE(ABORT, 'poisoned event'); END`},
	})
}
