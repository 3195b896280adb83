package wire

import "time"

// Times lists the times of a decoded event: it calls yield with a pointer to
// every Time the event holds (nil for an absent optional one), so that the
// caller may change them in place. Each vendor's event types list their own
// times in one hand-written method (the vendor's times.go), which a test
// checks by reflection against the fields.
type Times func(yield func(*Time))

// Relocate reads every Time that times lists, and that was sent without an
// offset, as wall-clock time in loc instead of UTC (see Time.In). A time
// with an offset, a zero time (absent or null) and a nil one are left
// alone, as is every time when loc is nil or UTC.
func Relocate(loc *time.Location, times Times) {
	if loc == nil || loc == time.UTC {
		return
	}
	times(func(t *Time) {
		if t != nil && !t.IsZero() {
			t.Time = t.In(loc)
		}
	})
}
