// Package sinktest gives the sinks' tests the canonical events of every
// documented webhook body, the input a relay hands a sink.
package sinktest

import (
	"net/http"
	"testing"

	"github.com/lmshooks/lmshooks/braincert/braincerttest"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/easygenerator/easygeneratortest"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
	"github.com/lmshooks/lmshooks/mcg/mcgtest"
	"github.com/lmshooks/lmshooks/toolzz/toolzztest"
)

// Body is one documented body as a vendor sends it.
type Body struct {
	Name        string // vendor/example name, for sub-test names
	ContentType string
	Data        []byte
}

// Bodies returns every vendor's documented bodies (BrainCert's XML
// renderings included).
func Bodies() []Body {
	var all []Body
	add := func(vendor, name, contentType string, data []byte) {
		all = append(all, Body{vendor + "/" + name, contentType, data})
	}
	for _, ex := range mcgtest.Examples() {
		add("mcg", ex.Name, ex.ContentType, ex.Body)
	}
	for _, ex := range easygeneratortest.Examples() {
		add("easygenerator", ex.Name, ex.ContentType, ex.Body)
	}
	for _, ex := range braincerttest.Examples() {
		add("braincert", ex.Name, ex.ContentType, ex.Body)
	}
	for _, ex := range toolzztest.Examples() {
		add("toolzz", ex.Name, ex.ContentType, ex.Body)
	}
	for _, ex := range learninktest.Examples() {
		add("learnink", ex.Name, ex.ContentType, ex.Body)
	}
	return all
}

// Events parses b as the one endpoint does and returns its canonical events.
func (b Body) Events(t testing.TB) []canonical.Event {
	t.Helper()
	events, err := canonical.ParseRequest(http.Header{"Content-Type": {b.ContentType}}, b.Data)
	if err != nil {
		t.Fatalf("%s: %v", b.Name, err)
	}
	return events
}

// DocumentedEvents returns the canonical events of every documented body,
// each id once: a body and its XML rendering carry the same events, which a
// sink must store once.
func DocumentedEvents(t testing.TB) []canonical.Event {
	t.Helper()
	var events []canonical.Event
	seen := map[string]bool{}
	for _, b := range Bodies() {
		for _, e := range b.Events(t) {
			if !seen[e.ID] {
				seen[e.ID] = true
				events = append(events, e)
			}
		}
	}
	if len(events) == 0 {
		t.Fatal("no documented events")
	}
	return events
}

// RequireDelivered fails t unless errs, a Deliver's result, is nil.
func RequireDelivered(t testing.TB, errs []error) {
	t.Helper()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
	}
	if errs != nil {
		t.Fatalf("Deliver returned %d nil errors instead of nil", len(errs))
	}
}
