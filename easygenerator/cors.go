package easygenerator

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// CORS returns middleware that lets browsers post to a POST-only webhook
// handler from another origin, as Easygenerator's course player does. Of the
// options, WithAllowedOrigins and WithMaxAge apply.
//
// It answers a preflight (OPTIONS with Access-Control-Request-Method) itself
// with 204, Access-Control-Allow-Methods "POST, OPTIONS",
// Access-Control-Allow-Headers "Content-Type" and Access-Control-Max-Age;
// it sets Access-Control-Allow-Origin for an allowed origin (with "Vary:
// Origin" when a list is configured) on every answer, and "Allow: POST,
// OPTIONS" on the 405 that the wrapped handler gives any other method.
//
// An origin that is not allowed gets no Access-Control-Allow-Origin, but its
// request is still passed on: CORS only tells the browser whether its page
// may read the answer, it does not authenticate the sender. No credentials
// (cookies) are allowed.
func CORS(opts ...Option) func(http.Handler) http.Handler {
	cfg := newConfig(opts)
	return webhook.CORS(cfg.origins, cfg.maxAge)
}
