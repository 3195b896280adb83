package easygenerator

import "github.com/lmshooks/lmshooks/internal/webhook"

const vendor = "easygenerator"

// Parse decodes and validates one Easygenerator course result body and
// returns it as *CourseResult. Errors are *ParseError values matching
// ErrMalformed or ErrInvalid.
func Parse(body []byte) (Event, error) {
	result := new(CourseResult)
	if err := webhook.DecodeJSON(vendor, EventCourseFinished, body, result); err != nil {
		return nil, err
	}
	return result, nil
}
