package learnink

import (
	"errors"
	"fmt"
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
	event := newEvent(EventType(typ))
	if event == nil {
		event = &Unknown{Body: sent.AsSent()}
	}
	if err := webhook.DecodeJSON(vendor, typ, body, event); err != nil {
		return nil, err
	}
	return webhook.Keep(event, sent), nil
}

// ParseRequest parses a delivery with its HTTP header, as Handler does: it
// checks the Content-Type (JSON, or none) and that the body is not encoded
// (ErrUnsupportedMediaType); with WithSecrets, verifies the signature on the
// raw body first (ErrUnauthorized; a secret that does not decode is an
// error whatever the request); then parses the body and sets MessageID from
// svix-id, or webhook-id when there is no svix-id. Without WithSecrets it
// checks no signature: for development only.
func ParseRequest(header http.Header, body []byte, opts ...Option) (Event, error) {
	if err := webhook.CheckHeader(header); err != nil {
		return nil, err
	}
	parse, err := requestParser(newConfig(opts))
	if err != nil {
		return nil, err
	}
	return parse(header, body)
}

// requestParser returns ParseRequest's work after the header checks, with
// the secrets decoded once: the signature check (none without secrets),
// then Parse and the MessageID. A secret that does not decode is an error.
func requestParser(cfg config) (func(http.Header, []byte) (Event, error), error) {
	verify := func(http.Header, []byte) error { return nil }
	if len(cfg.secrets) > 0 {
		v, err := newVerifier(cfg)
		if err != nil {
			return nil, fmt.Errorf("signature verification is misconfigured: %w", err)
		}
		verify = v.Verify
	}
	return func(header http.Header, body []byte) (Event, error) {
		if err := verify(header, body); err != nil {
			return nil, err
		}
		event, err := Parse(body)
		if err != nil {
			return nil, err
		}
		event.Common().MessageID = MessageID(header)
		return event, nil
	}, nil
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
