package forward_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/lmshooks/lmshooks/learnink"
)

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// received is one request as the receiver saw it.
type received struct {
	Header http.Header
	Body   []byte
}

// receiver is a user's service: a real HTTP server that verifies every
// request with the official Standard Webhooks Go library and with
// learnink's Verifier, answers 401 to a request either refuses and 204 to
// the rest, and keeps the requests it accepted.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	accepted []received
	refused  []error
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	official, err := standardwebhooks.NewWebhook(secret)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := learnink.NewVerifier(learnink.WithSecrets(secret))
	if err != nil {
		t.Fatal(err)
	}
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err == nil {
			err = official.Verify(body, req.Header)
		}
		if err == nil {
			err = ours.Verify(req.Header, body)
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		if err != nil {
			r.refused = append(r.refused, err)
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		r.accepted = append(r.accepted, received{req.Header.Clone(), body})
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

// take returns the accepted requests, and fails t if any was refused.
func (r *receiver) take(t *testing.T) []received {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, err := range r.refused {
		t.Errorf("the receiver refused a request: %v", err)
	}
	got := r.accepted
	r.accepted, r.refused = nil, nil
	return got
}
