package braincert

import (
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/timetest"
)

// TestRelocationReachesEveryTime checks that every topic lists every Time
// it holds (times.go).
func TestRelocationReachesEveryTime(t *testing.T) {
	all := []any{new(Unknown)}
	for _, entry := range topicTable {
		all = append(all, entry.newEvent())
	}
	timetest.Relocation(t, all, func(event any, loc *time.Location) { relocate(event.(Event), loc) })
}
