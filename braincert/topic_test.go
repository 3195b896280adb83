package braincert_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/braincert/braincerttest"
	"github.com/lmshooks/lmshooks/internal/eventtable/eventtabletest"
)

// TestTopicsAsEventTypes runs on Topic the check every other vendor runs on
// its EventType, so that the two shapes stay the same: every Topic constant
// is in Events, every listed topic parses its documented body
// (testdata/braincert) into an event of that Topic, and an unmodelled topic
// gives an Unknown carrying it as sent.
func TestTopicsAsEventTypes(t *testing.T) {
	eventtabletest.Check(t, eventtabletest.Vendor[braincert.Topic, braincert.Event]{
		Dir: ".", TypeName: "Topic",
		Events:      braincert.Events(),
		Body:        topicBody,
		Parse:       func(body []byte) (braincert.Event, error) { return braincert.Parse(body) },
		TypeOf:      braincert.Event.Topic,
		IsUnknown:   func(e braincert.Event) bool { _, ok := e.(*braincert.Unknown); return ok },
		UnknownBody: []byte(`{"id":"9","resource":"badge","action":"earned","created_at":"2024-02-14T21:52:13Z","payload":{}}`),
		UnknownName: "badge.earned",
	})
}

var createdAction = regexp.MustCompile(`"action"\s*:\s*"created"`)

// topicBody returns the documented JSON body of topic. BrainCert gives no
// example of virtual classroom.updated nor of product.updated, both modelled
// like their .created topic: for them it is that body with action "updated".
func topicBody(t *testing.T, topic braincert.Topic) []byte {
	t.Helper()
	if topic == braincert.TopicLiveClassUpdated || topic == braincert.TopicProductUpdated {
		resource, _, _ := strings.Cut(string(topic), ".")
		created := topicBody(t, braincert.Topic(resource+".created"))
		if !createdAction.Match(created) {
			t.Fatalf("the %s.created body has no action \"created\"", resource)
		}
		return createdAction.ReplaceAll(created, []byte(`"action":"updated"`))
	}
	return documented(t, topic)
}

var documented = eventtabletest.Documented[braincert.Topic](func(name string) ([]byte, bool) {
	ex, ok := braincerttest.Lookup(name)
	return ex.Body, ok
})
