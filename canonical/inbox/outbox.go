package inbox

import (
	"context"
	"fmt"
	"time"
)

// Outbox row states.
const (
	// StateDue is a row waiting for delivery (or for its retry time).
	StateDue = "due"
	// StateDelivered is a row its sink accepted.
	StateDelivered = "delivered"
	// StateDead is a row that will not be tried again: its sink rejected
	// the event, or it failed too often or for too long. Redrive makes it
	// due again.
	StateDead = "dead"
)

// enqueueOutbox commits a due row per configured sink for a new event, in
// the transaction that stores the event.
func (s *Store) enqueueOutbox(ctx context.Context, tx *batchTx, eventID string) error {
	for _, sink := range s.cfg.sinks {
		at := micros(time.Now())
		if _, err := tx.insertOutbox.ExecContext(ctx, eventID, sink, at, at); err != nil {
			return fmt.Errorf("inbox: queueing event %s for %s: %w", eventID, sink, err)
		}
	}
	return nil
}
