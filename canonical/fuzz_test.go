package canonical_test

import (
	"net/http"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

// FuzzParseRequest is the one endpoint's detect-and-parse: no input panics;
// an accepted body converts to canonical events that pass Validate and
// encode; a rejected one fails with ErrUndetectable or a vendor's error kind.
// The second argument picks the Content-Type, so XML is fuzzed too. An
// accepted JSON body respelled (white space, key order) keeps its ids.
func FuzzParseRequest(f *testing.F) {
	for _, vendor := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"} {
		for _, path := range golden.Fixtures(f, filepath.Join("../testdata", vendor), ".json") {
			f.Add(golden.Read(f, path), false)
		}
	}
	for _, path := range golden.Fixtures(f, "../testdata/braincert", ".xml") {
		f.Add(golden.Read(f, path), true)
	}
	f.Fuzz(func(t *testing.T, body []byte, xml bool) {
		header := http.Header{"Content-Type": {"application/json"}}
		if xml {
			header.Set("Content-Type", "application/xml")
		}
		events, err := canonical.ParseRequest(header, body)
		if err != nil {
			// Every vendor package re-exports the same error values.
			fuzzcheck.Rejected(t, err, canonical.ErrUndetectable, braincert.ErrMalformed, braincert.ErrInvalid,
				braincert.ErrNoEventType, webhook.ErrUnsupportedMediaType)
			return
		}
		fuzzcheck.Converted(t, events, nil)
		if !xml {
			fuzzcheck.SameIDsRespelled(t, body, events, func(b []byte) ([]canonical.Event, error) {
				return canonical.ParseRequest(header, b)
			})
		}
	})
}
