package learnink

import (
	"context"
	"fmt"
	"log/slog"
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
	h := &webhook.Handler[Event]{
		Vendor:       vendor,
		MaxBodyBytes: cfg.maxBodyBytes,
		Logger:       cfg.logger,
		Deliver:      fn,
	}
	verify, err := verifierFor(cfg, opts)
	if err != nil {
		logger := cfg.logger
		if logger == nil {
			logger = slog.Default()
		}
		logger.Error("learnink handler will answer every delivery 500", "error", err)
		h.Parse = func(*http.Request, []byte) (Event, error) { return nil, err }
		return h
	}
	h.Parse = func(r *http.Request, body []byte) (Event, error) {
		if err := verify(body, r.Header); err != nil {
			return nil, err
		}
		return ParseRequest(body, r.Header, opts...)
	}
	return h
}

// verifierFor returns the signature check of a handler: none without
// secrets, or an error when a secret does not decode.
func verifierFor(cfg config, opts []Option) (func([]byte, http.Header) error, error) {
	if len(cfg.secrets) == 0 {
		return func([]byte, http.Header) error { return nil }, nil
	}
	v, err := NewVerifier(opts...)
	if err != nil {
		return nil, fmt.Errorf("signature verification is misconfigured: %w", err)
	}
	return v.Verify, nil
}
