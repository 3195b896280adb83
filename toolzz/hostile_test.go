package toolzz_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/toolzz"
)

// hostileTarget is the Toolzz handler, with a course completion as the good
// body.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := toolzz.Handler(hostile.Record[toolzz.Event](&deliveries), toolzz.WithLogger(log.Logger()))
	return hostile.Target{
		Handler:    h,
		Body:       golden.Read(t, fixtures+"/activities.course.completed.json"),
		Request:    hostile.PostJSON("/webhooks/toolzz"),
		Deliveries: &deliveries,
		Log:        &log,
		Required:   []string{"event", "event.slug", "event.send_at", "data", "data.user", "data.user.id", "data.course.id"},
		TextNumbers: []string{"data.institution.id", "data.course.id", "data.enrollment.id",
			"data.enrollment.course_id", "data.user.id"},
	}
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t)) }

func TestHostileRequestsConcurrently(t *testing.T) { hostile.Concurrent(t, hostileTarget(t)) }

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }

func TestBusyUnderInflightLimit(t *testing.T) { hostile.Busy(t, hostileTarget(t)) }
