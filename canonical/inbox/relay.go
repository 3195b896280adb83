package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
)

// Relay delivers the outbox's due rows to their sinks: each row is
// claimed (leased), delivered, and marked delivered, retried later with
// exponential backoff and jitter, or dead with its last error. Delivery is
// at least once: a process that dies between a sink's acceptance and the
// mark delivers the row again after the lease, so sinks should be
// idempotent (xAPI statement ids are). Several relays may share a
// PostgreSQL store; rows are claimed with SKIP LOCKED.
type Relay struct {
	store *Store
	sinks []sink.Sink
	cfg   relayConfig

	delivered, retried, dead atomic.Int64
}

// RelayStats counts what a Relay did since it was made.
type RelayStats struct {
	Delivered, Retried, Dead int64
}

// NewRelay returns a relay for sinks, which must have distinct, non-empty
// names (those given to WithSinks). Rows for a sink it does not have stay
// due for a relay that has it.
func (s *Store) NewRelay(sinks []sink.Sink, opts ...RelayOption) (*Relay, error) {
	cfg := relayConfig{
		batch: 100, poll: 500 * time.Millisecond, maxAttempts: 10, maxAge: 24 * time.Hour,
		baseBackoff: time.Second, maxBackoff: 10 * time.Minute, lease: time.Minute, timeout: 30 * time.Second,
		logger: slog.Default(),
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	cfg.lease = max(cfg.lease, cfg.timeout+time.Second)
	cfg.poll = max(cfg.poll, 10*time.Millisecond)
	seen := map[string]bool{}
	for _, sk := range sinks {
		name := sk.Name()
		if name == "" || seen[name] {
			return nil, fmt.Errorf("inbox: relay sink names must be distinct and non-empty, got %q twice or empty", name)
		}
		seen[name] = true
	}
	return &Relay{store: s, sinks: sinks, cfg: cfg}, nil
}

// Stats returns the relay's counts so far.
func (r *Relay) Stats() RelayStats {
	return RelayStats{Delivered: r.delivered.Load(), Retried: r.retried.Load(), Dead: r.dead.Load()}
}

// Run delivers due rows until ctx is done, then returns ctx's error. A
// database error is logged and tried again at the next poll.
func (r *Relay) Run(ctx context.Context) error {
	for {
		n, err := r.DeliverDue(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			r.cfg.logger.Error("relay: delivering", "error", err)
		}
		if n > 0 && err == nil {
			continue // there may be more
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(r.cfg.poll):
		}
	}
}

// DeliverDue makes one pass: for each sink, one batch of the rows due now.
// It returns how many rows it handled (delivered, retried or dead).
func (r *Relay) DeliverDue(ctx context.Context) (int, error) {
	total := 0
	var errs []error
	for _, sk := range r.sinks {
		n, err := r.deliverBatch(ctx, sk)
		total += n
		if err != nil {
			errs = append(errs, fmt.Errorf("sink %s: %w", sk.Name(), err))
		}
	}
	return total, errors.Join(errs...)
}

// claimed is an outbox row leased for delivery.
type claimed struct {
	eventID   string
	event     canonical.Event
	attempts  int // including this one
	createdAt time.Time
}

func (r *Relay) deliverBatch(ctx context.Context, sk sink.Sink) (int, error) {
	rows, err := r.claim(ctx, sk.Name())
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	events := make([]canonical.Event, len(rows))
	for i, row := range rows {
		events[i] = row.event
	}
	errs := r.deliver(ctx, sk, events)
	if errs != nil && len(errs) != len(events) {
		err := fmt.Errorf("the sink returned %d errors for %d events", len(errs), len(events))
		errs = make([]error, len(events))
		for i := range errs {
			errs[i] = err
		}
	}
	return len(rows), r.mark(ctx, sk.Name(), rows, errs)
}

// deliver calls the sink with a timeout; a panic in the sink fails the
// batch (to be retried) instead of the process.
func (r *Relay) deliver(ctx context.Context, sk sink.Sink, events []canonical.Event) (errs []error) {
	ctx, cancel := context.WithTimeout(ctx, r.cfg.timeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			err := fmt.Errorf("the sink panicked: %v", p)
			errs = make([]error, len(events))
			for i := range errs {
				errs[i] = err
			}
		}
	}()
	return sk.Deliver(ctx, events)
}

