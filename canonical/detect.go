package canonical

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

// ErrUndetectable is returned by DetectVendor for a request that no vendor's
// rule claims, or that more than one claims.
var ErrUndetectable = errors.New("cannot tell which vendor sent this body")

// DetectVendor tells which vendor sent a delivery, from its headers and one
// read of the body's top-level keys. Each vendor is recognised by what only
// it sends:
//
//	learnink       svix-id or webhook-id header; or body "object": "event" with "type"
//	braincert      an XML Content-Type or body; or body keys "resource" and "action"
//	mcg            body key "Type" or "EventType"
//	easygenerator  body keys "courseId" and "learnerId"
//	toolzz         body key "event" holding an object with "slug"
//
// Keys are matched exactly (case-sensitively), at the top level of the JSON
// object. An XML body is BrainCert's, the only vendor that sends XML. A body
// that matches no rule, or the rules of two vendors, is ErrUndetectable.
// DetectVendor reads only the top level: the values of a body it claims
// are checked by that vendor's parser, which refuses malformed JSON.
func DetectVendor(header http.Header, body []byte) (Vendor, error) {
	if isXML(header, body) {
		return VendorBrainCert, nil
	}
	keys, err := topLevelKeys(body)
	if err != nil {
		if header.Get("svix-id") != "" || header.Get("webhook-id") != "" {
			return VendorLearnInk, nil // LearnInk's handler verifies, then rejects the body
		}
		return "", fmt.Errorf("%w: body is not a JSON object", ErrUndetectable)
	}
	var found []Vendor
	for _, row := range vendors {
		if row.detect(header, keys) {
			found = append(found, row.vendor)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("%w: no vendor's keys", ErrUndetectable)
	}
	return "", fmt.Errorf("%w: matches %v", ErrUndetectable, found)
}

// members are the top-level members of a body, for the detection rules.
// Names and values share the body's memory.
type members []member

type member struct {
	name  []byte
	value json.RawMessage
}

// get returns the value of the member named exactly name, or nil. Where a
// name repeats, the last one counts, as in json.Unmarshal into a map.
func (ms members) get(name string) json.RawMessage {
	for i := len(ms) - 1; i >= 0; i-- {
		if string(ms[i].name) == name {
			return ms[i].value
		}
	}
	return nil
}

// topLevelKeys reads the members of the object in data. It does not
// validate the values: the vendor's parser checks the whole body after
// detection, so a second full pass here would only repeat that work. Where
// jsonscan gives up (a key with an escape or a non-ASCII byte, or what does
// not look like an object) it is json.Unmarshal into a map, which also
// words the error.
func topLevelKeys(data []byte) (members, error) {
	ms := make(members, 0, 8)
	if jsonscan.Members(data, func(key, value []byte) bool {
		ms = append(ms, member{key, value})
		return true
	}) {
		return ms, nil
	}
	var decoded map[string]json.RawMessage
	if err := json.Unmarshal(data, &decoded); err != nil || decoded == nil {
		return nil, err // null is no object, and no error
	}
	ms = ms[:0]
	for name, value := range decoded {
		ms = append(ms, member{[]byte(name), value})
	}
	return ms, nil
}

// isXML reports an XML Content-Type, or (without one) a body that starts
// like XML.
func isXML(header http.Header, body []byte) bool {
	if ct := header.Get("Content-Type"); ct == "application/json" {
		return false // the common case, without the parser's allocations
	} else if ct != "" {
		mediaType, _, _ := mime.ParseMediaType(ct)
		return mediaType == "application/xml" || mediaType == "text/xml" || strings.HasSuffix(mediaType, "+xml")
	}
	return bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n\ufeff"), []byte("<"))
}

// jsonString returns a JSON string value's text, or "" for anything else.
func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}
