// Package mcg parses the webhooks of Mini Course Generator (MCG).
//
// MCG sends four documented events, each a flat JSON object:
//
//	Type "course_answer"              Card End: one card answered     -> CardEnd
//	Type "course_finish"              Course Finish: all cards        -> CourseFinish
//	EventType "collection_started"    a learner started a collection  -> CollectionStarted
//	EventType "collection_completed"  a learner completed it          -> CollectionCompleted
//
// Parse picks the event from the Type or EventType key and returns it behind
// the sealed Event interface; a type switch gets the concrete struct. A value
// of Type or EventType that this package does not know is not an error: it
// comes back as Unknown with the raw body. A body with neither key is
// rejected with ErrNoEventType.
//
// The learner's identity is uniqueId (course events) or Username (collection
// events): the learner's e-mail address or, where the collection is open to
// everyone, a random id. MCG sends no signature or credentials, so Handler
// cannot tell a forged delivery from a real one: keep the endpoint's URL
// secret.
//
// The keys that name the event (Type and EventType) match exactly, in the case the
// vendor documents. Other keys match as encoding/json matches them: exactly
// first, then without regard to case. A body that repeats a name (at any
// depth, in any spelling that decodes to the same name) or holds two names
// that differ only in case is refused as ErrMalformed, so no key shadows
// another and every reader of the body reads the same values.
//
// Times without an offset (answeredAt) are read in UTC unless WithLocation
// names another location.
package mcg
