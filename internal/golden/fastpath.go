package golden

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FastPath checks a Parse fast path (decode once after a scan) against the
// exact path it falls back to: Takes, that it answers every JSON fixture in
// dir (but those whose names start with a prefix in skip); Fuzz, that
// wherever it answers, the exact path gives the same value and no error.
type FastPath[E any] struct {
	Dir   string
	Skip  []string
	Fast  func([]byte) (E, bool)
	Exact func([]byte) (E, error)
}

// Takes fails t for every fixture the fast path gives up on.
func (p FastPath[E]) Takes(t *testing.T) {
	for _, path := range p.fixtures(t) {
		if _, ok := p.Fast(Read(t, path)); !ok {
			t.Errorf("%s: the fast path gave up", path)
		}
	}
}

// Fuzz seeds f with the fixtures and extra bodies and compares the paths.
func (p FastPath[E]) Fuzz(f *testing.F, extra ...string) {
	for _, path := range p.fixtures(f) {
		f.Add(Read(f, path))
	}
	for _, body := range extra {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fast, ok := p.Fast(body)
		if !ok {
			return
		}
		exact, err := p.Exact(body)
		if err != nil || !reflect.DeepEqual(fast, exact) {
			t.Fatalf("%q: fast path %#v; exact path %#v, %v", body, fast, exact, err)
		}
	})
}

func (p FastPath[E]) fixtures(t testing.TB) []string {
	var paths []string
	for _, path := range Fixtures(t, p.Dir, ".json") {
		skipped := false
		for _, prefix := range p.Skip {
			skipped = skipped || strings.HasPrefix(filepath.Base(path), prefix)
		}
		if !skipped {
			paths = append(paths, path)
		}
	}
	return paths
}
