package learninktest_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

func ExampleNewRequest() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	handler := learnink.Handler(func(_ context.Context, event learnink.Event) error {
		if started, ok := event.(*learnink.UserCourseStarted); ok {
			fmt.Println(started.Data.UserID, "started", started.Data.CourseID, "in message", started.MessageID)
		}
		return nil
	}, learnink.WithSecrets(secret))

	ex, _ := learninktest.Lookup("user.course.started")
	w := httptest.NewRecorder()
	handler.ServeHTTP(w, learninktest.NewRequest("/webhooks/learnink", ex,
		learninktest.WithSecret(secret), learninktest.WithMessageID("msg_example")))
	fmt.Println(w.Code)
	// Output:
	// le2bB6Fi4CMgrIOIqMCJryZb9PR2 started 83dc4f73-0e56-4fd5-8cdc-4aa5d53fdfe8 in message msg_example
	// 200
}

func ExampleSign() {
	signature, err := learninktest.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
		"msg_p5jXN8AQM9LWM0D4loKWxJek", time.Unix(1614265330, 0), []byte(`{"test": 2432232314}`))
	fmt.Println(signature, err)
	// Output:
	// v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= <nil>
}
