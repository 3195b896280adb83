package inbox

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Deliveries, Events, Claims int64
	// Bytes is what the deleted deliveries and events counted towards
	// WithMaxBytes: the room Prune made.
	Bytes int64
}

// Prune deletes the events and raw deliveries received longer ago than the
// retention age, and de-duplication claims committed or expired that long
// ago; from then on, those event ids are stored again if they arrive. With
// no retention (WithRetention(0)) it deletes nothing. The bytes it deletes
// are taken off the count of WithMaxBytes in the same transaction.
func (s *Store) Prune(ctx context.Context) (Pruned, error) {
	if s.cfg.retention <= 0 {
		return Pruned{}, nil
	}
	return s.PruneBefore(ctx, time.Now().Add(-s.cfg.retention))
}

// PruneBefore is Prune with its own cutoff: it deletes what was received
// before t, whatever the retention age (an operator making room in a full
// store, see WithMaxBytes).
func (s *Store) PruneBefore(ctx context.Context, t time.Time) (Pruned, error) {
	var p Pruned
	cutoff := micros(t)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, fmt.Errorf("inbox: pruning: %w", err)
	}
	defer tx.Rollback()
	// Each deleted row returns what it counted, so that the count loses
	// exactly what this transaction deleted, whatever another store's
	// Prune deletes at the same moment.
	steps := []struct {
		count *int64
		query string
	}{
		{&p.Events, `DELETE FROM lmshooks_events WHERE received_at < ? RETURNING octet_length(event)`},
		{&p.Deliveries, `DELETE FROM lmshooks_deliveries WHERE received_at < ?
			RETURNING octet_length(body) + octet_length(content_type) + octet_length(header)`},
		{&p.Claims, `DELETE FROM lmshooks_claims WHERE COALESCE(committed_at, lease_until) < ? RETURNING 0`},
	}
	for _, step := range steps {
		if err := sumDeleted(ctx, tx, s.q(step.query), cutoff, step.count, &p.Bytes); err != nil {
			return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
		}
	}
	if err := s.addUsage(ctx, tx, -p.Bytes); err != nil {
		return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
	}
	return p, nil
}

// sumDeleted runs a DELETE … RETURNING of one number per row, counting
// the rows in rows and adding the numbers to bytes.
func sumDeleted(ctx context.Context, tx *sql.Tx, query string, cutoff int64, rows, bytes *int64) error {
	result, err := tx.QueryContext(ctx, query, cutoff)
	if err != nil {
		return err
	}
	defer result.Close()
	for result.Next() {
		var n int64
		if err := result.Scan(&n); err != nil {
			return err
		}
		*rows++
		*bytes += n
	}
	return result.Err()
}
