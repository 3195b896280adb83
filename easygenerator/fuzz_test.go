package easygenerator_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
)

// FuzzParse: no body makes Parse panic; an accepted body converts to
// canonical events that pass Validate and encode; a rejected body's error
// is one of the package's kinds.
func FuzzParse(f *testing.F) {
	for _, path := range golden.Fixtures(f, fixtures, ".json") {
		f.Add(golden.Read(f, path))
	}
	f.Add([]byte(validBody))
	f.Add([]byte(`{"score":-0,"finishedOn":"2018-07-15"}`))
	f.Add([]byte(`{"courseId":"c","learnerId":"l","score":1e400,"finishedOn":"2018-07-15","status":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		event, err := easygenerator.Parse(body)
		if err != nil {
			fuzzcheck.Rejected(t, err, easygenerator.ErrMalformed, easygenerator.ErrInvalid)
			return
		}
		events, err := canonical.FromEasygenerator(event)
		fuzzcheck.Converted(t, events, err)
		fuzzcheck.SameIDsRespelled(t, body, events, func(b []byte) ([]canonical.Event, error) {
			event, err := easygenerator.Parse(b)
			if err != nil {
				return nil, err
			}
			return canonical.FromEasygenerator(event)
		})
	})
}
