package braincerttest

import (
	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/fixtures"
	"net/http"
)

// Example is one documented BrainCert webhook body.
type Example struct {
	// Name is what Lookup finds the example by: the topic for a JSON body
	// ("virtual classroom.created"), the file name for an XML one
	// ("user.signup.xml").
	Name string
	// EventName is the body's topic, as braincert's EventName gives it.
	EventName string
	// File is the body's file name in testdata/braincert.
	File string
	// Body is the body, byte for byte; each call of Examples or Lookup
	// returns a fresh copy, so changing it affects nothing else.
	Body []byte
	// ContentType is "application/json", or "application/xml" for the XML
	// renderings.
	ContentType string
}

// Examples returns every documented body, sorted by Name.
func Examples() []Example { return fixtures.All(documented, fromBody) }

// Lookup returns the example named name (see Example.Name), or one whose
// File is name, with or without its extension.
func Lookup(name string) (Example, bool) { return fixtures.FindAs(documented, name, fromBody) }

// Event parses the body with braincert.ParseRequest, as JSON or XML by
// ContentType: the typed value a handler would get.
func (ex Example) Event() (braincert.Event, error) {
	return braincert.ParseRequest(http.Header{"Content-Type": {ex.ContentType}}, ex.Body)
}

func fromBody(b fixtures.Body) Example {
	return Example{Name: b.Name, EventName: b.EventName, File: b.File, Body: []byte(b.Text), ContentType: b.ContentType}
}
