package toolzz

import (
	"reflect"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/timetest"
)

// TestRelocationReachesEveryTime checks that every event type lists every
// Time and DayFirstTime it holds (times.go).
func TestRelocationReachesEveryTime(t *testing.T) {
	all := []any{new(Unknown)}
	for _, entry := range events {
		all = append(all, entry.New())
	}
	timetest.Relocation(t, all, func(event any, loc *time.Location) { relocate(event.(Event), loc) },
		reflect.TypeFor[DayFirstTime]())
}
