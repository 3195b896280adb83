package toolzz

import "github.com/lmshooks/lmshooks/internal/eventtable"

// EventType is a Toolzz event name: the slug exactly as Toolzz sends it in
// event.slug. It is the counterpart of braincert.Topic; every Event returns
// its own from EventType, so compare e.EventType() ==
// toolzz.EventCourseCompleted.
type EventType string

// The slugs of the documented events, in the order of the vendor's
// documentation (including its spelling "newslatter").
const (
	EventCourseEnrollment     EventType = "activities.course.enrollment"
	EventCourseCompleted      EventType = "activities.course.completed"
	EventTrailCompleted       EventType = "activities.trail.completed"
	EventContentCompleted     EventType = "activities.content.completed"
	EventActivityAnswered     EventType = "activities.answered.activity"
	EventCertificateIssued    EventType = "activities.certificate.issued"
	EventMemberCreated        EventType = "members.created"
	EventMemberUpdated        EventType = "members.updated"
	EventProductRedemption    EventType = "shop.product.redemption"
	EventNewsletterSubscribed EventType = "newslatter.created"
)

// events is the one table of the event types this package models: it drives
// Parse, Events and Known. Each entry makes the empty struct its body
// decodes into.
var events = eventtable.Table[EventType, Event]{
	{Name: EventCourseEnrollment, New: func() Event { return new(CourseEnrollment) }},
	{Name: EventCourseCompleted, New: func() Event { return new(CourseCompleted) }},
	{Name: EventTrailCompleted, New: func() Event { return new(TrailCompleted) }},
	{Name: EventContentCompleted, New: func() Event { return new(ContentCompleted) }},
	{Name: EventActivityAnswered, New: func() Event { return new(ActivityAnswered) }},
	{Name: EventCertificateIssued, New: func() Event { return new(CertificateIssued) }},
	{Name: EventMemberCreated, New: func() Event { return new(MemberCreated) }},
	{Name: EventMemberUpdated, New: func() Event { return new(MemberUpdated) }},
	{Name: EventProductRedemption, New: func() Event { return new(ProductRedemption) }},
	{Name: EventNewsletterSubscribed, New: func() Event { return new(NewsletterSubscribed) }},
}

// Events lists the slugs this package models, as strings in the order of
// the vendor's documentation; any other is parsed as *Unknown. Every vendor
// package has Events.
func Events() []string { return events.Names() }

// Known reports whether t is one of the slugs this package models; an
// *Unknown's EventType is not.
func (t EventType) Known() bool { return events.Has(t) }

// newEvent returns an empty event of the named type, or nil for a slug this
// package does not model.
func newEvent(slug EventType) Event {
	event, _ := events.New(slug)
	return event
}
