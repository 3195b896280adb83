// Package mcgtest gives tests Mini Course Generator's documented webhook
// bodies and the requests MCG sends them in, as net/http/httptest does for
// HTTP.
//
// Examples lists the four bodies MCG's help page documents (testdata/mcg in
// the lmshooks repository, copied here by go generate); Lookup finds one by
// its Type or EventType: "course_answer", "course_finish",
// "collection_started" or "collection_completed". Example.Event parses a body
// with mcg's own parser, and NewRequest builds the POST MCG sends (JSON, no
// credentials: MCG sends none).
package mcgtest

//go:generate go run ../../internal/fixtures/gen -vendor mcg
