package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

// Time is a point in time as a vendor sent it: RFC 3339 with or without a
// zone offset, with 0 to 9 fractional digits, with "T" or a space between
// date and time, or a bare date.
//
// A text without an offset is read in UTC; use In to read it in another
// location. Text keeps the text exactly as sent, so that the value encodes
// back unchanged.
type Time struct {
	// Time is the instant. Without an offset in the text it is the wall
	// clock read in UTC.
	Time time.Time
	// HasOffset reports whether the text carried a zone offset (or "Z").
	HasOffset bool
	// Text is the text as sent; empty for a value built in code.
	Text string
}

// layouts are tried in order. Go's parser accepts a fractional second after
// the seconds field even where a layout does not name one.
var (
	offsetLayouts   = []string{"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00"}
	noOffsetLayouts = []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}
)

// ParseTime reads a vendor time text in any of the accepted forms.
func ParseTime(s string) (Time, error) {
	if t, ok := parseLikelyLayout(s); ok {
		return t, nil
	}
	return parseAnyLayout(s)
}

// parseAnyLayout tries every layout in order.
func parseAnyLayout(s string) (Time, error) {
	for _, layout := range offsetLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Time{Time: t, HasOffset: true, Text: s}, nil
		}
	}
	for _, layout := range noOffsetLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return Time{Time: t, Text: s}, nil
		}
	}
	return Time{}, errors.New("time is not an RFC 3339 date-time or date")
}

// parseLikelyLayout tries only the layout the text's shape points to. No
// text matches two of the layouts (they differ in the separator, in having
// a zone or in ending after the date), so a success here is what the loop
// in ParseTime would return; a failure falls back to that loop, which also
// words the error. It spares the common texts the failed attempts (each
// allocates an error) of the layouts before theirs.
func parseLikelyLayout(s string) (Time, bool) {
	if len(s) == len("2006-01-02") {
		t, err := time.ParseInLocation(noOffsetLayouts[2], s, time.UTC)
		return Time{Time: t, Text: s}, err == nil
	}
	if len(s) < len("2006-01-02T15:04:05") {
		return Time{}, false
	}
	i := 0 // "T" between date and time
	if s[10] == ' ' {
		i = 1
	}
	if hasZone(s) {
		t, err := time.Parse(offsetLayouts[i], s)
		return Time{Time: t, HasOffset: true, Text: s}, err == nil
	}
	t, err := time.ParseInLocation(noOffsetLayouts[i], s, time.UTC)
	return Time{Time: t, Text: s}, err == nil
}

// hasZone reports whether s ends like a zone: "Z" or "±hh:mm".
func hasZone(s string) bool {
	if s[len(s)-1] == 'Z' {
		return true
	}
	sign := s[len(s)-6]
	return (sign == '+' || sign == '-') && s[len(s)-3] == ':'
}

// IsZero reports whether t holds no time.
func (t Time) IsZero() bool { return t.Time.IsZero() && t.Text == "" }

// In returns the instant, reading a text without an offset as wall-clock time
// in loc (UTC when loc is nil). A text with an offset is unaffected.
func (t Time) In(loc *time.Location) time.Time {
	if t.HasOffset || loc == nil || loc == time.UTC {
		return t.Time
	}
	w := t.Time
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
}

// String returns the text as sent, or the instant in RFC 3339 form for a
// value built in code.
func (t Time) String() string {
	if t.Text != "" {
		return t.Text
	}
	return t.Time.Format(time.RFC3339Nano)
}

// UnmarshalJSON accepts a JSON string in any accepted form, or null.
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*t = Time{}
		return nil
	}
	s, ok := jsonscan.PlainString(data)
	if !ok {
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("time must be a string, got %s", kindOf(data))
		}
	}
	parsed, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = parsed
	return nil
}

// MarshalJSON writes the text as sent; a value built in code is written in
// RFC 3339 form, and the zero value as null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	text := t.String()
	if quoted, ok := quotePlain(text); ok {
		return quoted, nil
	}
	return json.Marshal(text)
}
