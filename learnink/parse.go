package learnink

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
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
	if event, ok := parseOnce(body); ok {
		return event, nil
	}
	return parseWithEnvelope(body)
}

// parseWithEnvelope decodes object and type to name the event, then the
// event: the exact path for every body, which words every error.
func parseWithEnvelope(body []byte) (Event, error) {
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
	event := newEvent(name.Type)
	if event == nil {
		event = &Unknown{Body: append(json.RawMessage(nil), body...)}
	}
	if err := webhook.DecodeJSON(vendor, name.Type, body, event); err != nil {
		return nil, err
	}
	return event, nil
}

// envelopeKeys are envelopeName's keys, for jsonscan.
var envelopeKeys = []string{"object", "type"}

// parseOnce is Parse's fast path for a documented event: it reads object
// and type with a scan instead of a first decode, then decodes and
// validates the body once. ok is false, and Parse takes parseWithEnvelope
// (which also words any error), when the scan gives up, the event is not
// modelled, or the body does not decode or validate.
func parseOnce(body []byte) (event Event, ok bool) {
	var values [2][]byte
	if !jsonscan.Lookup(body, envelopeKeys, values[:]) {
		return nil, false
	}
	object, okObject := jsonscan.String(values[0])
	typ, okType := jsonscan.String(values[1])
	if !okObject || !okType || object != "event" {
		return nil, false
	}
	if event = newEvent(typ); event == nil {
		return nil, false
	}
	if webhook.DecodeJSON(vendor, typ, body, event) != nil {
		return nil, false
	}
	return event, true
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
