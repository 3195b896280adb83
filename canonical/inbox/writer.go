package inbox

import (
	"context"
	"database/sql"
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
// drained.
func (s *Store) write() {
	defer s.done.Done()
	for first := range s.queue {
		batch := []*saveRequest{first}
	fill:
		for len(batch) < s.cfg.maxBatch {
			select {
			case req, ok := <-s.queue:
				if !ok {
					break fill
				}
				batch = append(batch, req)
			default:
				break fill
			}
		}
		s.commit(batch)
	}
}

// commit stores a batch in one transaction, each delivery behind its own
// savepoint so that one that fails is rolled back alone; the others wait
// for the commit. A failed BEGIN or COMMIT fails them all.
func (s *Store) commit(batch []*saveRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		for _, req := range batch {
			req.finish(Result{}, fmt.Errorf("inbox: beginning a transaction: %w", err))
		}
		return
	}
	results := make([]Result, len(batch))
	errs := make([]error, len(batch))
	for i, req := range batch {
		if err := req.ctx.Err(); err != nil {
			errs[i] = err // the caller is gone: nobody waits for this answer
			continue
		}
		results[i], errs[i] = s.saveWithRetry(ctx, tx, req)
	}
	if err := tx.Commit(); err != nil {
		err = fmt.Errorf("inbox: committing: %w", err)
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
	}
	for i, req := range batch {
		if errs[i] != nil {
			results[i] = Result{}
		}
		req.finish(results[i], errs[i])
	}
}

// saveWithRetry is saveOne, tried again when the dialect says its failure
// is retryable.
func (s *Store) saveWithRetry(ctx context.Context, tx *sql.Tx, req *saveRequest) (Result, error) {
	var err error
	for range maxAttempts {
		var result Result
		result, err = s.saveOne(ctx, tx, req)
		if err == nil || !s.dialect.retryable(err) {
			return result, err
		}
	}
	return Result{}, err
}

// saveOne stores one delivery behind a savepoint: rolled back to it when a
// statement fails, or when every event was a duplicate (so nothing new is
// kept).
func (s *Store) saveOne(ctx context.Context, tx *sql.Tx, req *saveRequest) (result Result, err error) {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT delivery"); err != nil {
		return Result{}, fmt.Errorf("inbox: savepoint: %w", err)
	}
	result, err = s.insertDelivery(ctx, tx, req)
	undo := err != nil || (len(result.New) == 0 && len(req.events) > 0 && req.storedDelivery == 0)
	if undo {
		if _, rbErr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT delivery"); rbErr != nil && err == nil {
			err = fmt.Errorf("inbox: rolling back a duplicate delivery: %w", rbErr)
		}
		result.DeliveryID = req.storedDelivery
	}
	if _, relErr := tx.ExecContext(ctx, "RELEASE SAVEPOINT delivery"); relErr != nil && err == nil {
		err = fmt.Errorf("inbox: releasing a savepoint: %w", relErr)
	}
	if err != nil {
		return Result{}, err
	}
	return result, nil
}

// insertDelivery inserts the raw delivery and each event with ON CONFLICT
// DO NOTHING: an event whose id is stored already inserts no row.
func (s *Store) insertDelivery(ctx context.Context, tx *sql.Tx, req *saveRequest) (Result, error) {
	d := req.delivery
	body := d.Body
	if body == nil {
		body = []byte{}
	}
	result := Result{DeliveryID: req.storedDelivery}
	if result.DeliveryID != 0 {
		return s.insertEvents(ctx, tx, req, result)
	}
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO lmshooks_deliveries (vendor, received_at, content_type, header, body)
		VALUES (?, ?, ?, ?, ?) RETURNING id`),
		string(d.Vendor), micros(d.ReceivedAt), d.ContentType, req.header, body).Scan(&result.DeliveryID)
	if err != nil {
		return Result{}, fmt.Errorf("inbox: storing the delivery: %w", err)
	}
	return s.insertEvents(ctx, tx, req, result)
}

// insertEvents inserts the events of req, attached to result.DeliveryID,
// and sorts them into result's New and Duplicates.
func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, req *saveRequest, result Result) (Result, error) {
	d := req.delivery
	for i, e := range d.Events {
		fresh, err := s.insertEvent(ctx, tx, result.DeliveryID, d.ReceivedAt, &e, req.events[i])
		if err != nil {
			return Result{}, err
		}
		if fresh {
			result.New = append(result.New, e)
		} else {
			result.Duplicates = append(result.Duplicates, e)
		}
	}
	return result, nil
}

// insertEvent inserts one event of a stored delivery and reports whether it
// was new (false: its id was stored already).
func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, deliveryID int64, receivedAt time.Time, e *canonical.Event, encoded string) (bool, error) {
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO lmshooks_events (id, delivery_id, vendor, type, received_at, event)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
		e.ID, deliveryID, string(e.Vendor), string(e.Type), micros(receivedAt), encoded)
	if err != nil {
		return false, fmt.Errorf("inbox: storing event %s: %w", e.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("inbox: storing event %s: %w", e.ID, err)
	}
	return n == 1, nil
}
