package mcg_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/mcg"
)

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		kind  error
		event string
		field string
	}{
		{"empty body", ``, mcg.ErrMalformed, "", ""},
		{"not JSON", `Type=course_answer`, mcg.ErrMalformed, "", ""},
		{"array", `[{"Type":"course_answer"}]`, mcg.ErrMalformed, "", ""},
		{"trailing data", `{"Type":"x"} {}`, mcg.ErrMalformed, "", ""},
		{"neither key", `{"uniqueId":"a@example.com"}`, mcg.ErrNoEventType, "", ""},
		{"empty Type", `{"Type":""}`, mcg.ErrNoEventType, "", ""},
		{"Type not a string", `{"Type":7}`, mcg.ErrMalformed, "", "Type"},
		{"card end without learner", `{"Type":"course_answer","courseCode":"c","answer":{"cardId":1}}`, mcg.ErrInvalid, "course_answer", "uniqueId"},
		{"card end without course", `{"Type":"course_answer","uniqueId":"u","answer":{"cardId":1}}`, mcg.ErrInvalid, "course_answer", "courseCode"},
		{"card end without card id", `{"Type":"course_answer","uniqueId":"u","courseCode":"c","answer":{}}`, mcg.ErrInvalid, "course_answer", "answer.cardId"},
		{"card id of wrong type", `{"Type":"course_answer","uniqueId":"u","courseCode":"c","answer":{"cardId":true}}`, mcg.ErrMalformed, "course_answer", ""},
		{"bad answeredAt", `{"Type":"course_answer","uniqueId":"u","courseCode":"c","answer":{"cardId":1,"answeredAt":"yesterday"}}`, mcg.ErrMalformed, "course_answer", ""},
		{"finish card without id", `{"Type":"course_finish","uniqueId":"u","courseCode":"c","cards":{"9":{"cardType":"x"}}}`, mcg.ErrInvalid, "course_finish", "cards[9].cardId"},
		{"collection without id", `{"EventType":"collection_started","Username":"u"}`, mcg.ErrInvalid, "collection_started", "CourseCollectionId"},
		{"progress over 100", `{"EventType":"collection_started","CourseCollectionId":"c","Username":"u","Progress":110}`, mcg.ErrInvalid, "collection_started", "Progress"},
		{"collection without learner", `{"EventType":"collection_completed","CourseCollectionId":"c"}`, mcg.ErrInvalid, "collection_completed", "Username"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := mcg.Parse([]byte(tt.body))
			require.Error(t, err, "parsed as %#v", event)
			assert.Nil(t, event)
			assert.ErrorIs(t, err, tt.kind)
			var pe *mcg.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "mcg", pe.Vendor)
			assert.Equal(t, tt.event, pe.Event)
			assert.Equal(t, tt.field, pe.Field)
		})
	}
}

func TestParseErrorCarriesCause(t *testing.T) {
	_, err := mcg.Parse([]byte(`{"Type": "course_answer",}`))
	var syntax *json.SyntaxError
	require.ErrorAs(t, err, &syntax)
	var pe *mcg.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, syntax.Offset, pe.Offset)
	assert.Positive(t, pe.Offset)

	_, err = mcg.Parse([]byte(`{"Type":"course_answer","courseCode":"c","answer":{"cardId":1}}`))
	var fe *mcg.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "required", fe.Rule)
	assert.EqualError(t, err, "mcg course_answer: invalid event: field uniqueId: is required")
}

func TestParseUnknownEvent(t *testing.T) {
	body := `{"EventType":"collection_paused","CourseCollectionId":"c"}`
	event, err := mcg.Parse([]byte(body))
	require.NoError(t, err)
	unknown, ok := event.(*mcg.Unknown)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "collection_paused", unknown.EventName())
	assert.JSONEq(t, body, string(unknown.Body))
}

func TestParseKeepsStructuredCardText(t *testing.T) {
	body := `{"Type":"course_answer","uniqueId":"r4nd0m","courseCode":"c",
		"answer":{"cardId":"7","cardText":{"blocks":[{"type":"p","text":"Hi"}]},"isCorrect":true,"answeredAt":"2026-03-17T10:53:51"}}`
	event, err := mcg.Parse([]byte(body))
	require.NoError(t, err)
	card := event.(*mcg.CardEnd)
	assert.JSONEq(t, `{"blocks":[{"type":"p","text":"Hi"}]}`, string(card.Answer.CardText))
	assert.Equal(t, mcg.ID{Value: "7"}, card.Answer.CardID)
	require.NotNil(t, card.Answer.IsCorrect)
	assert.True(t, *card.Answer.IsCorrect)
}

func TestParseFractionalDigits(t *testing.T) {
	for _, text := range []string{"2026-03-17T10:53:51", "2026-03-17T10:53:51.4", "2026-03-17T10:53:51.44271", "2026-03-17T10:53:51.123456789"} {
		body := `{"Type":"course_answer","uniqueId":"u","courseCode":"c","answer":{"cardId":1,"answeredAt":"` + text + `"}}`
		event, err := mcg.Parse([]byte(body))
		require.NoError(t, err, text)
		at := event.(*mcg.CardEnd).Answer.AnsweredAt
		want, _ := time.Parse("2006-01-02T15:04:05", text)
		assert.True(t, at.Time.Equal(want), "%s: got %v", text, at.Time)
		assert.False(t, at.HasOffset)
	}
}

func TestParseWithLocation(t *testing.T) {
	istanbul := time.FixedZone("TRT", 3*60*60)
	body := `{"Type":"course_answer","uniqueId":"u","courseCode":"c","answer":{"cardId":1,"answeredAt":"2026-03-17T10:53:51"}}`
	event, err := mcg.Parse([]byte(body), mcg.WithLocation(istanbul))
	require.NoError(t, err)
	got := event.(*mcg.CardEnd).Answer.AnsweredAt.Time
	assert.Equal(t, time.Date(2026, 3, 17, 7, 53, 51, 0, time.UTC), got.UTC())

	// A time with an offset is not moved.
	body = `{"EventType":"collection_started","CourseCollectionId":"c","Username":"u","StartedAt":"2026-03-17T11:07:59+00:00"}`
	event, err = mcg.Parse([]byte(body), mcg.WithLocation(istanbul))
	require.NoError(t, err)
	got = event.(*mcg.CollectionStarted).StartedAt.Time
	assert.Equal(t, time.Date(2026, 3, 17, 11, 7, 59, 0, time.UTC), got.UTC())
}

func TestParseErrorsNeverMatchOtherKinds(t *testing.T) {
	_, err := mcg.Parse([]byte(`{}`))
	require.ErrorIs(t, err, mcg.ErrNoEventType)
	for _, other := range []error{mcg.ErrMalformed, mcg.ErrInvalid, mcg.ErrTooLarge} {
		assert.False(t, errors.Is(err, other), "matches %v", other)
	}
}
