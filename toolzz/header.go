package toolzz

// Header is the "event" object that starts every Toolzz delivery.
type Header struct {
	// Name is the Portuguese display name, such as
	// "Atividades - Curso concluído".
	Name string `json:"name"`
	// Slug names the event, such as "activities.course.completed".
	Slug string `json:"slug"`
	// SendAt is when Toolzz sent the event, "yyyy-MM-dd HH:mm:ss" without a
	// zone; the only time every event carries.
	SendAt Time `json:"send_at" validate:"required"`
}

// ActionHeader is the "event" object of the member and newsletter events,
// which add acao.
type ActionHeader struct {
	Name   string `json:"name"`
	Slug   string `json:"slug"`
	SendAt Time   `json:"send_at" validate:"required"`
	// Acao is the action: "cadastro" (members.created), "atualização"
	// (members.updated) or "accept_newslatter" (newslatter.created).
	Acao string `json:"acao"`
}

// EventName returns the slug as sent.
func (h *Header) EventName() string { return h.Slug }

// EventType returns the slug as sent; for an *Unknown it is not Known.
func (h *Header) EventType() EventType { return EventType(h.Slug) }

// SentAt returns send_at.
func (h *Header) SentAt() Time { return h.SendAt }

// EventName returns the slug as sent.
func (h *ActionHeader) EventName() string { return h.Slug }

// EventType returns the slug as sent.
func (h *ActionHeader) EventType() EventType { return EventType(h.Slug) }

// SentAt returns send_at.
func (h *ActionHeader) SentAt() Time { return h.SendAt }
