package toolzz

import (
	"encoding/json"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Event is one parsed Toolzz delivery: *CourseEnrollment, *CourseCompleted,
// *TrailCompleted, *ContentCompleted, *ActivityAnswered, *CertificateIssued,
// *MemberCreated, *MemberUpdated, *ProductRedemption, *NewsletterSubscribed
// or *Unknown. The set is closed; use a type switch.
type Event interface {
	// EventName returns event.slug as sent.
	EventName() string
	// EventType returns the same slug as an EventType.
	EventType() EventType
	// AsSent returns the body as Toolzz sent it, white space outside strings
	// removed, every field kept whether or not the struct models it.
	AsSent() json.RawMessage
	// SentAt returns event.send_at, when Toolzz sent the event.
	SentAt() Time
	sealed()
}

// CourseEnrollment (activities.course.enrollment, "New Enrollment") is sent
// when a learner is enrolled in a course.
type CourseEnrollment struct {
	webhook.Sent
	Header `json:"event"`
	Data   EnrollmentData `json:"data"`
}

// CourseCompleted (activities.course.completed, "Course Completed") is sent
// when a learner completes a course.
type CourseCompleted struct {
	webhook.Sent
	Header `json:"event"`
	Data   EnrollmentData `json:"data"`
}

// TrailCompleted (activities.trail.completed) is sent when a learner has
// finished every activity of a learning trail.
type TrailCompleted struct {
	webhook.Sent
	Header `json:"event"`
	Data   TrailData `json:"data"`
}

// ContentCompleted (activities.content.completed) is sent when a learner
// completes one content item.
type ContentCompleted struct {
	webhook.Sent
	Header `json:"event"`
	Data   ContentData `json:"data"`
}

// ActivityAnswered (activities.answered.activity) is sent each time a
// learner submits an answer to an activity, right or wrong.
type ActivityAnswered struct {
	webhook.Sent
	Header `json:"event"`
	Data   ActivityData `json:"data"`
}

// CertificateIssued (activities.certificate.issued) is sent when a learner
// who finished a course opens, and so gets, the certificate.
type CertificateIssued struct {
	webhook.Sent
	Header `json:"event"`
	Data   CertificateData `json:"data"`
}

// MemberCreated (members.created, "New Registration") is sent when a user
// account comes into existence (sign-up, creation by staff, API, CSV import).
type MemberCreated struct {
	webhook.Sent
	ActionHeader `json:"event"`
	Data         NewMemberData `json:"data"`
}

// MemberUpdated (members.updated) is sent both when a user's status changes
// and when a profile is edited; the payload does not say which, and carries
// no status.
type MemberUpdated struct {
	webhook.Sent
	ActionHeader `json:"event"`
	Data         MemberData `json:"data"`
}

// ProductRedemption (shop.product.redemption) is sent when a learner
// exchanges gamification points for a product of the rewards shop.
type ProductRedemption struct {
	webhook.Sent
	Header `json:"event"`
	Data   RedemptionData `json:"data"`
}

// NewsletterSubscribed (slug "newslatter.created", as Toolzz spells it) is
// sent when a user accepts the institution's newsletter.
type NewsletterSubscribed struct {
	webhook.Sent
	ActionHeader `json:"event"`
	Data         NewsletterData `json:"data"`
}

// Unknown is a delivery whose slug this package does not model. Header is
// its "event" object as far as it follows the common envelope; Body is the
// whole body as sent, white space outside strings removed (the same bytes
// as AsSent).
type Unknown struct {
	webhook.Sent
	Header `json:"event"`
	Body   json.RawMessage `json:"-"`
}

// MarshalJSON returns Body, so that an Unknown encodes as it arrived (null
// when it has none).
func (u Unknown) MarshalJSON() ([]byte, error) { return webhook.MarshalBody(u.Body) }

func (*CourseEnrollment) sealed()     {}
func (*CourseCompleted) sealed()      {}
func (*TrailCompleted) sealed()       {}
func (*ContentCompleted) sealed()     {}
func (*ActivityAnswered) sealed()     {}
func (*CertificateIssued) sealed()    {}
func (*MemberCreated) sealed()        {}
func (*MemberUpdated) sealed()        {}
func (*ProductRedemption) sealed()    {}
func (*NewsletterSubscribed) sealed() {}
func (*Unknown) sealed()              {}
