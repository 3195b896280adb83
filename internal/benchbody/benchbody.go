// Package benchbody makes the large body of the benchmarks: an MCG
// course_finish with 100 cards (about 88 KB), built from the documented
// body, so that the end-to-end driver and the package benchmarks measure
// the same thing.
package benchbody

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Cards is the number of cards of the large body.
const Cards = 100

// CourseFinish returns documented, the documented MCG course_finish, with
// its one card repeated Cards times (card ids counting up from the
// documented one, the question text repeated to about 890 bytes a card as
// a long question reads), keys in the documented order.
func CourseFinish(documented []byte) ([]byte, error) {
	var doc struct {
		Type       string                     `json:"Type"`
		UniqueID   string                     `json:"uniqueId"`
		CourseCode string                     `json:"courseCode"`
		CourseName string                     `json:"courseName"`
		Cards      map[string]json.RawMessage `json:"cards"`
	}
	if err := json.Unmarshal(documented, &doc); err != nil {
		return nil, fmt.Errorf("benchbody: the documented course_finish: %w", err)
	}
	if doc.Type != "course_finish" || len(doc.Cards) != 1 {
		return nil, errors.New("benchbody: the documented course_finish must have exactly one card")
	}
	var card map[string]any
	for _, raw := range doc.Cards {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&card); err != nil {
			return nil, err
		}
	}
	first, err := card["cardId"].(json.Number).Int64()
	if err != nil {
		return nil, fmt.Errorf("benchbody: cardId: %w", err)
	}
	text, _ := card["cardText"].(string)
	card["cardText"] = strings.Repeat(text, 14)
	var b bytes.Buffer
	head, err := json.Marshal(map[string]string{"Type": doc.Type})
	if err != nil {
		return nil, err
	}
	b.Write(head[:len(head)-1])
	for _, kv := range [][2]string{{"uniqueId", doc.UniqueID}, {"courseCode", doc.CourseCode}, {"courseName", doc.CourseName}} {
		k, _ := json.Marshal(kv[0])
		v, _ := json.Marshal(kv[1])
		fmt.Fprintf(&b, ",%s:%s", k, v)
	}
	b.WriteString(`,"cards":{`)
	for i := range Cards {
		id := first + int64(i)
		card["cardId"] = id
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%d":`, id)
		if err := writeJSON(&b, card); err != nil {
			return nil, err
		}
	}
	b.WriteString("}}")
	return b.Bytes(), nil
}

// writeJSON writes v as compact JSON with HTML characters as sent.
func writeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}
