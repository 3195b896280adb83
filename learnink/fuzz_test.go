package learnink_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
	"github.com/lmshooks/lmshooks/learnink"
)

// FuzzParseAndVerify checks that no body or header makes ParseRequest or
// Verify panic; that an accepted body converts to canonical events that
// pass Validate and encode; that every error is one of the package's
// kinds (ErrUnauthorized for Verify); and that Verify accepts nothing
// signed by another key.
func FuzzParseAndVerify(f *testing.F) {
	for _, path := range golden.Fixtures(f, fixtures, ".json") {
		f.Add(golden.Read(f, path), "msg_1", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	}
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
		header := http.Header{"Svix-Id": {id}, "Svix-Timestamp": {timestamp}, "Svix-Signature": {signature}}
		event, err := learnink.ParseRequest(header, body)
		if (event == nil) == (err == nil) {
			t.Fatalf("ParseRequest returned event %v and error %v", event, err)
		}
		if err != nil {
			fuzzcheck.Rejected(t, err, learnink.ErrMalformed, learnink.ErrInvalid, learnink.ErrNoEventType)
		} else {
			events, err := canonical.FromLearnInk(event)
			fuzzcheck.Converted(t, events, err)
		}
		err = verifier.Verify(header, body)
		if err == nil && string(body) != `{"test": 2432232314}` {
			t.Fatalf("Verify accepted a body the vector's signature does not sign")
		}
		if err != nil {
			fuzzcheck.Rejected(t, err, learnink.ErrUnauthorized)
		}
	})
}
