// Package learninktest gives tests LearnInk's documented webhook bodies and
// the signed requests LearnInk (through Svix) sends them in, as
// net/http/httptest does for HTTP.
//
// Examples lists the bodies LearnInk documents (testdata/learnink in the
// lmshooks repository, copied here by go generate); Lookup finds one by its
// "type": "user.course.started" or "notifications.sent". Example.Event parses
// a body with learnink's own parser.
//
// NewRequest builds the POST Svix sends, with its svix-id and svix-timestamp
// headers. With WithSecret it also signs the body as Svix does
// (svix-signature), so that a handler configured with learnink.WithSecrets
// accepts it; WithMessageID and WithClock fix the message id and the time for
// reproducible tests. Sign computes the signature alone.
package learninktest

//go:generate go run ../../internal/fixtures/gen -vendor learnink
