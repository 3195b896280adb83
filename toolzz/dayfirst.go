package toolzz

import (
	"encoding/json"
	"errors"
	"time"
)

// dayFirstLayout is the "dd/MM/yyyy HH:mm:ss" form of the per-school
// created_at and updated_at of the member and newsletter events.
const dayFirstLayout = "02/01/2006 15:04:05"

// DayFirstTime is a time Toolzz sends day first, "dd/MM/yyyy HH:mm:ss",
// without a zone: read in UTC, or in the location given with WithLocation.
// Text keeps the text as sent, so that the value encodes back unchanged.
type DayFirstTime struct {
	// Time is the instant: the wall clock read in UTC or in the
	// WithLocation location.
	Time time.Time
	// Text is the text as sent; empty for a value built in code.
	Text string
}

var errDayFirst = errors.New(`time must be a string "dd/MM/yyyy HH:mm:ss"`)

// IsZero reports whether t holds no time.
func (t DayFirstTime) IsZero() bool { return t.Time.IsZero() && t.Text == "" }

// UnmarshalJSON accepts a "dd/MM/yyyy HH:mm:ss" string, or null. Its error
// does not quote the value.
func (t *DayFirstTime) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*t = DayFirstTime{}
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return errDayFirst
	}
	parsed, err := time.ParseInLocation(dayFirstLayout, s, time.UTC)
	if err != nil {
		return errDayFirst
	}
	*t = DayFirstTime{Time: parsed, Text: s}
	return nil
}

// MarshalJSON writes the text as sent; a value built in code is written in
// the day-first form, and the zero value as null.
func (t DayFirstTime) MarshalJSON() ([]byte, error) {
	switch {
	case t.Text != "":
		return json.Marshal(t.Text)
	case t.Time.IsZero():
		return []byte("null"), nil
	}
	return json.Marshal(t.Time.Format(dayFirstLayout))
}
