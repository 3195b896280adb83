package learninktest

import (
	"crypto/rand"
	"net/http"
	"strconv"
	"time"

	"github.com/lmshooks/lmshooks/internal/fixtures"
)

// Option configures NewRequest.
type Option func(*config)

type config struct {
	secret    string
	messageID string
	now       func() time.Time
}

// WithSecret signs the request with this endpoint secret ("whsec_..."), as
// Svix does. Without it the request has no svix-signature, which only a
// handler without learnink.WithSecrets accepts.
func WithSecret(secret string) Option {
	return func(c *config) { c.secret = secret }
}

// WithMessageID sets svix-id, the message id that stays the same across
// retries of one delivery (default: a random "msg_..." id per request).
func WithMessageID(id string) Option {
	return func(c *config) { c.messageID = id }
}

// WithClock sets the clock svix-timestamp is read from (default time.Now).
// A handler checks it against its own clock (learnink.WithClock), within
// five minutes by default.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// NewRequest returns the request Svix sends to url for ex: a POST of ex.Body
// with Content-Type ex.ContentType, svix-id and svix-timestamp and, with
// WithSecret, svix-signature. It is a client request, for http.Client.Do, and
// also serves a handler directly. Like httptest.NewRequest it panics when url
// does not parse, and also when the secret does not decode (the panic does not
// contain the secret).
func NewRequest(url string, ex Example, opts ...Option) *http.Request {
	cfg := config{now: time.Now}
	for _, opt := range opts {
		opt(&cfg)
	}
	id := cfg.messageID
	if id == "" {
		id = "msg_" + rand.Text()
	}
	timestamp := cfg.now()
	req := fixtures.NewRequest(url, ex.ContentType, ex.Body)
	req.Header.Set("svix-id", id)
	req.Header.Set("svix-timestamp", strconv.FormatInt(timestamp.Unix(), 10))
	if cfg.secret != "" {
		signature, err := Sign(cfg.secret, id, timestamp, ex.Body)
		if err != nil {
			panic(err.Error())
		}
		req.Header.Set("svix-signature", signature)
	}
	return req
}
