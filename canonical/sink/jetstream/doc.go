// Package jetstream is a sink that publishes canonical events to a NATS
// JetStream stream, one message per event, in the CloudEvents binary content
// mode of the CloudEvents NATS protocol binding.
//
// Each message has:
//
//   - subject <prefix>.<vendor>.<canonical type>, such as
//     "lmshooks.mcg.card.answered" (the prefix is DefaultSubjectPrefix unless
//     WithSubjectPrefix sets another; the dots of a type stay subject tokens);
//   - one ce-* header per CloudEvents attribute of the event's ToCloudEvent
//     rendering (ce-specversion, ce-id, ce-source, ce-type, ce-subject,
//     ce-time, ce-datacontenttype), each value percent-encoded as the binding
//     says (space, '"', '%' and every byte outside printable ASCII);
//   - the canonical event's JSON as the payload;
//   - Nats-Msg-Id = the canonical id, so that the stream's duplicate window
//     drops a publish of the same event again (see MsgID for the rare id a
//     header cannot carry verbatim).
//
// An event counts as delivered only once the stream acknowledged it (its
// PubAck, a duplicate's included). A batch is published concurrently and each
// acknowledgement or error is matched to its event.
//
// A subject token must be a non-empty run of printable ASCII other than '.',
// '*' and '>'. An event whose vendor or type breaks that is rejected
// (sink.ErrRejected, ErrInvalidSubject), never published under a changed or
// invalid subject: the vocabulary of canonical types never does, so it is a
// bug upstream to look at, not something to retry. An event larger than the
// server's max_payload, and one without an id (ErrNoID), are rejected too.
//
// The stream belongs to the user: New checks that it exists and, only with
// WithCreateStream(true), creates it (subjects "<prefix>.>", file storage, a
// DefaultDuplicateWindow duplicate window) when it does not.
package jetstream
