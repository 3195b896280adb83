package easygeneratortest

import (
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/fixtures"
)

// Example is one documented Easygenerator webhook body.
type Example struct {
	// Name is what Lookup finds the example by: "course_finished".
	Name string
	// EventName is easygenerator's name for the body's event (the same as
	// Name).
	EventName string
	// File is the body's file name in testdata/easygenerator.
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

// Event parses the body with easygenerator.Parse: the typed value a handler
// would get.
func (ex Example) Event() (easygenerator.Event, error) { return easygenerator.Parse(ex.Body) }

func fromBody(b fixtures.Body) Example {
	return Example{Name: b.Name, EventName: b.EventName, File: b.File, Body: []byte(b.Text), ContentType: b.ContentType}
}
