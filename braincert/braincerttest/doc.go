// Package braincerttest gives tests BrainCert's documented webhook bodies and
// the requests BrainCert sends them in, as net/http/httptest does for HTTP.
//
// Examples lists every body the BrainCert docs give (testdata/braincert in
// the lmshooks repository, copied here by go generate), and Lookup finds one
// by topic, such as "course_completion.completed" or
// "virtual classroom.enrollment" (with its space; the file's name,
// "virtual_classroom.enrollment.json" or without ".json", works too).
// BrainCert does not document its XML form; three topics also come as our
// XML rendering, named after their files: "course_completion.completed.xml",
// "purchase.completed.xml" and "user.signup.xml".
//
// Example.Event parses a body with braincert's own parser, and NewRequest
// builds the POST BrainCert sends, with WithBasicAuth for a webhook that
// requires Basic authentication.
package braincerttest

//go:generate go run ../../internal/fixtures/gen -vendor braincert
