package jsonscan_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

var seeds = []string{
	`{"Type":"course_answer","uniqueId":"a@b.c","answer":{"cardId":1,"Type":"x"}}`,
	`{"type":"a","TYPE":"b"}`, `{"EventType":"collection_started","Type":null}`, `{"Type":5}`,
	`{"event":{"slug":"members.created","name":"x \" } ]"},"data":[1,{"a":"}"}]}`, `{"event":null}`,
	`{ "resource" : "user" , "action":"signup" }`, `{}`, ` { } `, `[]`, `null`, `"x"`, `{"a"}`, `{"a":}`,
	`{"\u0054ype":"x"}`, `{"Type":"\u0078"}`, "{\"Type\":\"caf\xc3\xa9\"}", "{\"Type\":\"\xff\"}", `{"Type":"x"`,
	`{"a":1,}`, `{"a":1 "b":2}`, `{"ſlug":"x"}`, `{"a":-1.5e3,"b":true,"c":false,"d":null}`,
}

// FuzzLookup: whenever Lookup and String answer, encoding/json decoding the
// same body into a struct with those fields agrees (on bodies it accepts).
func FuzzLookup(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var values [2][]byte
		if !jsonscan.Lookup(body, []string{"Type", "EventType"}, values[:]) {
			return
		}
		typ, ok1 := jsonscan.String(values[0])
		eventType, ok2 := jsonscan.String(values[1])
		if !ok1 || !ok2 {
			return
		}
		var env struct{ Type, EventType string }
		if err := json.Unmarshal(body, &env); err != nil {
			return // the caller's decode rejects it
		}
		if env.Type != typ || env.EventType != eventType {
			t.Fatalf("%q: scanned %q %q, decoded %q %q", body, typ, eventType, env.Type, env.EventType)
		}
	})
}

// FuzzMembers: on a JSON object encoding/json accepts, Members yields its
// members with their exact keys and values (the last of a repeated key is
// what a map decode keeps).
func FuzzMembers(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got := map[string]json.RawMessage{}
		if !jsonscan.Members(body, func(key, value []byte) bool {
			got[string(key)] = value
			return true
		}) {
			return
		}
		var want map[string]json.RawMessage
		if err := json.Unmarshal(body, &want); err != nil {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("%q: scanned %d keys, decoded %d", body, len(got), len(want))
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("%q: key %q scanned %s, decoded %s", body, k, got[k], v)
			}
		}
	})
}

func FuzzPlainString(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b"`, `"café"`, "\"\xff\"", "\"a\tb\"", `""`, `"`, `x`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := jsonscan.PlainString(data)
		if !ok {
			return
		}
		var want string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("PlainString accepted %q, json.Unmarshal: %v", data, err)
		}
		if got != want {
			t.Fatalf("PlainString(%q) = %q, json.Unmarshal %q", data, got, want)
		}
	})
}

func TestLookupGivesUp(t *testing.T) {
	names := []string{"Type"}
	values := make([][]byte, 1)
	for _, body := range []string{`{"type":"a","Type":"b"}`, `{"\u0054ype":"x"}`, `[]`, `{"Type":"x"`, `null`} {
		if jsonscan.Lookup([]byte(body), names, values) {
			t.Errorf("Lookup(%s) answered %q; want it to give up", body, values[0])
		}
	}
	if !jsonscan.Lookup([]byte(`{"a":{"Type":"nested"}, "TYPE" : "top"}`), names, values) || string(values[0]) != `"top"` {
		t.Errorf("Lookup found %q, want the top-level \"top\"", values[0])
	}
	if _, ok := jsonscan.String([]byte(`5`)); ok {
		t.Error("String accepted a number")
	}
}
