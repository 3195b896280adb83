// Package learnink parses LearnInk's webhooks and checks their Svix
// signatures.
//
// Every LearnInk delivery is one JSON envelope:
//
//	{"object": "event", "type": "...", "api_version": "2022-11-15",
//	 "data": {...}, "timestamp": "2022-11-04T09:58:58.233Z"}
//
// Parse picks the event from "type" and returns it behind the sealed Event
// interface; a type switch gets the concrete struct:
//
//	"user.course.started"    a learner started a course        -> UserCourseStarted
//	"user.course.completed"  a learner completed a course      -> UserCourseCompleted
//	"notifications.sent"     push notifications to forward     -> NotificationsSent
//	any other type           kept with its body                 -> Unknown
//
// user.course.started and notifications.sent are documented with examples;
// user.course.completed shares the user.course.* data shape (LearnInk's full
// catalog is only inside its dashboard). A body whose "object" is not
// "event" is rejected with ErrInvalid; a body without "type" with
// ErrNoEventType. "timestamp" is optional: LearnInk documents it for every
// event, but a delivery without it is still accepted, with a zero Timestamp.
// It is when the event happened, not when it was delivered: users who were
// offline send events days late, so it is never checked against the clock.
//
// # Signatures
//
// LearnInk delivers through Svix, which signs every request with the
// headers svix-id, svix-timestamp and svix-signature (the Standard Webhooks
// names webhook-id, webhook-timestamp and webhook-signature are accepted as
// well). A Verifier checks them on the raw body, before any JSON is read:
// HMAC-SHA256 keyed with the base64 part of the "whsec_..." secret, over
// id + "." + timestamp + "." + body; any "v1," entry of the signature header
// may match (several secrets may be configured while one is rotated); the
// timestamp must be within five minutes of now, in either direction
// (WithTolerance changes that). A failure matches ErrUnauthorized and never
// names the secret or a signature.
//
// Handler verifies every delivery when WithSecrets is given and answers 401
// {"error":"unauthorized"} to a request whose signature is missing, wrong or
// stale. Without WithSecrets it accepts unsigned requests: that is meant for
// development only, since anyone who knows the URL can then post events.
//
// svix-id stays the same across retries of one message: ParseRequest and
// Handler keep it as the event's MessageID, for de-duplication.
//
// The keys that name the event (object and type) match exactly, in the case the
// vendor documents. Other keys match as encoding/json matches them: exactly
// first, then without regard to case. A body that repeats a name (at any
// depth, in any spelling that decodes to the same name) or holds two names
// that differ only in case is refused as ErrMalformed, so no key shadows
// another and every reader of the body reads the same values.
package learnink
