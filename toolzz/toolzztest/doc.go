// Package toolzztest gives tests Toolzz's documented webhook bodies and the
// requests Toolzz sends them in, as net/http/httptest does for HTTP.
//
// Examples lists every body the Toolzz pages document (testdata/toolzz in the
// lmshooks repository, copied here by go generate); Lookup finds one by its
// slug, such as "activities.course.completed". Two bodies carry the slug
// "members.updated": the Status Change example is "members.updated", the User
// Profile Updated example "members.updated.user-update" (its file's name).
//
// Six examples are Partial: the only copy of their page lost the body's end,
// so they keep the keys that survived and nothing invented. They still parse
// to their typed event (every required field survived), but a field missing
// from them says nothing about what Toolzz sends. They are found by slug too
// ("activities.course.enrollment"), or by file name
// ("activities.course.enrollment.partial").
//
// Example.Event parses a body with toolzz's own parser, and NewRequest builds
// the POST Toolzz sends (JSON, no credentials: Toolzz documents none).
package toolzztest

//go:generate go run ../../internal/fixtures/gen -vendor toolzz
