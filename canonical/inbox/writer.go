package inbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
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
// is, two statements per delivery; if that fails it rolls back, and tries
// again (a deadlock with another store, which the rollback resolved) or
// runs the batch with a savepoint around each delivery, so that only the
// failing one fails and the others wait for the commit. A failed BEGIN or
// COMMIT fails them all.
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
	var results []Result
	var errs []error
	for attempt := 1; ; attempt++ {
		var err error
		results, errs, err = s.runBatch(ctx, live, false)
		if err == nil {
			break
		}
		if !s.dialect.retryable(err) || attempt == maxAttempts {
			results, errs, _ = s.runBatch(ctx, live, true)
			break
		}
	}
	for i, req := range live {
		req.finish(results[i], errs[i])
	}
}

// runBatch runs one transaction over batch, with a savepoint per delivery
// when isolate is set. Without it, a failing statement rolls the
// transaction back and runBatch returns its error (and no results).
func (s *Store) runBatch(ctx context.Context, batch []*saveRequest, isolate bool) (results []Result, errs []error, failed error) {
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
		return results, errs, nil
	}
	refused, err := s.admit(ctx, tx, batch)
	if err != nil {
		tx.Rollback()
		failAll(err)
		return results, errs, nil
	}
	copy(errs, refused)
	delta, err := s.saveAdmitted(ctx, tx, batch, isolate, results, errs)
	if err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	if err := s.addUsage(ctx, tx.Tx, delta); err != nil {
		tx.Rollback()
		if !isolate {
			return nil, nil, err
		}
		failAll(err)
		return results, errs, nil
	}
	if s.dialect.Healthy != nil {
		if err := s.dialect.Healthy(); err != nil {
			tx.Rollback()
			failAll(fmt.Errorf("inbox: not committing: %w", err))
			return results, errs, nil
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
	return results, errs, nil
}

// saveAdmitted stores the deliveries of batch whose errs is nil (admit let
// them in), setting their results and errs, and returns the bytes they
// stored. With isolate each runs behind a savepoint; without, the first
// failing statement fails them all and is returned.
func (s *Store) saveAdmitted(ctx context.Context, tx *batchTx, batch []*saveRequest, isolate bool, results []Result, errs []error) (int64, error) {
	var admitted []int // the indexes in batch of the deliveries that fit
	for i := range batch {
		if errs[i] == nil {
			admitted = append(admitted, i)
		}
	}
	var delta int64
	if isolate {
		for _, i := range admitted {
			var added int64
			if results[i], added, errs[i] = s.saveIsolated(ctx, tx, batch[i]); errs[i] == nil {
				delta += added
			}
		}
		return delta, nil
	}
	fit := make([]*saveRequest, len(admitted))
	for k, i := range admitted {
		fit[k] = batch[i]
	}
	stored, added, err := s.saveAll(ctx, tx, fit)
	if err != nil {
		return 0, err
	}
	for k, i := range admitted {
		results[i] = stored[k]
		delta += added[k]
	}
	return delta, nil
}

// saveIsolated is saveAll of one delivery behind a savepoint, rolled back
// to when it fails, and tried again when the dialect says the failure is
// retryable.
func (s *Store) saveIsolated(ctx context.Context, tx *batchTx, req *saveRequest) (Result, int64, error) {
	for attempt := 1; ; attempt++ {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT delivery"); err != nil {
			return Result{}, 0, fmt.Errorf("inbox: savepoint: %w", err)
		}
		results, added, err := s.saveAll(ctx, tx, []*saveRequest{req})
		if err != nil {
			if _, rbErr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT delivery"); rbErr != nil {
				return Result{}, 0, errors.Join(err, fmt.Errorf("inbox: rolling back to a savepoint: %w", rbErr))
			}
		}
		if _, relErr := tx.ExecContext(ctx, "RELEASE SAVEPOINT delivery"); relErr != nil && err == nil {
			err = fmt.Errorf("inbox: releasing a savepoint: %w", relErr)
		}
		if err == nil {
			return results[0], added[0], nil
		}
		if !s.dialect.retryable(err) || attempt == maxAttempts {
			return Result{}, 0, err
		}
	}
}

// saveAll stores the deliveries of batch and their new events. The events
// of the whole batch are inserted in ascending id order, so that two stores
// writing the same events at once take the ids' locks in one order and
// cannot deadlock; an id twice in one batch is new for its first delivery.
// A delivery whose events were all stored already has its row deleted
// again, so that a duplicate delivery keeps nothing. It also returns the
// bytes each delivery stored, as WithMaxBytes counts them.
func (s *Store) saveAll(ctx context.Context, tx *batchTx, batch []*saveRequest) ([]Result, []int64, error) {
	type pending struct{ req, event int }
	var order []pending
	results := make([]Result, len(batch))
	added := make([]int64, len(batch))
	fresh := make([][]bool, len(batch))
	for i, req := range batch {
		results[i].DeliveryID = req.storedDelivery
		if req.storedDelivery == 0 {
			id, err := s.insertDelivery(ctx, tx, req)
			if err != nil {
				return nil, nil, err
			}
			results[i].DeliveryID = id
			added[i] = req.deliveryBytes()
		}
		fresh[i] = make([]bool, len(req.delivery.Events))
		for j := range req.delivery.Events {
			order = append(order, pending{i, j})
		}
	}
	slices.SortStableFunc(order, func(a, b pending) int {
		return strings.Compare(batch[a.req].delivery.Events[a.event].ID, batch[b.req].delivery.Events[b.event].ID)
	})
	for _, p := range order {
		req := batch[p.req]
		e := &req.delivery.Events[p.event]
		ok, err := s.insertEvent(ctx, tx, results[p.req].DeliveryID, req.delivery.ReceivedAt, e, req.events[p.event])
		if err != nil {
			return nil, nil, err
		}
		if ok {
			added[p.req] += int64(len(req.events[p.event]))
			if err := s.enqueueOutbox(ctx, tx, e.ID); err != nil {
				return nil, nil, err
			}
		}
		fresh[p.req][p.event] = ok
	}
	for i, req := range batch {
		for j, e := range req.delivery.Events { // in the delivery's order
			if fresh[i][j] {
				results[i].New = append(results[i].New, e)
			} else {
				results[i].Duplicates = append(results[i].Duplicates, e)
			}
		}
		if len(results[i].New) == 0 && len(req.events) > 0 && req.storedDelivery == 0 {
			if _, err := tx.deleteDelivery.ExecContext(ctx, results[i].DeliveryID); err != nil {
				return nil, nil, fmt.Errorf("inbox: dropping a duplicate delivery: %w", err)
			}
			results[i].DeliveryID, added[i] = 0, 0
		}
	}
	return results, added, nil
}

// insertDelivery inserts the raw delivery and returns its id.
func (s *Store) insertDelivery(ctx context.Context, tx *batchTx, req *saveRequest) (int64, error) {
	d := req.delivery
	body := d.Body
	if body == nil {
		body = []byte{} // never NULL
	}
	var id int64
	err := tx.insertDelivery.QueryRowContext(ctx, string(d.Vendor), micros(d.ReceivedAt),
		append([]byte{}, d.ContentType...), req.header, body).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("inbox: storing the delivery: %w", err)
	}
	return id, nil
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
