package easygenerator

import (
	"context"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Handler returns an http.Handler that receives Easygenerator course results
// and calls fn with each parsed event and the request's context. It is
// wrapped in CORS(opts...), so browsers may post to it from any allowed
// origin.
//
// It answers 200 only after fn returned nil; 500 when fn returns an error or
// panics (so that the course player retries); 400 for a body that does not
// parse or validate; 204 for a CORS preflight; 405 for any other method but
// POST, with "Allow: POST, OPTIONS"; 413 for a body over the limit; 415 for
// a Content-Type other than JSON or a Content-Encoding other than identity.
// Error responses are a JSON object {"error": "..."}, and every response
// carries Access-Control-Allow-Origin for an allowed origin.
func Handler(fn func(ctx context.Context, event Event) error, opts ...Option) http.Handler {
	cfg := newConfig(opts)
	return CORS(opts...)(&webhook.Handler[Event]{
		Vendor:       vendor,
		MaxBodyBytes: cfg.maxBodyBytes,
		Logger:       cfg.logger,
		Parse: func(_ http.Header, body []byte) (Event, error) {
			return Parse(body)
		},
		Deliver: fn,
	})
}
