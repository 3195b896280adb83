package forward_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink/forward"
	"github.com/lmshooks/lmshooks/learnink"
)

// A user's service verifies the one Standard Webhooks signature, whatever
// vendor sent the event (here with learnink's verifier; any Standard
// Webhooks library does).
func Example() {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	verifier, _ := learnink.NewVerifier(learnink.WithSecrets(secret))
	service := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		if err := verifier.Verify(req.Header, body); err != nil {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		vendor, rest, _ := strings.Cut(req.Header.Get("webhook-id"), ":")
		vendorEvent, _, _ := strings.Cut(rest, ":")
		fmt.Println(req.Header.Get("Content-Type"), vendor, vendorEvent)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer service.Close()

	s, err := forward.New(service.URL, secret)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	events, _ := canonical.ParseRequest(nil, []byte(`{"courseId":"c1","learnerId":"l1","score":100,"finishedOn":"2018-07-15T06:15:17.502Z","status":"passed"}`))
	fmt.Println("delivered:", s.Deliver(context.Background(), events) == nil)
	// Output:
	// application/cloudevents+json easygenerator course_finished
	// delivered: true
}
