// Package postgres opens an inbox.Store on PostgreSQL, with the pgx
// driver's database/sql adapter, for several receivers sharing one store.
// Importing it registers that driver; importing inbox alone does not.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// Open connects to the PostgreSQL database that dsn names (a postgres://
// URL or key=value string) and opens the store in it, creating or
// migrating its tables (all named lmshooks_*). Commits are PostgreSQL's
// normal ones: durable once acknowledged, unless the server runs with
// synchronous_commit off.
func Open(ctx context.Context, dsn string, opts ...inbox.Option) (*inbox.Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connecting: %w", err)
	}
	store, err := inbox.Open(ctx, db, Dialect, opts...)
	if err != nil {
		db.Close()
		return nil, err
	}
	return store, nil
}

// Dialect is PostgreSQL's inbox.Dialect, for inbox.Open with a *sql.DB of
// your own.
var Dialect = inbox.Dialect{
	Name:           "postgres",
	NumberedParams: true,
	SerialKey:      "BIGSERIAL PRIMARY KEY",
	Blob:           "BYTEA",
	// Any constant key: it only serialises migrations of lmshooks stores.
	LockSchema: "SELECT pg_advisory_xact_lock(7215001)",
	SkipLocked: " FOR UPDATE OF o SKIP LOCKED",
	Retryable:  retryable,
}

// retryable reports a deadlock or serialization failure, which two
// receivers inserting the same events in different orders can meet.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40P01" || pgErr.Code == "40001")
}
