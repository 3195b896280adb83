package canonical_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

// TestGoldenLearnInk converts every documented LearnInk body and compares the canonical events' JSON with its golden file.
func TestGoldenLearnInk(t *testing.T) {
	goldenCanonical(t, golden.Fixtures(t, "../testdata/learnink", ".json"), func(b []byte) (learnink.Event, error) { return learnink.Parse(b) }, canonical.FromLearnInk)
}

// learnInkEvents parses body with an svix-id header (none when msgID is
// empty), converts it and validates every event.
func learnInkEvents(t *testing.T, body, msgID string) []canonical.Event {
	t.Helper()
	header := http.Header{}
	if msgID != "" {
		header.Set("svix-id", msgID)
	}
	event, err := learnink.ParseRequest(header, []byte(body))
	require.NoError(t, err)
	events, err := canonical.FromLearnInk(event)
	require.NoError(t, err)
	for i := range events {
		require.NoError(t, events[i].Validate(), "event %d", i)
	}
	return events
}

const learnInkCompleted = `{"object":"event","type":"user.course.completed","api_version":"2022-11-15",
	"data":{"user_id":"u1","custom_id":null,"phone_number":null,"course_id":"c1"},"timestamp":"2022-11-05T12:00:00+02:00"}`

func TestLearnInkCourseCompleted(t *testing.T) {
	events := learnInkEvents(t, learnInkCompleted, "msg_7")
	require.Len(t, events, 1)
	e := events[0]
	assert.Equal(t, "learnink:user.course.completed:msg_7", e.ID)
	assert.Equal(t, canonical.TypeCourseCompleted, e.Type)
	assert.Equal(t, "user.course.completed", e.VendorEvent)
	assert.Equal(t, "2022-11-05T10:00:00Z", e.OccurredAt.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, &canonical.Learner{ID: "u1"}, e.Learner, "null custom_id gives no external_id")
	assert.Equal(t, &canonical.Object{Kind: canonical.KindCourse, ID: "c1"}, e.Object)
	require.NotNil(t, e.Result)
	assert.Equal(t, &canonical.Result{Completed: e.Result.Completed}, e.Result)
	assert.True(t, *e.Result.Completed)
	assert.JSONEq(t, learnInkCompleted, string(e.Data))
}

func TestLearnInkIDs(t *testing.T) {
	started := string(golden.Read(t, "../testdata/learnink/user.course.started.json"))
	withID := learnInkEvents(t, started, "msg_p5jXN8AQM9LWM0D4loKWxJek")
	assert.Equal(t, "learnink:user.course.started:msg_p5jXN8AQM9LWM0D4loKWxJek", withID[0].ID)

	// Without svix-id the id derives from the content: same payload, same id
	// whatever the layout; another payload, another id.
	compact := `{"type":"user.course.started","object":"event","api_version":"2022-11-15","timestamp":"2022-11-04T09:58:58.233Z",` +
		`"data":{"course_id":"83dc4f73-0e56-4fd5-8cdc-4aa5d53fdfe8","phone_number":"+254705408079",` +
		`"custom_id":"3c2143e4-3e8e-478a-bf0b-9dc6e284fa33","user_id":"le2bB6Fi4CMgrIOIqMCJryZb9PR2"}}`
	a := learnInkEvents(t, started, "")[0]
	b := learnInkEvents(t, compact, "")[0]
	assert.Equal(t, a.ID, b.ID)
	assert.Regexp(t, `^learnink:user\.course\.started:[0-9a-f]{32}$`, a.ID)
	other := learnInkEvents(t, learnInkCompleted, "")[0]
	assert.NotEqual(t, a.ID, other.ID)

	// The message id changes the id, never the data.
	assert.JSONEq(t, string(a.Data), string(withID[0].Data))
}

const learnInkTwoNotifications = `{"api_version":"2022-11-15","object":"event","type":"notifications.sent",
	"timestamp":"2025-11-06T09:58:58.233Z","data":{"notifications":[
	{"title":"Hi Mary!","body":"b1","path":"/learning","user_id":"u1","custom_id":"ext-1","phone_number":null},
	{"title":"Hi Joe!","body":"b2","path":"/home","user_id":"u2","custom_id":null,"phone_number":"+1555"}]}}`

