// Package inbox stores canonical events durably, with the raw deliveries
// they came from, so that a webhook is acknowledged only once it is on disk
// and a delivery sent again is recognised after a restart.
//
// A Store runs over database/sql and imports no driver: the sqlite
// subpackage opens one on a SQLite file (pure Go, the embedded default) and
// the postgres subpackage on PostgreSQL (for several receivers sharing one
// store). Importing the parsers or canonical compiles neither.
//
// Save is the callback of canonical.DeliveryHandler and VendorHandler:
//
//	store, err := sqlite.Open("lmshooks.db")
//	...
//	http.Handle("/webhooks", canonical.DeliveryHandler(func(ctx context.Context, d *canonical.Delivery) error {
//		_, err := store.Save(ctx, d)
//		return err // an error answers 500, so the vendor retries
//	}))
//
// Each delivery is one transaction: its raw body, Content-Type and
// identifying headers, and its events commit together, and the events' ids
// are unique keys (INSERT … ON CONFLICT DO NOTHING), so a delivery whose
// events are all stored already stores nothing and succeeds: that is the
// de-duplication of record, and it holds for the retention age (default 30
// days, WithRetention). Concurrent Saves share one transaction and one
// fsync (group commit): one writer goroutine takes every queued delivery
// and commits them at once; when one of them fails, the batch is run again
// with a savepoint around each, so that it does not fail the others.
//
// The schema is created on first open and migrated in place; a store whose
// schema a newer version wrote is refused with ErrSchemaTooNew and left
// unchanged. Events, Get and Deliveries read what is stored (oldest first);
// Rederive parses stored deliveries again with the current library.
//
// Onward delivery is an outbox: with WithSinks, every new event gets a row
// per sink in the transaction that stores it, and a Relay (NewRelay, Run)
// delivers due rows to their sink.Sink, retrying with exponential backoff
// and jitter, until they are delivered or dead with their last error
// (DeadRows, Redrive, Replay). The vendor's 2xx never waits for a sink.
//
// Dedup is a canonical.DedupStore on the same database, with leases, for
// code that keeps its own per-event callback.
package inbox
