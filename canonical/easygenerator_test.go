package canonical_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// TestGoldenEasygenerator converts every documented Easygenerator body and
// compares the canonical events' JSON with its golden file.
func TestGoldenEasygenerator(t *testing.T) {
	goldenCanonical(t, golden.Fixtures(t, "../testdata/easygenerator", ".json"), func(b []byte) (easygenerator.Event, error) { return easygenerator.Parse(b) }, canonical.FromEasygenerator)
}

func fromEasygenerator(t *testing.T, body string) canonical.Event {
	t.Helper()
	event, err := easygenerator.Parse([]byte(body))
	return oneEvent(t, event, err, canonical.FromEasygenerator)
}

func TestEasygeneratorStatuses(t *testing.T) {
	tests := []struct {
		status string
		passed *bool
	}{
		{"passed", egPtr(true)},
		{"failed", egPtr(false)},
		{"inProgress", nil},
	}
	for _, tt := range tests {
		t.Run(tt.status, func(t *testing.T) {
			e := fromEasygenerator(t, `{"courseId":"c","learnerId":"l-42","score":25,"finishedOn":"2018-07-15T08:15:17+02:00","status":"`+tt.status+`"}`)
			assert.Equal(t, canonical.TypeCourseCompleted, e.Type)
			assert.Equal(t, "course_finished", e.VendorEvent)
			assert.Equal(t, tt.passed, e.Result.Passed)
			assert.Equal(t, egPtr(25.0), e.Result.Score)
			assert.Equal(t, egPtr(100.0), e.Result.MaxScore)
			assert.Equal(t, egPtr(0.25), e.Result.Scaled)
			assert.Equal(t, egPtr(true), e.Result.Completed)
			assert.Equal(t, &canonical.Learner{ID: "l-42"}, e.Learner, "a learnerId that is no e-mail is no e-mail")
			assert.Equal(t, time.Date(2018, 7, 15, 6, 15, 17, 0, time.UTC), e.OccurredAt)
			assert.Contains(t, string(e.Data), `"status":"`+tt.status+`"`)
		})
	}
}

func TestEasygeneratorZeroScoreIsKept(t *testing.T) {
	e := fromEasygenerator(t, `{"courseId":"c","learnerId":"l","score":0,"finishedOn":"2018-07-15T06:15:17Z","status":"failed"}`)
	assert.Equal(t, egPtr(0.0), e.Result.Score)
	assert.Equal(t, egPtr(0.0), e.Result.Scaled)
}

func TestEasygeneratorContentID(t *testing.T) {
	a := fromEasygenerator(t, `{"courseId":"c","learnerId":"l","score":50,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`)
	b := fromEasygenerator(t, "{\n \"status\": \"passed\", \"score\": 50, \"finishedOn\": \"2018-07-15T06:15:17Z\",\n \"learnerId\": \"l\", \"courseId\": \"c\"}")
	c := fromEasygenerator(t, `{"courseId":"c","learnerId":"l","score":51,"finishedOn":"2018-07-15T06:15:17Z","status":"passed"}`)
	assert.Equal(t, a.ID, b.ID, "same payload, other layout")
	assert.NotEqual(t, a.ID, c.ID, "other payload")
}

func TestEasygeneratorRejectsNil(t *testing.T) {
	_, err := canonical.FromEasygenerator(nil)
	assert.Error(t, err)
	_, err = canonical.FromEasygenerator((*easygenerator.CourseResult)(nil))
	assert.Error(t, err)
}

func ExampleFromEasygenerator() {
	event, err := easygenerator.Parse([]byte(`{"courseId": "2fc7", "learnerId": "learner@example.com",
		"score": 80, "finishedOn": "2018-07-15T06:15:17.502Z", "status": "passed"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	events, err := canonical.FromEasygenerator(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	e := events[0]
	fmt.Println(e.Type, e.Learner.Email, e.Object.ID, *e.Result.Scaled, *e.Result.Passed)
	// Output: course.completed learner@example.com 2fc7 0.8 true
}

func egPtr[T any](v T) *T { return &v }

// FuzzFromEasygenerator checks that every body the parser accepts converts
// to an event that keeps the contract.
func FuzzFromEasygenerator(f *testing.F) {
	f.Add([]byte(`{"courseId":"c","learnerId":"l@example.com","score":0,"finishedOn":"2018-07-15T06:15:17Z","status":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		event, err := easygenerator.Parse(body)
		if err != nil {
			return
		}
		events, err := canonical.FromEasygenerator(event)
		if err != nil {
			t.Fatalf("FromEasygenerator: %v", err)
		}
		if err := events[0].Validate(); err != nil {
			t.Fatalf("%v\n%s", err, body)
		}
	})
}
