package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestRemovedFileFailsSave: SQLite keeps writing to a database file that
// was removed under it, and all of that would be lost; the store refuses
// to commit instead.
func TestRemovedFileFailsSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Save(context.Background(), inboxtest.Delivery("before")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(context.Background(), inboxtest.Delivery("after")); !errors.Is(err, sqlite.ErrFileGone) {
		t.Fatalf("Save after the file was removed = %v, want ErrFileGone", err)
	}
}

// TestFullDiskFailsSave: a database that cannot grow (max_page_count, the
// error a full disk gives: SQLITE_FULL) fails the Saves that do not fit,
// and every Save that succeeded is stored.
func TestFullDiskFailsSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := sql.Open("sqlite", sqlite.Config{}.DSN(path)+"&_pragma=max_page_count(60)")
	if err != nil {
		t.Fatal(err)
	}
	s, err := inbox.Open(context.Background(), db, sqlite.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var saved []string
	var full error
	for i := range 2000 {
		id := fmt.Sprintf("full-%04d", i)
		if _, err := s.Save(context.Background(), inboxtest.Delivery(id)); err != nil {
			full = err
			break
		}
		saved = append(saved, id)
	}
	if full == nil {
		t.Fatal("2000 Saves fitted in 60 pages: the test tested nothing")
	}
	if !strings.Contains(full.Error(), "full") {
		t.Errorf("Save on a full database = %v, want SQLite's full error", full)
	}
	if got := inboxtest.StoredIDs(t, s, inbox.Filter{}); !slices.Equal(got, saved) {
		t.Errorf("stored %d events, want the %d Saves that succeeded", len(got), len(saved))
	}
	t.Logf("%d Saves fitted, then: %v", len(saved), full)
}
