package mcg_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/lmshooks/lmshooks/mcg"
)

func ExampleParse() {
	body := []byte(`{
		"Type": "course_answer",
		"uniqueId": "learner@example.com",
		"courseCode": "go-basics-1234",
		"courseName": "Go Basics",
		"answer": {"cardId": 42, "cardType": "single_choice", "cardText": "Pick one",
			"answerText": "B", "answerNumeric": 0, "selections": ["B"], "isCorrect": true,
			"answeredAt": "2026-03-17T10:53:51.44271", "score": 10}
	}`)
	event, err := mcg.Parse(body)
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	switch e := event.(type) {
	case *mcg.CardEnd:
		fmt.Println(e.UniqueID, "answered card", e.Answer.CardID, "of", e.CourseCode)
		fmt.Println("correct:", *e.Answer.IsCorrect, "at", e.Answer.AnsweredAt.Time)
	case *mcg.Unknown:
		fmt.Println("not modelled yet:", e.EventName())
	}
	// Output:
	// learner@example.com answered card 42 of go-basics-1234
	// correct: true at 2026-03-17 10:53:51.44271 +0000 UTC
}

func ExampleParse_rejected() {
	_, err := mcg.Parse([]byte(`{"EventType": "collection_started", "Username": "r4nd0m"}`))
	fmt.Println(err)
	// Output:
	// mcg collection_started: invalid event: field CourseCollectionId: is required
}

func ExampleHandler() {
	handler := mcg.Handler(func(ctx context.Context, event mcg.Event) error {
		if finish, ok := event.(*mcg.CourseFinish); ok {
			fmt.Println(finish.UniqueID, "finished", finish.CourseName)
		}
		return nil // a non-nil error answers 500, so MCG sends it again
	})
	// In a service: http.Handle("/hooks/mcg", handler)

	body := `{"Type":"course_finish","uniqueId":"learner@example.com","courseCode":"go-basics-1234","courseName":"Go Basics","cards":{}}`
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/hooks/mcg", strings.NewReader(body)))
	fmt.Println(w.Code)
	// Output:
	// learner@example.com finished Go Basics
	// 200
}

func ExampleEventType() {
	for _, body := range []string{
		`{"Type":"course_finish","uniqueId":"learner@example.com","courseCode":"go-basics-1234","cards":{}}`,
		`{"EventType":"collection_paused","Username":"r4nd0m"}`,
	} {
		event, err := mcg.Parse([]byte(body))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(event.EventType(), event.EventType() == mcg.EventCourseFinish, event.EventType().Known())
	}
	// Output:
	// course_finish true true
	// collection_paused false false
}
