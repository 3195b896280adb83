package toolzz

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/internal/wire"
)

const vendor = "toolzz"

// Parse decodes and validates one Toolzz delivery, chosen by event.slug
// (the keys matched exactly, in this case). It returns one of the
// documented event types, or *Unknown for a slug it does not model. Errors
// are *ParseError values matching ErrMalformed (also for a body that
// repeats a name, or holds two names that differ only in case), ErrInvalid
// or ErrNoEventType. Of the options only WithLocation applies.
//
// The other fields keep encoding/json's matching, which also accepts a name
// in another case; since a body may not hold two names that differ only in
// case, such a name never shadows the documented one.
func Parse(body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	return cfg.parse(body)
}

// ParseRequest is Parse for a delivery with its HTTP header: it first checks
// the Content-Type (JSON, or none) and that the body is not encoded
// (ErrUnsupportedMediaType). Toolzz documents no credentials or signature.
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
	slug, err := eventSlug(body)
	if err != nil {
		return nil, err
	}
	event := newEvent(EventType(slug))
	if event == nil {
		// An unknown event is not validated, but its envelope must hold.
		event = &Unknown{Body: sent.AsSent()}
		if err := json.Unmarshal(body, event); err != nil {
			return nil, webhook.MalformedJSON(vendor, slug, err)
		}
	} else if err := webhook.DecodeJSON(vendor, slug, body, event); err != nil {
		return nil, err
	}
	wire.Relocate(cfg.location, event, timed.eachTime)
	return webhook.Keep(event, sent), nil
}

// eventSlug reads event.slug.
func eventSlug(body []byte) (string, error) {
	slug := ""
	head, found := jsonscan.Exact(body, "event")
	switch {
	case found && jsonscan.IsObject(head):
		var err error
		if slug, err = webhook.NameMember(vendor, head, "slug", "event.slug"); err != nil {
			return "", err
		}
	case found && string(head) != "null":
		return "", &ParseError{Vendor: vendor, Field: "event", Kind: ErrMalformed, Cause: errEventNotObject}
	}
	if slug == "" {
		return "", &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoSlug}
	}
	return slug, nil
}

var errEventNotObject = errors.New(`"event" is not an object`)

var errNoSlug = errors.New(`no "event.slug" names the event`)
