package learnink

import "github.com/lmshooks/lmshooks/internal/eventtable"

// EventType is a LearnInk event name, exactly as LearnInk sends it in the
// body's "type". It is the counterpart of braincert.Topic; every Event
// returns its own from EventType, so compare e.EventType() ==
// learnink.EventUserCourseCompleted.
type EventType string

// The event types LearnInk documents, in the order of its documentation.
const (
	EventUserCourseStarted   EventType = "user.course.started"
	EventUserCourseCompleted EventType = "user.course.completed"
	EventNotificationsSent   EventType = "notifications.sent"
)

// events is the one table of the event types this package models: it drives
// Parse, Events and Known. Each entry makes the empty struct its body
// decodes into.
var events = eventtable.Table[EventType, Event]{
	{Name: EventUserCourseStarted, New: func() Event { return new(UserCourseStarted) }},
	{Name: EventUserCourseCompleted, New: func() Event { return new(UserCourseCompleted) }},
	{Name: EventNotificationsSent, New: func() Event { return new(NotificationsSent) }},
}

// Events lists the types this package models, as strings in the order of
// the vendor's documentation; any other is parsed as *Unknown. Every vendor
// package has Events.
func Events() []string { return events.Names() }

// Known reports whether t is one of the event types this package models;
// an *Unknown's EventType is not.
func (t EventType) Known() bool { return events.Has(t) }

// newEvent returns an empty event of the named type, or nil for a type this
// package does not model.
func newEvent(typ EventType) Event {
	event, _ := events.New(typ)
	return event
}
