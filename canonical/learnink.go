package canonical

import (
	"fmt"
	"strconv"

	"github.com/lmshooks/lmshooks/learnink"
)

// FromLearnInk converts a parsed LearnInk event.
//
// user.course.started and user.course.completed give one course.started or
// course.completed event: learner id = user_id, external_id = custom_id
// (omitted when null or empty), object = the course (course_id; LearnInk
// sends no course name), occurred_at = the envelope's timestamp (omitted
// when the body has none). A completion also carries Result.Completed = true,
// as every other vendor's course.completed does; a start carries no result.
// phone_number stays in Data only. Data is the whole typed envelope.
//
// notifications.sent gives one notification.sent event per notification, in
// array order; an empty array gives no event and no error (there is nothing
// to forward). Each event's id is the delivery's id followed by "/" and the
// notification's zero-based index ("learnink:notifications.sent:msg_…/0");
// its object is kind notification with that same id (LearnInk gives a
// notification no id of its own) and the title as name; its learner is the
// notification's user_id and custom_id; its Data is the envelope with
// data.notifications holding only that notification, so that it is itself a
// valid notifications.sent body.
//
// The delivery's id is VendorID(learnink, type, MessageID) when the event
// came with its svix-id (ParseRequest, Handler); otherwise, as for vendors
// that send no id, it is derived from the content (ContentID of the whole
// typed envelope, so MessageID never changes it). Any other type is
// TypeUnknown with the body as Data; it takes its id the same way and its
// occurred_at from the envelope's timestamp.
func FromLearnInk(event learnink.Event) ([]Event, error) {
	var (
		e   Event
		err error
	)
	switch ev := event.(type) {
	case *learnink.UserCourseStarted:
		e, err = learnInkCourse(ev, TypeCourseStarted, ev.Data)
	case *learnink.UserCourseCompleted:
		e, err = learnInkCourse(ev, TypeCourseCompleted, ev.Data)
		e.Result = &Result{Completed: ptr(true)}
	case *learnink.NotificationsSent:
		return learnInkNotifications(ev)
	case *learnink.Unknown:
		e, err = unknownEvent(VendorLearnInk, ev.Type, ev.Body)
		e.ID = learnInkID(ev, e.ID)
		e.OccurredAt = utc(ev.Timestamp.Time)
	default:
		return nil, fmt.Errorf("canonical: cannot convert LearnInk event %T", event)
	}
	if err != nil {
		return nil, err
	}
	return []Event{e}, nil
}

func learnInkCourse(ev learnink.Event, typ Type, data learnink.UserCourseData) (Event, error) {
	e, err := newEvent(VendorLearnInk, typ, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.ID = learnInkID(ev, e.ID)
	e.OccurredAt = utc(ev.Common().Timestamp.Time)
	e.Learner = learnInkLearner(data.UserID, data.CustomID)
	e.Object = &Object{Kind: KindCourse, ID: data.CourseID}
	return e, nil
}

func learnInkNotifications(ev *learnink.NotificationsSent) ([]Event, error) {
	delivery, err := newEvent(VendorLearnInk, TypeNotificationSent, ev.EventName(), ev)
	if err != nil {
		return nil, err
	}
	deliveryID := learnInkID(ev, delivery.ID)
	events := make([]Event, 0, len(ev.Data.Notifications))
	for i, n := range ev.Data.Notifications {
		single := learnink.NotificationsSent{Envelope: ev.Envelope}
		single.Data.Notifications = []learnink.Notification{n}
		data, err := marshalPayload(&single)
		if err != nil {
			return nil, fmt.Errorf("canonical: encoding learnink notification %d: %w", i, err)
		}
		id := deliveryID + "/" + strconv.Itoa(i)
		events = append(events, Event{
			ID:          id,
			Vendor:      VendorLearnInk,
			Type:        TypeNotificationSent,
			VendorEvent: ev.EventName(),
			OccurredAt:  utc(ev.Timestamp.Time),
			Learner:     learnInkLearner(n.UserID, n.CustomID),
			Object:      &Object{Kind: KindNotification, ID: id, Name: n.Title},
			Data:        data,
		})
	}
	return events, nil
}

// learnInkID is the delivery's id: built from svix-id when the event came
// with it, else contentID.
func learnInkID(ev learnink.Event, contentID string) string {
	if msgID := ev.Common().MessageID; msgID != "" {
		return VendorID(VendorLearnInk, ev.EventName(), msgID)
	}
	return contentID
}

func learnInkLearner(userID string, customID *string) *Learner {
	l := &Learner{ID: userID}
	if customID != nil {
		l.ExternalID = *customID
	}
	return l
}
