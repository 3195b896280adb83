package braincert

import (
	"encoding/json"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Event is one parsed BrainCert delivery: a pointer to one of the topic
// structs below (UserCreated ... NewSale) or *Unknown. Use a type switch.
// Every one embeds Envelope, whose methods it shares.
type Event interface {
	// EventName returns resource + "." + action as sent.
	EventName() string
	// Topic returns the same name as a Topic.
	Topic() Topic
	// Header returns the envelope: id, resource, action, created_at, ...
	Header() *Envelope
	// AsSent returns the body as BrainCert sent it, white space outside
	// strings removed, every field kept whether or not the struct models
	// it; for an XML body, the JSON the XML reads as (see ParseXML).
	AsSent() json.RawMessage
	sealed()
}

// UserCreated is the User Created topic (user.signup): a user signed up.
type UserCreated struct {
	Envelope
	Payload NewUser `json:"payload"`
}

// UserUpdated is the User Updated topic (user.updated).
type UserUpdated struct {
	Envelope
	Payload User `json:"payload"`
}

// UserDeleted is the User Deleted topic (user.deleted).
type UserDeleted struct {
	Envelope
	Payload User `json:"payload"`
}

// GroupCreated is the Group Created topic (group.created; enterprise plans).
type GroupCreated struct {
	Envelope
	Payload Group `json:"payload"`
}

// CourseCreated is the Course Created topic (course.created).
type CourseCreated struct {
	Envelope
	Payload Course `json:"payload"`
}

// CourseUpdated is the Course Updated topic (course.updated).
type CourseUpdated struct {
	Envelope
	Payload Course `json:"payload"`
}

// CourseDeleted is the Course Deleted topic (course.deleted).
type CourseDeleted struct {
	Envelope
	Payload Course `json:"payload"`
}

// BundleCreated is the Course Bundle Created topic (bundle.created).
type BundleCreated struct {
	Envelope
	Payload Bundle `json:"payload"`
}

// BundleUpdated is the Course Bundle Updated topic (bundle.updated).
type BundleUpdated struct {
	Envelope
	Payload Bundle `json:"payload"`
}

// BundleDeleted is the Course Bundle Deleted topic (bundle.deleted).
type BundleDeleted struct {
	Envelope
	Payload Bundle `json:"payload"`
}

// TestCreated is the Test Created topic (assessment.created).
type TestCreated struct {
	Envelope
	Payload Test `json:"payload"`
}

// TestUpdated is the Test Updated topic (assessment.updated).
type TestUpdated struct {
	Envelope
	Payload Test `json:"payload"`
}

// TestDeleted is the Test Deleted topic (assessment.deleted).
type TestDeleted struct {
	Envelope
	Payload Test `json:"payload"`
}

// LiveClassCreated is the Live Class Created topic (resource
// "virtual classroom", with a space; action "created").
type LiveClassCreated struct {
	Envelope
	Payload LiveClass `json:"payload"`
}

// LiveClassUpdated is the Live Class Updated topic (virtual
// classroom.updated). The docs list it but give no example body: it is
// modelled like Live Class Created.
type LiveClassUpdated struct {
	Envelope
	Payload LiveClass `json:"payload"`
}

// LiveClassDeleted is the Live Class Deleted topic (virtual
// classroom.deleted).
type LiveClassDeleted struct {
	Envelope
	Payload LiveClass `json:"payload"`
}

// ProductCreated is the Product Created topic (product.created).
type ProductCreated struct {
	Envelope
	Payload Product `json:"payload"`
}

// ProductUpdated is product.updated. The docs do not list it; it is
// accepted with the body of Product Created.
type ProductUpdated struct {
	Envelope
	Payload Product `json:"payload"`
}

// ProductDeleted is the Product Deleted topic (product.deleted).
type ProductDeleted struct {
	Envelope
	Payload Product `json:"payload"`
}

// CourseEnrollment is the Course Enrollment topic
// (course_enrollment.enrollment): a user enrolled in a course.
type CourseEnrollment struct {
	Envelope
	Payload CourseEnrollmentPayload `json:"payload"`
}

// TestEnrollment is the Test Enrollment topic (test_enrollment.enrollment):
// a user enrolled in a test.
type TestEnrollment struct {
	Envelope
	Payload TestEnrollmentPayload `json:"payload"`
}

// LiveClassEnrollment is the Live Class Enrollment topic
// (virtual classroom.enrollment): a user enrolled in a live class.
type LiveClassEnrollment struct {
	Envelope
	Payload LiveClassEnrollmentPayload `json:"payload"`
}

// CourseCompleted is the Course Completed topic
// (course_completion.completed): a user completed a course.
type CourseCompleted struct {
	Envelope
	Payload CourseCompletionPayload `json:"payload"`
}

// TestCompleted is the Test Completed topic (assessment.completed): a user
// completed a test.
type TestCompleted struct {
	Envelope
	Payload TestCompletionPayload `json:"payload"`
}

// NewSale is the New Sale topic (purchase.completed): an order was paid.
type NewSale struct {
	Envelope
	Payload SalePayload `json:"payload"`
}

// Unknown is a delivery whose resource and action this package does not
// model. Its envelope is parsed and checked like any other; Body is the
// whole body as sent (the same bytes as AsSent): for a JSON delivery its
// JSON with white space outside strings removed, for an XML one the element
// tree read as generic JSON (see ParseXML).
type Unknown struct {
	Envelope
	Body json.RawMessage
}

// MarshalJSON returns Body, so that an Unknown encodes as it arrived (null
// when it has none).
func (u Unknown) MarshalJSON() ([]byte, error) { return webhook.MarshalBody(u.Body) }
