package easygenerator

// EventType is the name of an Easygenerator event. Easygenerator sends no
// event name: its one body, the course result, is named by this package
// (EventCourseFinished). It is the counterpart of braincert.Topic; every
// Event returns its own from EventType.
type EventType string

// The event types this package models.
const (
	// EventCourseFinished is this package's name for the course result body,
	// which carries no event name of its own.
	EventCourseFinished EventType = "course_finished"
)

// Events lists the event names this package models, as strings: only the
// course result, EventCourseFinished. Every vendor package has Events.
func Events() []string { return []string{string(EventCourseFinished)} }

// Known reports whether t is one of the event types this package models.
func (t EventType) Known() bool { return t == EventCourseFinished }
