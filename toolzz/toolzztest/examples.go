package toolzztest

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/toolzz"
)

// Example is one documented Toolzz webhook body.
type Example struct {
	// Name is what Lookup finds the example by: its slug, except
	// "members.updated.user-update" (the second members.updated example).
	Name string
	// EventName is the body's event.slug, as toolzz's EventName gives it.
	EventName string
	// File is the body's file name in testdata/toolzz.
	File string
	// Body is the body, byte for byte; each call of Examples or Lookup
	// returns a fresh copy, so changing it affects nothing else.
	Body []byte
	// ContentType is "application/json".
	ContentType string
	// Partial marks a body whose end the page's only copy lost (see the
	// package documentation).
	Partial bool
}

// Examples returns every documented body, sorted by Name.
func Examples() []Example { return fixtures.All(documented, fromBody) }

// Lookup returns the example named name, or the one whose File is name,
// with or without ".json".
func Lookup(name string) (Example, bool) { return fixtures.FindAs(documented, name, fromBody) }

// Event parses the body with toolzz.Parse: the typed value a handler would
// get. Every example, partial ones included, parses to its documented event
// type, never to *toolzz.Unknown.
func (ex Example) Event() (toolzz.Event, error) { return toolzz.Parse(ex.Body) }

// NewRequest returns the request Toolzz sends to url for ex: a POST of
// ex.Body with Content-Type ex.ContentType. It is a client request, for
// http.Client.Do, and also serves a handler directly. Like
// httptest.NewRequest it panics when url does not parse.
func NewRequest(url string, ex Example) *http.Request {
	return fixtures.NewRequest(url, ex.ContentType, ex.Body)
}

func fromBody(b fixtures.Body) Example {
	return Example{Name: b.Name, EventName: b.EventName, File: b.File, Body: []byte(b.Text), ContentType: b.ContentType, Partial: b.Partial}
}
