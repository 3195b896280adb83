package mcgtest

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/mcg"
)

// Example is one documented MCG webhook body.
type Example struct {
	// Name is what Lookup finds the example by: its event name, such as
	// "course_finish".
	Name string
	// EventName is the body's Type or EventType, as mcg's EventName gives it
	// (the same as Name).
	EventName string
	// File is the body's file name in testdata/mcg.
	File string
	// Body is the body, byte for byte; each call of Examples or Lookup
	// returns a fresh copy, so changing it affects nothing else.
	Body []byte
	// ContentType is "application/json".
	ContentType string
}

// Examples returns every documented body, sorted by Name.
func Examples() []Example { return fixtures.All(documented, fromBody) }

// Lookup returns the example named name, or the one whose File is name,
// with or without ".json".
func Lookup(name string) (Example, bool) { return fixtures.FindAs(documented, name, fromBody) }

// Event parses the body with mcg.Parse: the typed value a handler would get.
func (ex Example) Event() (mcg.Event, error) { return mcg.Parse(ex.Body) }

// NewRequest returns the request MCG sends to url for ex: a POST of ex.Body
// with Content-Type ex.ContentType. It is a client request, for
// http.Client.Do, and also serves a handler directly. Like
// httptest.NewRequest it panics when url does not parse.
func NewRequest(url string, ex Example) *http.Request {
	return fixtures.NewRequest(url, ex.ContentType, ex.Body)
}

func fromBody(b fixtures.Body) Example {
	return Example{Name: b.Name, EventName: b.EventName, File: b.File, Body: []byte(b.Text), ContentType: b.ContentType}
}
