package wire_test

import (
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/lmshooks/lmshooks/internal/golden" // registers -update for go test ./... -update
	"github.com/lmshooks/lmshooks/internal/wire"
)

func TestIDRoundTrip(t *testing.T) {
	tests := []struct {
		in      string
		value   string
		numeric bool
		out     string
	}{
		{`304050`, "304050", true, `304050`},
		{`"101"`, "101", false, `"101"`},
		{`"ORD_ep3FVWZ9lC"`, "ORD_ep3FVWZ9lC", false, `"ORD_ep3FVWZ9lC"`},
		{`12345678901234567890123`, "12345678901234567890123", true, `12345678901234567890123`},
		{`1.5e3`, "1.5e3", true, `1.5e3`},
		{`null`, "", false, `""`},
	}
	for _, tt := range tests {
		var id wire.ID
		require.NoError(t, json.Unmarshal([]byte(tt.in), &id), tt.in)
		assert.Equal(t, wire.ID{Value: tt.value, Numeric: tt.numeric}, id, tt.in)
		out, err := json.Marshal(id)
		require.NoError(t, err)
		assert.Equal(t, tt.out, string(out), tt.in)
	}
}

func TestIDRejects(t *testing.T) {
	for _, in := range []string{`true`, `{}`, `[1]`} {
		var id wire.ID
		assert.Error(t, json.Unmarshal([]byte(in), &id), in)
	}
}

func TestIDConstructors(t *testing.T) {
	assert.Equal(t, `7`, string(must(json.Marshal(wire.NumberID(7)))))
	assert.Equal(t, `"7"`, string(must(json.Marshal(wire.StringID("7")))))
	// A "numeric" id whose text is no number is still written as valid JSON.
	assert.Equal(t, `"x1"`, string(must(json.Marshal(wire.ID{Value: "x1", Numeric: true}))))
}

func TestBool(t *testing.T) {
	tests := []struct {
		in    string
		value bool
	}{{`1`, true}, {`0`, false}, {`true`, true}, {`false`, false}}
	for _, tt := range tests {
		var b wire.Bool
		require.NoError(t, json.Unmarshal([]byte(tt.in), &b), tt.in)
		assert.Equal(t, tt.value, b.Value, tt.in)
		assert.Equal(t, tt.in, string(must(json.Marshal(b))), "round trip")
	}
	for _, in := range []string{`2`, `"1"`, `"yes"`, `-1`} {
		var b wire.Bool
		assert.Error(t, json.Unmarshal([]byte(in), &b), in)
	}
}

func TestTimeForms(t *testing.T) {
	tests := []struct {
		in        string
		want      time.Time
		hasOffset bool
	}{
		{"2026-03-17T10:53:51", time.Date(2026, 3, 17, 10, 53, 51, 0, time.UTC), false},
		{"2026-03-17T10:53:51.44271", time.Date(2026, 3, 17, 10, 53, 51, 442710000, time.UTC), false},
		{"2026-03-17T10:53:51.123456789", time.Date(2026, 3, 17, 10, 53, 51, 123456789, time.UTC), false},
		{"2026-03-17T11:07:59.770459+00:00", time.Date(2026, 3, 17, 11, 7, 59, 770459000, time.UTC), true},
		{"2018-07-15T06:15:17.502Z", time.Date(2018, 7, 15, 6, 15, 17, 502000000, time.UTC), true},
		{"2026-03-17T10:53:51-03:00", time.Date(2026, 3, 17, 13, 53, 51, 0, time.UTC), true},
		{"2023-07-03 12:53:41", time.Date(2023, 7, 3, 12, 53, 41, 0, time.UTC), false},
		{"2024-03-01", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		var got wire.Time
		require.NoError(t, json.Unmarshal([]byte(`"`+tt.in+`"`), &got), tt.in)
		assert.True(t, got.Time.Equal(tt.want), "%s: got %v", tt.in, got.Time)
		assert.Equal(t, tt.hasOffset, got.HasOffset, tt.in)
		assert.Equal(t, `"`+tt.in+`"`, string(must(json.Marshal(got))), "round trip keeps the text")
	}
}

func TestTimeRejects(t *testing.T) {
	for _, in := range []string{`"yesterday"`, `"2026-13-01"`, `"17/03/2026"`, `1710672831`, `""`} {
		var got wire.Time
		assert.Error(t, json.Unmarshal([]byte(in), &got), in)
	}
}

func TestTimeNullAndZero(t *testing.T) {
	var got wire.Time
	require.NoError(t, json.Unmarshal([]byte(`null`), &got))
	assert.True(t, got.IsZero())
	assert.Equal(t, `null`, string(must(json.Marshal(got))))
	built := wire.Time{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), HasOffset: true}
	assert.Equal(t, `"2026-01-02T03:04:05Z"`, string(must(json.Marshal(built))))
}

func TestTimeIn(t *testing.T) {
	saoPaulo := time.FixedZone("BRT", -3*60*60)
	noOffset, err := wire.ParseTime("2023-07-03 12:53:41")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2023, 7, 3, 15, 53, 41, 0, time.UTC), noOffset.In(saoPaulo).UTC())
	assert.Equal(t, noOffset.Time, noOffset.In(nil))
	withOffset, err := wire.ParseTime("2023-07-03T12:53:41Z")
	require.NoError(t, err)
	assert.Equal(t, withOffset.Time, withOffset.In(saoPaulo), "an offset in the text wins")
}

func TestContent(t *testing.T) {
	for _, in := range []string{`"<p>Hi</p>"`, `{"blocks":[{"text":"Hi"}]}`, `["a","b"]`, `null`, `42`} {
		var c wire.Content
		require.NoError(t, json.Unmarshal([]byte(in), &c), in)
		assert.JSONEq(t, in, string(must(json.Marshal(c))), in)
	}
	var c wire.Content
	require.NoError(t, json.Unmarshal([]byte(`"<p>Hi</p>"`), &c))
	assert.Equal(t, "<p>Hi</p>", c.String())
	require.NoError(t, json.Unmarshal([]byte(`{"a":1}`), &c))
	assert.Equal(t, `{"a":1}`, c.String())
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestErrorsNeverQuoteTheValue: a value may be personal data (a CPF, an
// e-mail), and parse errors reach logs and 400 bodies.
func TestErrorsNeverQuoteTheValue(t *testing.T) {
	const secret = "123.456.789-99"
	for _, target := range []any{new(wire.ID), new(wire.Bool), new(wire.Time)} {
		for _, in := range []string{`"` + secret + `"`, `{"cpf":"` + secret + `"}`, `["` + secret + `"]`} {
			err := json.Unmarshal([]byte(in), target)
			if err != nil {
				assert.NotContains(t, err.Error(), secret, "%T from %s", target, in)
			}
		}
	}
}

func TestContentSpellingIsNormal(t *testing.T) {
	var a, b wire.Content
	require.NoError(t, json.Unmarshal([]byte(`"\u003cp\u003eHi \u0026 bye\u003c/p\u003e"`), &a))
	require.NoError(t, json.Unmarshal([]byte(`"<p>Hi & bye</p>"`), &b))
	assert.Equal(t, string(b), string(a))
	assert.Equal(t, `"<p>Hi & bye</p>"`, string(a))
	require.NoError(t, json.Unmarshal([]byte(`"a\u2028b"`), &a))
	require.NoError(t, json.Unmarshal([]byte("\"a\u2028b\""), &b))
	assert.Equal(t, string(a), string(b), "U+2028 escaped or not")
	require.NoError(t, json.Unmarshal([]byte("\"bad \xff\""), &a))
	assert.True(t, utf8.Valid(a), "invalid UTF-8 is replaced, as in any string field")
	require.NoError(t, json.Unmarshal([]byte(`{ "z": 1.50, "a": [ "x" ] }`), &a))
	assert.Equal(t, `{"a":["x"],"z":1.50}`, string(a))
}