// claim leases up to a batch of due rows of one sink: their next_at moves
// past the lease and their attempt is counted, in one transaction.
func (r *Relay) claim(ctx context.Context, sinkName string) ([]claimed, error) {
	s := r.store
	now := time.Now()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("claiming: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, s.q(`SELECT o.event_id, e.event, o.attempts, o.created_at
		FROM lmshooks_outbox o JOIN lmshooks_events e ON e.id = o.event_id
		WHERE o.sink = ? AND o.state = 'due' AND o.next_at <= ?
		ORDER BY o.next_at, e.seq LIMIT ?`+s.dialect.SkipLocked), sinkName, micros(now), r.cfg.batch)
	if err != nil {
		return nil, fmt.Errorf("claiming: %w", err)
	}
	var out []claimed
	for rows.Next() {
		var c claimed
		var event string
		var created int64
		if err := rows.Scan(&c.eventID, &event, &c.attempts, &created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claiming: %w", err)
		}
		if err := json.Unmarshal([]byte(event), &c.event); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stored event %s is not an event: %w", c.eventID, err)
		}
		c.attempts++
		c.createdAt = fromMicros(created)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claiming: %w", err)
	}
	for _, c := range out {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE lmshooks_outbox SET next_at = ?, attempts = ?
			WHERE event_id = ? AND sink = ?`), micros(now.Add(r.cfg.lease)), c.attempts, c.eventID, sinkName); err != nil {
			return nil, fmt.Errorf("claiming: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("claiming: %w", err)
	}
	return out, nil
}

// mark records each row's outcome: delivered, due again after a backoff,
// or dead with its error.
func (r *Relay) mark(ctx context.Context, sinkName string, rows []claimed, errs []error) error {
	// Finish marking even when Run is being stopped: a row left leased is
	// delivered again after its lease.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), batchTimeout)
	defer cancel()
	s := r.store
	now := time.Now()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("marking: %w", err)
	}
	defer tx.Rollback()
	var delivered, retried, dead int64
	for i, row := range rows {
		var deliverErr error
		if errs != nil {
			deliverErr = errs[i]
		}
		var query string
		var args []any
		switch {
		case deliverErr == nil:
			delivered++
			query, args = `UPDATE lmshooks_outbox SET state = 'delivered', done_at = ?, last_error = NULL
				WHERE event_id = ? AND sink = ?`, []any{micros(now), row.eventID, sinkName}
		case errors.Is(deliverErr, sink.ErrRejected) || row.attempts >= r.cfg.maxAttempts ||
			(r.cfg.maxAge > 0 && now.Sub(row.createdAt) > r.cfg.maxAge):
			dead++
			query, args = `UPDATE lmshooks_outbox SET state = 'dead', done_at = ?, last_error = ?
				WHERE event_id = ? AND sink = ?`, []any{micros(now), deliverErr.Error(), row.eventID, sinkName}
		default:
			retried++
			query, args = `UPDATE lmshooks_outbox SET next_at = ?, last_error = ?
				WHERE event_id = ? AND sink = ?`, []any{micros(now.Add(r.backoff(row.attempts))), deliverErr.Error(), row.eventID, sinkName}
		}
		if _, err := tx.ExecContext(ctx, s.q(query), args...); err != nil {
			return fmt.Errorf("marking: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("marking: %w", err)
	}
	r.delivered.Add(delivered)
	r.retried.Add(retried)
	r.dead.Add(dead)
	if retried+dead > 0 {
		r.cfg.logger.Warn("relay", "sink", sinkName, "delivered", delivered, "retried", retried, "dead", dead)
	} else {
		r.cfg.logger.Debug("relay", "sink", sinkName, "delivered", delivered)
	}
	return nil
}

// backoff is the delay after a row's attempt-th failure: base doubled per
// attempt, capped, with equal jitter.
func (r *Relay) backoff(attempt int) time.Duration {
	d := r.cfg.baseBackoff
	for i := 1; i < attempt && d < r.cfg.maxBackoff; i++ {
		d *= 2
	}
	d = min(d, r.cfg.maxBackoff)
	if d <= 0 {
		return 0
	}
	return d/2 + rand.N(d/2+1)
}
