package canonical

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
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
// phone_number stays in Data only. Data is the body as sent.
//
// notifications.sent gives one notification.sent event per notification, in
// array order; an empty array gives no event and no error (there is nothing
// to forward). Each event's id is the delivery's id followed by "/" and the
// notification's zero-based index ("learnink:notifications.sent:msg_…/0");
// its object is kind notification with that same id (LearnInk gives a
// notification no id of its own) and the title as name; its learner is the
// notification's user_id and custom_id; its Data is the body as sent with
// data.notifications holding only that notification, so that it is itself a
// valid notifications.sent body.
//
// The delivery's id is VendorID(learnink, type, MessageID) when the event
// came with its svix-id (ParseRequest, Handler); otherwise, as for vendors
// that send no id, it is derived from the content (ContentID of the whole
// body as sent, so MessageID never changes it). Any other type is
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
		e.Result = newResult().withCompleted(true).result()
	case *learnink.NotificationsSent:
		return learnInkNotifications(ev)
	case *learnink.Unknown:
		e, err = unknownEvent(VendorLearnInk, ev.Type, ev, ev.Body)
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
	data := oneNotificationEach(delivery.Data, len(ev.Data.Notifications))
	events := make([]Event, 0, len(ev.Data.Notifications))
	for i, n := range ev.Data.Notifications {
		id := deliveryID + "/" + strconv.Itoa(i)
		events = append(events, Event{
			ID:          id,
			Vendor:      VendorLearnInk,
			Type:        TypeNotificationSent,
			VendorEvent: ev.EventName(),
			OccurredAt:  utc(ev.Timestamp.Time),
			Learner:     learnInkLearner(n.UserID, n.CustomID),
			Object:      &Object{Kind: KindNotification, ID: id, Name: n.Title},
			Data:        data[i],
		})
	}
	return events, nil
}

// oneNotificationEach returns, for each of the n notifications of a
// notifications.sent body as sent, that body with data.notifications holding
// only that notification: every other byte as sent, so that each is itself
// a valid notifications.sent body. Where the body cannot be cut so (an
// event built in code), each gets the whole body.
func oneNotificationEach(body json.RawMessage, n int) []json.RawMessage {
	out := make([]json.RawMessage, 0, n)
	dataStart, dataEnd, _ := jsonscan.Span(body, "data")
	listStart, listEnd, found := jsonscan.Span(body[dataStart:dataEnd], "notifications")
	if found {
		before, after := body[:dataStart+listStart], body[dataStart+listEnd:]
		jsonscan.Elements(body[dataStart+listStart:dataStart+listEnd], func(element []byte) bool {
			out = append(out, slices.Concat(before, []byte("["), element, []byte("]"), after))
			return true
		})
	}
	for len(out) < n {
		out = append(out, body)
	}
	return out[:n]
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
