package learnink

import (
	"context"
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Handler returns an http.Handler that receives LearnInk deliveries and
// calls fn with each parsed event (its MessageID set from svix-id) and the
// request's context.
//
// With WithSecrets it first verifies the signature on the raw body and
// answers 401 {"error":"unauthorized"} to a request whose signature headers
// are missing, malformed, stale or wrong. Without WithSecrets it accepts
// unsigned requests: for development only. A secret that does not decode
// makes it answer every request 500 (logged), never accept unsigned ones.
//
// It answers 200 only after fn returned nil; 500 when fn returns an error or
// panics (so that Svix retries); 400 for a body that does not parse or
// validate; 405 for a method other than POST; 413 for a body over the limit;
// 415 for a Content-Type other than JSON or a Content-Encoding other than
// identity. Error responses are a JSON object {"error": "..."}.
func Handler(fn func(ctx context.Context, event Event) error, opts ...Option) http.Handler {
	cfg := newConfig(opts)
	parse, err := requestParser(cfg)
	webhook.LogBroken(cfg.logger, vendor, err)
	return &webhook.Handler[Event]{
		Vendor:       vendor,
		MaxBodyBytes: cfg.maxBodyBytes,
		Logger:       cfg.logger,
		Broken:       err,
		Parse:        parse,
		Deliver:      fn,
	}
}
