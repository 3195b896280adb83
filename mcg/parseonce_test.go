package mcg

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/mcg/*.json")
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body)
	}
	f.Add([]byte(`{"Type":"course_answer","EventType":5,"uniqueId":"u","courseCode":"c","answer":{"cardId":1}}`))
	f.Add([]byte(`{"type":"collection_completed","Type":"course_answer"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		fast, ok := parseOnce(body)
		if !ok {
			return
		}
		exact, err := parseWithEnvelope(body)
		if err != nil || !reflect.DeepEqual(fast, exact) {
			t.Fatalf("%q: fast path %#v; exact path %#v, %v", body, fast, exact, err)
		}
	})
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/mcg/*.json")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := parseOnce(body); !ok {
			t.Errorf("%s: the fast path gave up", path)
		}
	}
}
