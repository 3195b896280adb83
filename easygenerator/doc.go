// Package easygenerator parses the course result webhook of Easygenerator
// and serves it over HTTP, answering the CORS preflight that browsers send
// before it.
//
// Easygenerator sends one documented body, when a learner finishes a course
// (a Teach/Simple course, Test/Assessment or Personalized learning template
// set to "Report to: webhooks"):
//
//	{"courseId": "...", "learnerId": "...", "score": 100,
//	 "finishedOn": "2018-07-15T06:15:17.502Z", "status": "passed"}
//
// The body names no event; this package calls it "course_finished"
// (EventCourseFinished). Parse returns it as *CourseResult behind the sealed
// Event interface, which leaves room for further bodies.
//
// # Validation
//
// courseId and learnerId are required and non-empty; score is required and
// a number from 0 to 100; finishedOn is a required time; status is a
// required non-empty string. "passed" and "failed" are the documented
// statuses (StatusPassed, StatusFailed); any other status is kept as sent
// and is not an error.
//
// # Cross-origin delivery
//
// The request does not come from Easygenerator's servers: the course player
// in the learner's browser posts it, with Content-Type application/json, to
// the receiver's origin. The browser therefore first sends a CORS preflight
// (OPTIONS with Access-Control-Request-Method: POST) and hides any response
// that lacks Access-Control-Allow-Origin. Handler answers the preflight with
// 204 and puts Access-Control-Allow-Origin on every response, errors
// included; WithAllowedOrigins limits the origins it names (default "*").
// CORS exposes the same logic for other handlers.
//
// CORS is the browser's protection of its user, not authentication: a
// request from an origin that is not allowed is still processed (only the
// browser hides the answer), and anything outside a browser can post any
// body. Easygenerator documents no signature or credentials, and the
// learner's browser can be made to send anything; treat every result as
// claimed by the learner, and keep the endpoint's URL unlisted.
//
// After 11 failed attempts the course player gives up and tells the learner;
// Easygenerator still records the result itself.
//
// Other keys match as encoding/json matches them: exactly
// first, then without regard to case. A body that repeats a name (at any
// depth, in any spelling that decodes to the same name) or holds two names
// that differ only in case is refused as ErrMalformed, so no key shadows
// another and every reader of the body reads the same values.
package easygenerator
