package jetstream

import (
	"time"

	"github.com/nats-io/nats.go"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/headerid"
)

// message renders e as its NATS message in the CloudEvents binary content
// mode: ce-* headers, Nats-Msg-Id, and the canonical event as the payload.
func message(prefix string, e *canonical.Event) (*nats.Msg, error) {
	if e.ID == "" {
		return nil, ErrNoID
	}
	subj, err := subject(prefix, e)
	if err != nil {
		return nil, err
	}
	ce, err := e.ToCloudEvent()
	if err != nil {
		return nil, err
	}
	msg := nats.NewMsg(subj)
	// Not ce.Header(): that is the HTTP binding, which names
	// datacontenttype Content-Type and leaves spaces and '%' as they are.
	set := func(name, value string) {
		if value != "" {
			msg.Header.Set(name, headerid.PercentEncode(value))
		}
	}
	set("ce-specversion", ce.SpecVersion)
	set("ce-id", ce.ID)
	set("ce-source", ce.Source)
	set("ce-type", ce.Type)
	set("ce-subject", ce.Subject)
	if !ce.Time.IsZero() {
		set("ce-time", ce.Time.UTC().Format(time.RFC3339Nano))
	}
	set("ce-datacontenttype", ce.DataContentType)
	msg.Header.Set(nats.MsgIdHdr, MsgID(e.ID))
	msg.Data = ce.Data
	return msg, nil
}

// MsgID returns the Nats-Msg-Id of the event with canonical id id: the id
// itself or, when it holds what a header cannot carry verbatim (a '%', a
// control or non-ASCII byte, or a space at either end), the id
// percent-encoded as the ce-id header is. Two different ids never share a
// Nats-Msg-Id.
func MsgID(id string) string { return headerid.ID(id) }
