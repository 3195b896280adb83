package canonical

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// DefaultSourcePrefix is the start of a CloudEvent's source: the vendor's
// name follows it.
const DefaultSourcePrefix = "https://lmshooks.dev/vendors/"

// CloudEvent is a canonical event rendered as a CloudEvents 1.0 event. Its
// JSON encoding is the structured mode; Header and Data give the HTTP binary
// mode.
type CloudEvent struct {
	SpecVersion     string          `json:"specversion"`
	ID              string          `json:"id"`
	Source          string          `json:"source"`
	Type            string          `json:"type"`
	Subject         string          `json:"subject,omitempty"`
	Time            time.Time       `json:"time,omitzero"`
	DataContentType string          `json:"datacontenttype"`
	Data            json.RawMessage `json:"data"`
}

// CloudEventOption configures ToCloudEvent.
type CloudEventOption func(*cloudEventConfig)

type cloudEventConfig struct {
	source func(Vendor) string
}

// WithSource sets the source URI of every event, instead of
// DefaultSourcePrefix + vendor.
func WithSource(source string) CloudEventOption {
	return func(c *cloudEventConfig) { c.source = func(Vendor) string { return source } }
}

// ToCloudEvent renders e as a CloudEvent: id = e.ID, source names the vendor,
// type = "dev.lmshooks." + e.Type, time = e.OccurredAt (omitted when
// unknown), subject = the object's id (omitted for an event without an
// object), data = e itself as JSON.
func (e *Event) ToCloudEvent(opts ...CloudEventOption) (CloudEvent, error) {
	cfg := cloudEventConfig{source: func(v Vendor) string { return DefaultSourcePrefix + string(v) }}
	for _, opt := range opts {
		opt(&cfg)
	}
	data, err := marshalPayload(e)
	if err != nil {
		return CloudEvent{}, fmt.Errorf("canonical: encoding event %s: %w", e.ID, err)
	}
	ce := CloudEvent{
		SpecVersion:     "1.0",
		ID:              e.ID,
		Source:          cfg.source(e.Vendor),
		Type:            "dev.lmshooks." + string(e.Type),
		Time:            e.OccurredAt,
		DataContentType: "application/json",
		Data:            data,
	}
	if e.Object != nil {
		ce.Subject = e.Object.ID
	}
	return ce, nil
}

// MarshalStructured returns the structured-mode JSON of c, for a body sent
// with Content-Type "application/cloudevents+json".
func (c CloudEvent) MarshalStructured() ([]byte, error) { return marshalPayload(c) }

// Header returns the HTTP binary-mode headers of c: one "ce-" header per
// attribute and Content-Type for datacontenttype. The body is c.Data.
//
// Values are written as they are (spaces, quotes and UTF-8 included), which
// is what the official CloudEvents Go SDK reads: it does not percent-decode.
// Only control characters, which no HTTP header can carry, are
// percent-encoded, as the HTTP binding describes. (An id such as
// "braincert:virtual classroom.created:…" keeps its space.)
func (c CloudEvent) Header() http.Header {
	h := http.Header{}
	set := func(name, value string) {
		if value != "" {
			h[name] = []string{percentEncode(value)}
		}
	}
	set("Ce-Specversion", c.SpecVersion)
	set("Ce-Id", c.ID)
	set("Ce-Source", c.Source)
	set("Ce-Type", c.Type)
	set("Ce-Subject", c.Subject)
	if !c.Time.IsZero() {
		set("Ce-Time", c.Time.UTC().Format(time.RFC3339Nano))
	}
	h.Set("Content-Type", c.DataContentType)
	return h
}

// percentEncode encodes the control characters of s, which an HTTP header
// value cannot carry.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c == 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
