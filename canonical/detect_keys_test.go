package canonical

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzTopLevelKeys: topLevelKeys answers as json.Unmarshal into a map does,
// on every input.
func FuzzTopLevelKeys(f *testing.F) {
	for _, s := range []string{`{"Type":"x","a":{"b":[1,"}"]}}`, `{"a":1,"a":2}`, `{"\u0041":1}`, `null`, `[]`,
		`{"event":{"slug":"x"}}`, `{"a":}`, `{}`, ` {"object" : "event", "type":null} `, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := topLevelKeys(data)
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(data, &want)
		if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: topLevelKeys %v, %v; json.Unmarshal %v, %v", data, got, gotErr, want, wantErr)
		}
	})
}
