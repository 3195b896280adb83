// Package toolzz parses the webhooks of Toolzz (LXP/LMS) and serves them
// over HTTP.
//
// Every Toolzz delivery is a JSON object with two keys: "event" (name, slug,
// send_at, and on three events acao) and "data", whose shape depends on the
// event. Parse picks the event by event.slug, matched exactly as sent, and
// returns a typed struct for each of the ten documented slugs:
//
//	activities.course.enrollment   New Enrollment          -> CourseEnrollment
//	activities.course.completed    Course Completed        -> CourseCompleted
//	activities.trail.completed     Trail Completed         -> TrailCompleted
//	activities.content.completed   Content Completed       -> ContentCompleted
//	activities.answered.activity   Activity Answered       -> ActivityAnswered
//	activities.certificate.issued  Certificate Issued      -> CertificateIssued
//	members.created                New Registration        -> MemberCreated
//	members.updated                Status Change, Profile  -> MemberUpdated
//	shop.product.redemption        Product Redemption      -> ProductRedemption
//	newslatter.created [sic]       Newsletter Subscription -> NewsletterSubscribed
//
// Any other slug (such as members.disabled, which a third-party client
// offers but Toolzz does not document) is not an error: it comes back as
// Unknown with its envelope and the raw body. A body with no event.slug is
// rejected with ErrNoEventType.
//
// The canonical package maps activities.course.completed to
// course.completed, activities.course.enrollment to enrollment.created,
// members.created to user.created and members.updated to user.updated; every
// other slug, documented or not, becomes a canonical "unknown" event that
// keeps the body as sent.
//
// # Fields and formats
//
// Each struct holds every field the Toolzz pages document for its event.
// Several documented examples were cut off in the only copy available
// (enrollment, content, activity, certificate, new registration and
// redemption); their fields come from the pages' tables, and the keys of
// the certificate event's course, school and certificate objects, the
// redemption object's key "redemption" and the place of members.created's
// formulario_respostas (in user) are assumed, as the copy does not show them.
//
//   - Times carry no zone: send_at and the other date-times are
//     "yyyy-MM-dd HH:mm:ss", date_expire and date_delivery are dates
//     "yyyy-MM-dd" (Time), and the per-school created_at/updated_at of the
//     member and newsletter events are day first, "dd/MM/yyyy HH:mm:ss"
//     (DayFirstTime). All are read in UTC unless WithLocation names the
//     institution's zone. The activity event's current_time is a time of day
//     ("HH:mm:ss") and members.created's date_of_birth has no documented
//     format: both stay strings.
//   - actived, status and delivered are 1/0 numbers meaning booleans (Bool,
//     which also takes true/false); correct is a nullable boolean.
//   - Ids are numbers (beyond 32 bits in examples), except in
//     shop.product.redemption, where every value is a string (ID takes both).
//   - Nullable fields (nickname, uuid, date_expire, ...) are pointers.
//   - cpf, the Brazilian individual taxpayer number, is personal data. It is
//     kept in the typed value as a CPF, which prints redacted; no error or
//     log line of this package contains it (errors name fields, never the
//     cpf's value). Its checksum is not verified: the vendor's own example
//     number does not pass it.
//   - The user's id is required in every documented event, the course's id
//     in the enrollment, course-completed and activity events, and
//     event.send_at in all of them. Unknown slugs are not validated.
//
// # Delivery
//
// Toolzz posts JSON and documents no signature, credentials, event id,
// retry policy or time zone. Handler cannot tell a forged delivery from a
// real one: keep the endpoint's URL secret. As there is no event id, the
// canonical id is derived from the payload's content.
//
// The keys that name the event (event.slug) match exactly, in the case the
// vendor documents. Other keys match as encoding/json matches them: exactly
// first, then without regard to case. A body that repeats a name (at any
// depth, in any spelling that decodes to the same name) or holds two names
// that differ only in case is refused as ErrMalformed, so no key shadows
// another and every reader of the body reads the same values.
package toolzz
