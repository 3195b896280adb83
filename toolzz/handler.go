package toolzz

import (
	"context"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Handler returns an http.Handler that receives Toolzz deliveries and calls
// fn with each parsed event and the request's context. Unknown slugs are
// delivered too, as *Unknown.
//
// It answers 200 only after fn returned nil; 500 when fn returns an error or
// panics; 400 for a body that does not parse or validate, or names no slug;
// 405 for a method other than POST; 413 for a body over the limit; 415 for a
// Content-Type other than JSON or a Content-Encoding other than identity.
// Error responses are a JSON object
// {"error": "..."}.
func Handler(fn func(ctx context.Context, event Event) error, opts ...Option) http.Handler {
	cfg := newConfig(opts)
	return &webhook.Handler[Event]{
		Vendor:       vendor,
		MaxBodyBytes: cfg.maxBodyBytes,
		Logger:       cfg.logger,
		Parse: func(_ http.Header, body []byte) (Event, error) {
			return cfg.parse(body)
		},
		Deliver: fn,
	}
}
