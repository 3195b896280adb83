// Package inboxopen opens the inbox.Store that a -store command-line value
// names, for the example receiver and the inspection tool: a SQLite file
// path, a postgres:// URL, or "memory" (no store).
package inboxopen

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/postgres"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
)

// Memory is the -store value that stores nothing.
const Memory = "memory"

// ErrEmpty is returned by Open for an empty -store value.
var ErrEmpty = errors.New("-store must be a SQLite file path, a postgres:// URL or memory")

// IsPostgres reports whether a -store value names a PostgreSQL database.
func IsPostgres(value string) bool {
	return strings.HasPrefix(value, "postgres://") || strings.HasPrefix(value, "postgresql://")
}

// Open opens the store value names, with sync for a SQLite file; it
// returns nil and no error for Memory.
func Open(ctx context.Context, value string, sync sqlite.Synchronous, opts ...inbox.Option) (*inbox.Store, error) {
	switch {
	case value == "":
		return nil, ErrEmpty
	case value == Memory:
		return nil, nil
	case IsPostgres(value):
		return postgres.Open(ctx, value, opts...)
	default:
		return sqlite.Config{Synchronous: sync}.Open(value, opts...)
	}
}

// Name is a -store value fit for a log: a PostgreSQL URL without its
// password.
func Name(value string) string {
	if !IsPostgres(value) {
		return value
	}
	if u, err := url.Parse(value); err == nil {
		return u.Redacted()
	}
	return "postgres://…"
}
