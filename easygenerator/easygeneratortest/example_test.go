package easygeneratortest_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/easygenerator/easygeneratortest"
)

func ExampleNewRequest() {
	handler := easygenerator.Handler(func(_ context.Context, event easygenerator.Event) error {
		result := event.(*easygenerator.CourseResult)
		fmt.Println(result.LearnerID, result.Status, *result.Score)
		return nil
	}, easygenerator.WithAllowedOrigins("https://learn.example.com"))

	ex, _ := easygeneratortest.Lookup("course_finished")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, easygeneratortest.NewRequest("/webhooks/easygenerator", ex,
		easygeneratortest.WithOrigin("https://learn.example.com")))
	fmt.Println(w.Code, w.Header().Get("Access-Control-Allow-Origin"))
	// Output:
	// learner@example.com passed 100
	// 200 https://learn.example.com
}
