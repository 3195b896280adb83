package canonical

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// FuzzTopLevelKeys: topLevelKeys answers as json.Unmarshal into a map does
// on every valid JSON text. On a text that is not, it may read the top-level
// keys (it does not check the values), but then no body it claims for a
// vendor is accepted: ParseRequest refuses it.
func FuzzTopLevelKeys(f *testing.F) {
	for _, s := range []string{`{"Type":"x","a":{"b":[1,"}"]}}`, `{"a":1,"a":2}`, `{"\u0041":1}`, `null`, `[]`,
		`{"event":{"slug":"x"}}`, `{"a":}`, `{"Type":"x","a":[1,}`, `{"resource":"course","action":"created","id":"1","x":{]}`, `{}`, ` {"object" : "event", "type":null} `, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := topLevelKeys(data)
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(data, &want)
		if wantErr != nil && gotErr == nil {
			if events, err := ParseRequest(http.Header{}, data); err == nil {
				t.Fatalf("%q is not JSON, and ParseRequest accepted it: %v", data, events)
			}
			return
		}
		var gotMap map[string]json.RawMessage
		if got != nil {
			gotMap = map[string]json.RawMessage{}
			for _, m := range got {
				gotMap[string(m.name)] = m.value
			}
			for name, value := range gotMap {
				if !reflect.DeepEqual(got.get(name), value) {
					t.Fatalf("%q: get(%q) = %s, the last member of that name is %s", data, name, got.get(name), value)
				}
			}
		}
		if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(gotMap, want) {
			t.Fatalf("%q: topLevelKeys %v, %v; json.Unmarshal %v, %v", data, gotMap, gotErr, want, wantErr)
		}
	})
}
