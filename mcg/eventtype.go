package mcg

import "github.com/lmshooks/lmshooks/internal/eventtable"

// EventType is an MCG event name, exactly as MCG sends it: under the key
// "Type" in Card and Course webhooks, "EventType" in collection webhooks.
// It is the counterpart of braincert.Topic; every Event returns its own from
// EventType, so compare e.EventType() == mcg.EventCourseFinish.
type EventType string

// The event types MCG documents, in the order of its documentation.
const (
	EventCourseAnswer        EventType = "course_answer"
	EventCourseFinish        EventType = "course_finish"
	EventCollectionStarted   EventType = "collection_started"
	EventCollectionCompleted EventType = "collection_completed"
)

// events is the one table of the event types this package models: it drives
// Parse, Events and Known. Each entry makes the empty struct its body
// decodes into.
var events = eventtable.Table[EventType, Event]{
	{Name: EventCourseAnswer, New: func() Event { return new(CardEnd) }},
	{Name: EventCourseFinish, New: func() Event { return new(CourseFinish) }},
	{Name: EventCollectionStarted, New: func() Event { return new(CollectionStarted) }},
	{Name: EventCollectionCompleted, New: func() Event { return new(CollectionCompleted) }},
}

// Events lists the event names (Type or EventType) this package models, as
// strings in the order of the vendor's documentation; any other is parsed
// as *Unknown. Every vendor package has Events.
func Events() []string { return events.Names() }

// Known reports whether t is one of the event types this package models;
// an *Unknown's EventType is not.
func (t EventType) Known() bool { return events.Has(t) }

// newEvent returns an empty event of the named type, or nil for a name this
// package does not model.
func newEvent(name EventType) Event {
	event, _ := events.New(name)
	return event
}
