package learnink_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/learnink"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		kind  error
		event string
		field string
	}{
		{"empty body", ``, learnink.ErrMalformed, "", ""},
		{"not JSON", `type=user.course.started`, learnink.ErrMalformed, "", ""},
		{"array", `[{"object":"event","type":"user.course.started"}]`, learnink.ErrMalformed, "", ""},
		{"trailing data", `{"object":"event","type":"x"} {}`, learnink.ErrMalformed, "", ""},
		{"null", `null`, learnink.ErrMalformed, "", ""},
		{"no type", `{"object":"event","data":{}}`, learnink.ErrNoEventType, "", ""},
		{"empty type", `{"object":"event","type":""}`, learnink.ErrNoEventType, "", ""},
		{"type not a string", `{"object":"event","type":7}`, learnink.ErrMalformed, "", "type"},
		{"no object", `{"type":"user.course.started"}`, learnink.ErrInvalid, "user.course.started", "object"},
		{"object not event", `{"object":"list","type":"notifications.sent"}`, learnink.ErrInvalid, "notifications.sent", "object"},
		{"object of unknown type", `{"object":"thing","type":"user.registered"}`, learnink.ErrInvalid, "user.registered", "object"},
		{"course without user", `{"object":"event","type":"user.course.started","data":{"course_id":"c"}}`, learnink.ErrInvalid, "user.course.started", "data.user_id"},
		{"course without course", `{"object":"event","type":"user.course.completed","data":{"user_id":"u"}}`, learnink.ErrInvalid, "user.course.completed", "data.course_id"},
		{"course without data", `{"object":"event","type":"user.course.started"}`, learnink.ErrInvalid, "user.course.started", "data.user_id"},
		{"user id a number", `{"object":"event","type":"user.course.started","data":{"user_id":5,"course_id":"c"}}`, learnink.ErrMalformed, "user.course.started", "data.user_id"},
		{"bad timestamp", `{"object":"event","type":"user.course.started","timestamp":"yesterday","data":{"user_id":"u","course_id":"c"}}`, learnink.ErrMalformed, "user.course.started", ""},
		{"bad timestamp of unknown type", `{"object":"event","type":"user.registered","timestamp":"soon"}`, learnink.ErrMalformed, "user.registered", ""},
		{"notifications missing", `{"object":"event","type":"notifications.sent","data":{}}`, learnink.ErrInvalid, "notifications.sent", "data.notifications"},
		{"notifications null", `{"object":"event","type":"notifications.sent","data":{"notifications":null}}`, learnink.ErrInvalid, "notifications.sent", "data.notifications"},
		{"notification without user", `{"object":"event","type":"notifications.sent","data":{"notifications":[{"user_id":"u"},{"title":"Hi"}]}}`, learnink.ErrInvalid, "notifications.sent", "data.notifications[1].user_id"},
		{"notifications not an array", `{"object":"event","type":"notifications.sent","data":{"notifications":{}}}`, learnink.ErrMalformed, "notifications.sent", "data.notifications"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := learnink.Parse([]byte(tt.body))
			require.Error(t, err, "parsed as %#v", event)
			assert.Nil(t, event)
			assert.ErrorIs(t, err, tt.kind)
			var pe *learnink.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "learnink", pe.Vendor)
			assert.Equal(t, tt.event, pe.Event)
			assert.Equal(t, tt.field, pe.Field)
		})
	}
}

func TestParseErrorNamesRule(t *testing.T) {
	_, err := learnink.Parse([]byte(`{"object":"list","type":"notifications.sent"}`))
	var fe *learnink.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "eq", fe.Rule)
	assert.EqualError(t, err, "learnink notifications.sent: invalid event: field object: must satisfy eq=event")

	_, err = learnink.Parse([]byte(`{}`))
	require.ErrorIs(t, err, learnink.ErrNoEventType)
	for _, other := range []error{learnink.ErrMalformed, learnink.ErrInvalid, learnink.ErrUnauthorized} {
		assert.False(t, errors.Is(err, other), "matches %v", other)
	}
}

