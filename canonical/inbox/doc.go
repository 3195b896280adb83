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
// fsync (group commit): one writer goroutine takes every queued delivery,
// gives each a savepoint so that a failing one does not fail the others,
// and commits once.
//
// The schema is created on first open and migrated in place; a store whose
// schema a newer version wrote is refused with ErrSchemaTooNew and left
// unchanged.
package inbox
