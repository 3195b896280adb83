package toolzz

import (
	"encoding/json"
	"errors"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "toolzz"

// envelope holds the key that names a Toolzz event.
type envelope struct {
	Event struct {
		Slug string `json:"slug"`
	} `json:"event"`
}

// Parse decodes and validates one Toolzz delivery, chosen by event.slug
// (matched exactly as sent). It returns one of the documented event types,
// or *Unknown for a slug it does not model. Errors are *ParseError values
// matching ErrMalformed, ErrInvalid or ErrNoEventType. Of the options only
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
	slug := env.Event.Slug
	event := newEvent(slug)
	switch {
	case slug == "":
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoSlug}
	case event == nil:
		// An unknown event is not validated, but its envelope must hold.
		event = &Unknown{Body: append(json.RawMessage(nil), body...)}
		if err := json.Unmarshal(body, event); err != nil {
			return nil, webhook.MalformedJSON(vendor, slug, err)
		}
	default:
		if err := webhook.DecodeJSON(vendor, slug, body, event); err != nil {
			return nil, err
		}
	}
	return event, nil
}

// The keys of envelope, for jsonscan.
var (
	eventKey = []string{"event"}
	slugKey  = []string{"slug"}
)

// parseOnce is Parse's fast path for a documented event: it reads
// event.slug with a scan instead of a first decode, then decodes and
// validates the body once. ok is false, and Parse takes parseWithEnvelope
// (which also words any error), when the scan gives up, the slug is not
// modelled, or the body does not decode or validate.
func parseOnce(body []byte) (event Event, ok bool) {
	var head, slug [1][]byte
	if !jsonscan.Lookup(body, eventKey, head[:]) || !jsonscan.Lookup(head[0], slugKey, slug[:]) {
		return nil, false
	}
	name, ok := jsonscan.String(slug[0])
	if !ok {
		return nil, false
	}
	if event = newEvent(name); event == nil {
		return nil, false
	}
	if webhook.DecodeJSON(vendor, name, body, event) != nil {
		return nil, false
	}
	return event, true
}

var errNoSlug = errors.New(`no "event.slug" names the event`)

// newEvent returns an empty event of the slug's type, or nil for a slug
// this package does not model.
func newEvent(slug string) Event {
	switch slug {
	case EventCourseEnrollment:
		return new(CourseEnrollment)
	case EventCourseCompleted:
		return new(CourseCompleted)
	case EventTrailCompleted:
		return new(TrailCompleted)
	case EventContentCompleted:
		return new(ContentCompleted)
	case EventActivityAnswered:
		return new(ActivityAnswered)
	case EventCertificateIssued:
		return new(CertificateIssued)
	case EventMemberCreated:
		return new(MemberCreated)
	case EventMemberUpdated:
		return new(MemberUpdated)
	case EventProductRedemption:
		return new(ProductRedemption)
	case EventNewsletterSubscribed:
		return new(NewsletterSubscribed)
	}
	return nil
}
