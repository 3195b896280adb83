// Package fuzzcheck holds the assertions every vendor's fuzz target makes:
// an accepted body converts to canonical events that keep the contract, and
// a rejected body's error is one of the package's exported kinds. Only
// tests import it.
package fuzzcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
)

// Converted checks the result of converting an accepted event: no error,
// and each event passing Validate and encoding to JSON. (No event at all
// is allowed: a LearnInk notifications.sent with an empty list.)
func Converted(t testing.TB, events []canonical.Event, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("an accepted body does not convert: %v", err)
	}
	for i := range events {
		if err := events[i].Validate(); err != nil {
			t.Fatalf("canonical event %d is invalid: %v", i, err)
		}
		if _, err := json.Marshal(&events[i]); err != nil {
			t.Fatalf("canonical event %d does not encode: %v", i, err)
		}
	}
}

// Rejected checks that err matches one of kinds with errors.Is.
func Rejected(t testing.TB, err error, kinds ...error) {
	t.Helper()
	for _, kind := range kinds {
		if errors.Is(err, kind) {
			return
		}
	}
	t.Fatalf("error of no exported kind: %v", err)
}

// SameIDsRespelled checks that an accepted body, sent again with its white
// space changed and every object's keys in reverse order, converts to events
// with the same ids: content ids hash the RFC 8785 form, which neither
// changes. parse is the parse-and-convert under test.
func SameIDsRespelled(t testing.TB, body []byte, events []canonical.Event, parse func([]byte) ([]canonical.Event, error)) {
	t.Helper()
	respelled, err := Respell(body)
	if err != nil {
		t.Fatalf("an accepted body does not re-encode: %v", err)
	}
	again, err := parse(respelled)
	if err != nil {
		t.Fatalf("the accepted body respelled is refused: %v\n%s", err, respelled)
	}
	if len(again) != len(events) {
		t.Fatalf("respelled: %d events, want %d", len(again), len(events))
	}
	for i := range events {
		if again[i].ID != events[i].ID {
			t.Fatalf("event %d: respelled id %s, want %s\n%s", i, again[i].ID, events[i].ID, respelled)
		}
	}
}

// Respell re-encodes a JSON text with other white space (a newline and a
// tab around every token) and every object's members in reverse order;
// strings and numbers keep their values.
func Respell(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var out bytes.Buffer
	if err := respellValue(dec, &out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func respellValue(dec *json.Decoder, out *bytes.Buffer) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		var members [][]byte
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return err
			}
			var m bytes.Buffer
			writeJSON(&m, key)
			m.WriteString(" :\t")
			if err := respellValue(dec, &m); err != nil {
				return err
			}
			members = append(members, m.Bytes())
		}
		if _, err := dec.Token(); err != nil { // }
			return err
		}
		slices.Reverse(members)
		out.WriteString("{\n\t")
		out.Write(bytes.Join(members, []byte(" ,\n\t")))
		out.WriteString("\n}")
	case json.Delim('['):
		out.WriteString("[ ")
		for first := true; dec.More(); first = false {
			if !first {
				out.WriteString(" , ")
			}
			if err := respellValue(dec, out); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return err
		}
		out.WriteString(" ]")
	default:
		writeJSON(out, tok)
	}
	return nil
}

func writeJSON(out *bytes.Buffer, v any) {
	if n, ok := v.(json.Number); ok {
		out.WriteString(n.String())
		return
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a token always encodes
	out.Truncate(out.Len() - 1)
}
