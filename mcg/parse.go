package mcg

import (
	"errors"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/internal/wire"
)

const vendor = "mcg"

// The keys that name an MCG event, matched exactly in this case: Card and
// Course webhooks send Type, collection webhooks EventType.
const (
	keyType      = "Type"
	keyEventType = "EventType"
)

// Parse decodes and validates one MCG delivery. It returns *CardEnd,
// *CourseFinish, *CollectionStarted, *CollectionCompleted, or *Unknown for a
// Type/EventType it does not model. Errors are *ParseError values matching
// ErrMalformed (also for a body that repeats a name, or holds two names that
// differ only in case), ErrInvalid or ErrNoEventType. Of the options only
// WithLocation applies.
//
// Type and EventType are matched exactly as MCG spells them: a body that
// names its event under "type" is not an MCG body (ErrNoEventType). The
// other fields keep encoding/json's matching, which also accepts a name in
// another case; since a body may not hold two names that differ only in
// case, such a name never shadows the documented one.
func Parse(body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	return cfg.parse(body)
}

// ParseRequest is Parse for a delivery with its HTTP header: it first checks
// the Content-Type (JSON, or none) and that the body is not encoded
// (ErrUnsupportedMediaType). MCG sends no credentials or signature.
func ParseRequest(header http.Header, body []byte, opts ...Option) (Event, error) {
	if err := webhook.CheckHeader(header); err != nil {
		return nil, err
	}
	return Parse(body, opts...)
}

func (cfg *config) parse(body []byte) (Event, error) {
	sent, err := webhook.CheckJSON(vendor, "", body)
	if err != nil {
		return nil, err
	}
	name, err := eventName(body)
	if err != nil {
		return nil, err
	}
	event := newEvent(EventType(name))
	if event == nil {
		return webhook.Keep(&Unknown{Name: name, Body: sent.AsSent()}, sent), nil
	}
	if err := webhook.DecodeJSON(vendor, name, body, event); err != nil {
		return nil, err
	}
	wire.Relocate(cfg.location, event, timed.eachTime)
	return webhook.Keep(event, sent), nil
}

// eventName reads Type, or EventType when Type is absent or empty.
func eventName(body []byte) (string, error) {
	for _, key := range []string{keyType, keyEventType} {
		name, err := webhook.NameMember(vendor, body, key, key)
		if err != nil || name != "" {
			return name, err
		}
	}
	return "", &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoEventKey}
}

var errNoEventKey = errors.New(`neither "Type" nor "EventType" (in that case) names an event`)
