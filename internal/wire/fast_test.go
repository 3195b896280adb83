package wire

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

// The fast paths must agree with encoding/json and with the full layout
// loop on every input, not only on the common ones they speed up.

var fastSeeds = []string{
	`"2026-03-17T10:53:51.44271"`, `"2026-03-17T11:07:59.770459+00:00"`, `"2018-07-15T06:15:17.502Z"`,
	`"2023-07-03 12:53:41"`, `"2024-03-01"`, `"2024-02-30"`, `"2026-03-17T10:53:51,5"`, `"2026-03-17T24:00:00"`,
	`"2026-03-17T10:53:51+0300"`, `"2026-03-17T10:53:51-03:00"`, `"2026-03-17 10:53:51Z"`, `"2026-03-17X10:53:51"`,
	`"20260317"`, `""`, `"abc"`, `"a\"b"`, `"caf\u00e9"`, `"café"`, "\"\xff\"", "\"a\tb\"", `"<p>"`, `"a&b"`,
	"\"\u2028\"", `"12345"`, `12345`, `-0.5e+3`, `01`, `1.`, `1e`, `-`, `0`, `1.5E-7`, `null`, `true`, `{}`,
}

func FuzzQuotePlain(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := quotePlain(s)
		if !ok {
			return
		}
		want, _ := json.Marshal(s)
		if string(got) != string(want) {
			t.Fatalf("quotePlain(%q) = %s, json.Marshal %s", s, got, want)
		}
	})
}

func FuzzIsNumberLiteral(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var n json.Number
		slow := json.Unmarshal([]byte(s), &n) == nil && n.String() == s
		if isNumberLiteral(s) != slow {
			t.Fatalf("isNumberLiteral(%q) = %v, json.Unmarshal into a Number agrees: %v", s, !slow, slow)
		}
	})
}

func FuzzParseTimeLikelyLayout(f *testing.F) {
	for _, s := range fastSeeds {
		if text, ok := jsonscan.PlainString([]byte(s)); ok {
			f.Add(text)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s)
		want, wantErr := parseAnyLayout(s)
		if (err == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseTime(%q) = %v, %v; every layout in order: %v, %v", s, got, err, want, wantErr)
		}
	})
}

func TestFastPathsTakeTheCommonForms(t *testing.T) {
	for _, in := range []string{`"2026-03-17T10:53:51.44271"`, `"café"`, `"ORD_ep3FVWZ9lC"`} {
		if _, ok := jsonscan.PlainString([]byte(in)); !ok {
			t.Errorf("jsonscan.PlainString(%s) fell back", in)
		}
	}
	for _, in := range []string{"2026-03-17T10:53:51.44271", "2018-07-15T06:15:17.502Z", "2023-07-03 12:53:41", "2024-03-01"} {
		if _, ok := parseLikelyLayout(in); !ok {
			t.Errorf("parseLikelyLayout(%s) fell back", in)
		}
	}
	if !isNumberLiteral("2734339") || isNumberLiteral("1e") {
		t.Error("isNumberLiteral misreads 2734339 or 1e")
	}
}
