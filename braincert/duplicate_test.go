package braincert_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
)

// TestRepeatedKeysLastWins: a key repeated in JSON and an element repeated
// in XML read the same way, the last one winning, objects merging field by
// field, and null (an empty element) leaving a plain string as it was.
func TestRepeatedKeysLastWins(t *testing.T) {
	const head = `"resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z"`
	const xmlHead = `<resource>course</resource><action>created</action><created_at>2024-02-14T21:52:13Z</created_at>`
	tests := []struct {
		name      string
		json, xml string
		want      string // the event re-encoded as JSON
	}{
		{
			"repeated id",
			`{"id":"7","id":"8",` + head + `,"payload":{"id":1}}`,
			`<webhook><id>7</id><id>8</id>` + xmlHead + `<payload><id>1</id></payload></webhook>`,
			`"id":"8"`,
		},
		{
			"repeated payload id",
			`{"id":"7",` + head + `,"payload":{"id":1,"id":2,"name":"n"}}`,
			`<webhook><id>7</id>` + xmlHead + `<payload><id>1</id><id>2</id><name>n</name></payload></webhook>`,
			`"payload":{"id":2,"name":"n"`,
		},
		{
			"repeated payload merges",
			`{"id":"7",` + head + `,"payload":{"id":1,"name":"first"},"payload":{"id":2}}`,
			`<webhook><id>7</id>` + xmlHead + `<payload><id>1</id><name>first</name></payload><payload><id>2</id></payload></webhook>`,
			`"payload":{"id":2,"name":"first"`,
		},
		{
			"null after a string keeps the string",
			`{"id":"7",` + head + `,"payload":{"id":1,"name":"kept","name":null}}`,
			`<webhook><id>7</id>` + xmlHead + `<payload><id>1</id><name>kept</name><name/></payload></webhook>`,
			`"name":"kept"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromJSON, err := braincert.Parse([]byte(tt.json))
			require.NoError(t, err)
			fromXML, err := braincert.ParseXML([]byte(tt.xml))
			require.NoError(t, err)
			j, err := json.Marshal(fromJSON)
			require.NoError(t, err)
			x, err := json.Marshal(fromXML)
			require.NoError(t, err)
			assert.Contains(t, string(j), tt.want)
			assert.Equal(t, string(j), string(x), "the XML form reads repeated keys as the JSON form does")
		})
	}
}

// TestRepeatedEmptyIDLastWins: an empty id after a real one empties it, in
// both forms, so the body is invalid.
func TestRepeatedEmptyIDLastWins(t *testing.T) {
	_, err := braincert.Parse([]byte(`{"id":"7","id":null,"resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z","payload":{"id":1}}`))
	assertParseError(t, err, braincert.ErrInvalid, "course.created", "id")
	_, err = braincert.ParseXML([]byte(`<webhook><id>7</id><id/><resource>course</resource><action>created</action><created_at>2024-02-14T21:52:13Z</created_at><payload><id>1</id></payload></webhook>`))
	assertParseError(t, err, braincert.ErrInvalid, "course.created", "id")
}
