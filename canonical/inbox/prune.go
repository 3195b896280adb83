package inbox

import (
	"context"
	"fmt"
	"time"
)

// Pruned counts what Prune deleted.
type Pruned struct {
	Deliveries, Events, Claims int64
}

// Prune deletes the events and raw deliveries received longer ago than the
// retention age, and de-duplication claims committed or expired that long
// ago; from then on, those event ids are stored again if they arrive. With
// no retention (WithRetention(0)) it deletes nothing.
func (s *Store) Prune(ctx context.Context) (Pruned, error) {
	var p Pruned
	if s.cfg.retention <= 0 {
		return p, nil
	}
	cutoff := micros(time.Now().Add(-s.cfg.retention))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return p, fmt.Errorf("inbox: pruning: %w", err)
	}
	defer tx.Rollback()
	steps := []struct {
		count *int64
		query string
	}{
		{&p.Events, `DELETE FROM lmshooks_events WHERE received_at < ?`},
		{&p.Deliveries, `DELETE FROM lmshooks_deliveries WHERE received_at < ?`},
		{&p.Claims, `DELETE FROM lmshooks_claims WHERE COALESCE(committed_at, lease_until) < ?`},
	}
	for _, step := range steps {
		res, err := tx.ExecContext(ctx, s.q(step.query), cutoff)
		if err != nil {
			return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
		}
		if *step.count, err = res.RowsAffected(); err != nil {
			return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return Pruned{}, fmt.Errorf("inbox: pruning: %w", err)
	}
	return p, nil
}
