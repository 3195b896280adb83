package braincert

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
)

// basicChallenge is the WWW-Authenticate value of a 401.
const basicChallenge = `Basic realm="braincert", charset="UTF-8"`

// basicAuth checks a request's Basic credentials. It keeps only SHA-256
// digests: comparing fixed-size digests in constant time leaks neither the
// values nor their lengths.
type basicAuth struct {
	username, password [sha256.Size]byte
}

var (
	errNoCredentials    = errors.New("no Basic credentials")
	errWrongCredentials = errors.New("wrong Basic credentials")
)

func newBasicAuth(username, password string) *basicAuth {
	return &basicAuth{username: sha256.Sum256([]byte(username)), password: sha256.Sum256([]byte(password))}
}

// check accepts the request only if it carries the configured pair. Both
// halves are always compared, so the time taken does not tell which failed.
func (a *basicAuth) check(r *http.Request) error {
	username, password, ok := r.BasicAuth()
	if !ok {
		return errNoCredentials
	}
	u := sha256.Sum256([]byte(username))
	p := sha256.Sum256([]byte(password))
	if subtle.ConstantTimeCompare(u[:], a.username[:])&subtle.ConstantTimeCompare(p[:], a.password[:]) != 1 {
		return errWrongCredentials
	}
	return nil
}
