package learninktest

import (
	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/learnink"
)

// Example is one documented LearnInk webhook body.
type Example struct {
	// Name is what Lookup finds the example by: its "type", such as
	// "user.course.started".
	Name string
	// EventName is the body's "type", as learnink's EventName gives it (the
	// same as Name).
	EventName string
	// File is the body's file name in testdata/learnink.
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

// Event parses the body with learnink.Parse: the typed value a handler would
// get, except that its MessageID is empty (a handler takes it from svix-id).
func (ex Example) Event() (learnink.Event, error) { return learnink.Parse(ex.Body) }

func fromBody(b fixtures.Body) Example {
	return Example{Name: b.Name, EventName: b.EventName, File: b.File, Body: []byte(b.Text), ContentType: b.ContentType}
}
