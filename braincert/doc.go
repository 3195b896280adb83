// Package braincert parses the webhooks of BrainCert, the learning
// management system.
//
// BrainCert sends every topic in one envelope: id, resource, action,
// domain_id and/or tenant_id, created_at, an optional unix timestamp, and a
// topic-specific payload. The topic is the (resource, action) pair exactly as
// sent; Parse picks the struct from it:
//
//	user.signup                   User Created            -> *UserCreated
//	user.updated, user.deleted    User Updated, Deleted   -> *UserUpdated, *UserDeleted
//	group.created                 Group Created           -> *GroupCreated
//	course.created|updated|deleted                        -> *CourseCreated, ...
//	bundle.created|updated|deleted                        -> *BundleCreated, ...
//	assessment.created|updated|deleted  Test ...          -> *TestCreated, ...
//	virtual classroom.created|updated|deleted  Live Class -> *LiveClassCreated, ...
//	product.created|updated|deleted                       -> *ProductCreated, ...
//	course_enrollment.enrollment  Course Enrollment       -> *CourseEnrollment
//	test_enrollment.enrollment    Test Enrollment         -> *TestEnrollment
//	virtual classroom.enrollment  Live Class Enrollment   -> *LiveClassEnrollment
//	course_completion.completed   Course Completed        -> *CourseCompleted
//	assessment.completed          Test Completed          -> *TestCompleted
//	purchase.completed            New Sale                -> *NewSale
//
// Note the space in "virtual classroom". Live Class Updated has no example
// body in the docs and is modelled like Live Class Created; Product Updated
// is not documented at all and is accepted with Product Created's body.
// Any other pair is not an error: it comes back as *Unknown with the raw
// body. A body without resource or action is rejected with ErrNoEventType.
// Topics lists the modelled topics.
//
// The docs' bodies mix forms, and all of them parse: ids as numbers or
// strings (ID), the timestamp present or absent, domain_id or tenant_id,
// placeholder strings such as "free/paid" (kept as sent), a null
// avatar_url, prices as strings in products but numbers in sales.
//
// The webhook form lets the admin choose application/json or
// application/xml per webhook. Parse reads JSON, ParseXML the undocumented
// XML form (see there), ParseContent picks one by Content-Type, and Handler
// does that per request.
//
// The form can also require HTTP Basic authentication: WithBasicAuth makes
// Handler check it. BrainCert sends no signature, so without Basic
// authentication the handler cannot tell a forged delivery from a real one.
//
// The keys that name the event (resource and action) match exactly, in the case the
// vendor documents. Other keys match as encoding/json matches them: exactly
// first, then without regard to case. A body that repeats a name (at any
// depth, in any spelling that decodes to the same name) or holds two names
// that differ only in case is refused as ErrMalformed, so no key shadows
// another and every reader of the body reads the same values.
// The XML form refuses an element repeated where one value is expected.
package braincert
