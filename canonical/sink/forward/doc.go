// Package forward is a sink that POSTs each canonical event, as a
// CloudEvent, to an HTTP endpoint of the user's, signed per Standard
// Webhooks, so that the user's service verifies one standard signature
// whatever vendor sent the event.
//
// Each request carries:
//
//   - the event's ToCloudEvent rendering: in the structured content mode by
//     default (the CloudEvent's JSON, Content-Type
//     "application/cloudevents+json"), or in the binary mode with
//     WithMode(Binary) (the ce-* headers, and the canonical event's JSON as
//     the body with Content-Type "application/json");
//   - webhook-id: the canonical id (percent-encoded only in the rare case it
//     holds a '%', a control or non-ASCII byte, or a space at either end,
//     which a header cannot carry verbatim); a receiver drops a duplicate by
//     it;
//   - webhook-timestamp: the unix seconds of the attempt;
//   - webhook-signature: "v1," + the base64 HMAC-SHA256 of
//     "<webhook-id>.<webhook-timestamp>.<body>" under the key of the
//     configured "whsec_" secret (learnink.Sign), which the Standard Webhooks
//     libraries and learnink's own Verifier accept.
//
// A 2xx answer is delivered. Anything else is retried, as the fan-out issue
// asks, 4xx included: a 401 or 404 from the user's service is far more often
// a secret or route being changed than an event it will never take, and the
// relay's retry limit and dead rows catch the rest. Redirects are not
// followed (a 3xx is retried like any other answer), every attempt is bounded
// by WithTimeout, and at most 4 KiB of an answer is read.
package forward
