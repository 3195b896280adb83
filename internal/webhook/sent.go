package webhook

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lmshooks/lmshooks/internal/jcs"
	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

// Sent is the payload of an event as the vendor sent it. Every vendor event
// embeds it, so that code holding an event can read what arrived (AsSent)
// and canonical can derive ids from all of it, modelled or not.
type Sent struct {
	payload json.RawMessage
	sum     [32]byte
	// summed is false when CheckJSONWithoutSum left the sum for later.
	summed bool
}

// AsSent returns the payload as the vendor sent it: the body's JSON with
// white space outside strings removed (keys in the sender's order, numbers
// with their exact text, fields no struct models kept); for a BrainCert XML
// body, the JSON the XML reads as. It is nil for an event that no Parse
// function made (a struct literal in a test).
func (s *Sent) AsSent() json.RawMessage { return s.payload }

func (s *Sent) sent() *Sent { return s }

// holder is what every event embedding Sent implements.
type holder interface{ sent() *Sent }

// CheckJSON checks a body the way every reader of it must agree on, and
// returns it as Sent: valid JSON, an object, no object repeating a name or
// holding two names that differ only in case (encoding/json would read both
// into one field: a parser differential), no string with a lone surrogate.
// A failure is a *ParseError of kind ErrMalformed; event names the event
// where the vendor's body always is the same one (Easygenerator's).
func CheckJSON(vendor, event string, body []byte) (Sent, error) {
	sum, payload, err := jcs.SumCompact(body)
	return checked(vendor, event, body, Sent{payload: payload, sum: sum, summed: true}, err)
}

// CheckJSONWithoutSum is CheckJSON for a vendor whose events carry their
// own ids (BrainCert's envelope id), so that the RFC 8785 sum is rarely
// needed: it makes the same checks and leaves the sum to SentOf, which
// computes it from the payload when asked.
func CheckJSONWithoutSum(vendor, event string, body []byte) (Sent, error) {
	payload, err := jcs.Compact(body)
	return checked(vendor, event, body, Sent{payload: payload}, err)
}

// checked returns s for a body that passed the check, else the error.
func checked(vendor, event string, body []byte, s Sent, err error) (Sent, error) {
	if err != nil {
		return Sent{}, checkError(vendor, event, body, err)
	}
	if !jsonscan.IsObject(body) {
		return Sent{}, &ParseError{Vendor: vendor, Event: event, Kind: ErrMalformed, Cause: errNotObject}
	}
	return s, nil
}

// checkError words a failed check. A syntax error is encoding/json's own
// (*json.SyntaxError, with its offset), as the vendor packages have always
// returned.
func checkError(vendor, event string, body []byte, err error) *ParseError {
	if errors.Is(err, jcs.ErrSyntax) {
		var v json.RawMessage
		if jsonErr := json.Unmarshal(body, &v); jsonErr != nil {
			return MalformedJSON(vendor, event, jsonErr)
		}
	}
	pe := &ParseError{Vendor: vendor, Event: event, Kind: ErrMalformed, Cause: err}
	var je *jcs.Error
	if errors.As(err, &je) {
		pe.Offset = int64(je.Offset)
	}
	return pe
}

var errNotObject = errors.New("body is not a JSON object")

// Keep stores s in event, which must embed Sent, and returns event.
func Keep[E any](event E, s Sent) E {
	if h, ok := any(event).(holder); ok {
		*h.sent() = s
	}
	return event
}

// PayloadOf returns the payload kept in event, without its sum; ok is false
// for an event no Parse made.
func PayloadOf(event any) (payload json.RawMessage, ok bool) {
	h, isHolder := event.(holder)
	if !isHolder || h.sent().payload == nil {
		return nil, false
	}
	return h.sent().payload, true
}

// SentOf returns the payload kept in event and the SHA-256 of its RFC 8785
// form; ok is false for an event no Parse made.
func SentOf(event any) (payload json.RawMessage, sum [32]byte, ok bool) {
	payload, ok = PayloadOf(event)
	if !ok {
		return nil, [32]byte{}, false
	}
	s := event.(holder).sent()
	if s.summed {
		return s.payload, s.sum, true
	}
	// The payload passed the same checks as the body, so Sum succeeds; it
	// is not kept, so that events stay safe to read from several goroutines.
	sum, err := jcs.Sum(s.payload)
	return s.payload, sum, err == nil
}

// NameMember returns the string value of the member of object whose name is
// exactly name (an event-naming key: MCG's "Type", BrainCert's "resource"):
// "" when it is absent or null. Any other value is a *ParseError of kind
// ErrMalformed for field. object must be part of a body that passed
// CheckJSON.
func NameMember(vendor string, object []byte, name, field string) (string, error) {
	raw, found := jsonscan.Exact(object, name)
	if !found || string(raw) == "null" {
		return "", nil
	}
	if s, ok := jsonscan.PlainString(raw); ok {
		return s, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", &ParseError{Vendor: vendor, Field: field, Kind: ErrMalformed, Cause: fmt.Errorf("%q is not a string", field)}
	}
	return s, nil
}

// MarshalBody is every Unknown event's MarshalJSON: the body it holds, as
// it arrived, or null when it holds none.
func MarshalBody(body json.RawMessage) ([]byte, error) {
	if len(body) == 0 {
		return []byte("null"), nil
	}
	return body, nil
}
