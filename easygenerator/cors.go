package easygenerator

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// CORS returns middleware that lets browsers post to a POST-only webhook
// handler from another origin, as Easygenerator's course player does. Of the
// options, WithAllowedOrigins, WithMaxAge and WithLogger apply.
//
// The middleware:
//   - answers a preflight (OPTIONS with Access-Control-Request-Method) itself
//     with 204, Access-Control-Allow-Methods "POST, OPTIONS",
//     Access-Control-Allow-Headers "Content-Type" and Access-Control-Max-Age;
//   - answers any other method but POST with 405 and "Allow: POST, OPTIONS";
//   - sets Access-Control-Allow-Origin (and "Vary: Origin" when a list of
//     origins is configured) before next runs, so that every answer carries
//     it, errors and recovered panics included.
//
// An origin that is not allowed gets no Access-Control-Allow-Origin, but its
// request is still passed on: CORS only tells the browser whether its page
// may read the answer, it does not authenticate the sender. No credentials
// (cookies) are allowed.
func CORS(opts ...Option) func(http.Handler) http.Handler {
	cfg := newConfig(opts)
	maxAge := strconv.FormatInt(int64(cfg.maxAge.Seconds()), 10)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cfg.allowOrigin(w.Header(), r.Header.Get("Origin"))
			switch {
			case r.Method == http.MethodPost:
				next.ServeHTTP(w, r)
			case isPreflight(r):
				h := w.Header()
				h.Set("Access-Control-Allow-Methods", allowedMethods)
				h.Set("Access-Control-Allow-Headers", "Content-Type")
				h.Set("Access-Control-Max-Age", maxAge)
				w.WriteHeader(http.StatusNoContent)
			default:
				cfg.rejectMethod(w, r)
			}
		})
	}
}

const allowedMethods = "POST, OPTIONS"

func isPreflight(r *http.Request) bool {
	return r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
}

// allowOrigin sets the headers that tell the browser whether origin may read
// the answer.
func (c *config) allowOrigin(h http.Header, origin string) {
	if c.origins == nil {
		h.Set("Access-Control-Allow-Origin", "*")
		return
	}
	// The answer depends on Origin, so caches must key on it.
	h.Add("Vary", "Origin")
	for _, allowed := range c.origins {
		if origin != "" && strings.EqualFold(origin, allowed) {
			h.Set("Access-Control-Allow-Origin", origin)
			return
		}
	}
}

// rejectMethod answers a method the endpoint does not serve, in the same
// form as the webhook handler's own rejections.
func (c *config) rejectMethod(w http.ResponseWriter, r *http.Request) {
	err := webhook.ErrMethodNotAllowed
	c.logOrDefault().InfoContext(r.Context(), "webhook rejected", "vendor", vendor,
		"status", http.StatusMethodNotAllowed, "method", r.Method, "error", err)
	h := w.Header()
	h.Set("Allow", allowedMethods)
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusMethodNotAllowed)
	_, _ = w.Write([]byte(webhook.ErrorBody(err)))
}
