package braincert

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
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

// ErrEmptyCredentials is the configuration error of WithBasicAuth with an
// empty username or password: Handler answers every request 500 and
// Authenticate refuses every header, rather than accept empty credentials.
var ErrEmptyCredentials = errors.New("braincert: WithBasicAuth needs a non-empty username and password")

// newBasicAuth returns the check of a pair, or ErrEmptyCredentials (naming
// the empty half, never the other) when either half is empty.
func newBasicAuth(username, password string) (*basicAuth, error) {
	switch {
	case username == "" && password == "":
		return nil, fmt.Errorf("%w: both are empty", ErrEmptyCredentials)
	case username == "":
		return nil, fmt.Errorf("%w: the username is empty", ErrEmptyCredentials)
	case password == "":
		return nil, fmt.Errorf("%w: the password is empty", ErrEmptyCredentials)
	}
	return &basicAuth{username: sha256.Sum256([]byte(username)), password: sha256.Sum256([]byte(password))}, nil
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
