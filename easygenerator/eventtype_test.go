package easygenerator_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/easygenerator/easygeneratortest"
	"github.com/lmshooks/lmshooks/internal/eventtable/eventtabletest"
)

// TestEventTypes: the EventType constant is in Events and the documented
// body (testdata/easygenerator) parses into an event of that EventType.
// Easygenerator's body names no event, so there is no Unknown to check.
func TestEventTypes(t *testing.T) {
	eventtabletest.Check(t, eventtabletest.Vendor[easygenerator.EventType, easygenerator.Event]{
		Dir: ".", TypeName: "EventType",
		Events: easygenerator.Events(),
		Body: eventtabletest.Documented[easygenerator.EventType](func(name string) ([]byte, bool) {
			ex, ok := easygeneratortest.Lookup(name)
			return ex.Body, ok
		}),
		Parse:     func(body []byte) (easygenerator.Event, error) { return easygenerator.Parse(body) },
		TypeOf:    easygenerator.Event.EventType,
		IsUnknown: func(easygenerator.Event) bool { return false },
	})
}
