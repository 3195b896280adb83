package braincert_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

const fixtures = "../testdata/braincert"

func parse(body []byte) (braincert.Event, error) { return braincert.Parse(body) }

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	golden.TypedGolden(t, golden.Fixtures(t, fixtures, ".json"), parse, func(t *testing.T, path string, event braincert.Event) {
		if _, unknown := event.(*braincert.Unknown); unknown {
			t.Fatalf("documented body parsed as unknown event %q", event.EventName())
		}
		assert.Equal(t, fixtureName(event.Topic()), strings.TrimSuffix(filepath.Base(path), ".json"),
			"the file name is the topic")
	})
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	golden.RoundTrip(t, golden.Fixtures(t, fixtures, ".json"), parse)
}

// TestXMLMatchesJSON parses every XML rendering and its JSON twin: the
// typed values must be identical, down to each ID's form, and so match the
// twin's golden dump.
func TestXMLMatchesJSON(t *testing.T) {
	paths := golden.Fixtures(t, fixtures, ".xml")
	require.GreaterOrEqual(t, len(paths), 3)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			twin := strings.TrimSuffix(path, ".xml") + ".json"
			fromJSON, err := braincert.Parse(golden.Read(t, twin))
			require.NoError(t, err)
			fromXML, err := braincert.ParseXML(golden.Read(t, path))
			require.NoError(t, err)
			if diff := cmp.Diff(fromJSON, fromXML, cmp.AllowUnexported(webhook.Sent{})); diff != "" {
				t.Errorf("XML and JSON forms differ (-json +xml):\n%s", diff)
			}
			assert.Equal(t, string(golden.Read(t, golden.Path(twin, "typed"))), string(golden.Dump(fromXML)))
		})
	}
}

// undocumented lists the modelled topics that have no fixture, and why.
var undocumented = map[braincert.Topic]string{
	braincert.TopicLiveClassUpdated: "listed in the docs' table (#11) but without an example body; see TestParseUndocumentedTopics",
	braincert.TopicProductUpdated:   "not documented; accepted with Product Created's body; see TestParseUndocumentedTopics",
}

// TestEveryTopicHasFixture checks the topic table against the fixtures: each
// modelled topic has a documented body, or is listed in undocumented.
func TestEveryTopicHasFixture(t *testing.T) {
	topics := braincert.Topics()
	assert.Len(t, topics, 25, "24 documented topics plus Product Updated")
	for _, topic := range topics {
		assert.True(t, topic.Known(), topic)
		path := filepath.Join(fixtures, fixtureName(topic)+".json")
		_, err := os.Stat(path)
		if why, ok := undocumented[topic]; ok {
			assert.Error(t, err, "%s has a fixture now: drop it from undocumented (%s)", topic, why)
			continue
		}
		assert.NoError(t, err, "topic %s has no fixture", topic)
	}
	assert.Len(t, golden.Fixtures(t, fixtures, ".json"), len(topics)-len(undocumented), "a fixture without a topic")
}

// fixtureName is a topic's fixture file name without extension: a space in
// the resource becomes "_".
func fixtureName(topic braincert.Topic) string {
	return strings.ReplaceAll(string(topic), " ", "_")
}
