// Package sqlite opens an inbox.Store on a SQLite file, with the pure-Go
// driver modernc.org/sqlite (no C compiler needed). Importing it registers
// that driver; importing inbox alone does not.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Synchronous is how SQLite waits for the disk at a commit.
type Synchronous int

const (
	// SyncFull (the default) fsyncs the write-ahead log at every commit: a
	// committed delivery survives a crash of the process, of the operating
	// system and a power loss. Group commit shares one fsync among the
	// deliveries that arrive together.
	SyncFull Synchronous = iota
	// SyncNormal fsyncs only when the write-ahead log is checkpointed into
	// the database. A commit still survives the process being killed
	// (kill -9), but an operating-system crash or a power loss may lose the
	// deliveries committed since the last checkpoint (up to about 1000
	// pages of log): deliveries already answered 2xx, which a vendor will
	// not send again. The database itself stays consistent.
	SyncNormal
)

// DefaultBusyTimeout is how long a statement waits for another
// connection's (or process's) write lock before it fails.
const DefaultBusyTimeout = 10 * time.Second

// Config is how Open sets SQLite up; the zero Config is the default.
type Config struct {
	// Synchronous is the durability of a commit (default SyncFull).
	Synchronous Synchronous
	// BusyTimeout is how long a write waits for another writer, such as
	// the inspection tool (default DefaultBusyTimeout).
	BusyTimeout time.Duration
}

// Open opens (creating it if needed) the SQLite store at path with the
// default Config: write-ahead logging, full sync, one writer.
func Open(path string, opts ...inbox.Option) (*inbox.Store, error) {
	return Config{}.Open(path, opts...)
}

// Open opens (creating it if needed) the SQLite store at path as c says.
func (c Config) Open(path string, opts ...inbox.Option) (*inbox.Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty path")
	}
	db, err := sql.Open("sqlite", c.dsn(path))
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	// The Store writes through one goroutine; the other connections read
	// (WAL lets them read while it writes).
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	ctx, cancel := context.WithTimeout(context.Background(), c.busyTimeout()+5*time.Second)
	defer cancel()
	dialect := Dialect
	if dialect.Healthy, err = sameFile(path); err != nil {
		db.Close()
		return nil, err
	}
	store, err := inbox.Open(ctx, db, dialect, opts...)
	if err != nil {
		db.Close()
		return nil, err
	}
	return store, nil
}

// ErrFileGone is the error of a Save whose database file was removed or
// replaced while the store had it open: SQLite would go on writing to the
// removed file, and everything acknowledged from then on would be lost.
var ErrFileGone = errors.New("sqlite: the database file was removed or replaced")

// sameFile creates the database file if needed and returns a check that
// path still names it.
func sameFile(path string) (func() error, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	opened, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return func() error {
		now, err := os.Stat(path)
		if err != nil || !os.SameFile(opened, now) {
			return fmt.Errorf("%w: %s", ErrFileGone, path)
		}
		return nil
	}, nil
}

// Dialect is SQLite's inbox.Dialect, for inbox.Open with a *sql.DB of your
// own (open it with the pragmas that Open sets).
var Dialect = inbox.Dialect{
	Name:      "sqlite",
	SerialKey: "INTEGER PRIMARY KEY",
	Blob:      "BLOB",
}

func (c Config) busyTimeout() time.Duration {
	if c.BusyTimeout > 0 {
		return c.BusyTimeout
	}
	return DefaultBusyTimeout
}

// dsn is the driver's name for path: every connection gets the pragmas,
// and transactions take the write lock at BEGIN (so two writers wait for
// each other instead of failing on upgrade).
func (c Config) dsn(path string) string {
	sync := "FULL"
	if c.Synchronous == SyncNormal {
		sync = "NORMAL"
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous("+sync+")")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", c.busyTimeout().Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}
