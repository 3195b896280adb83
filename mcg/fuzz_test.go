package mcg_test

import (
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
	"github.com/lmshooks/lmshooks/mcg"
)

// FuzzParse: no input panics, with or without a location; an accepted body
// converts to canonical events that pass Validate and encode; a rejected
// body's error is one of the package's error kinds.
func FuzzParse(f *testing.F) {
	for _, path := range golden.Fixtures(f, fixtures, ".json") {
		f.Add(golden.Read(f, path))
	}
	f.Add([]byte(`{"Type":"course_finish","uniqueId":"u","courseCode":"c","cards":{"1":{"cardId":"1","answeredAt":"2026-01-01"}}}`))
	f.Add([]byte(`{"EventType":"x"}`))
	ist := time.FixedZone("IST", 3*60*60)
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, opts := range [][]mcg.Option{nil, {mcg.WithLocation(ist)}} {
			event, err := mcg.Parse(body, opts...)
			if err != nil {
				fuzzcheck.Rejected(t, err, mcg.ErrMalformed, mcg.ErrInvalid, mcg.ErrNoEventType)
				continue
			}
			events, err := canonical.FromMCG(event)
			fuzzcheck.Converted(t, events, err)
			fuzzcheck.SameIDsRespelled(t, body, events, func(b []byte) ([]canonical.Event, error) {
				event, err := mcg.Parse(b, opts...)
				if err != nil {
					return nil, err
				}
				return canonical.FromMCG(event)
			})
		}
	})
}
