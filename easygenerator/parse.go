package easygenerator

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "easygenerator"

// Parse decodes and validates one Easygenerator course result body and
// returns it as *CourseResult. Errors are *ParseError values matching
// ErrMalformed (also for a body that repeats a name, or holds two names that
// differ only in case) or ErrInvalid. Field names keep encoding/json's
// matching, which also accepts a name in another case; since a body may
// not hold two names that differ only in case, such a name never shadows
// the documented one.
//
// No option applies to Parse; opts is there so that every vendor's Parse
// has the same signature.
func Parse(body []byte, opts ...Option) (Event, error) {
	const name = string(EventCourseFinished) // the body names no event
	sent, err := webhook.CheckJSON(vendor, name, body)
	if err != nil {
		return nil, err
	}
	result := new(CourseResult)
	if err := webhook.DecodeJSON(vendor, name, body, result); err != nil {
		return nil, err
	}
	return webhook.Keep(result, sent), nil
}

// ParseRequest is Parse for a delivery with its HTTP header: it first checks
// the Content-Type (JSON, or none) and that the body is not encoded
// (ErrUnsupportedMediaType). Easygenerator sends no credentials or
// signature; CORS is the handler's concern, not the body's.
func ParseRequest(header http.Header, body []byte, opts ...Option) (Event, error) {
	if err := webhook.CheckHeader(header); err != nil {
		return nil, err
	}
	return Parse(body, opts...)
}
