package easygenerator_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/easygenerator"
)

// validBody is the documented body; tests change one field at a time.
const validBody = `{"courseId":"2fc7","learnerId":"learner@example.com","score":100,"finishedOn":"2018-07-15T06:15:17.502Z","status":"passed"}`

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		kind  error
		field string
	}{
		{"empty body", ``, easygenerator.ErrMalformed, ""},
		{"not JSON", `courseId=2fc7`, easygenerator.ErrMalformed, ""},
		{"array", `[` + validBody + `]`, easygenerator.ErrMalformed, ""},
		{"trailing data", validBody + ` {}`, easygenerator.ErrMalformed, ""},
		{"null", `null`, easygenerator.ErrMalformed, ""},
		{"empty object", `{}`, easygenerator.ErrInvalid, "courseId"},
		{"no courseId", `{"learnerId":"l","score":1,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "courseId"},
		{"empty learnerId", `{"courseId":"c","learnerId":"","score":1,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "learnerId"},
		{"no score", `{"courseId":"c","learnerId":"l","finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "score"},
		{"null score", `{"courseId":"c","learnerId":"l","score":null,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "score"},
		{"score below 0", `{"courseId":"c","learnerId":"l","score":-1,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "score"},
		{"score above 100", `{"courseId":"c","learnerId":"l","score":100.5,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrInvalid, "score"},
		{"score as string", `{"courseId":"c","learnerId":"l","score":"100","finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrMalformed, "score"},
		{"no finishedOn", `{"courseId":"c","learnerId":"l","score":1,"status":"passed"}`, easygenerator.ErrInvalid, "finishedOn"},
		{"bad finishedOn", `{"courseId":"c","learnerId":"l","score":1,"finishedOn":"yesterday","status":"passed"}`, easygenerator.ErrMalformed, ""},
		{"no status", `{"courseId":"c","learnerId":"l","score":1,"finishedOn":"2018-07-15T06:15:17Z"}`, easygenerator.ErrInvalid, "status"},
		{"empty status", `{"courseId":"c","learnerId":"l","score":1,"finishedOn":"2018-07-15T06:15:17Z","status":""}`, easygenerator.ErrInvalid, "status"},
		{"courseId as number", `{"courseId":7,"learnerId":"l","score":1,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`, easygenerator.ErrMalformed, "courseId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := easygenerator.Parse([]byte(tt.body))
			require.Error(t, err, "parsed as %#v", event)
			assert.Nil(t, event)
			assert.ErrorIs(t, err, tt.kind)
			var pe *easygenerator.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "easygenerator", pe.Vendor)
			assert.Equal(t, string(easygenerator.EventCourseFinished), pe.Event)
			assert.Equal(t, tt.field, pe.Field)
		})
	}
}

func TestParseRangeMessage(t *testing.T) {
	_, err := easygenerator.Parse([]byte(`{"courseId":"c","learnerId":"l","score":101,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`))
	var fe *easygenerator.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "max", fe.Rule)
	assert.EqualError(t, err, "easygenerator course_finished: invalid event: field score: must satisfy max=100")
}

func TestParseAcceptsEdgeValues(t *testing.T) {
	for _, tt := range []struct {
		name   string
		body   string
		score  float64
		status easygenerator.Status
	}{
		{"score 0, failed", `{"courseId":"c","learnerId":"l","score":0,"finishedOn":"2018-07-15T06:15:17Z","status":"failed"}`, 0, easygenerator.StatusFailed},
		{"fractional score, other status", `{"courseId":"c","learnerId":"l","score":66.7,"finishedOn":"2018-07-15T06:15:17Z","status":"completed"}`, 66.7, "completed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			event, err := easygenerator.Parse([]byte(tt.body))
			require.NoError(t, err)
			result := event.(*easygenerator.CourseResult)
			require.NotNil(t, result.Score)
			assert.Equal(t, tt.score, *result.Score)
			assert.Equal(t, tt.status, result.Status)
		})
	}
}

func TestParseDocumentedBody(t *testing.T) {
	event, err := easygenerator.Parse([]byte(validBody))
	require.NoError(t, err)
	result, ok := event.(*easygenerator.CourseResult)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "course_finished", result.EventName())
	assert.Equal(t, easygenerator.StatusPassed, result.Status)
	assert.Equal(t, time.Date(2018, 7, 15, 6, 15, 17, 502e6, time.UTC), result.FinishedOn.Time.UTC())
	assert.True(t, result.FinishedOn.HasOffset)
}
