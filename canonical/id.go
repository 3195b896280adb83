package canonical

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/lmshooks/lmshooks/internal/jcs"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

// VendorID builds the id of an event whose vendor sends an event id:
// "<vendor>:<vendor event>:<vendor's id>".
func VendorID(vendor Vendor, vendorEvent, id string) string {
	return string(vendor) + ":" + vendorEvent + ":" + id
}

// ContentID builds the id of an event whose vendor sends no event id:
// "<vendor>:<vendor event>:" and the first 32 hex digits of the SHA-256 of
// the payload's RFC 8785 (JSON Canonicalization Scheme) form. Payloads that
// differ only in white space, key order or the spelling of string escapes
// get the same id; any other difference, in any field, gives another. A
// payload that is not valid JSON is hashed as it is.
func ContentID(vendor Vendor, vendorEvent string, payload []byte) string {
	sum, err := jcs.Sum(payload)
	if err != nil {
		sum = sha256.Sum256(payload)
	}
	return contentID(vendor, vendorEvent, sum)
}

func contentID(vendor Vendor, vendorEvent string, sum [32]byte) string {
	return string(vendor) + ":" + vendorEvent + ":" + hex.EncodeToString(sum[:16])
}

// payloadOf returns a vendor event's Data and the SHA-256 of its RFC 8785
// form: the payload as the vendor sent it, as the vendor's Parse kept it;
// for an event built in code (no Parse saw it), its typed value's JSON.
func payloadOf(event any) (json.RawMessage, [32]byte, error) {
	if data, sum, ok := webhook.SentOf(event); ok {
		return data, sum, nil
	}
	data, err := marshalPayload(event)
	if err != nil {
		return nil, [32]byte{}, err
	}
	sum, err := jcs.Sum(data)
	return data, sum, err
}

// dataOf is payloadOf for an event whose id is the vendor's own: a parsed
// event's payload is returned without computing its sum (an event built in
// code is still checked as payloadOf checks it).
func dataOf(event any) (json.RawMessage, error) {
	if data, ok := webhook.PayloadOf(event); ok {
		return data, nil
	}
	data, _, err := payloadOf(event)
	return data, err
}

// newEvent starts an Event for a vendor event whose vendor sends no event
// id: Data is the payload as sent and the id derives from all of it.
func newEvent(vendor Vendor, typ Type, vendorEvent string, event any) (Event, error) {
	data, sum, err := payloadOf(event)
	if err != nil {
		return Event{}, fmt.Errorf("canonical: encoding %s %s payload: %w", vendor, vendorEvent, err)
	}
	return Event{
		ID:          contentID(vendor, vendorEvent, sum),
		Vendor:      vendor,
		Type:        typ,
		VendorEvent: vendorEvent,
		Data:        data,
	}, nil
}

// unknownEvent wraps an event the vendor package does not model: Data is
// its body. body is the Unknown's Body, for an Unknown built in code.
func unknownEvent(vendor Vendor, vendorEvent string, event any, body json.RawMessage) (Event, error) {
	data, sum, ok := webhook.SentOf(event)
	if !ok {
		if !isJSONObject(body) {
			return Event{}, fmt.Errorf("canonical: %s %s body is not a JSON object", vendor, vendorEvent)
		}
		var err error
		if sum, err = jcs.Sum(body); err != nil {
			return Event{}, fmt.Errorf("canonical: %s %s body: %w", vendor, vendorEvent, err)
		}
		data = compactJSON(body)
	}
	return Event{
		ID:          contentID(vendor, vendorEvent, sum),
		Vendor:      vendor,
		Type:        TypeUnknown,
		VendorEvent: vendorEvent,
		Data:        data,
	}, nil
}
