// Package swhtest is a user's service receiving Standard Webhooks: a real
// HTTP server that verifies every request with the official Standard
// Webhooks Go library and with learnink's Verifier, for the tests of the
// forward sink and of the receiver that forwards through it.
package swhtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/lmshooks/lmshooks/learnink"
)

// Secret is a signing secret for tests.
const Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// Received is one request as the receiver saw it.
type Received struct {
	Header http.Header
	Body   []byte
}

// Receiver is a user's service: a real HTTP server that verifies every
// request with the official Standard Webhooks Go library and with
// learnink's Verifier, answers 401 to a request either refuses, 400 to one
// whose body was cut off, and 204 to the rest, and keeps the requests it
// accepted.
type Receiver struct {
	*httptest.Server
	mu       sync.Mutex
	accepted []Received
	refused  []error
}

// NewReceiver starts a receiver verifying with secret; the test's cleanup
// stops it.
func NewReceiver(t testing.TB, secret string) *Receiver {
	t.Helper()
	return NewSlowReceiver(t, secret, 0)
}

// NewSlowReceiver is NewReceiver taking delay to answer each request, as a
// busy service does, so that a sender's deliveries are in flight longer.
func NewSlowReceiver(t testing.TB, secret string, delay time.Duration) *Receiver {
	t.Helper()
	official, err := standardwebhooks.NewWebhook(secret)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := learnink.NewVerifier(learnink.WithSecrets(secret))
	if err != nil {
		t.Fatal(err)
	}
	r := &Receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			// Cut off (a sender killed mid-request): nothing signed arrived,
			// so nothing to verify; the sender retries.
			http.Error(w, "incomplete request", http.StatusBadRequest)
			return
		}
		time.Sleep(delay)
		err = official.Verify(body, req.Header)
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
		r.accepted = append(r.accepted, Received{req.Header.Clone(), body})
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

// Take returns the accepted requests, and fails t if any was refused.
func (r *Receiver) Take(t testing.TB) []Received {
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
