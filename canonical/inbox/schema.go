package inbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrSchemaTooNew is returned by Open for a store whose schema a newer
// version of this package wrote: it is refused, and left unchanged.
var ErrSchemaTooNew = errors.New("inbox: the store's schema is newer than this version knows")

// migrations[i] brings the schema from version i to i+1. Times are Unix
// microseconds in UTC; event is the canonical event's JSON; what the sender
// chose byte by byte (body, Content-Type, headers) is kept as bytes. Append a
// migration for every change; never edit one that was released.
var migrations = [][]string{
	{ // 1: deliveries and their events; de-duplication claims
		`CREATE TABLE lmshooks_deliveries (
			id {{serial}},
			vendor TEXT NOT NULL,
			received_at BIGINT NOT NULL,
			content_type {{blob}} NOT NULL,
			header {{blob}} NOT NULL,
			body {{blob}} NOT NULL
		)`,
		`CREATE INDEX lmshooks_deliveries_received ON lmshooks_deliveries (received_at)`,
		`CREATE TABLE lmshooks_events (
			seq {{serial}},
			id TEXT NOT NULL UNIQUE,
			delivery_id BIGINT NOT NULL REFERENCES lmshooks_deliveries (id) ON DELETE CASCADE,
			vendor TEXT NOT NULL,
			type TEXT NOT NULL,
			received_at BIGINT NOT NULL,
			event TEXT NOT NULL
		)`,
		`CREATE INDEX lmshooks_events_received ON lmshooks_events (received_at)`,
		`CREATE INDEX lmshooks_events_delivery ON lmshooks_events (delivery_id)`,
		`CREATE TABLE lmshooks_claims (
			id TEXT PRIMARY KEY,
			owner TEXT NOT NULL,
			lease_until BIGINT NOT NULL,
			committed_at BIGINT
		)`,
	},
	{ // 2: the outbox, one row per (event, sink)
		`CREATE TABLE lmshooks_outbox (
			event_id TEXT NOT NULL REFERENCES lmshooks_events (id) ON DELETE CASCADE,
			sink TEXT NOT NULL,
			state TEXT NOT NULL,
			attempts INTEGER NOT NULL,
			created_at BIGINT NOT NULL,
			next_at BIGINT NOT NULL,
			done_at BIGINT,
			last_error TEXT,
			PRIMARY KEY (event_id, sink)
		)`,
		`CREATE INDEX lmshooks_outbox_due ON lmshooks_outbox (sink, state, next_at)`,
	},
	{ // 3: the bytes held (see WithMaxBytes), one row, counted from what is stored
		`CREATE TABLE lmshooks_usage (bytes BIGINT NOT NULL)`,
		`INSERT INTO lmshooks_usage (bytes) SELECT
			COALESCE((SELECT SUM(octet_length(body) + octet_length(content_type) + octet_length(header)) FROM lmshooks_deliveries), 0) +
			COALESCE((SELECT SUM(octet_length(event)) FROM lmshooks_events), 0)`,
	},
}

// migrate creates or upgrades the schema in one transaction, or refuses a
// schema from the future without writing to it.
func migrate(ctx context.Context, db *sql.DB, d *Dialect) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.LockSchema != "" {
		if _, err := tx.ExecContext(ctx, d.LockSchema); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS lmshooks_schema (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("%w: it is version %d, this version knows %d", ErrSchemaTooNew, version, len(migrations))
	}
	if version == len(migrations) {
		return nil // nothing to do; the rollback undoes nothing
	}
	for _, step := range migrations[version:] {
		for _, stmt := range step {
			if _, err := tx.ExecContext(ctx, d.ddl(stmt)); err != nil {
				return fmt.Errorf("inbox: migrating the schema: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM lmshooks_schema`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO lmshooks_schema (version) VALUES (?)`), len(migrations)); err != nil {
		return err
	}
	return tx.Commit()
}

// schemaVersion reads the stored version; 0 for a new store.
func schemaVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var version int
	err := tx.QueryRowContext(ctx, `SELECT version FROM lmshooks_schema`).Scan(&version)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return version, err
}
