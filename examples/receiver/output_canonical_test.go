package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
)

// TestEncodeCanonicalWritesWhatJSONEncoderWrites compares the output
// encoder, byte for byte, with json.Encoder over the events of every
// documented body, and over names that encoding/json escapes.
func TestEncodeCanonicalWritesWhatJSONEncoderWrites(t *testing.T) {
	var events []canonical.Event
	h := canonical.Handler(func(_ context.Context, e canonical.Event) error {
		events = append(events, e)
		return nil
	})
	paths, err := filepath.Glob("../../testdata/*/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no documented bodies: %v", err)
	}
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	if len(events) < 20 {
		t.Fatalf("only %d events from %d documented bodies", len(events), len(paths))
	}
	for _, name := range []string{"<b>&</b>", "line\nbreak\ttab\u2028\u2029", "\x00\x1f\x7f", "bad \xff utf-8", `quote " back \ slash`} {
		e := events[0]
		e.Learner = &canonical.Learner{Name: name}
		events = append(events, e)
	}
	for _, e := range events {
		want, err := encodeLine(&e, e.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeCanonical(e)
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", e.ID, got, want)
		}
	}
}

// TestEncodeCanonicalRefusesAnInvalidEvent: the fields are still checked,
// and a Data that is not an object is refused.
func TestEncodeCanonicalRefusesAnInvalidEvent(t *testing.T) {
	for name, e := range map[string]canonical.Event{
		"no id":                            {Vendor: canonical.VendorMCG, Type: canonical.TypeUnknown, VendorEvent: "x", Data: []byte(`{}`)},
		"data not object":                  {ID: "a", Vendor: canonical.VendorMCG, Type: canonical.TypeUnknown, VendorEvent: "x", Data: []byte(`[1]`)},
		"data with a line break, not JSON": {ID: "a", Vendor: canonical.VendorMCG, Type: canonical.TypeUnknown, VendorEvent: "x", Data: []byte("{\n")},
	} {
		if _, err := encodeCanonical(e); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
}
