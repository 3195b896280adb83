package mcg

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "mcg"

// envelope holds the two keys that name an MCG event.
type envelope struct {
	Type      string `json:"Type"`
	EventType string `json:"EventType"`
}

// Parse decodes and validates one MCG delivery. It returns *CardEnd,
// *CourseFinish, *CollectionStarted, *CollectionCompleted, or *Unknown for a
// Type/EventType it does not model. Errors are *ParseError values matching
// ErrMalformed, ErrInvalid or ErrNoEventType. Of the options only
// WithLocation applies.
func Parse(body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, webhook.MalformedJSON(vendor, "", err)
	}
	name := env.Type
	if name == "" {
		name = env.EventType
	}
	var event Event
	switch name {
	case "":
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoEventKey}
	case EventCourseAnswer:
		event = new(CardEnd)
	case EventCourseFinish:
		event = new(CourseFinish)
	case EventCollectionStarted:
		event = new(CollectionStarted)
	case EventCollectionCompleted:
		event = new(CollectionCompleted)
	default:
		return &Unknown{Name: name, Body: append(json.RawMessage(nil), body...)}, nil
	}
	if err := webhook.DecodeJSON(vendor, name, body, event); err != nil {
		return nil, err
	}
	readTimesIn(event, cfg.location)
	return event, nil
}

var errNoEventKey = errors.New(`neither "Type" nor "EventType" names an event`)

// readTimesIn re-reads the event's offset-less times as wall-clock time in
// loc; times that carry an offset are left alone.
func readTimesIn(event Event, loc *time.Location) {
	if loc == nil || loc == time.UTC {
		return
	}
	switch e := event.(type) {
	case *CardEnd:
		e.Answer.AnsweredAt.Time = e.Answer.AnsweredAt.In(loc)
	case *CourseFinish:
		for id, card := range e.Cards {
			card.AnsweredAt.Time = card.AnsweredAt.In(loc)
			e.Cards[id] = card
		}
	case *CollectionStarted:
		e.StartedAt.Time = e.StartedAt.In(loc)
	}
}
