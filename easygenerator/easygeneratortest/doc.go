// Package easygeneratortest gives tests Easygenerator's documented course
// result body and the request the course player sends it in, as
// net/http/httptest does for HTTP.
//
// Easygenerator documents one body, which names no event; easygenerator
// calls it "course_finished", and so does Lookup. Example.Event parses it with
// easygenerator's own parser, and NewRequest builds the POST the learner's
// browser sends (JSON; WithOrigin adds the Origin header a browser puts on a
// cross-origin request).
package easygeneratortest

//go:generate go run ../../internal/fixtures/gen -vendor easygenerator
