package canonical

import "time"

// SetClock replaces a MemoryStore's clock, for tests.
func SetClock(s *MemoryStore, now func() time.Time) { s.now = now }
