package easygenerator

import "github.com/lmshooks/lmshooks/internal/webhook"

const vendor = "easygenerator"

// Parse decodes and validates one Easygenerator course result body and
// returns it as *CourseResult. Errors are *ParseError values matching
// ErrMalformed (also for a body that repeats a name, or holds two names that
// differ only in case) or ErrInvalid. Field names keep encoding/json's
// matching, which also accepts a name in another case; since a body may
// not hold two names that differ only in case, such a name never shadows
// the documented one.
func Parse(body []byte) (Event, error) {
	sent, err := webhook.CheckJSON(vendor, EventCourseFinished, body)
	if err != nil {
		return nil, err
	}
	result := new(CourseResult)
	if err := webhook.DecodeJSON(vendor, EventCourseFinished, body, result); err != nil {
		return nil, err
	}
	return webhook.Keep(result, sent), nil
}
