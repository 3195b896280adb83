package learnink

import (
	"errors"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "learnink"

// Parse decodes and validates one LearnInk body. It returns
// *UserCourseStarted, *UserCourseCompleted, *NotificationsSent, or *Unknown
// for a type it does not model; MessageID is left empty. Errors are
// *ParseError values matching ErrMalformed (also for a body that repeats a
// name, or holds two names that differ only in case), ErrInvalid or
// ErrNoEventType. Parse checks no signature (see Verifier); no option
// applies to it, opts is there so that every vendor's Parse has the same
// signature.
//
// "object" and "type" are matched exactly as LearnInk spells them. The
// other fields keep encoding/json's matching, which also accepts a name in
// another case; since a body may not hold two names that differ only in
// case, such a name never shadows the documented one.
func Parse(body []byte, opts ...Option) (Event, error) {
	sent, err := webhook.CheckJSON(vendor, "", body)
	if err != nil {
		return nil, err
	}
	typ, err := webhook.NameMember(vendor, body, "type", "type")
	if err != nil {
		return nil, err
	}
	if typ == "" {
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoType}
	}
	object, err := webhook.NameMember(vendor, body, "object", "object")
	if err != nil {
		return nil, err
	}
	if object != "event" {
		return nil, &ParseError{Vendor: vendor, Event: typ, Field: "object", Kind: ErrInvalid,
			Cause: &FieldError{Rule: "eq", Param: "event"}}
	}
	event := newEvent(typ)
	if event == nil {
		event = &Unknown{Body: sent.AsSent()}
	}
	if err := webhook.DecodeJSON(vendor, typ, body, event); err != nil {
		return nil, err
	}
	return webhook.Keep(event, sent), nil
}

// newEvent returns an empty event of the type, or nil for a type this
// package does not model.
func newEvent(typ string) Event {
	switch typ {
	case EventUserCourseStarted:
		return new(UserCourseStarted)
	case EventUserCourseCompleted:
		return new(UserCourseCompleted)
	case EventNotificationsSent:
		return new(NotificationsSent)
	}
	return nil
}

// ParseRequest is Parse for a delivery with its HTTP headers: the event's
// MessageID is the svix-id header, or webhook-id when there is no svix-id.
// It checks no signature: call Verifier.Verify on the same body and header
// first.
func ParseRequest(body []byte, header http.Header, opts ...Option) (Event, error) {
	event, err := Parse(body, opts...)
	if err != nil {
		return nil, err
	}
	event.Common().MessageID = MessageID(header)
	return event, nil
}

// MessageID returns the delivery's message id: the svix-id header, or
// webhook-id when there is no svix-id; empty when there is neither.
func MessageID(header http.Header) string {
	if id := header.Get("svix-id"); id != "" {
		return id
	}
	return header.Get("webhook-id")
}

var errNoType = errors.New(`no "type" names an event`)
