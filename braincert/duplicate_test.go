package braincert_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
)

// TestRepeatedNamesAreRefused: a name repeated in JSON (at any depth, in any
// spelling that decodes to the same name, or differing only in case) and an
// element repeated where one value is expected in XML are malformed: every
// reader of the body must read the same value, and "last one wins" is a
// parser differential.
func TestRepeatedNamesAreRefused(t *testing.T) {
	const head = `"resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z"`
	const xmlHead = `<resource>course</resource><action>created</action><created_at>2024-02-14T21:52:13Z</created_at>`
	for name, body := range map[string]string{
		"repeated id":              `{"id":"7","id":"8",` + head + `,"payload":{"id":1}}`,
		"repeated payload id":      `{"id":"7",` + head + `,"payload":{"id":1,"id":2,"name":"n"}}`,
		"repeated payload":         `{"id":"7",` + head + `,"payload":{"id":1,"name":"first"},"payload":{"id":2}}`,
		"null after a string":      `{"id":"7",` + head + `,"payload":{"id":1,"name":"kept","name":null}}`,
		"escaped spelling":         `{"id":"7","\u0069d":"8",` + head + `,"payload":{"id":1}}`,
		"another case":             `{"id":"7","ID":"8",` + head + `,"payload":{"id":1}}`,
		"resource in another case": `{"id":"7","Resource":"user",` + head + `,"payload":{"id":1}}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := braincert.Parse([]byte(body))
			assertParseError(t, err, braincert.ErrMalformed, "", "")
		})
	}
	for name, tt := range map[string]struct{ body, event, field string }{
		"repeated id":         {`<webhook><id>7</id><id>8</id>` + xmlHead + `<payload><id>1</id></payload></webhook>`, "", "id"},
		"repeated payload id": {`<webhook><id>7</id>` + xmlHead + `<payload><id>1</id><id>2</id><name>n</name></payload></webhook>`, "course.created", "payload.id"},
		"repeated payload":    {`<webhook><id>7</id>` + xmlHead + `<payload><id>1</id><name>first</name></payload><payload><id>2</id></payload></webhook>`, "course.created", "payload"},
		"empty after a value": {`<webhook><id>7</id><id/>` + xmlHead + `<payload><id>1</id></payload></webhook>`, "", "id"},
	} {
		t.Run("XML "+name, func(t *testing.T) {
			_, err := braincert.ParseXML([]byte(tt.body))
			assertParseError(t, err, braincert.ErrMalformed, tt.event, tt.field)
		})
	}
}

// TestEventIDMustBeReal: an id that is empty, only white space or 0 would
// merge two learners' events; it is refused, as is an id that is neither a
// string nor a number.
func TestEventIDMustBeReal(t *testing.T) {
	const rest = `"resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z","payload":{"id":1}`
	for name, id := range map[string]string{"empty": `""`, "white space": `"  "`, "tab": `"\t"`, "zero": `0`, "negative zero": `-0`, "null": `null`} {
		t.Run(name, func(t *testing.T) {
			_, err := braincert.Parse([]byte(`{"id":` + id + `,` + rest + `}`))
			assertParseError(t, err, braincert.ErrInvalid, "course.created", "id")
		})
	}
	for name, id := range map[string]string{"object": `{}`, "array": `["7"]`, "boolean": `true`} {
		t.Run(name, func(t *testing.T) {
			_, err := braincert.Parse([]byte(`{"id":` + id + `,` + rest + `}`))
			assertParseError(t, err, braincert.ErrMalformed, "", "")
		})
	}
	for _, id := range []string{`"7"`, `7`, `" 7 "`, `"0"`} {
		_, err := braincert.Parse([]byte(`{"id":` + id + `,` + rest + `}`))
		if err != nil {
			t.Errorf("id %s: %v", id, err)
		}
	}
}
