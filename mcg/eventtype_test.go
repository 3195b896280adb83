package mcg_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/eventtable/eventtabletest"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/mcg/mcgtest"
)

// TestEventTypes: every EventType constant is in Events, every listed name
// parses its documented body (testdata/mcg) into an event of that
// EventType, and an unmodelled name gives an Unknown carrying it as sent.
func TestEventTypes(t *testing.T) {
	eventtabletest.Check(t, eventtabletest.Vendor[mcg.EventType, mcg.Event]{
		Dir: ".", TypeName: "EventType",
		Events: mcg.Events(),
		Body: eventtabletest.Documented[mcg.EventType](func(name string) ([]byte, bool) {
			ex, ok := mcgtest.Lookup(name)
			return ex.Body, ok
		}),
		Parse:       func(body []byte) (mcg.Event, error) { return mcg.Parse(body) },
		TypeOf:      mcg.Event.EventType,
		IsUnknown:   func(e mcg.Event) bool { _, ok := e.(*mcg.Unknown); return ok },
		UnknownBody: []byte(`{"EventType":"collection_paused","CourseCollectionId":"c1","Username":"u"}`),
		UnknownName: "collection_paused",
	})
}
