package inbox

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
)

// ErrFull is returned by Save for a delivery that would take the bytes the
// store holds above its WithMaxBytes limit: nothing of it is stored. Our
// side is full, not the sender wrong: it matches canonical.ErrRetryLater,
// so a callback that returns it (wrapped or not) gets the delivery answered
// 503 with Retry-After, and the vendor retries once Prune (or a higher
// limit) made room.
var ErrFull = fmt.Errorf("inbox: the store is full (%w)", canonical.ErrRetryLater)

// WithMaxBytes bounds the bytes the store holds (default 0: no bound). What
// counts is, for each stored raw delivery, its body, Content-Type and kept
// identifying headers, and for each stored event its canonical JSON (see
// EncodeEvent; it holds the event's data): the bytes the sender chose and
// what was derived from them. The database's own overhead (indexes, pages,
// outbox rows, its log) does not count, so leave the disk room beyond n.
//
// A Save that would take that count above n fails with ErrFull and stores
// nothing of its delivery. A delivery whose events are all stored already
// stores nothing, and so is a duplicate, never refused; a delivery with no
// events stores its body each time and is refused when it does not fit.
// Prune gives back what it deletes.
//
// The count is one row in the database, read once per batch (group commit)
// and updated in each batch's transaction and in Prune's, so that it holds
// across restarts and for several stores on one database, at no cost per
// event: while a batch fits as if all its events were new, nothing more is
// asked; from the first delivery that does not, each delivery of the batch
// has its event ids looked up (one query) to count what it really adds.
// On SQLite a batch holds the write lock, so the bound is exact. On
// PostgreSQL the row is read without a lock, so that several receivers'
// batches do not wait for each other: a store may admit room that another
// store's batch in flight is taking too. The bound is then exceeded by at
// most one batch per other store writing at that moment (at most
// WithMaxBatch deliveries, whose bodies their requests hold in memory: the
// receiver's -max-inflight-bytes bounds them).
func WithMaxBytes(n int64) Option {
	return func(c *config) { c.maxBytes = max(n, 0) }
}

// Usage returns the bytes the store holds, as WithMaxBytes counts them.
func (s *Store) Usage(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT bytes FROM lmshooks_usage`).Scan(&n); err != nil {
		return 0, fmt.Errorf("inbox: reading the bytes held: %w", err)
	}
	return n, nil
}

// MaxBytes returns the WithMaxBytes limit; 0 when there is none.
func (s *Store) MaxBytes() int64 { return s.cfg.maxBytes }

// deliveryBytes is what a raw delivery counts once stored.
func (r *saveRequest) deliveryBytes() int64 {
	d := r.delivery
	return int64(len(d.Body) + len(d.ContentType) + len(r.header))
}

// maxCost is the most req can add to the count: its delivery and all its
// events, as if none were stored.
func (r *saveRequest) maxCost() int64 {
	var n int64
	if r.storedDelivery == 0 {
		n = r.deliveryBytes()
	}
	for _, e := range r.events {
		n += int64(len(e))
	}
	return n
}

// admit decides which deliveries of batch fit under the limit, in order,
// inside the batch's transaction: refused[i] is ErrFull's error for a
// delivery that does not, nil for one that does. While the batch fits as
// if every event were new, nothing is looked up; from the first delivery
// that does not, what each one (the earlier ones too) really adds is
// counted from the events stored or admitted before it.
func (s *Store) admit(ctx context.Context, tx *batchTx, batch []*saveRequest) (refused []error, err error) {
	refused = make([]error, len(batch))
	if s.cfg.maxBytes <= 0 {
		return refused, nil
	}
	var base int64
	if err := tx.QueryRowContext(ctx, `SELECT bytes FROM lmshooks_usage`).Scan(&base); err != nil {
		return nil, fmt.Errorf("inbox: reading the bytes held: %w", err)
	}
	held := base
	var known map[string]bool // nil while nothing is looked up
	for i, req := range batch {
		cost := req.maxCost()
		if held+cost > s.cfg.maxBytes && known == nil {
			known, held = map[string]bool{}, base
			for j := range i {
				if refused[j] == nil {
					c, fresh, err := s.newCost(ctx, tx, batch[j], known)
					if err != nil {
						return nil, err
					}
					held += c
					markKnown(known, fresh)
				}
			}
		}
		var fresh []string
		if known != nil {
			if cost, fresh, err = s.newCost(ctx, tx, req, known); err != nil {
				return nil, err
			}
		}
		if held+cost > s.cfg.maxBytes {
			refused[i] = fmt.Errorf("%w: the delivery's %d bytes would take the %d held above the limit of %d",
				ErrFull, cost, held, s.cfg.maxBytes)
			continue
		}
		held += cost
		markKnown(known, fresh) // admitted: a later delivery with these ids adds nothing for them
	}
	return refused, nil
}

// markKnown adds ids to known.
func markKnown(known map[string]bool, ids []string) {
	for _, id := range ids {
		known[id] = true
	}
}

// lookupChunk is how many event ids one query of newCost asks about: well
// under every database's limit on parameters.
const lookupChunk = 500

// newCost is what req would add given the events stored already (which
// it adds to known) and those in known: nothing when all of them are (a
// duplicate stores nothing), else its delivery and each new event once.
// fresh are its new events' ids.
func (s *Store) newCost(ctx context.Context, tx *batchTx, req *saveRequest, known map[string]bool) (cost int64, fresh []string, err error) {
	var ask []string
	for _, e := range req.delivery.Events {
		if !known[e.ID] {
			ask = append(ask, e.ID)
		}
	}
	for start := 0; start < len(ask); start += lookupChunk {
		if err := s.collectStored(ctx, tx, ask[start:min(start+lookupChunk, len(ask))], known); err != nil {
			return 0, nil, err
		}
	}
	counted := map[string]bool{} // the same id again in this delivery is a duplicate
	for i, e := range req.delivery.Events {
		if !known[e.ID] && !counted[e.ID] {
			counted[e.ID] = true
			fresh = append(fresh, e.ID)
			cost += int64(len(req.events[i]))
		}
	}
	if (len(fresh) > 0 || len(req.events) == 0) && req.storedDelivery == 0 {
		cost += req.deliveryBytes()
	}
	return cost, fresh, nil
}

// collectStored adds to stored those of ids that are stored events.
func (s *Store) collectStored(ctx context.Context, tx *batchTx, ids []string, stored map[string]bool) error {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	query := `SELECT id FROM lmshooks_events WHERE id IN (?` + strings.Repeat(", ?", len(ids)-1) + `)`
	rows, err := tx.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return fmt.Errorf("inbox: looking up stored events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("inbox: looking up stored events: %w", err)
		}
		stored[id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("inbox: looking up stored events: %w", err)
	}
	return nil
}

// addUsage adds delta (negative: what was freed) to the count, in tx.
func (s *Store) addUsage(ctx context.Context, tx *sql.Tx, delta int64) error {
	if delta == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE lmshooks_usage SET bytes = bytes + ?`), delta); err != nil {
		return fmt.Errorf("inbox: counting the bytes held: %w", err)
	}
	return nil
}
