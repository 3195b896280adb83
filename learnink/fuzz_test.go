package learnink_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/learnink"
)

// FuzzParseAndVerify checks that no body or header makes Parse or Verify
// panic, that Parse returns an event exactly when it returns no error, and
// that Verify accepts nothing signed by another key. The seeds run with
// every go test.
func FuzzParseAndVerify(f *testing.F) {
	f.Add([]byte(`{"object":"event","type":"user.course.started","data":{"user_id":"u","course_id":"c"}}`), "msg_1", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	f.Add([]byte(`{"object":"event","type":"notifications.sent","data":{"notifications":[{"user_id":"u"}]}}`), "", "", "")
	f.Add([]byte(`{"object":"event","type":"x","timestamp":null}`), "msg", "-1", "v1, v1,,, v2")
	f.Add([]byte(`[`), "msg", "99999999999999999999", "v1,====")
	verifier, err := learnink.NewVerifier(learnink.WithSecrets("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
		learnink.WithClock(func() time.Time { return time.Unix(1614265330, 0) }))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, id, timestamp, signature string) {
		event, err := learnink.Parse(body)
		if (event == nil) == (err == nil) {
			t.Fatalf("Parse returned event %v and error %v", event, err)
		}
		header := http.Header{"Svix-Id": {id}, "Svix-Timestamp": {timestamp}, "Svix-Signature": {signature}}
		if verifier.Verify(body, header) == nil && string(body) != `{"test": 2432232314}` {
			t.Fatalf("Verify accepted a body the vector's signature does not sign")
		}
	})
}
