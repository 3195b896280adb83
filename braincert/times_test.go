package braincert

import (
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/timetest"
	"github.com/lmshooks/lmshooks/internal/wire"
)

// TestRelocationReachesEveryTime checks that every topic lists every Time
// it holds (times.go).
func TestRelocationReachesEveryTime(t *testing.T) {
	all := []any{new(Unknown)}
	for _, entry := range topicTable {
		all = append(all, entry.newEvent())
	}
	timetest.Relocation(t, all, relocate)
}

// relocate is what Parse does with WithLocation.
func relocate(event any, loc *time.Location) { wire.Relocate(loc, event, timed.eachTime) }
