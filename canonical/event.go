package canonical

import (
	"encoding/json"
	"time"
)

// Event is one vendor event in the common form. Its JSON encoding is the
// canonical event of the contract: fields in this order, absent values
// omitted.
type Event struct {
	// ID identifies the delivery for de-duplication: the same event sent
	// again has the same ID. Never empty.
	ID string `json:"id"`
	// Vendor is the platform that sent the event.
	Vendor Vendor `json:"vendor"`
	// Type is the canonical type.
	Type Type `json:"type"`
	// VendorEvent is the vendor's own name for the event, such as
	// "course_finish" or "virtual classroom.enrollment".
	VendorEvent string `json:"vendor_event"`
	// OccurredAt is when the event happened, in UTC; zero (and omitted)
	// when the payload does not say.
	OccurredAt time.Time `json:"occurred_at,omitzero"`
	// Learner is the person the event is about; nil when there is none.
	Learner *Learner `json:"learner,omitempty"`
	// Object is what the event is about; nil only for TypeUnknown.
	Object *Object `json:"object,omitempty"`
	// Parent is the container of Object (an MCG card's course); nil when none.
	Parent *Object `json:"parent,omitempty"`
	// Result is the learner's outcome; nil when the event carries none.
	Result *Result `json:"result,omitempty"`
	// Certificate is the certificate the event awards; nil when none.
	Certificate *Certificate `json:"certificate,omitempty"`
	// Data is the vendor's payload as sent, so that nothing the vendor sent
	// is lost: the body's own JSON with white space outside strings removed
	// (keys in the sender's order, numbers with their exact text, fields no
	// struct models kept); for BrainCert's XML form, the JSON the XML reads
	// as.
	Data json.RawMessage `json:"data"`
}

// Learner is the person an event is about. Empty fields are unknown.
type Learner struct {
	// ID is the vendor's identifier for the person, as a string.
	ID string `json:"id,omitempty"`
	// ExternalID is the id the customer's own system gave the person.
	ExternalID string `json:"external_id,omitempty"`
	// Email is set only when the payload carries a real e-mail address.
	Email string `json:"email,omitempty"`
	// Name is the full name.
	Name string `json:"name,omitempty"`
}

// Object is what an event is about, or its container.
type Object struct {
	Kind Kind   `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Result is a learner's outcome. Nil fields are not said by the payload; a
// real score of 0 is a non-nil pointer to 0.
type Result struct {
	// Score is the raw score as sent.
	Score *float64 `json:"score,omitempty"`
	// MaxScore is the highest possible score.
	MaxScore *float64 `json:"max_score,omitempty"`
	// PassingScore is the score needed to pass.
	PassingScore *float64 `json:"passing_score,omitempty"`
	// Scaled is Score / MaxScore in [0, 1], set only when MaxScore is known.
	Scaled *float64 `json:"scaled,omitempty"`
	// Passed reports whether the learner passed.
	Passed *bool `json:"passed,omitempty"`
	// Completed reports whether the learner completed the object.
	Completed *bool `json:"completed,omitempty"`
	// Progress is a percentage in [0, 100].
	Progress *float64 `json:"progress,omitempty"`
	// Response is the learner's answer text.
	Response string `json:"response,omitempty"`
}

// Certificate is a certificate an event awards.
type Certificate struct {
	URL       string    `json:"url,omitempty"`
	Issued    *bool     `json:"issued,omitempty"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
}
