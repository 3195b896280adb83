package mcg

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
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
	event, ok := parseOnce(body)
	if !ok {
		var err error
		if event, err = parseWithEnvelope(body); err != nil {
			return nil, err
		}
	}
	readTimesIn(event, cfg.location)
	return event, nil
}

// parseWithEnvelope decodes the envelope to name the event, then the event:
// the exact path for every body, which words every error.
func parseWithEnvelope(body []byte) (Event, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, webhook.MalformedJSON(vendor, "", err)
	}
	name := env.Type
	if name == "" {
		name = env.EventType
	}
	event := newEvent(name)
	switch {
	case name == "":
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoEventKey}
	case event == nil:
		return &Unknown{Name: name, Body: append(json.RawMessage(nil), body...)}, nil
	}
	if err := webhook.DecodeJSON(vendor, name, body, event); err != nil {
		return nil, err
	}
	return event, nil
}

// eventKeys are envelope's keys, for jsonscan.
var eventKeys = []string{"Type", "EventType"}

// parseOnce is Parse's fast path for a documented event: it reads the event
// name with a scan instead of a first decode, then decodes and validates the
// body once. ok is false, and Parse takes parseWithEnvelope (which also
// words any error), when the scan gives up, the event is not modelled, or the body
// does not decode or validate.
func parseOnce(body []byte) (event Event, ok bool) {
	var values [2][]byte
	if !jsonscan.Lookup(body, eventKeys, values[:]) {
		return nil, false
	}
	typ, okType := jsonscan.String(values[0])
	eventType, okEventType := jsonscan.String(values[1])
	if !okType || !okEventType {
		return nil, false
	}
	name := typ
	if name == "" {
		name = eventType
	}
	if event = newEvent(name); event == nil {
		return nil, false
	}
	if webhook.DecodeJSON(vendor, name, body, event) != nil {
		return nil, false
	}
	return event, true
}

// newEvent returns an empty event of the named type, or nil for a name this
// package does not model.
func newEvent(name string) Event {
	switch name {
	case EventCourseAnswer:
		return new(CardEnd)
	case EventCourseFinish:
		return new(CourseFinish)
	case EventCollectionStarted:
		return new(CollectionStarted)
	case EventCollectionCompleted:
		return new(CollectionCompleted)
	}
	return nil
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
