package easygeneratortest

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/fixtures"
)

// Option configures NewRequest.
type Option func(*config)

type config struct {
	origin string
}

// WithOrigin sets the Origin header, as the learner's browser does when the
// course is served from origin (such as "https://learn.example.com").
func WithOrigin(origin string) Option {
	return func(c *config) { c.origin = origin }
}

// NewRequest returns the request the course player sends to url for ex: a
// POST of ex.Body with Content-Type ex.ContentType, plus Origin with
// WithOrigin (none by default). It is a client request, for http.Client.Do,
// and also serves a handler directly. Like httptest.NewRequest it panics when
// url does not parse.
func NewRequest(url string, ex Example, opts ...Option) *http.Request {
	var cfg config
	for _, opt := range opts {
		opt(&cfg)
	}
	req := fixtures.NewRequest(url, ex.ContentType, ex.Body)
	if cfg.origin != "" {
		req.Header.Set("Origin", cfg.origin)
	}
	return req
}
