package learnink

import (
	"encoding/json"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Event is one parsed LearnInk delivery: *UserCourseStarted,
// *UserCourseCompleted, *NotificationsSent or *Unknown. The set is closed;
// use a type switch.
type Event interface {
	// EventName returns LearnInk's name for the event, its "type".
	EventName() string
	// EventType returns the same name as an EventType.
	EventType() EventType
	// Common returns the envelope fields every event carries, and the
	// delivery's MessageID.
	Common() *Envelope
	// AsSent returns the body as LearnInk sent it, white space outside
	// strings removed, every field kept whether or not the struct models it.
	AsSent() json.RawMessage
	sealed()
}

// Envelope holds the fields every LearnInk event carries besides "data".
type Envelope struct {
	webhook.Sent
	Object     string `json:"object"` // always "event"
	Type       string `json:"type"`
	APIVersion string `json:"api_version"` // "2022-11-15" for every event today
	// Timestamp is when the event happened, not when it was delivered; it
	// may be days old. Zero when the body has none.
	Timestamp Time `json:"timestamp"`
	// MessageID is the svix-id (or webhook-id) header of the delivery: the
	// same across retries of one message. It is not part of the body; Parse
	// leaves it empty, ParseRequest and Handler set it.
	MessageID string `json:"-"`
}

// EventName returns the "type" as sent.
func (e *Envelope) EventName() string { return e.Type }

// EventType returns the "type" as sent; for an *Unknown it is not Known.
func (e *Envelope) EventType() EventType { return EventType(e.Type) }

// Common returns e itself.
func (e *Envelope) Common() *Envelope { return e }

// UserCourseStarted is sent when a learner starts a course.
type UserCourseStarted struct {
	Envelope
	Data UserCourseData `json:"data"`
}

// UserCourseCompleted is sent when a learner completes a course. LearnInk
// does not publish its example; it shares the user.course.* data shape.
type UserCourseCompleted struct {
	Envelope
	Data UserCourseData `json:"data"`
}

// UserCourseData is the data of every user.course.* event.
type UserCourseData struct {
	UserID      string  `json:"user_id" validate:"required"` // LearnInk's id for the learner
	CustomID    *string `json:"custom_id"`                   // the customer's own id for the learner (Identify API); may be null
	PhoneNumber *string `json:"phone_number"`                // may be null
	CourseID    string  `json:"course_id" validate:"required"`
}

// NotificationsSent carries push notifications for the customer to forward
// to its users (scheduled training reminders and manual notifications).
type NotificationsSent struct {
	Envelope
	Data NotificationsData `json:"data"`
}

// NotificationsData is the data of a notifications.sent event. An empty
// array is accepted; a missing or null one is ErrInvalid.
type NotificationsData struct {
	Notifications []Notification `json:"notifications" validate:"required,dive"`
}

// Notification is one push notification, for one user.
type Notification struct {
	Title       string  `json:"title"`
	Body        string  `json:"body"`
	Path        string  `json:"path"`                        // the WebView path to open
	UserID      string  `json:"user_id" validate:"required"` // LearnInk's id for the user
	CustomID    *string `json:"custom_id"`                   // the customer's own id for the user; may be null
	PhoneNumber *string `json:"phone_number"`                // may be null
}

// Unknown is an event whose type this package does not model. Its envelope
// fields are decoded; Body is the whole body as received, data included,
// and is what Unknown encodes to.
type Unknown struct {
	Envelope
	Body json.RawMessage `json:"-"`
}

// MarshalJSON returns the body as received (null when there is none).
func (u Unknown) MarshalJSON() ([]byte, error) { return webhook.MarshalBody(u.Body) }

func (*UserCourseStarted) sealed()   {}
func (*UserCourseCompleted) sealed() {}
func (*NotificationsSent) sealed()   {}
func (*Unknown) sealed()             {}
