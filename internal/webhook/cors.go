package webhook

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// CORS returns middleware that lets browsers post to a POST-only webhook
// handler from another origin, as Easygenerator's course player does.
// origins are the origins whose pages may read the answers (nil: any, "*");
// maxAge is how long a browser may cache a preflight's answer.
//
// The middleware:
//   - answers a preflight (OPTIONS with Access-Control-Request-Method) itself
//     with 204, Access-Control-Allow-Methods "POST, OPTIONS",
//     Access-Control-Allow-Headers "Content-Type" and Access-Control-Max-Age;
//   - sets "Allow: POST, OPTIONS" and passes any other request on, so that
//     next answers (and logs) a wrong method as it answers every request;
//   - sets Access-Control-Allow-Origin (and "Vary: Origin" when a list of
//     origins is configured) before next runs, so that every answer carries
//     it, errors and recovered panics included.
//
// An origin that is not allowed gets no Access-Control-Allow-Origin, but its
// request is still passed on: CORS only tells the browser whether its page
// may read the answer, it does not authenticate the sender. No credentials
// (cookies) are allowed.
func CORS(origins []string, maxAge time.Duration) func(http.Handler) http.Handler {
	seconds := strconv.FormatInt(int64(maxAge.Seconds()), 10)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			allowOrigin(w.Header(), origins, r.Header.Get("Origin"))
			if isPreflight(r) {
				h := w.Header()
				h.Set("Access-Control-Allow-Methods", corsMethods)
				h.Set("Access-Control-Allow-Headers", "Content-Type")
				h.Set("Access-Control-Max-Age", seconds)
				w.WriteHeader(http.StatusNoContent)
				return
			}
			if r.Method != http.MethodPost {
				w.Header().Set("Allow", corsMethods)
			}
			next.ServeHTTP(w, r)
		})
	}
}

const corsMethods = "POST, OPTIONS"

func isPreflight(r *http.Request) bool {
	return r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
}

// allowOrigin sets the headers that tell the browser whether origin may read
// the answer.
func allowOrigin(h http.Header, origins []string, origin string) {
	if origins == nil {
		h.Set("Access-Control-Allow-Origin", "*")
		return
	}
	// The answer depends on Origin, so caches must key on it.
	h.Add("Vary", "Origin")
	for _, allowed := range origins {
		if origin != "" && strings.EqualFold(origin, allowed) {
			h.Set("Access-Control-Allow-Origin", origin)
			return
		}
	}
}
