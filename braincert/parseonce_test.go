package braincert

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	for _, body := range fixtureBodies(f) {
		f.Add(body)
	}
	f.Add([]byte(`{"id":"1","resource":"user","action":"deleted","created_at":5}`))
	f.Add([]byte(`{"resource":"user","action":"signup","Resource":"course"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		fast, ok := parseOnce(body)
		if !ok {
			return
		}
		exact, err := parse(jsonBody(body), nil)
		if err != nil || !reflect.DeepEqual(fast, exact) {
			t.Fatalf("%q: fast path %#v; exact path %#v, %v", body, fast, exact, err)
		}
	})
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) {
	for path, body := range fixtureBodies(t) {
		if _, ok := parseOnce(body); !ok {
			t.Errorf("%s: the fast path gave up", path)
		}
	}
}

// fixtureBodies reads every documented JSON body of the package.
func fixtureBodies(tb testing.TB) map[string][]byte {
	paths, _ := filepath.Glob("../testdata/braincert/*.json")
	if len(paths) == 0 {
		tb.Fatal("no fixtures")
	}
	bodies := make(map[string][]byte, len(paths))
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		bodies[path] = body
	}
	return bodies
}
