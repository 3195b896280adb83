package braincert_test

import (
	"encoding/json"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// FuzzParse feeds arbitrary bodies to both parsers: they may reject a body
// but must never panic, and what they accept must encode back to JSON.
func FuzzParse(f *testing.F) {
	for _, suffix := range []string{".json", ".xml"} {
		for _, path := range golden.Fixtures(f, fixtures, suffix) {
			f.Add(golden.Read(f, path))
		}
	}
	f.Add([]byte(`<w><id>1</id><resource>r</resource><action>a</action><created_at>2024-01-01</created_at><payload><x/><x>1</x></payload></w>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, parse := range []func([]byte, ...braincert.Option) (braincert.Event, error){braincert.Parse, braincert.ParseXML} {
			event, err := parse(body)
			if err != nil {
				continue
			}
			if _, err := json.Marshal(event); err != nil {
				t.Errorf("accepted %T does not encode: %v", event, err)
			}
		}
	})
}
