// Package canonical converts every vendor's webhook event into one common
// Event, so that code downstream handles a course completion the same way
// whether MCG, BrainCert or another vendor sent it.
//
// The Event type follows the lmshooks canonical event contract: its JSON
// field names and order, the omission of absent values, and the type
// vocabulary (Type constants such as TypeCourseCompleted). FromMCG (and its
// siblings for the other vendors) converts a parsed vendor event; Validate
// checks an Event against the contract.
//
// # Choices where the contract is silent
//
//   - Event.Object is omitted for TypeUnknown events: the library does not
//     know what an unmodelled event is about.
//   - The id of an event whose vendor sends no event id is
//     "<vendor>:<vendor event>:" followed by the first 32 hex digits of the
//     SHA-256 of Data, the typed payload encoded as JSON; for an unknown event,
//     of the body with its keys sorted and its white space removed.
//   - MCG: a card's isCorrect becomes Result.Passed (omitted when null); a
//     card's answerText becomes Result.Response (omitted when empty); a
//     course_finish carries Result.Completed = true and no score, since MCG
//     sends none for the course; collection_completed carries
//     Result.Completed = true and a Certificate with Issued = true when it
//     names a certificate URL; a collection's CourseId stays in Data only.
package canonical
