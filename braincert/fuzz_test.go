package braincert_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
)

// FuzzParse feeds arbitrary bodies to both parsers: no body makes them
// panic; an accepted body converts to canonical events that pass Validate
// and encode; a rejected body's error is one of the package's kinds.
func FuzzParse(f *testing.F) {
	for _, suffix := range []string{".json", ".xml"} {
		for _, path := range golden.Fixtures(f, fixtures, suffix) {
			f.Add(golden.Read(f, path))
		}
	}
	f.Add([]byte(`<w><id>1</id><resource>r</resource><action>a</action><created_at>2024-01-01</created_at><payload><x/><x>1</x></payload></w>`))
	f.Add([]byte(`<w><id>1</id><id/><resource>course</resource><action>created</action><created_at>2024-01-01</created_at><payload><id>1</id><id>2</id></payload></w>`))
	f.Add([]byte(`<!DOCTYPE w [<!ENTITY a "b">]><w>&a;</w>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, parse := range []func([]byte, ...braincert.Option) (braincert.Event, error){braincert.Parse, braincert.ParseXML} {
			event, err := parse(body)
			if err != nil {
				fuzzcheck.Rejected(t, err, braincert.ErrMalformed, braincert.ErrInvalid, braincert.ErrNoEventType)
				continue
			}
			events, err := canonical.FromBrainCert(event)
			fuzzcheck.Converted(t, events, err)
		}
	})
}

// FuzzBasicAuth sends any Authorization header to a handler that requires
// Basic credentials: it answers 200 exactly when the header carries the
// configured pair, 401 otherwise, and never repeats the header.
func FuzzBasicAuth(f *testing.F) {
	const user, pass = "hook", "s3cret-Pa55"
	body := golden.Read(f, filepath.Join(fixtures, "course_completion.completed.json"))
	good := httptest.NewRequest(http.MethodPost, "/", nil)
	good.SetBasicAuth(user, pass)
	f.Add(good.Header.Get("Authorization"))
	for _, seed := range []string{"", "Basic ", "Basic aG9vazpzM2NyZXQtUGE1NQ", "basic aG9vazpzM2NyZXQtUGE1NQ==",
		"Basic aG9vazpzM2NyZXQtUGE1Ng==", "Bearer s3cret-Pa55", "Basic " + strings.Repeat("A", 5000)} {
		f.Add(seed)
	}
	h := braincert.Handler(func(context.Context, braincert.Event) error { return nil },
		braincert.WithBasicAuth(user, pass), quiet)
	f.Fuzz(func(t *testing.T, authorization string) {
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", authorization)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		gotUser, gotPass, ok := r.BasicAuth()
		valid := ok && gotUser == user && gotPass == pass
		switch {
		case valid && w.Code != http.StatusOK:
			t.Fatalf("the right credentials got %d", w.Code)
		case !valid && w.Code != http.StatusUnauthorized:
			t.Fatalf("wrong credentials got %d", w.Code)
		}
		if len(authorization) >= 6 && strings.Contains(w.Body.String(), authorization) {
			t.Fatalf("the answer repeats the Authorization header")
		}
	})
}
