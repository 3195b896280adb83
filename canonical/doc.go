// Package canonical converts every vendor's webhook event into one common
// Event, so that code downstream handles a course completion the same way
// whether MCG, BrainCert or another vendor sent it.
//
// One level up, Handler is one endpoint for every vendor: it tells the
// vendor from the request (DetectVendor), hands the request to that vendor's
// own handler, converts, and calls the user's callback with canonical
// events; ParseRequest does the same for code that reads requests itself.
// Deduplicate (or Handler's WithDedup) hands each event id to the callback
// once, WithInflightLimit (or InflightLimit.Wrap) bounds the body bytes that
// all requests hold at once, and ToCloudEvent renders an event as a
// CloudEvents 1.0 event.
//
// The Event type follows the lmshooks canonical event contract: its JSON
// field names and order, the omission of absent values, and the type
// vocabulary (Type constants such as TypeCourseCompleted). FromMCG (and its
// siblings for the other vendors) converts a parsed vendor event; Validate
// checks an Event against the contract.
//
// # Choices where the contract is silent
//
// Each From* function's doc lists its vendor's choices (FromBrainCert,
// FromEasygenerator, FromToolzz, FromLearnInk); the common ones, and MCG's,
// are:
//
//   - Every course.completed carries Result.Completed = true.
//   - Event.Object is omitted for TypeUnknown events: the library does not
//     know what an unmodelled event is about.
//   - Data is the payload as the vendor sent it (the vendor event's
//     AsSent: the body's JSON without the white space outside strings, every
//     field kept); for a vendor event built in code rather than parsed, its
//     typed value encoded as JSON.
//   - The id of an event whose vendor sends no event id is
//     "<vendor>:<vendor event>:" followed by the first 32 hex digits of the
//     SHA-256 of Data's RFC 8785 form (see ContentID): white space, key
//     order and string escapes aside, any difference in any field gives
//     another id. Numbers are doubles there, as RFC 8785 has them: two
//     integers beyond 2^53 that differ only in their last digits give one
//     id.
//   - MCG: a card's isCorrect becomes Result.Passed (omitted when null); a
//     card's answerText becomes Result.Response (omitted when empty); a
//     course_finish carries Result.Completed = true and no score, since MCG
//     sends none for the course; collection_completed carries
//     Result.Completed = true and a Certificate with Issued = true when it
//     names a certificate URL; a collection's CourseId stays in Data only.
package canonical
