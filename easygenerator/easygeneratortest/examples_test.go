package easygeneratortest_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/easygenerator/easygeneratortest"
)

func TestTheExampleParses(t *testing.T) {
	examples := easygeneratortest.Examples()
	require.Len(t, examples, 1)
	ex := examples[0]
	assert.Equal(t, easygenerator.EventCourseFinished, easygenerator.EventType(ex.Name))
	event, err := ex.Event()
	require.NoError(t, err)
	result, ok := event.(*easygenerator.CourseResult)
	require.True(t, ok)
	assert.Equal(t, "learner@example.com", result.LearnerID)
}

func TestHandlerAcceptsTheRequest(t *testing.T) {
	var got easygenerator.Event
	srv := httptest.NewServer(easygenerator.Handler(func(_ context.Context, e easygenerator.Event) error {
		got = e
		return nil
	}, easygenerator.WithAllowedOrigins("https://learn.example.com"), easygenerator.WithLogger(slog.New(slog.DiscardHandler))))
	defer srv.Close()

	ex, ok := easygeneratortest.Lookup("course_finished")
	require.True(t, ok)
	req := easygeneratortest.NewRequest(srv.URL+"/webhooks/easygenerator", ex, easygeneratortest.WithOrigin("https://learn.example.com"))
	assert.Equal(t, "https://learn.example.com", req.Header.Get("Origin"))
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "https://learn.example.com", resp.Header.Get("Access-Control-Allow-Origin"), "the browser may read the answer")
	require.NotNil(t, got)
	assert.Equal(t, easygenerator.EventCourseFinished, got.EventType())

	got = nil
	resp, err = srv.Client().Do(easygeneratortest.NewRequest(srv.URL, ex))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "without Origin, as a non-browser client")
	assert.NotNil(t, got)
	assert.Empty(t, easygeneratortest.NewRequest(srv.URL, ex).Header.Get("Origin"))
}
