package mcg

import (
	"encoding/json"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Event is one parsed MCG delivery: *CardEnd, *CourseFinish,
// *CollectionStarted, *CollectionCompleted or *Unknown. The set is closed;
// use a type switch.
type Event interface {
	// EventName returns MCG's name for the event, such as "course_finish".
	EventName() string
	// EventType returns the same name as an EventType.
	EventType() EventType
	// AsSent returns the body as MCG sent it, white space outside strings
	// removed, every field kept whether or not the struct models it.
	AsSent() json.RawMessage
	sealed()
}

// CardEnd is a Card End delivery (Type "course_answer"): a learner answered
// or finished one card of a course.
type CardEnd struct {
	webhook.Sent
	Type       string `json:"Type"`
	UniqueID   string `json:"uniqueId" validate:"required"` // the learner: e-mail, or a random id for open collections
	CourseCode string `json:"courseCode" validate:"required"`
	CourseName string `json:"courseName"`
	Answer     Answer `json:"answer"`
}

// CourseFinish is a Course Finish delivery (Type "course_finish"): a learner
// finished a course. Cards holds every card's answer, keyed by card id.
type CourseFinish struct {
	webhook.Sent
	Type       string            `json:"Type"`
	UniqueID   string            `json:"uniqueId" validate:"required"`
	CourseCode string            `json:"courseCode" validate:"required"`
	CourseName string            `json:"courseName"`
	Cards      map[string]Answer `json:"cards" validate:"dive"`
}

// Answer is a learner's answer to one card.
type Answer struct {
	CardID        ID                `json:"cardId" validate:"required"`
	CardType      string            `json:"cardType"`
	CardText      Content           `json:"cardText"` // a string or structured content
	AnswerText    string            `json:"answerText"`
	AnswerNumeric float64           `json:"answerNumeric"`
	Selections    []json.RawMessage `json:"selections"`
	IsCorrect     *bool             `json:"isCorrect"` // null where the card has no right answer
	AnsweredAt    Time              `json:"answeredAt"`
	Score         float64           `json:"score"`
}

// CollectionStarted is sent when a learner starts a course collection.
type CollectionStarted struct {
	webhook.Sent
	Type               string  `json:"EventType"` // the key EventType, as sent (EventType is the method)
	CourseCollectionID string  `json:"CourseCollectionId" validate:"required"`
	CourseID           ID      `json:"CourseId"`
	Progress           float64 `json:"Progress" validate:"min=0,max=100"` // percent
	Score              float64 `json:"Score"`
	Name               string  `json:"Name"`
	Username           string  `json:"Username" validate:"required"` // e-mail, or a random id for open collections
	Email              string  `json:"Email"`
	StartedAt          Time    `json:"StartedAt"`
}

// CollectionCompleted is sent when a learner completes a course collection.
// MCG sends no time with it.
type CollectionCompleted struct {
	webhook.Sent
	Type               string  `json:"EventType"` // the key EventType, as sent (EventType is the method)
	CourseCollectionID string  `json:"CourseCollectionId" validate:"required"`
	Score              float64 `json:"Score"`
	Name               string  `json:"Name"`
	Username           string  `json:"Username" validate:"required"`
	Email              string  `json:"Email"`
	CertificateURL     string  `json:"CertificateUrl"`
}

// Unknown is a delivery whose Type or EventType this package does not model.
// Body is the whole body as sent, white space outside strings removed (the
// same bytes as AsSent).
type Unknown struct {
	webhook.Sent
	Name string
	Body json.RawMessage
}

// MarshalJSON returns Body, so that an Unknown encodes as it arrived (null
// when it has none).
func (u Unknown) MarshalJSON() ([]byte, error) { return webhook.MarshalBody(u.Body) }

// EventType returns EventCourseAnswer.
func (*CardEnd) EventType() EventType { return EventCourseAnswer }

// EventType returns EventCourseFinish.
func (*CourseFinish) EventType() EventType { return EventCourseFinish }

// EventType returns EventCollectionStarted.
func (*CollectionStarted) EventType() EventType { return EventCollectionStarted }

// EventType returns EventCollectionCompleted.
func (*CollectionCompleted) EventType() EventType { return EventCollectionCompleted }

// EventType returns the Type or EventType value as sent; it is not Known.
func (u *Unknown) EventType() EventType { return EventType(u.Name) }

// EventName returns "course_answer".
func (e *CardEnd) EventName() string { return string(e.EventType()) }

// EventName returns "course_finish".
func (e *CourseFinish) EventName() string { return string(e.EventType()) }

// EventName returns "collection_started".
func (e *CollectionStarted) EventName() string { return string(e.EventType()) }

// EventName returns "collection_completed".
func (e *CollectionCompleted) EventName() string { return string(e.EventType()) }

// EventName returns the Type or EventType value as sent.
func (u *Unknown) EventName() string { return u.Name }

func (*CardEnd) sealed()             {}
func (*CourseFinish) sealed()        {}
func (*CollectionStarted) sealed()   {}
func (*CollectionCompleted) sealed() {}
func (*Unknown) sealed()             {}
