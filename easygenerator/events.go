package easygenerator

import (
	"encoding/json"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Event is one parsed Easygenerator delivery. Today the only implementation
// is *CourseResult; the set is closed, so use a type switch.
type Event interface {
	// EventName returns "course_finished".
	EventName() string
	// EventType returns the same name as an EventType.
	EventType() EventType
	// AsSent returns the body as Easygenerator sent it, white space outside
	// strings removed, every field kept whether or not the struct models it.
	AsSent() json.RawMessage
	sealed()
}

// Status is a course result's status as sent.
type Status string

// The documented statuses. Other values are kept as sent.
const (
	StatusPassed Status = "passed"
	StatusFailed Status = "failed"
)

// CourseResult is sent when a learner finishes a course.
type CourseResult struct {
	webhook.Sent
	CourseID  string `json:"courseId" validate:"required"`
	LearnerID string `json:"learnerId" validate:"required"` // often the learner's e-mail address
	// Score is the course score in percent. It is a pointer so that a
	// missing score is an error while a real 0 is accepted.
	Score      *float64 `json:"score" validate:"required,min=0,max=100"`
	FinishedOn Time     `json:"finishedOn" validate:"required"`
	Status     Status   `json:"status" validate:"required"`
}

// EventType returns EventCourseFinished.
func (*CourseResult) EventType() EventType { return EventCourseFinished }

// EventName returns "course_finished".
func (r *CourseResult) EventName() string { return string(r.EventType()) }

func (*CourseResult) sealed() {}
