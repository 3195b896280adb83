package mcgtest_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/mcg/mcgtest"
)

func ExampleNewRequest() {
	handler := mcg.Handler(func(_ context.Context, event mcg.Event) error {
		if finish, ok := event.(*mcg.CourseFinish); ok {
			fmt.Println(finish.UniqueID, "finished", finish.CourseCode, "with", len(finish.Cards), "cards")
		}
		return nil
	})
	ex, _ := mcgtest.Lookup("course_finish")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, mcgtest.NewRequest("/webhooks/mcg", ex))
	fmt.Println(w.Code)
	// Output:
	// eren@minicoursegenerator.com finished vibe-coding-essentials-secure-workflows-and-ai-mastery-229388 with 1 cards
	// 200
}

func ExampleExamples() {
	for _, ex := range mcgtest.Examples() {
		fmt.Println(ex.Name, ex.File)
	}
	// Output:
	// collection_completed collection_completed.json
	// collection_started collection_started.json
	// course_answer course_answer.json
	// course_finish course_finish.json
}
