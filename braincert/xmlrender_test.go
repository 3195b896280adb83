package braincert_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/require"
)

// renderXML writes a JSON body in the XML form of SOURCES.md: root
// <webhook>, one element per key in order, lists as repeated elements,
// null as an empty element.
func renderXML(t *testing.T, body []byte) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var buf bytes.Buffer
	buf.WriteString("<webhook>")
	_, err := dec.Token() // {
	require.NoError(t, err)
	renderMembers(t, dec, &buf)
	buf.WriteString("</webhook>")
	return buf.Bytes()
}

// renderMembers writes an object's members up to its closing brace.
func renderMembers(t *testing.T, dec *json.Decoder, buf *bytes.Buffer) {
	for dec.More() {
		key, err := dec.Token()
		require.NoError(t, err)
		renderValue(t, dec, buf, key.(string))
	}
	_, err := dec.Token() // }
	require.NoError(t, err)
}

func renderValue(t *testing.T, dec *json.Decoder, buf *bytes.Buffer, name string) {
	tok, err := dec.Token()
	require.NoError(t, err)
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			for dec.More() {
				renderValue(t, dec, buf, name)
			}
			_, err := dec.Token() // ]
			require.NoError(t, err)
			return
		}
		buf.WriteString("<" + name + ">")
		renderMembers(t, dec, buf)
		buf.WriteString("</" + name + ">")
	case nil:
		buf.WriteString("<" + name + "/>")
	default:
		buf.WriteString("<" + name + ">")
		var text bytes.Buffer
		switch s := v.(type) {
		case string:
			text.WriteString(s)
		default:
			text.WriteString(jsonText(s))
		}
		require.NoError(t, xml.EscapeText(buf, text.Bytes()))
		buf.WriteString("</" + name + ">")
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
