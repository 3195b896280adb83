package inbox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrClosed is returned by a Save on a Store that is closed or closing.
var ErrClosed = errors.New("inbox: the store is closed")

// Store keeps canonical events and their raw deliveries in a SQL database.
// It is safe for concurrent use. Open one with the sqlite or postgres
// subpackage, or with Open for a *sql.DB of your own.
type Store struct {
	db      *sql.DB
	dialect *Dialect
	cfg     config
	stmts   statements

	queue   chan *saveRequest
	closing chan struct{} // closed by Close: stops pruning
	done    sync.WaitGroup

	closeMu sync.RWMutex // held by enqueue (read) and Close (write)
	closed  bool

	closeOnce sync.Once
	closeErr  error
}

// Open migrates db's schema (see ErrSchemaTooNew) and returns a Store that
// writes through one writer goroutine and prunes in the background. The
// Store owns db: Close closes it.
func Open(ctx context.Context, db *sql.DB, dialect Dialect, opts ...Option) (*Store, error) {
	if err := migrate(ctx, db, &dialect); err != nil {
		return nil, fmt.Errorf("inbox: opening the %s store: %w", dialect.Name, err)
	}
	stmts, err := prepare(ctx, db, &dialect)
	if err != nil {
		return nil, fmt.Errorf("inbox: preparing statements on the %s store: %w", dialect.Name, err)
	}
	cfg := newConfig(opts)
	s := &Store{
		stmts:   stmts,
		db:      db,
		dialect: &dialect,
		cfg:     cfg,
		queue:   make(chan *saveRequest, cfg.queue),
		closing: make(chan struct{}),
	}
	s.done.Add(1)
	go s.write()
	if cfg.pruneInterval > 0 && cfg.retention > 0 {
		s.done.Add(1)
		go s.pruneEvery(cfg.pruneInterval)
	}
	return s, nil
}

// Close stops the writer once every queued delivery is committed, stops
// pruning and closes the database.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.closeMu.Lock()
		s.closed = true
		close(s.queue) // the writer drains what is queued, then stops
		s.closeMu.Unlock()
		close(s.closing)
		s.done.Wait()
		s.closeErr = s.db.Close()
	})
	return s.closeErr
}

// pruneEvery prunes at each interval until the Store closes, logging
// failures (the next round tries again).
func (s *Store) pruneEvery(interval time.Duration) {
	defer s.done.Done()
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-ticker.C:
			if _, err := s.Prune(context.Background()); err != nil {
				s.cfg.logger.Error("inbox: pruning", "error", err)
			}
		}
	}
}

// q rewrites a query's parameters for the dialect.
func (s *Store) q(query string) string { return s.dialect.rebind(query) }

// micros is the stored form of a time.
func micros(t time.Time) int64 { return t.UnixMicro() }

// fromMicros reads a stored time, in UTC.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }
