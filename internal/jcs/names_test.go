package jcs

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompareNamesAgreesWithDecodedNames: the byte-wise fast path and the
// character reader give the order of the decoded names, by UTF-16 code
// units (RFC 8785) and under case folding (strings.EqualFold), for names
// that mix plain ASCII, escapes and other characters at any position.
func TestCompareNamesAgreesWithDecodedNames(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "A", "b", "Z", "z", "_", "0", `\u0061`, `\u0041`, `\"`, `\\`, "é", "É", "K", "\u212a", "ſ", "s", "😀", "\uffff", `\ud83d\ude00`}
	random := func() string {
		var b strings.Builder
		b.WriteByte('"')
		for range rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.WriteString(`":1`)
		return b.String()
	}
	decode := func(member string) string {
		var s string
		require.NoError(t, json.Unmarshal([]byte(member[:strings.LastIndex(member, ":")]), &s))
		return s
	}
	for range 20_000 {
		a, b := random(), random()
		x, y := decode(a), decode(b)
		want := slices.Compare(utf16.Encode([]rune(x)), utf16.Encode([]rune(y)))
		assert.Equal(t, want, compareNames([]byte(a), []byte(b), false), "%s vs %s", a, b)
		assert.Equal(t, strings.EqualFold(x, y), compareNames([]byte(a), []byte(b), true) == 0, "folded: %s vs %s", a, b)
	}
}

// TestSumCompact: the same sum as Sum, and the text without the white
// space outside its strings (inside them it stays).
func TestSumCompact(t *testing.T) {
	in := " {\n \"b\" : [ 1 , \"x y\\\" z\" ] ,\t\"a\" : { } }\r\n"
	sum, compact, err := SumCompact([]byte(in))
	require.NoError(t, err)
	want, err := Sum([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, want, sum)
	assert.Equal(t, `{"b":[1,"x y\" z"],"a":{}}`, string(compact))

	_, compact, err = SumCompact([]byte(`{"a":1}`))
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(compact))

	_, compact, err = SumCompact([]byte(`{"a":1,"a":2}`))
	assert.ErrorIs(t, err, ErrDuplicateName)
	assert.Nil(t, compact)
}
