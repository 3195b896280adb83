package canonical_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

// TestGoldenMCG converts every documented MCG body and compares the
// canonical events' JSON with its golden file.
func TestGoldenMCG(t *testing.T) {
	goldenCanonical(t, golden.Fixtures(t, "../testdata/mcg", ".json"), parseMCG, canonical.FromMCG)
}

func parseMCG(body []byte) (mcg.Event, error) { return mcg.Parse(body) }

// goldenCanonical parses and converts every fixture and compares the
// canonical events' JSON with the fixture's golden file.
func goldenCanonical[E any](t *testing.T, paths []string, parse func([]byte) (E, error), convert func(E) ([]canonical.Event, error)) {
	t.Helper()
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := parse(golden.Read(t, path))
			require.NoError(t, err)
			events, err := convert(event)
			require.NoError(t, err)
			checkCanonical(t, path, events)
		})
	}
}

// oneEvent converts a parsed vendor event that must give exactly one
// canonical event, and checks that it passes Validate.
func oneEvent[E any](t *testing.T, event E, err error, convert func(E) ([]canonical.Event, error)) canonical.Event {
	t.Helper()
	require.NoError(t, err)
	events, err := convert(event)
	require.NoError(t, err)
	require.Len(t, events, 1)
	require.NoError(t, events[0].Validate())
	return events[0]
}

// checkCanonical validates events and compares their JSON with the
// fixture's canonical golden file.
func checkCanonical(t *testing.T, fixture string, events []canonical.Event) {
	t.Helper()
	require.NotEmpty(t, events)
	for i := range events {
		require.NoError(t, events[i].Validate(), "event %d", i)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(events))
	golden.Check(t, golden.Path(fixture, "canonical"), out.Bytes())
}

func TestMCGContentIDIgnoresLayout(t *testing.T) {
	a := `{"Type":"course_answer","uniqueId":"u@example.com","courseCode":"c","answer":{"cardId":1,"score":2}}`
	b := "{\n  \"answer\": {\"score\": 2, \"cardId\": 1},\n  \"courseCode\": \"c\", \"uniqueId\": \"u@example.com\", \"Type\": \"course_answer\"\n}"
	c := `{"Type":"course_answer","uniqueId":"u@example.com","courseCode":"c","answer":{"cardId":1,"score":3}}`
	ids := make([]string, 3)
	for i, body := range []string{a, b, c} {
		event, err := mcg.Parse([]byte(body))
		require.NoError(t, err)
		events, err := canonical.FromMCG(event)
		require.NoError(t, err)
		ids[i] = events[0].ID
	}
	assert.Equal(t, ids[0], ids[1], "same payload, other layout")
	assert.NotEqual(t, ids[0], ids[2], "other payload")
}

func TestMCGUnknown(t *testing.T) {
	event, err := mcg.Parse([]byte(`{"Type": "course_pause", "uniqueId": "x"}`))
	require.NoError(t, err)
	events, err := canonical.FromMCG(event)
	require.NoError(t, err)
	require.Len(t, events, 1)
	e := events[0]
	require.NoError(t, e.Validate())
	assert.Equal(t, canonical.TypeUnknown, e.Type)
	assert.Equal(t, "course_pause", e.VendorEvent)
	assert.Nil(t, e.Object)
	assert.JSONEq(t, `{"Type":"course_pause","uniqueId":"x"}`, string(e.Data))
}

func TestMCGRandomUsernameIsNoEmail(t *testing.T) {
	event, err := mcg.Parse([]byte(`{"EventType":"collection_started","CourseCollectionId":"c","Username":"a8f3k2","Email":"","StartedAt":"2026-03-17T11:07:59+03:00"}`))
	require.NoError(t, err)
	events, err := canonical.FromMCG(event)
	require.NoError(t, err)
	assert.Equal(t, &canonical.Learner{ID: "a8f3k2"}, events[0].Learner)
	assert.Equal(t, "2026-03-17T08:07:59Z", events[0].OccurredAt.Format("2006-01-02T15:04:05Z07:00"))
}
