package learnink_test

import (
	"bytes"
	"testing"

	"github.com/lmshooks/lmshooks/internal/eventtable/eventtabletest"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

// TestEventTypes: every EventType constant is in Events, every listed type
// parses its documented body (testdata/learnink) into an event of that
// EventType, and an unmodelled type gives an Unknown carrying it as sent.
func TestEventTypes(t *testing.T) {
	eventtabletest.Check(t, eventtabletest.Vendor[learnink.EventType, learnink.Event]{
		Dir: ".", TypeName: "EventType",
		Events:      learnink.Events(),
		Body:        learninkBody,
		Parse:       func(body []byte) (learnink.Event, error) { return learnink.Parse(body) },
		TypeOf:      learnink.Event.EventType,
		IsUnknown:   func(e learnink.Event) bool { _, ok := e.(*learnink.Unknown); return ok },
		UnknownBody: []byte(`{"object":"event","type":"user.course.paused","api_version":"2022-11-15","data":{}}`),
		UnknownName: "user.course.paused",
	})
}

// learninkBody returns the documented body of typ. LearnInk publishes no
// user.course.completed body; it shares the user.course.* data shape, so
// it is the user.course.started body under the other type.
func learninkBody(t *testing.T, typ learnink.EventType) []byte {
	t.Helper()
	if typ == learnink.EventUserCourseCompleted {
		started := learninkBody(t, learnink.EventUserCourseStarted)
		completed := bytes.Replace(started, []byte(`"user.course.started"`), []byte(`"user.course.completed"`), 1)
		if bytes.Equal(completed, started) {
			t.Fatal(`the user.course.started body no longer holds "user.course.started"`)
		}
		return completed
	}
	return documented(t, typ)
}

var documented = eventtabletest.Documented[learnink.EventType](func(name string) ([]byte, bool) {
	ex, ok := learninktest.Lookup(name)
	return ex.Body, ok
})
