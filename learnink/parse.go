package learnink

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "learnink"

// envelopeName holds the two keys Parse checks before it picks the event.
type envelopeName struct {
	Object string `json:"object"`
	Type   string `json:"type"`
}

// Parse decodes and validates one LearnInk body. It returns
// *UserCourseStarted, *UserCourseCompleted, *NotificationsSent, or *Unknown
// for a type it does not model; MessageID is left empty. Errors are
// *ParseError values matching ErrMalformed, ErrInvalid or ErrNoEventType.
// Parse checks no signature (see Verifier); no option applies to it, opts
// is there so that every vendor's Parse has the same signature.
func Parse(body []byte, opts ...Option) (Event, error) {
	var name envelopeName
	if err := json.Unmarshal(body, &name); err != nil {
		return nil, webhook.MalformedJSON(vendor, "", err)
	}
	if name.Type == "" {
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoType}
	}
	if name.Object != "event" {
		return nil, &ParseError{Vendor: vendor, Event: name.Type, Field: "object", Kind: ErrInvalid,
			Cause: &FieldError{Rule: "eq", Param: "event"}}
	}
	var event Event
	switch name.Type {
	case EventUserCourseStarted:
		event = new(UserCourseStarted)
	case EventUserCourseCompleted:
		event = new(UserCourseCompleted)
	case EventNotificationsSent:
		event = new(NotificationsSent)
	default:
		event = &Unknown{Body: append(json.RawMessage(nil), body...)}
	}
	if err := webhook.DecodeJSON(vendor, name.Type, body, event); err != nil {
		return nil, err
	}
	return event, nil
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
