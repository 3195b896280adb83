package toolzztest_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/toolzz"
	"github.com/lmshooks/lmshooks/toolzz/toolzztest"
)

func TestEveryExampleParsesToItsEvent(t *testing.T) {
	examples := toolzztest.Examples()
	require.Len(t, examples, 11)
	slugs := map[toolzz.EventType]bool{}
	for _, ex := range examples {
		event, err := ex.Event()
		require.NoError(t, err, ex.Name)
		_, unknown := event.(*toolzz.Unknown)
		assert.False(t, unknown, "%s: even a partial body parses to its typed event", ex.Name)
		assert.Equal(t, ex.EventName, event.EventName())
		assert.Equal(t, strings.Contains(ex.File, ".partial."), ex.Partial, ex.Name)
		slugs[event.EventType()] = true
	}
	for _, slug := range []toolzz.EventType{
		toolzz.EventCourseEnrollment, toolzz.EventCourseCompleted, toolzz.EventTrailCompleted,
		toolzz.EventContentCompleted, toolzz.EventActivityAnswered, toolzz.EventCertificateIssued,
		toolzz.EventMemberCreated, toolzz.EventMemberUpdated, toolzz.EventProductRedemption,
		toolzz.EventNewsletterSubscribed,
	} {
		assert.True(t, slugs[slug], "no example of %s", slug)
	}
}

func TestNames(t *testing.T) {
	status, ok := toolzztest.Lookup("members.updated")
	require.True(t, ok)
	assert.Equal(t, "members.updated.json", status.File)
	profile, ok := toolzztest.Lookup("members.updated.user-update")
	require.True(t, ok)
	assert.Equal(t, "members.updated", profile.EventName)

	for _, name := range []string{"activities.course.enrollment", "activities.course.enrollment.partial", "activities.course.enrollment.partial.json"} {
		ex, ok := toolzztest.Lookup(name)
		require.True(t, ok, name)
		assert.True(t, ex.Partial)
		assert.Equal(t, "activities.course.enrollment", ex.Name)
	}
	_, ok = toolzztest.Lookup("members.disabled")
	assert.False(t, ok)
}

func TestHandlerAcceptsEveryRequest(t *testing.T) {
	var got toolzz.Event
	srv := httptest.NewServer(toolzz.Handler(func(_ context.Context, e toolzz.Event) error {
		got = e
		return nil
	}, toolzz.WithLogger(slog.New(slog.DiscardHandler))))
	defer srv.Close()
	for _, ex := range toolzztest.Examples() {
		got = nil
		resp, err := srv.Client().Do(toolzztest.NewRequest(srv.URL+"/webhooks/toolzz", ex))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode, ex.Name)
		require.NotNil(t, got, ex.Name)
		assert.Equal(t, ex.EventName, got.EventName())
	}
}
