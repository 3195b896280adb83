package wire

import "time"

// Relocate reads every Time of event that was sent without an offset as
// wall-clock time in loc instead of UTC (see Time.In), for the vendors'
// WithLocation options. times lists the times of a T: it calls its second
// argument with a pointer to each (nil for an absent optional one), which
// Relocate changes in place; an event that is not a T holds no times. Each
// vendor lists its event types' times in one hand-written method (the
// vendor's times.go, such as timed.eachTime), which a test checks by
// reflection against the fields (internal/timetest).
//
// A time with an offset, a zero time (absent or null) and a nil one are
// left alone, as is every time when loc is nil or UTC.
func Relocate[T any](loc *time.Location, event any, times func(T, func(*Time))) {
	if loc == nil || loc == time.UTC {
		return
	}
	e, ok := event.(T)
	if !ok {
		return
	}
	times(e, func(t *Time) {
		if t != nil && !t.IsZero() {
			t.Time = t.In(loc)
		}
	})
}
