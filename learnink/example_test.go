package learnink_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/learnink"
)

func ExampleParse() {
	body := []byte(`{
	  "object": "event",
	  "type": "user.course.started",
	  "api_version": "2022-11-15",
	  "data": {
	    "user_id": "le2bB6Fi4CMgrIOIqMCJryZb9PR2",
	    "custom_id": "3c2143e4-3e8e-478a-bf0b-9dc6e284fa33",
	    "phone_number": "+254705408079",
	    "course_id": "83dc4f73-0e56-4fd5-8cdc-4aa5d53fdfe8"
	  },
	  "timestamp": "2022-11-04T09:58:58.233Z"
	}`)
	event, err := learnink.Parse(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	switch e := event.(type) {
	case *learnink.UserCourseStarted:
		fmt.Println(e.Data.UserID, "started", e.Data.CourseID, "at", e.Timestamp)
	case *learnink.Unknown:
		fmt.Println("not modelled:", e.EventName())
	}
	// Output: le2bB6Fi4CMgrIOIqMCJryZb9PR2 started 83dc4f73-0e56-4fd5-8cdc-4aa5d53fdfe8 at 2022-11-04T09:58:58.233Z
}

// The published Svix known-answer vector, checked at the time it was signed.
func ExampleVerifier_Verify() {
	signedAt := time.Unix(1614265330, 0)
	verifier, err := learnink.NewVerifier(
		learnink.WithSecrets("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
		learnink.WithClock(func() time.Time { return signedAt.Add(time.Minute) }),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	header := http.Header{}
	header.Set("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	header.Set("svix-timestamp", "1614265330")
	header.Set("svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")

	fmt.Println(verifier.Verify(header, []byte(`{"test": 2432232314}`)))
	fmt.Println(verifier.Verify(header, []byte(`{"test": 2432232315}`)))
	// Output:
	// <nil>
	// learnink: unauthorized: no v1 signature matches
}

func ExampleHandler() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	now := time.Date(2025, 11, 6, 10, 0, 0, 0, time.UTC)
	h := learnink.Handler(func(_ context.Context, event learnink.Event) error {
		if sent, ok := event.(*learnink.NotificationsSent); ok {
			for _, n := range sent.Data.Notifications {
				fmt.Printf("%s: push %q to %s, open %s\n", sent.MessageID, n.Title, n.UserID, n.Path)
			}
		}
		return nil
	}, learnink.WithSecrets(secret), learnink.WithClock(func() time.Time { return now }),
		learnink.WithLogger(slog.New(slog.DiscardHandler)))

	body := `{"object":"event","type":"notifications.sent","api_version":"2022-11-15",
	  "timestamp":"2025-11-06T09:58:58.233Z","data":{"notifications":[
	  {"title":"Hi Mary!","body":"Don't forget to complete your training today","path":"/learning",
	   "user_id":"le2bB6Fi4CMgrIOIqMCJryZb9PR2","custom_id":null,"phone_number":null}]}}`
	send := func(header http.Header) {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/learnink", strings.NewReader(body))
		req.Header = header
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}

	// Unsigned: refused once a secret is set.
	send(http.Header{"Content-Type": {"application/json"}})

	// Signed as Svix signs: HMAC-SHA256 of id.timestamp.body, keyed with the
	// base64 part of the secret.
	id, timestamp := "msg_2fAb3", strconv.FormatInt(now.Unix(), 10)
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + timestamp + "." + body))
	send(http.Header{
		"Content-Type":   {"application/json"},
		"Svix-Id":        {id},
		"Svix-Timestamp": {timestamp},
		"Svix-Signature": {"v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))},
	})
	// Output:
	// 401 {"error":"unauthorized"}
	// msg_2fAb3: push "Hi Mary!" to le2bB6Fi4CMgrIOIqMCJryZb9PR2, open /learning
	// 200 {"status":"ok"}
}

func ExampleEventType() {
	for _, body := range []string{
		`{"object":"event","type":"user.course.completed","api_version":"2022-11-15","data":{"user_id":"u1","course_id":"c1"}}`,
		`{"object":"event","type":"user.course.paused","api_version":"2022-11-15","data":{}}`,
	} {
		event, err := learnink.Parse([]byte(body))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(event.EventType(), event.EventType() == learnink.EventUserCourseCompleted, event.EventType().Known())
	}
	// Output:
	// user.course.completed true true
	// user.course.paused false false
}
