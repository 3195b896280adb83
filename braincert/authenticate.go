package braincert

import (
	"net/http"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Authenticate checks the HTTP Basic credentials in a request's header
// against those given with WithBasicAuth, in constant time. Without
// WithBasicAuth it accepts any header. A failure is a *ParseError matching
// ErrUnauthorized, or, when WithBasicAuth was given an empty username or
// password, an error matching ErrEmptyCredentials whatever the header.
// Handler makes the same check; Authenticate is for code that reads the
// request itself.
func Authenticate(header http.Header, opts ...Option) error {
	cfg := newConfig(opts)
	if cfg.authErr != nil {
		return cfg.authErr
	}
	if cfg.auth == nil {
		return nil
	}
	if err := cfg.auth.check(&http.Request{Header: header}); err != nil {
		return &webhook.ParseError{Vendor: vendor, Kind: ErrUnauthorized, Cause: err}
	}
	return nil
}
