package braincerttest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/braincert/braincerttest"
)

func ExampleNewRequest() {
	// The handler under test, as a service would mount it.
	handler := braincert.Handler(func(_ context.Context, event braincert.Event) error {
		if done, ok := event.(*braincert.CourseCompleted); ok {
			fmt.Println(done.Payload.User.Email, "completed", done.Payload.Course.Title)
		}
		return nil
	}, braincert.WithBasicAuth("hook", "s3cret"))

	ex, _ := braincerttest.Lookup("course_completion.completed")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, braincerttest.NewRequest("/webhooks/braincert", ex, braincerttest.WithBasicAuth("hook", "s3cret")))
	fmt.Println(w.Code == http.StatusOK)
	// Output:
	// john.doe@example.com completed Example Course Title
	// true
}

func ExampleLookup() {
	ex, ok := braincerttest.Lookup("user.signup.xml")
	fmt.Println(ok, ex.File, ex.ContentType)
	event, err := ex.Event()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(event.EventName(), event.(*braincert.UserCreated).Payload.Email)
	// Output:
	// true user.signup.xml application/xml
	// user.signup john.doe@example.com
}
