package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"github.com/lmshooks/lmshooks/canonical"
)

// delivery is one request the senders post, with the canonical ids the
// receiver must print for it.
type delivery struct {
	body []byte
	ids  []string
}

// vendors whose documented bodies are sent (BrainCert's XML twins and
// LearnInk's signature vector are left out).
var vendors = []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"}

// loadFixtures reads every documented JSON body under dir.
func loadFixtures(dir string) ([][]byte, error) {
	var bodies [][]byte
	for _, vendor := range vendors {
		paths, err := filepath.Glob(filepath.Join(dir, vendor, "*.json"))
		if err != nil {
			return nil, err
		}
		for _, path := range paths {
			body, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			bodies = append(bodies, body)
		}
	}
	if len(bodies) == 0 {
		return nil, fmt.Errorf("no fixtures under %s", dir)
	}
	return bodies, nil
}

// makeDeliveries returns n deliveries cycling through the fixtures, each
// varied so that its canonical ids are new: de-duplication must not hide a
// lost event. The expected ids come from canonical.ParseRequest, the same
// parse the receiver runs.
func makeDeliveries(fixtures [][]byte, n int) ([]delivery, error) {
	out := make([]delivery, 0, n)
	for i := range n {
		body, ids, err := vary(fixtures[i%len(fixtures)], i)
		if err != nil {
			return nil, err
		}
		out = append(out, delivery{body: body, ids: ids})
	}
	return out, nil
}

// vary appends "-<n>" to the first string value (depth first, keys in
// order) whose change still parses and gives new canonical ids. Keys that
// name the event are never changed.
func vary(body []byte, n int) ([]byte, []string, error) {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, err
	}
	original, err := idsOf(body)
	if err != nil {
		return nil, nil, err
	}
	for _, set := range stringSetters(doc, "") {
		set(fmt.Sprintf("-%d", n))
		varied, err := json.Marshal(doc)
		if err != nil {
			return nil, nil, err
		}
		ids, err := idsOf(varied)
		if err == nil && len(ids) > 0 && !slices.Equal(ids, original) {
			return varied, ids, nil
		}
		set("") // undo
	}
	return nil, nil, fmt.Errorf("no field of %.60s... varies its canonical id", body)
}

// eventKeys name an event; changing them changes the event's type.
var eventKeys = map[string]bool{"Type": true, "EventType": true, "type": true, "object": true,
	"slug": true, "resource": true, "action": true, "api_version": true}

// stringSetters returns, for each string value in v, a function that sets
// it to its original text plus a suffix.
func stringSetters(v any, key string) []func(string) {
	var out []func(string)
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if s, ok := v[k].(string); ok && !eventKeys[k] {
				out = append(out, func(suffix string) { v[k] = s + suffix })
				continue
			}
			out = append(out, stringSetters(v[k], k)...)
		}
	case []any:
		for i := range v {
			if s, ok := v[i].(string); ok {
				out = append(out, func(suffix string) { v[i] = s + suffix })
				continue
			}
			out = append(out, stringSetters(v[i], key)...)
		}
	}
	return out
}

func idsOf(body []byte) ([]string, error) {
	events, err := canonical.ParseRequest(http.Header{"Content-Type": {"application/json"}}, body)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return ids, nil
}
