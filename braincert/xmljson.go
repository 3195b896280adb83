package braincert

import (
	"bytes"
	"encoding/json"
)

// genericJSON converts the children of an XML root into a JSON object, for
// an Unknown event, whose types this package cannot know: an element with
// children is an object (keys in document order; a repeated name becomes
// an array), an empty element is null, and any other text is a string.
func genericJSON(root *xmlElement) json.RawMessage {
	var buf bytes.Buffer
	writeObject(&buf, root)
	return buf.Bytes()
}

func writeObject(buf *bytes.Buffer, el *xmlElement) {
	groups := el.childrenByName()
	buf.WriteByte('{')
	written := 0
	for _, c := range el.children {
		same := groups[c.name]
		if same == nil {
			continue // already written with its first occurrence
		}
		delete(groups, c.name)
		if written++; written > 1 {
			buf.WriteByte(',')
		}
		writeString(buf, c.name)
		buf.WriteByte(':')
		if len(same) == 1 {
			writeValue(buf, c)
			continue
		}
		buf.WriteByte('[')
		for i, item := range same {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeValue(buf, item)
		}
		buf.WriteByte(']')
	}
	buf.WriteByte('}')
}

func writeValue(buf *bytes.Buffer, el *xmlElement) {
	switch {
	case len(el.children) > 0:
		writeObject(buf, el)
	case el.isEmpty():
		buf.WriteString("null")
	default:
		writeString(buf, string(el.text))
	}
}

// writeString writes s as a JSON string, leaving <, > and & readable.
func writeString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Truncate(buf.Len() - 1)
}
