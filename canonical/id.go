package canonical

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// VendorID builds the id of an event whose vendor sends an event id:
// "<vendor>:<vendor event>:<vendor's id>".
func VendorID(vendor Vendor, vendorEvent, id string) string {
	return string(vendor) + ":" + vendorEvent + ":" + id
}

// ContentID builds the id of an event whose vendor sends no event id, from
// the vendor, the event name and the payload's JSON. Payloads that differ only
// in white space or key order get the same id.
func ContentID(vendor Vendor, vendorEvent string, payload []byte) string {
	return hashID(vendor, vendorEvent, normalJSON(payload))
}

// typedContentID is ContentID for the JSON encoding of a typed payload,
// which is normal already: encoding/json writes struct fields in declaration
// order, map keys sorted, and no white space. It skips the costly decode.
func typedContentID(vendor Vendor, vendorEvent string, encoded []byte) string {
	return hashID(vendor, vendorEvent, encoded)
}

func hashID(vendor Vendor, vendorEvent string, normal []byte) string {
	sum := sha256.Sum256(normal)
	return string(vendor) + ":" + vendorEvent + ":" + hex.EncodeToString(sum[:16])
}

// normalJSON returns payload with object keys sorted and white space removed
// (numbers keep their exact text). A payload that is not valid JSON is
// returned as it is.
func normalJSON(payload []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return payload
	}
	out, err := json.Marshal(v)
	if err != nil {
		return payload
	}
	return out
}
