package toolzz

import (
	"reflect"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/timetest"
	"github.com/lmshooks/lmshooks/internal/wire"
)

// TestRelocationReachesEveryTime checks that every event type lists every
// Time and DayFirstTime it holds (times.go).
func TestRelocationReachesEveryTime(t *testing.T) {
	all := []any{new(Unknown)}
	for _, entry := range events {
		all = append(all, entry.New())
	}
	timetest.Relocation(t, all, relocate,
		reflect.TypeFor[DayFirstTime]())
}

// relocate is what Parse does with WithLocation.
func relocate(event any, loc *time.Location) { wire.Relocate(loc, event, timed.eachTime) }
