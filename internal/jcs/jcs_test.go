package jcs

import (
	"crypto/sha256"
	"encoding/json"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canonical returns the RFC 8785 form Sum hashes, for the tests.
func canonical(t *testing.T, in string) string {
	t.Helper()
	b, err := Canonical([]byte(in))
	require.NoError(t, err)
	return string(b)
}

// TestRFC8785Examples are the examples of RFC 8785 §3.2.2 and §3.2.3.
func TestRFC8785Examples(t *testing.T) {
	in := `{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`
	want := `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`
	assert.Equal(t, want, canonical(t, in))
	sum, err := Sum([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, sha256.Sum256([]byte(want)), sum)

	sorting := `{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`
	got := canonical(t, sorting)
	var order []string
	dec := json.NewDecoder(strings.NewReader(got))
	_, _ = dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		_, _ = dec.Token()
		order = append(order, k.(string))
	}
	assert.Equal(t, []string{"\r", "1", "\u0080", "ö", "€", "😀", "\ufb33"}, order)
}

// TestNumbers checks ECMAScript's number form on the IEEE 754 values of
// RFC 8785 Appendix B.
func TestNumbers(t *testing.T) {
	for bits, want := range map[uint64]string{
		0x0000000000000000: "0",
		0x8000000000000000: "0",
		0x0000000000000001: "5e-324",
		0x8000000000000001: "-5e-324",
		0x7fefffffffffffff: "1.7976931348623157e+308",
		0xffefffffffffffff: "-1.7976931348623157e+308",
		0x4340000000000000: "9007199254740992",
		0xc340000000000000: "-9007199254740992",
		0x4430000000000000: "295147905179352830000",
		0x44b52d02c7e14af5: "9.999999999999997e+22",
		0x44b52d02c7e14af6: "1e+23",
		0x3eb0c6f7a0b5ed8d: "0.000001",
		0x3eb0c6f7a0b5ed8c: "9.999999999999997e-7",
		0x41b3de4355555553: "333333333.3333332",
		0x41b3de4355555554: "333333333.33333325",
		0x41b3de4355555555: "333333333.3333333",
	} {
		assert.Equal(t, want, string(AppendNumber(nil, math.Float64frombits(bits))), "%#x", bits)
	}
	assert.Equal(t, `[100000000000000000000,1e+21,0.1,-1.5,1e-7]`, canonical(t, `[1E20, 1e21, 1e-1, -1.50, 0.0000001]`))
	huge := "1" + strings.Repeat("0", 400)
	assert.Equal(t, `[1e400,-1E400,`+huge+`]`, canonical(t, `[1e400, -1E400, `+huge+`]`), "beyond a double's range, the text is kept")
}

// TestSameSumWhateverTheSpellingAndOrder: white space, key order and string
// escapes do not change the sum; any value does.
func TestSameSumWhateverTheSpellingAndOrder(t *testing.T) {
	a := `{"b":[1,2,{"y":true,"x":null}],"a":"é/\"","c":{"n":1.0}}`
	b := " {\n \"c\" : { \"n\" : 1 } , \"a\":\"\\u00e9\\/\\\"\",\r\n\t\"b\":[ 1 , 2.0 , {\"x\":null, \"y\":true} ] } "
	sa, err := Sum([]byte(a))
	require.NoError(t, err)
	sb, err := Sum([]byte(b))
	require.NoError(t, err)
	assert.Equal(t, sa, sb)
	sc, err := Sum([]byte(strings.Replace(a, "true", "false", 1)))
	require.NoError(t, err)
	assert.NotEqual(t, sa, sc)
}

func TestErrors(t *testing.T) {
	for in, want := range map[string]error{
		`{"a":1,"a":2}`:                ErrDuplicateName,
		`{"a":1,"\u0061":2}`:           ErrDuplicateName,
		`[{"x":{"deep":1,"deep":1}}]`:  ErrDuplicateName,
		`{"Type":"a","type":"b"}`:      ErrCaseVariant,
		`{"kind":1,"\u212aind":2}`:     ErrCaseVariant, // KELVIN SIGN folds to k
		`{"s":1,"ſ":2}`:                ErrCaseVariant,
		`{"a":1}x`:                     ErrSyntax,
		`{"a":1,}`:                     ErrSyntax,
		`[1,]`:                         ErrSyntax,
		`01`:                           ErrSyntax,
		`1.`:                           ErrSyntax,
		`-`:                            ErrSyntax,
		`"\ud800"`:                     ErrSyntax,
		`"\x"`:                         ErrSyntax,
		"\"a\tb\"":                     ErrSyntax,
		"\"\xff\"":                     ErrSyntax,
		``:                             ErrSyntax,
		`{"a" 1}`:                      ErrSyntax,
		`tru`:                          ErrSyntax,
		strings.Repeat("[", 10001):     ErrTooDeep,
		strings.Repeat(`{"a":`, 10001): ErrTooDeep,
	} {
		_, err := Sum([]byte(in))
		assert.ErrorIs(t, err, want, "%.40q", in)
		var e *Error
		assert.ErrorAs(t, err, &e)
	}
	_, err := Sum([]byte(strings.Repeat("[", 10000) + strings.Repeat("]", 10000)))
	assert.NoError(t, err, "the depth limit itself is accepted")
	_, err = Sum([]byte(`{"Type":"a","type":"b"}`))
	assert.ErrorContains(t, err, `"type"`)
}

// TestAgreesWithEncodingJSON: for random documents, the canonical form reads
// back as the same value encoding/json reads from the original.
func TestAgreesWithEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		doc := randomJSON(rng, 0)
		in, err := json.MarshalIndent(doc, "", " ")
		require.NoError(t, err)
		out := canonical(t, string(in))
		var x, y any
		require.NoError(t, json.Unmarshal(in, &x))
		require.NoError(t, json.Unmarshal([]byte(out), &y), out)
		assert.Equal(t, x, y)
		again := canonical(t, out)
		assert.Equal(t, out, again, "the canonical form is its own canonical form")
	}
}

