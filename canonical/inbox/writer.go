package inbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
)

// batchTimeout bounds one batch's transaction, so that a database that
// stopped answering fails the waiting Saves instead of holding them.
const batchTimeout = 30 * time.Second

// maxAttempts is how often a delivery's statements are tried when the
// dialect says the failure is retryable (a deadlock).
const maxAttempts = 3

// enqueue hands req to the writer, waiting for room in the queue.
func (s *Store) enqueue(ctx context.Context, req *saveRequest) error {
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	select {
	case s.queue <- req:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// write is the one writer: it takes every queued delivery (up to the batch
// size) and commits them in one transaction, until the queue is closed and
// drained. When the last batch had company (deliveries are arriving
// concurrently), it waits up to the gather delay for more before it
// commits: a commit's cost is mostly per transaction (the pages written to
// the log, the fsync), so bigger batches store more per second.
func (s *Store) write() {
	defer s.done.Done()
	concurrent := false
	for first := range s.queue {
		batch := s.fill([]*saveRequest{first}, concurrent)
		concurrent = len(batch) > 1
		s.commit(batch)
	}
}

// fill adds queued deliveries to batch, waiting up to the gather delay for
// them when wait is set.
func (s *Store) fill(batch []*saveRequest, wait bool) []*saveRequest {
	var deadline <-chan time.Time
	if wait && s.cfg.gatherDelay > 0 {
		timer := time.NewTimer(s.cfg.gatherDelay)
		defer timer.Stop()
		deadline = timer.C
	}
	for len(batch) < s.cfg.maxBatch {
		select {
		case req, ok := <-s.queue:
			if !ok {
				return batch
			}
			batch = append(batch, req)
			continue
		default:
		}
		if deadline == nil {
			return batch
		}
		select {
		case req, ok := <-s.queue:
			if !ok {
				return batch
			}
			batch = append(batch, req)
		case <-deadline:
			return batch
		}
	}
	return batch
}

// commit stores a batch in one transaction. It first runs the batch as it
// is, two statements per delivery; if one delivery fails it rolls back and
// runs the batch again with a savepoint around each delivery, so that only
// the failing one fails and the others wait for the commit. A failed
// BEGIN or COMMIT fails them all.
func (s *Store) commit(batch []*saveRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	live := batch[:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.finish(Result{}, err) // the caller is gone: store nothing for it
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	results, errs, retry := s.runBatch(ctx, live, false)
	if retry {
		results, errs, _ = s.runBatch(ctx, live, true)
	}
	for i, req := range live {
		req.finish(results[i], errs[i])
	}
}

// runBatch runs one transaction over batch, with a savepoint per delivery
// when isolate is set. Without it, the first failing delivery rolls the
// transaction back and runBatch returns retry.
func (s *Store) runBatch(ctx context.Context, batch []*saveRequest, isolate bool) (results []Result, errs []error, retry bool) {
	results, errs = make([]Result, len(batch)), make([]error, len(batch))
	failAll := func(err error) {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
	}
	tx, err := s.begin(ctx)
	if err != nil {
		failAll(fmt.Errorf("inbox: beginning a transaction: %w", err))
		return results, errs, false
	}
	for i, req := range batch {
		if isolate {
			results[i], errs[i] = s.saveIsolated(ctx, tx, req)
			continue
		}
		if results[i], errs[i] = s.saveDirect(ctx, tx, req); errs[i] != nil {
			tx.Rollback()
			return nil, nil, true
		}
	}
	if s.dialect.Healthy != nil {
		if err := s.dialect.Healthy(); err != nil {
			tx.Rollback()
			failAll(fmt.Errorf("inbox: not committing: %w", err))
			return results, errs, false
		}
	}
	if err := tx.Commit(); err != nil {
		failAll(fmt.Errorf("inbox: committing: %w", err))
	}
	for i := range errs {
		if errs[i] != nil {
			results[i] = Result{}
		}
	}
	return results, errs, false
}

// saveIsolated is saveDirect behind a savepoint, rolled back to when it
// fails, and tried again when the dialect says the failure is retryable.
func (s *Store) saveIsolated(ctx context.Context, tx *batchTx, req *saveRequest) (Result, error) {
	for attempt := 1; ; attempt++ {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT delivery"); err != nil {
			return Result{}, fmt.Errorf("inbox: savepoint: %w", err)
		}
		result, err := s.saveDirect(ctx, tx, req)
		if err != nil {
			if _, rbErr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT delivery"); rbErr != nil {
				return Result{}, errors.Join(err, fmt.Errorf("inbox: rolling back to a savepoint: %w", rbErr))
			}
		}
		if _, relErr := tx.ExecContext(ctx, "RELEASE SAVEPOINT delivery"); relErr != nil && err == nil {
			err = fmt.Errorf("inbox: releasing a savepoint: %w", relErr)
		}
		if err == nil || !s.dialect.retryable(err) || attempt == maxAttempts {
			return result, err
		}
	}
}

// saveDirect stores one delivery and its new events; when every event was
// stored already it deletes the delivery row again, so that a duplicate
// delivery keeps nothing.
func (s *Store) saveDirect(ctx context.Context, tx *batchTx, req *saveRequest) (Result, error) {
	result, err := s.insertDelivery(ctx, tx, req)
	if err != nil {
		return Result{}, err
	}
	if len(result.New) == 0 && len(req.events) > 0 && req.storedDelivery == 0 {
		if _, err := tx.deleteDelivery.ExecContext(ctx, result.DeliveryID); err != nil {
			return Result{}, fmt.Errorf("inbox: dropping a duplicate delivery: %w", err)
		}
		result.DeliveryID = 0
	}
	return result, nil
}

// insertDelivery inserts the raw delivery and each event with ON CONFLICT
// DO NOTHING: an event whose id is stored already inserts no row.
func (s *Store) insertDelivery(ctx context.Context, tx *batchTx, req *saveRequest) (Result, error) {
	d := req.delivery
	body := d.Body
	if body == nil {
		body = []byte{}
	}
	result := Result{DeliveryID: req.storedDelivery}
	if result.DeliveryID != 0 {
		return s.insertEvents(ctx, tx, req, result)
	}
	err := tx.insertDelivery.QueryRowContext(ctx, string(d.Vendor), micros(d.ReceivedAt), append([]byte{}, d.ContentType...), req.header, body).Scan(&result.DeliveryID)
	if err != nil {
		return Result{}, fmt.Errorf("inbox: storing the delivery: %w", err)
	}
	return s.insertEvents(ctx, tx, req, result)
}

// insertEvents inserts the events of req, attached to result.DeliveryID,
// and sorts them into result's New and Duplicates.
func (s *Store) insertEvents(ctx context.Context, tx *batchTx, req *saveRequest, result Result) (Result, error) {
	d := req.delivery
	for i, e := range d.Events {
		fresh, err := s.insertEvent(ctx, tx, result.DeliveryID, d.ReceivedAt, &e, req.events[i])
		if err != nil {
			return Result{}, err
		}
		if fresh {
			if err := s.enqueueOutbox(ctx, tx, e.ID); err != nil {
				return Result{}, err
			}
			result.New = append(result.New, e)
		} else {
			result.Duplicates = append(result.Duplicates, e)
		}
	}
	return result, nil
}

// insertEvent inserts one event of a stored delivery and reports whether it
// was new (false: its id was stored already).
func (s *Store) insertEvent(ctx context.Context, tx *batchTx, deliveryID int64, receivedAt time.Time, e *canonical.Event, encoded string) (bool, error) {
	res, err := tx.insertEvent.ExecContext(ctx, e.ID, deliveryID, string(e.Vendor), string(e.Type), micros(receivedAt), encoded)
	if err != nil {
		return false, fmt.Errorf("inbox: storing event %s: %w", e.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("inbox: storing event %s: %w", e.ID, err)
	}
	return n == 1, nil
}

// statements are the writer's queries, prepared once on the database and
// so once per connection (parsing them took a quarter of SQLite's time).
type statements struct {
	insertDelivery, insertEvent, deleteDelivery, insertOutbox *sql.Stmt
}

func prepare(ctx context.Context, db *sql.DB, d *Dialect) (statements, error) {
	var st statements
	var err error
	st.insertDelivery, err = db.PrepareContext(ctx, d.rebind(`INSERT INTO lmshooks_deliveries
		(vendor, received_at, content_type, header, body) VALUES (?, ?, ?, ?, ?) RETURNING id`))
	if err != nil {
		return st, err
	}
	st.insertEvent, err = db.PrepareContext(ctx, d.rebind(`INSERT INTO lmshooks_events
		(id, delivery_id, vendor, type, received_at, event) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`))
	if err != nil {
		return st, err
	}
	st.deleteDelivery, err = db.PrepareContext(ctx, d.rebind(`DELETE FROM lmshooks_deliveries WHERE id = ?`))
	if err != nil {
		return st, err
	}
	st.insertOutbox, err = db.PrepareContext(ctx, d.rebind(`INSERT INTO lmshooks_outbox
		(event_id, sink, state, attempts, created_at, next_at) VALUES (?, ?, 'due', 0, ?, ?) ON CONFLICT DO NOTHING`))
	return st, err
}

// batchTx is a batch's transaction with the writer's statements bound to it.
type batchTx struct {
	*sql.Tx
	insertDelivery, insertEvent, deleteDelivery, insertOutbox *sql.Stmt
}

func (s *Store) begin(ctx context.Context) (*batchTx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &batchTx{
		Tx:             tx,
		insertDelivery: tx.StmtContext(ctx, s.stmts.insertDelivery),
		insertEvent:    tx.StmtContext(ctx, s.stmts.insertEvent),
		deleteDelivery: tx.StmtContext(ctx, s.stmts.deleteDelivery),
		insertOutbox:   tx.StmtContext(ctx, s.stmts.insertOutbox),
	}, nil
}
