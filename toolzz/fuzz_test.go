package toolzz_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
	"github.com/lmshooks/lmshooks/toolzz"
)

// FuzzParse: no body makes Parse panic, with or without a location; an
// accepted body converts to canonical events that pass Validate and
// encode; a rejected body's error is one of the package's kinds and never
// quotes the CPF.
func FuzzParse(f *testing.F) {
	for _, path := range golden.Fixtures(f, fixtures, ".json") {
		f.Add(golden.Read(f, path))
	}
	f.Add([]byte(courseCompleted))
	f.Add([]byte(memberUpdated))
	f.Add([]byte(`{"event":{"slug":"members.disabled","send_at":"2023-07-03"}}`))
	f.Add([]byte(`{"event":{"slug":"activities.content.completed","send_at":"2023-07-03 12:00:00"},"data":{"user":{"id":1},"content":{"send_date":null}}}`))
	brt := time.FixedZone("BRT", -3*60*60)
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, opts := range [][]toolzz.Option{nil, {toolzz.WithLocation(brt)}} {
			event, err := toolzz.Parse(body, opts...)
			if err != nil {
				fuzzcheck.Rejected(t, err, toolzz.ErrMalformed, toolzz.ErrInvalid, toolzz.ErrNoEventType)
				if strings.Contains(err.Error(), cpf) {
					t.Fatalf("error quotes the cpf: %v", err)
				}
				continue
			}
			events, err := canonical.FromToolzz(event)
			fuzzcheck.Converted(t, events, err)
			fuzzcheck.SameIDsRespelled(t, body, events, func(b []byte) ([]canonical.Event, error) {
				event, err := toolzz.Parse(b, opts...)
				if err != nil {
					return nil, err
				}
				return canonical.FromToolzz(event)
			})
		}
	})
}
