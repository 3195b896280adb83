package toolzz

import (
	"encoding/json"
	"errors"

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
	readTimesIn(event, cfg.location)
	return event, nil
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
