package mcgtest_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/mcg/mcgtest"
)

func TestEveryExampleParsesToItsEvent(t *testing.T) {
	examples := mcgtest.Examples()
	var names []mcg.EventType
	for _, ex := range examples {
		names = append(names, mcg.EventType(ex.Name))
		event, err := ex.Event()
		require.NoError(t, err, ex.Name)
		_, unknown := event.(*mcg.Unknown)
		assert.False(t, unknown, ex.Name)
		assert.Equal(t, mcg.EventType(ex.Name), event.EventType())
		assert.Equal(t, ex.Name+".json", ex.File)
	}
	assert.Equal(t, []mcg.EventType{mcg.EventCollectionCompleted, mcg.EventCollectionStarted, mcg.EventCourseAnswer, mcg.EventCourseFinish}, names)
}

func TestHandlerAcceptsEveryRequest(t *testing.T) {
	var got mcg.Event
	srv := httptest.NewServer(mcg.Handler(func(_ context.Context, e mcg.Event) error {
		got = e
		return nil
	}, mcg.WithLogger(slog.New(slog.DiscardHandler))))
	defer srv.Close()
	for _, ex := range mcgtest.Examples() {
		got = nil
		resp, err := srv.Client().Do(mcgtest.NewRequest(srv.URL+"/webhooks/mcg", ex))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode, ex.Name)
		require.NotNil(t, got, ex.Name)
		assert.Equal(t, ex.Name, got.EventName())
	}
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"course_finish", "course_finish.json"} {
		ex, ok := mcgtest.Lookup(name)
		require.True(t, ok, name)
		assert.Equal(t, "course_finish", ex.Name)
		assert.Equal(t, "application/json", ex.ContentType)
	}
	_, ok := mcgtest.Lookup("course_start")
	assert.False(t, ok)
}
