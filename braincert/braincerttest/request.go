package braincerttest

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/fixtures"
)

// Option configures NewRequest.
type Option func(*config)

type config struct {
	basicAuth          bool
	username, password string
}

// WithBasicAuth sends HTTP Basic credentials, as BrainCert does for a
// webhook whose form says "Basic Authentication: Yes".
func WithBasicAuth(username, password string) Option {
	return func(c *config) { c.basicAuth, c.username, c.password = true, username, password }
}

// NewRequest returns the request BrainCert sends to url for ex: a POST of
// ex.Body with Content-Type ex.ContentType, plus Basic credentials with
// WithBasicAuth. It is a client request, for http.Client.Do, and also
// serves a handler directly (handler.ServeHTTP(recorder, req)). Like
// httptest.NewRequest it panics when url does not parse.
func NewRequest(url string, ex Example, opts ...Option) *http.Request {
	var cfg config
	for _, opt := range opts {
		opt(&cfg)
	}
	req := fixtures.NewRequest(url, ex.ContentType, ex.Body)
	if cfg.basicAuth {
		req.SetBasicAuth(cfg.username, cfg.password)
	}
	return req
}