func TestParseUserCourseCompleted(t *testing.T) {
	body := `{"object":"event","type":"user.course.completed","api_version":"2022-11-15",
		"data":{"user_id":"u1","custom_id":null,"phone_number":null,"course_id":"c1"},"timestamp":"2022-11-05T10:00:00Z"}`
	event, err := learnink.Parse([]byte(body))
	require.NoError(t, err)
	completed, ok := event.(*learnink.UserCourseCompleted)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "user.course.completed", completed.EventName())
	assert.Equal(t, "u1", completed.Data.UserID)
	assert.Equal(t, "c1", completed.Data.CourseID)
	assert.Nil(t, completed.Data.CustomID)
	assert.Nil(t, completed.Data.PhoneNumber)
	assert.Empty(t, completed.MessageID)
}

func TestParseNullableNotificationFields(t *testing.T) {
	body := `{"object":"event","type":"notifications.sent","timestamp":"2025-11-06T09:58:58Z","data":{"notifications":[
		{"title":"A","body":"b","path":"/","user_id":"u1","custom_id":null,"phone_number":null},
		{"title":"B","body":"b","path":"/","user_id":"u2","custom_id":"ext-2","phone_number":"+1555"}]}}`
	event, err := learnink.Parse([]byte(body))
	require.NoError(t, err)
	sent := event.(*learnink.NotificationsSent)
	require.Len(t, sent.Data.Notifications, 2)
	assert.Nil(t, sent.Data.Notifications[0].CustomID)
	assert.Nil(t, sent.Data.Notifications[0].PhoneNumber)
	require.NotNil(t, sent.Data.Notifications[1].CustomID)
	assert.Equal(t, "ext-2", *sent.Data.Notifications[1].CustomID)
}

func TestParseEmptyNotifications(t *testing.T) {
	event, err := learnink.Parse([]byte(`{"object":"event","type":"notifications.sent","data":{"notifications":[]}}`))
	require.NoError(t, err)
	sent := event.(*learnink.NotificationsSent)
	assert.NotNil(t, sent.Data.Notifications)
	assert.Empty(t, sent.Data.Notifications)
	assert.True(t, sent.Timestamp.IsZero(), "timestamp is optional")
}

func TestParseUnknownEvent(t *testing.T) {
	body := `{"object":"event","type":"user.certificate.awarded","api_version":"2022-11-15",
		"data":{"user_id":"u","certificate":{"id":9}},"timestamp":"2022-11-04T09:58:58.233Z","body":"kept"}`
	event, err := learnink.Parse([]byte(body))
	require.NoError(t, err)
	unknown, ok := event.(*learnink.Unknown)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "user.certificate.awarded", unknown.EventName())
	assert.Equal(t, "2022-11-15", unknown.APIVersion)
	assert.Equal(t, "2022-11-04T09:58:58.233Z", unknown.Timestamp.String())
	assert.JSONEq(t, body, string(unknown.Body))
	encoded, err := unknown.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, body, string(encoded))
}

func TestParseRequestSetsMessageID(t *testing.T) {
	body := []byte(`{"object":"event","type":"user.course.started","data":{"user_id":"u","course_id":"c"}}`)
	tests := []struct {
		name   string
		header http.Header
		want   string
	}{
		{"svix", http.Header{"Svix-Id": {"msg_1"}, "Webhook-Id": {"msg_2"}}, "msg_1"},
		{"standard webhooks", http.Header{"Webhook-Id": {"msg_2"}}, "msg_2"},
		{"none", http.Header{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := learnink.ParseRequest(tt.header, body)
			require.NoError(t, err)
			assert.Equal(t, tt.want, event.Common().MessageID)
			assert.Equal(t, tt.want, learnink.MessageID(tt.header))
		})
	}
	_, err := learnink.ParseRequest(http.Header{"Svix-Id": {"msg_1"}}, []byte(`{}`))
	assert.ErrorIs(t, err, learnink.ErrNoEventType)
}
