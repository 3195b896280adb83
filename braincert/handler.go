package braincert

import (
	"context"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Handler returns an http.Handler that receives BrainCert deliveries, JSON
// or XML by the request's Content-Type (application/json or none,
// application/xml, text/xml), and calls fn with each parsed event and the
// request's context. Mount it at POST /webhooks/braincert, for example.
//
// With WithBasicAuth it first checks the request's Basic credentials and
// answers 401 with a WWW-Authenticate challenge when they are missing or
// wrong, before reading the body, so an unauthenticated caller learns
// nothing about topics or payloads. Without it every request is accepted:
// use that for development only. WithBasicAuth with an empty username or
// password makes it answer every request 500 (logged once at start), never
// accept empty credentials.
//
// It answers 200 only after fn returned nil; 500 when fn returns an error or
// panics (so that BrainCert retries); 400 for a body that does not parse or
// validate; 405 for a method other than POST; 413 for a body over the limit;
// 415 for another Content-Type or a Content-Encoding other than identity.
// Error responses are a JSON object {"error": "..."}.
func Handler(fn func(ctx context.Context, event Event) error, opts ...Option) http.Handler {
	cfg := newConfig(opts)
	h := &webhook.Handler[Event]{
		Vendor:       vendor,
		MaxBodyBytes: cfg.maxBodyBytes,
		Logger:       cfg.logger,
		MediaTypes:   xmlMediaTypes,
		Broken:       cfg.authErr,
		Parse:        cfg.parseBody, // the credentials are checked before the body is read
		Deliver:      fn,
	}
	if cfg.auth != nil {
		h.Authenticate = cfg.auth.check
		h.Challenge = basicChallenge
	}
	webhook.LogBroken(cfg.logger, vendor, cfg.authErr)
	return h
}
