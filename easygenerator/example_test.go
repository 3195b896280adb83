package easygenerator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/lmshooks/lmshooks/easygenerator"
)

func ExampleParse() {
	body := []byte(`{"courseId": "2fc74749fe984bb9b23dfb02c30ccb8b", "learnerId": "learner@example.com",
		"score": 100, "finishedOn": "2018-07-15T06:15:17.502Z", "status": "passed"}`)
	event, err := easygenerator.Parse(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	result := event.(*easygenerator.CourseResult)
	fmt.Println(result.LearnerID, *result.Score, result.Status == easygenerator.StatusPassed)
	// Output: learner@example.com 100 true
}

func ExampleHandler() {
	h := easygenerator.Handler(func(ctx context.Context, event easygenerator.Event) error {
		result := event.(*easygenerator.CourseResult)
		fmt.Println("finished:", result.CourseID, result.Status)
		return nil
	}, easygenerator.WithAllowedOrigins("https://learn.example.com"))

	// The browser's preflight...
	req := httptest.NewRequest(http.MethodOptions, "/webhooks/easygenerator", nil)
	req.Header.Set("Origin", "https://learn.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))

	// ...then the result itself.
	body := `{"courseId":"c1","learnerId":"l1","score":40,"finishedOn":"2018-07-15T06:15:17Z","status":"failed"}`
	req = httptest.NewRequest(http.MethodPost, "/webhooks/easygenerator", strings.NewReader(body))
	req.Header.Set("Origin", "https://learn.example.com")
	req.Header.Set("Content-Type", "application/json")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
	// Output:
	// 204 https://learn.example.com
	// finished: c1 failed
	// 200 https://learn.example.com
}

func ExampleCORS() {
	// Reuse the Easygenerator CORS rules in front of another handler.
	mux := http.NewServeMux()
	mux.Handle("/results", easygenerator.CORS()(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	})))

	req := httptest.NewRequest(http.MethodPost, "/results", strings.NewReader("{}"))
	req.Header.Set("Origin", "https://any.example")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
	// Output: 202 *
}

func ExampleEventType() {
	// Easygenerator's body names no event; this package names its one.
	fmt.Println(easygenerator.Events(), easygenerator.EventCourseFinished.Known(), easygenerator.EventType("course_started").Known())
	// Output:
	// [course_finished] true false
}
