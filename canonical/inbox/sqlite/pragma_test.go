package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// TestPragmas checks what every connection of a store gets: WAL, the sync
// setting asked for, the busy timeout, foreign keys.
func TestPragmas(t *testing.T) {
	for _, c := range []struct {
		cfg  sqlite.Config
		sync int
	}{
		{sqlite.Config{}, 2}, // FULL
		{sqlite.Config{Synchronous: sqlite.SyncNormal}, 1},
	} {
		db, err := sql.Open("sqlite", c.cfg.DSN(filepath.Join(t.TempDir(), "p.db")))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var mode string
		var sync, busy, fk int
		for query, dest := range map[string]any{
			"PRAGMA journal_mode": &mode, "PRAGMA synchronous": &sync,
			"PRAGMA busy_timeout": &busy, "PRAGMA foreign_keys": &fk,
		} {
			if err := db.QueryRow(query).Scan(dest); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		}
		if mode != "wal" || sync != c.sync || busy != int(sqlite.DefaultBusyTimeout.Milliseconds()) || fk != 1 {
			t.Errorf("%+v: journal_mode=%s synchronous=%d busy_timeout=%d foreign_keys=%d; want wal, %d, %d, 1",
				c.cfg, mode, sync, busy, fk, c.sync, sqlite.DefaultBusyTimeout.Milliseconds())
		}
	}
}

// TestLostDatabaseFailsSave: a Save on a store whose *sql.DB was closed
// under it fails, so a handler answers 5xx.
func TestLostDatabaseFailsSave(t *testing.T) {
	db, err := sql.Open("sqlite", sqlite.Config{}.DSN(filepath.Join(t.TempDir(), "lost.db")))
	if err != nil {
		t.Fatal(err)
	}
	s, err := inbox.Open(context.Background(), db, sqlite.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db.Close()
	if _, err := s.Save(context.Background(), inboxtest.Delivery("lost")); err == nil {
		t.Fatal("Save succeeded on a closed database")
	} else if errors.Is(err, inbox.ErrInvalidDelivery) {
		t.Fatalf("Save = %v, want a database error", err)
	}
}

// TestOpenRefusesEmptyPath.
func TestOpenRefusesEmptyPath(t *testing.T) {
	if s, err := sqlite.Open(""); err == nil {
		s.Close()
		t.Fatal("Open(\"\") succeeded")
	}
}