func TestLearnInkNotificationsOnePerUser(t *testing.T) {
	events := learnInkEvents(t, learnInkTwoNotifications, "msg_9")
	require.Len(t, events, 2)
	for i, want := range []struct {
		id      string
		learner canonical.Learner
		title   string
		data    string
	}{
		{"learnink:notifications.sent:msg_9/0", canonical.Learner{ID: "u1", ExternalID: "ext-1"}, "Hi Mary!",
			`{"title":"Hi Mary!","body":"b1","path":"/learning","user_id":"u1","custom_id":"ext-1","phone_number":null}`},
		{"learnink:notifications.sent:msg_9/1", canonical.Learner{ID: "u2"}, "Hi Joe!",
			`{"title":"Hi Joe!","body":"b2","path":"/home","user_id":"u2","custom_id":null,"phone_number":"+1555"}`},
	} {
		e := events[i]
		assert.Equal(t, want.id, e.ID)
		assert.Equal(t, canonical.TypeNotificationSent, e.Type)
		assert.Equal(t, "notifications.sent", e.VendorEvent)
		assert.Equal(t, "2025-11-06T09:58:58.233Z", e.OccurredAt.Format("2006-01-02T15:04:05.000Z07:00"))
		assert.Equal(t, &want.learner, e.Learner)
		assert.Equal(t, &canonical.Object{Kind: canonical.KindNotification, ID: want.id, Name: want.title}, e.Object)
		assert.Nil(t, e.Result)
		assert.JSONEq(t, `{"api_version":"2022-11-15","object":"event","type":"notifications.sent",
			"timestamp":"2025-11-06T09:58:58.233Z","data":{"notifications":[`+want.data+`]}}`, string(e.Data))

		// Each event's data is itself a notifications.sent body.
		again, err := learnink.Parse(e.Data)
		require.NoError(t, err)
		assert.Len(t, again.(*learnink.NotificationsSent).Data.Notifications, 1)
	}

	// Without svix-id: the content-derived delivery id, then "/" and the index.
	events = learnInkEvents(t, learnInkTwoNotifications, "")
	require.Len(t, events, 2)
	assert.Regexp(t, `^learnink:notifications\.sent:[0-9a-f]{32}/0$`, events[0].ID)
	assert.Equal(t, events[0].ID[:len(events[0].ID)-1]+"1", events[1].ID)
}

func TestLearnInkEmptyNotifications(t *testing.T) {
	event, err := learnink.Parse([]byte(`{"object":"event","type":"notifications.sent","data":{"notifications":[]}}`))
	require.NoError(t, err)
	events, err := canonical.FromLearnInk(event)
	require.NoError(t, err)
	assert.Empty(t, events)
}

func TestLearnInkUnknown(t *testing.T) {
	body := `{"object":"event","type":"user.certificate.awarded","api_version":"2022-11-15",
		"data":{"user_id":"u","certificate_id":"k"},"timestamp":"2022-11-04T09:58:58Z"}`
	events := learnInkEvents(t, body, "msg_3")
	require.Len(t, events, 1)
	e := events[0]
	assert.Equal(t, "learnink:user.certificate.awarded:msg_3", e.ID)
	assert.Equal(t, canonical.TypeUnknown, e.Type)
	assert.Equal(t, "user.certificate.awarded", e.VendorEvent)
	assert.Equal(t, "2022-11-04T09:58:58Z", e.OccurredAt.Format("2006-01-02T15:04:05Z07:00"))
	assert.Nil(t, e.Object)
	assert.Nil(t, e.Learner)
	assert.JSONEq(t, body, string(e.Data))

	withoutID := learnInkEvents(t, body, "")[0]
	assert.Regexp(t, `^learnink:user\.certificate\.awarded:[0-9a-f]{32}$`, withoutID.ID)
}

func ExampleFromLearnInk() {
	body := []byte(`{"api_version":"2022-11-15","object":"event","type":"notifications.sent",
	  "timestamp":"2025-11-06T09:58:58.233Z","data":{"notifications":[
	  {"title":"Hi Mary!","body":"Train today","path":"/learning","user_id":"u1","custom_id":"ext-1","phone_number":null},
	  {"title":"Hi Joe!","body":"Train today","path":"/learning","user_id":"u2","custom_id":null,"phone_number":null}]}}`)
	header := http.Header{"Svix-Id": {"msg_p5jXN8AQM9LWM0D4loKWxJek"}}
	event, err := learnink.ParseRequest(header, body)
	if err != nil {
		fmt.Println(err)
		return
	}
	events, err := canonical.FromLearnInk(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		fmt.Println(e.ID, e.Type, e.Learner.ID, e.Object.Name)
	}
	// Output:
	// learnink:notifications.sent:msg_p5jXN8AQM9LWM0D4loKWxJek/0 notification.sent u1 Hi Mary!
	// learnink:notifications.sent:msg_p5jXN8AQM9LWM0D4loKWxJek/1 notification.sent u2 Hi Joe!
}
