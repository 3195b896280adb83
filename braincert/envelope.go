package braincert

import "github.com/lmshooks/lmshooks/internal/webhook"

// Envelope holds the keys every BrainCert body carries around its payload.
// Every topic's struct embeds it.
type Envelope struct {
	webhook.Sent
	// ID is BrainCert's id for the delivery, such as
	// "20240214103000123456789". The docs reuse one id across example bodies
	// of different topics, so it is unique only together with the topic.
	ID ID `json:"id" xmlid:"string" validate:"required"`
	// Resource and Action name the topic, exactly as sent (for example
	// "virtual classroom" and "enrollment").
	Resource string `json:"resource"`
	Action   string `json:"action"`
	// DomainID and TenantID name the BrainCert account; a body carries
	// either or both. Each is omitted on encoding when it was absent.
	DomainID ID `json:"domain_id,omitzero" xmlid:"string"`
	TenantID ID `json:"tenant_id,omitzero" xmlid:"string"`
	// CreatedAt is when the event happened.
	CreatedAt Time `json:"created_at" validate:"required"`
	// Timestamp is the same moment in unix seconds, in some topics only;
	// 0 when absent. (The docs' values do not always match CreatedAt.)
	Timestamp int64 `json:"timestamp,omitempty"`
}

// Header returns the envelope, for code that holds an Event.
func (e *Envelope) Header() *Envelope { return e }

// EventName returns the resource and the action as sent, joined by a dot,
// such as "virtual classroom.enrollment".
func (e *Envelope) EventName() string { return e.Resource + "." + e.Action }

// Topic returns the event's topic; for an Unknown event it is not Known.
func (e *Envelope) Topic() Topic { return Topic(e.EventName()) }

func (*Envelope) sealed() {}
