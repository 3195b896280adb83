package canonical

import (
	"fmt"

	"github.com/lmshooks/lmshooks/toolzz"
)

// FromToolzz converts a parsed Toolzz event into one Event; the slice keeps
// the signature the same for every vendor.
//
// Only slugs whose meaning the vocabulary names exactly get a canonical
// type:
//   - activities.course.completed: course.completed, learner the user,
//     object the course; no result beyond Completed = true.
//   - activities.course.enrollment: enrollment.created, learner the user,
//     object the course.
//   - members.created and members.updated: user.created and user.updated,
//     the user as learner and as object (kind user, its id and name), as
//     for BrainCert's user topics. members.updated covers both a status
//     change and a profile edit; Toolzz does not say which.
//
// Every other slug, documented (trail, content, activity, certificate,
// shop redemption, newsletter) or not, becomes TypeUnknown with no object;
// Data is the body as sent, as for every event.
//
// Where the contract is silent:
//   - VendorEvent is event.slug exactly as sent ("newslatter.created").
//   - OccurredAt is event.send_at, for every slug, unknown ones included:
//     it is the time Toolzz sent the event (the only time every event
//     carries), read in UTC unless the parser was given a location.
//   - The id derives from the payload's content: Toolzz sends no event id.
//   - The learner is the user's id (a number, in decimal), name and e-mail
//     (when it is an address). The cpf is not copied into the learner; it
//     stays in Data.
func FromToolzz(event toolzz.Event) ([]Event, error) {
	var (
		e   Event
		err error
	)
	switch ev := event.(type) {
	case *toolzz.CourseCompleted:
		e, err = toolzzEnrollmentEvent(TypeCourseCompleted, ev, ev.Data)
		if err == nil {
			e.Result = newResult().withCompleted(true).result()
		}
	case *toolzz.CourseEnrollment:
		e, err = toolzzEnrollmentEvent(TypeEnrollmentCreated, ev, ev.Data)
	case *toolzz.MemberCreated:
		u := ev.Data.User
		e, err = toolzzUserEvent(TypeUserCreated, ev, u.ID, u.Name, u.Email)
	case *toolzz.MemberUpdated:
		u := ev.Data.User
		e, err = toolzzUserEvent(TypeUserUpdated, ev, u.ID, u.Name, u.Email)
	case *toolzz.TrailCompleted, *toolzz.ContentCompleted, *toolzz.ActivityAnswered,
		*toolzz.CertificateIssued, *toolzz.ProductRedemption, *toolzz.NewsletterSubscribed:
		e, err = toolzzEvent(TypeUnknown, ev)
	case *toolzz.Unknown:
		e, err = unknownEvent(VendorToolzz, ev.EventName(), ev, ev.Body)
		e.OccurredAt = utc(ev.SendAt.Time)
	default:
		return nil, fmt.Errorf("canonical: cannot convert Toolzz event %T", event)
	}
	if err != nil {
		return nil, err
	}
	return []Event{e}, nil
}

// toolzzEvent starts an Event for a documented Toolzz event: Data is the
// payload as sent and OccurredAt is send_at.
func toolzzEvent(typ Type, ev toolzz.Event) (Event, error) {
	e, err := newEvent(VendorToolzz, typ, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.OccurredAt = utc(ev.SentAt().Time)
	return e, nil
}

// toolzzEnrollmentEvent builds the events about a user and a course.
func toolzzEnrollmentEvent(typ Type, ev toolzz.Event, data toolzz.EnrollmentData) (Event, error) {
	e, err := toolzzEvent(typ, ev)
	if err != nil {
		return Event{}, err
	}
	u := data.User
	e.Learner = newLearner(u.ID.String(), u.Name, u.Email)
	e.Object = &Object{Kind: KindCourse, ID: data.Course.ID.String(), Name: data.Course.Name}
	return e, nil
}

// toolzzUserEvent builds the events about a user account.
func toolzzUserEvent(typ Type, ev toolzz.Event, id toolzz.ID, name, email string) (Event, error) {
	e, err := toolzzEvent(typ, ev)
	if err != nil {
		return Event{}, err
	}
	e.Learner = newLearner(id.String(), name, email)
	e.Object = &Object{Kind: KindUser, ID: id.String(), Name: name}
	return e, nil
}
