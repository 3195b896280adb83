// Package xapi turns canonical events into xAPI statements and delivers
// them to a Learning Record Store (LRS), following the lmshooks xAPI
// contract: deterministic UUID v5 statement ids, so that re-deliveries are
// harmless; the actor, verb, activity, context and result rules; and the
// LRS status handling (409 and 400 recorded per statement, 400 batches
// split, 401/403 and 429/5xx/network failures retried).
//
// Statements maps one event (WithActivityBase, WithVendorHomePage,
// WithCustomerHomePage, WithLanguage, WithMboxSHA1Sum, WithAlwaysAccount,
// WithOptIn change how); Statement.Validate checks a statement as an LRS
// does; NewLRS returns a sink.Sink that posts the statements of events to
// an LRS.
//
// # Choices where the contract is silent
//
//   - Actors carry objectType "Agent" and activities objectType
//     "Activity", so that a statement reads the same in every LRS.
//   - A definition without a name or type is left out, never {}; an
//     enrollment in an object kind the contract names no type for (a
//     bundle) has an activity with a name only.
//   - The platform activity of user.created is named after the vendor
//     ("BrainCert"), in the configured language.
//   - A certificate marked as not issued earns no #certificate statement.
//     A certificate without an absolute http(s) URL gets the id of the
//     activity it was awarded for followed by /certificate; its parent is
//     that activity; it carries no result.
//   - A score with a max_score of 0 or less is sent as raw alone.
//   - The masteryscore goes with the statements that judge the result (the
//     event's statement and its #outcome), not with the #certificate.
//   - A card without a parent gets <base>/<vendor>/card/<id>.
//   - The LRS sink splits a batch the LRS answers 413 (too large) as it
//     splits a 400 or 409; a statement too large alone is rejected.
//   - The sink validates every statement before sending it: one that
//     fails Validate is rejected without a request.
//   - Validate accepts any mailto address that net/mail accepts, as the
//     xAPI specification does; Learning Locker also wants a dotted domain
//     (it refuses mailto:ann@intranet): such a statement is rejected by
//     that LRS, with its message.
//   - Validate refuses a timestamp more than five minutes ahead of this
//     machine's clock (the contract allows no future time); Statements
//     itself never reads the clock, so its output stays a pure function of
//     the event.
package xapi
