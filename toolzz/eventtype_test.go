package toolzz_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/eventtable/eventtabletest"
	"github.com/lmshooks/lmshooks/toolzz"
	"github.com/lmshooks/lmshooks/toolzz/toolzztest"
)

// TestEventTypes: every EventType constant is in Events, every listed slug
// parses its documented body (testdata/toolzz, partial ones included) into
// an event of that EventType, and an unmodelled slug gives an Unknown
// carrying it as sent.
func TestEventTypes(t *testing.T) {
	eventtabletest.Check(t, eventtabletest.Vendor[toolzz.EventType, toolzz.Event]{
		Dir: ".", TypeName: "EventType",
		Events: toolzz.Events(),
		Body: eventtabletest.Documented[toolzz.EventType](func(name string) ([]byte, bool) {
			ex, ok := toolzztest.Lookup(name)
			return ex.Body, ok
		}),
		Parse:       func(body []byte) (toolzz.Event, error) { return toolzz.Parse(body) },
		TypeOf:      toolzz.Event.EventType,
		IsUnknown:   func(e toolzz.Event) bool { _, ok := e.(*toolzz.Unknown); return ok },
		UnknownBody: []byte(`{"event":{"name":"Membros - Desativado","slug":"members.disabled","send_at":"2024-05-02 10:00:00"},"data":{}}`),
		UnknownName: "members.disabled",
	})
}
