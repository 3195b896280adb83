package xapi_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// documentedOptions are the options of the golden statements: the
// defaults, with the opt-in types on, so that their statements are pinned
// and checked too.
var documentedOptions = []xapi.Option{xapi.WithOptIn(canonical.TypeOrderCompleted, canonical.TypeNotificationSent)}

// converters parse and convert one vendor's documented JSON bodies, as the
// canonical package's own golden tests do.
var converters = []struct {
	vendor  string
	convert func([]byte) ([]canonical.Event, error)
}{
	{"braincert", func(b []byte) ([]canonical.Event, error) { return chain(braincert.Parse(b))(canonical.FromBrainCert) }},
	{"easygenerator", func(b []byte) ([]canonical.Event, error) {
		return chain(easygenerator.Parse(b))(canonical.FromEasygenerator)
	}},
	{"learnink", func(b []byte) ([]canonical.Event, error) { return chain(learnink.Parse(b))(canonical.FromLearnInk) }},
	{"mcg", func(b []byte) ([]canonical.Event, error) { return chain(mcg.Parse(b))(canonical.FromMCG) }},
	{"toolzz", func(b []byte) ([]canonical.Event, error) { return chain(toolzz.Parse(b))(canonical.FromToolzz) }},
}

func chain[E any](event E, err error) func(func(E) ([]canonical.Event, error)) ([]canonical.Event, error) {
	return func(from func(E) ([]canonical.Event, error)) ([]canonical.Event, error) {
		if err != nil {
			return nil, err
		}
		return from(event)
	}
}

// documentedBody is one documented body with its canonical events and
// their statements.
type documentedBody struct {
	path       string
	events     []canonical.Event
	statements []xapi.Statement
}

// documented converts every documented JSON body of every vendor and maps
// its events with documentedOptions, or opts when given.
func documented(t testing.TB, opts ...xapi.Option) []documentedBody {
	t.Helper()
	if len(opts) == 0 {
		opts = documentedOptions
	}
	var out []documentedBody
	for _, c := range converters {
		for _, path := range golden.Fixtures(t, filepath.Join("..", "..", "testdata", c.vendor), ".json") {
			events, err := c.convert(golden.Read(t, path))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			body := documentedBody{path: path, events: events, statements: []xapi.Statement{}}
			for _, e := range events {
				statements, err := xapi.Statements(e, opts...)
				if err != nil {
					t.Fatalf("%s: event %s: %v", path, e.ID, err)
				}
				body.statements = append(body.statements, statements...)
			}
			out = append(out, body)
		}
	}
	return out
}

// allStatements lists the statements of every documented body.
func allStatements(t testing.TB, opts ...xapi.Option) []xapi.Statement {
	var all []xapi.Statement
	for _, body := range documented(t, opts...) {
		all = append(all, body.statements...)
	}
	return all
}

// indentJSON encodes v as indented JSON, without escaping <, > and &.
func indentJSON(t testing.TB, v any) []byte {
	t.Helper()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestGoldenStatements compares the statements of every documented body
// with its .xapi.golden file (rewritten with go test -update), and checks
// that each passes Validate.
func TestGoldenStatements(t *testing.T) {
	for _, body := range documented(t) {
		t.Run(filepath.Base(body.path), func(t *testing.T) {
			for i := range body.statements {
				if err := body.statements[i].Validate(); err != nil {
					t.Errorf("statement %d: %v", i, err)
				}
			}
			golden.Check(t, golden.Path(body.path, "xapi"), indentJSON(t, body.statements))
		})
	}
}