func randomJSON(rng *rand.Rand, depth int) any {
	switch k := rng.IntN(7); {
	case depth > 4 || k == 0:
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(60)-30))
	case k == 1:
		return string([]rune{rune(rng.IntN(0x2FFFF)), 'a', rune(rng.IntN(0x20))})
	case k == 2:
		return rng.IntN(2) == 0
	case k == 3:
		return nil
	case k == 4:
		a := make([]any, rng.IntN(4))
		for i := range a {
			a[i] = randomJSON(rng, depth+1)
		}
		return a
	default:
		m := map[string]any{}
		for range rng.IntN(5) {
			m["k"+strconv.Itoa(rng.IntN(100))+string(rune(rng.IntN(0x10FFFF)))] = randomJSON(rng, depth+1)
		}
		return m
	}
}

// TestMemoryIsBounded: the shapes that cost the most per byte stay within
// 3 × the text.
func TestMemoryIsBounded(t *testing.T) {
	var small, wide, numbers strings.Builder
	small.WriteString(`{"Type":"x","items":[`)
	for i := 0; small.Len() < 4<<20; i++ {
		if i > 0 {
			small.WriteByte(',')
		}
		small.WriteString(`{"b":1,"a":2}`)
	}
	small.WriteString("]}")
	wide.WriteString("{")
	for i := range 200_000 {
		if i > 0 {
			wide.WriteByte(',')
		}
		wide.WriteString(`"` + strconv.Itoa(200_000-i) + `":0`)
	}
	wide.WriteString("}")
	numbers.WriteString(`{"n":[`)
	for i := 0; numbers.Len() < 4<<20; i++ {
		if i > 0 {
			numbers.WriteByte(',')
		}
		numbers.WriteString(`1e20`)
	}
	numbers.WriteString("]}")
	for name, body := range map[string]string{"array of small objects": small.String(), "200 000 keys": wide.String(),
		"numbers that grow": numbers.String(), "deep": strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000)} {
		in := []byte(body)
		allocated := allocatedBy(func() {
			_, err := Sum(in)
			require.NoError(t, err)
		})
		t.Logf("%s: %d bytes, allocated %d (%.2f ×)", name, len(in), allocated, float64(allocated)/float64(len(in)))
		assert.LessOrEqual(t, allocated, 3*uint64(len(in)), name)
	}
}

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
