package inbox

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// OutboxRow is one (event, sink) row of the outbox.
type OutboxRow struct {
	EventID, Sink, State string
	// Attempts counts the deliveries tried.
	Attempts int
	// CreatedAt is when the row was queued (or last redriven or replayed);
	// NextAt when it is due; DoneAt when it was delivered or died.
	CreatedAt, NextAt, DoneAt time.Time
	// LastError is the last failure's message; empty when none.
	LastError string
}

// OutboxCount is how many rows of one sink are in one state.
type OutboxCount struct {
	Sink, State string
	Rows        int64
}

// OutboxCounts counts the outbox's rows by sink and state: the relay's
// backlog (due), what it delivered, and the dead.
func (s *Store) OutboxCounts(ctx context.Context) ([]OutboxCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sink, state, COUNT(*) FROM lmshooks_outbox GROUP BY sink, state ORDER BY sink, state`)
	if err != nil {
		return nil, fmt.Errorf("inbox: counting the outbox: %w", err)
	}
	defer rows.Close()
	var out []OutboxCount
	for rows.Next() {
		var c OutboxCount
		if err := rows.Scan(&c.Sink, &c.State, &c.Rows); err != nil {
			return nil, fmt.Errorf("inbox: counting the outbox: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeadRows returns up to limit dead rows of sink (all sinks when empty),
// oldest first, with their last errors.
func (s *Store) DeadRows(ctx context.Context, sink string, limit int) ([]OutboxRow, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT event_id, sink, state, attempts, created_at, next_at, done_at, last_error
		FROM lmshooks_outbox WHERE state = 'dead' AND (? = '' OR sink = ?) ORDER BY done_at, event_id LIMIT ?`),
		sink, sink, max(limit, 1))
	if err != nil {
		return nil, fmt.Errorf("inbox: reading dead rows: %w", err)
	}
	defer rows.Close()
	var out []OutboxRow
	for rows.Next() {
		var r OutboxRow
		var created, next int64
		var done sql.NullInt64
		var lastErr sql.NullString
		if err := rows.Scan(&r.EventID, &r.Sink, &r.State, &r.Attempts, &created, &next, &done, &lastErr); err != nil {
			return nil, fmt.Errorf("inbox: reading dead rows: %w", err)
		}
		r.CreatedAt, r.NextAt, r.LastError = fromMicros(created), fromMicros(next), lastErr.String
		if done.Valid {
			r.DoneAt = fromMicros(done.Int64)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Redrive makes the dead rows of sink (all sinks when empty) due now, with
// their attempts and age counted afresh; it returns how many.
func (s *Store) Redrive(ctx context.Context, sink string) (int64, error) {
	now := micros(time.Now())
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE lmshooks_outbox SET state = 'due', attempts = 0, created_at = ?, next_at = ?, done_at = NULL
		WHERE state = 'dead' AND (? = '' OR sink = ?)`), now, now, sink, sink)
	if err != nil {
		return 0, fmt.Errorf("inbox: redriving: %w", err)
	}
	return res.RowsAffected()
}

// Replay queues the stored events that f selects for sink again, due now,
// whether they were delivered, dead or never queued for it (backfill); it
// returns how many rows it queued. A Relay with that sink sends them.
func (s *Store) Replay(ctx context.Context, sink string, f Filter) (int64, error) {
	if sink == "" {
		return 0, fmt.Errorf("inbox: replay needs a sink name")
	}
	where, args := f.where(true)
	now := micros(time.Now())
	// "WHERE … true" before ON CONFLICT: SQLite needs it to parse an upsert
	// from a SELECT.
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO lmshooks_outbox (event_id, sink, state, attempts, created_at, next_at)
		SELECT id, CAST(? AS TEXT), 'due', 0, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM lmshooks_events WHERE `+where+` 1 = 1
		ON CONFLICT (event_id, sink) DO UPDATE SET state = 'due', attempts = 0, created_at = excluded.created_at,
			next_at = excluded.next_at, done_at = NULL`), append([]any{sink, now, now}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("inbox: replaying: %w", err)
	}
	return res.RowsAffected()
}
