package mcg

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/timetest"
	"github.com/lmshooks/lmshooks/internal/wire"
)

// TestRelocationReachesEveryTime checks that every event type lists every
// Time it holds (times.go), including those in CourseFinish's map.
func TestRelocationReachesEveryTime(t *testing.T) {
	all := []any{new(Unknown)}
	for _, entry := range events {
		all = append(all, entry.New())
	}
	timetest.Relocation(t, all, relocate)
}

// TestParseWithLocationLeavesAbsentTimesAbsent: an answer without
// answeredAt stays without it, and encodes back as sent (it used to become
// 0001-01-01 in the location).
func TestParseWithLocationLeavesAbsentTimesAbsent(t *testing.T) {
	saoPaulo := time.FixedZone("LMT", -(3*60*60 + 6*60 + 28))
	body := `{"Type":"course_finish","uniqueId":"u","courseCode":"c","cards":{"1":{"cardId":1,"answeredAt":null}}}`
	event, err := Parse([]byte(body), WithLocation(saoPaulo))
	if err != nil {
		t.Fatal(err)
	}
	card := event.(*CourseFinish).Cards["1"]
	if !card.AnsweredAt.IsZero() {
		t.Errorf("answeredAt null was read as %v", card.AnsweredAt.Time)
	}
	encoded, err := json.Marshal(card.AnsweredAt)
	if err != nil || string(encoded) != "null" {
		t.Errorf("answeredAt encodes as %s (%v), want null", encoded, err)
	}
}

// relocate is what Parse does with WithLocation.
func relocate(event any, loc *time.Location) { wire.Relocate(loc, event, timed.eachTime) }
