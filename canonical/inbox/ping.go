package inbox

import "context"

// Ping checks that the store's database answers, for a readiness probe.
func (s *Store) Ping(ctx context.Context) error {
	return s.db.PingContext(ctx)
}
