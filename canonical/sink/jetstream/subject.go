package jetstream

import (
	"fmt"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
)

// subject returns <prefix>.<vendor>.<type> for e, or an error matching
// ErrInvalidSubject when the vendor or a dot-separated part of the type is
// not a valid token.
func subject(prefix string, e *canonical.Event) (string, error) {
	if err := checkTokens("vendor", string(e.Vendor)); err != nil {
		return "", err
	}
	if err := checkTokens("type", string(e.Type)); err != nil {
		return "", err
	}
	return prefix + "." + string(e.Vendor) + "." + string(e.Type), nil
}

// checkTokens checks each dot-separated token of s.
func checkTokens(what, s string) error {
	for token := range strings.SplitSeq(s, ".") {
		if !validToken(token) {
			return fmt.Errorf("%w: %s %q", ErrInvalidSubject, what, s)
		}
	}
	return nil
}

// validToken reports whether token can be one token of a subject that is
// published to: non-empty printable ASCII without the separator and the
// wildcards. (NATS accepts more, UTF-8 included, but its documentation
// recommends this and every consumer's subject filter can match it.)
func validToken(token string) bool {
	if token == "" {
		return false
	}
	for i := 0; i < len(token); i++ {
		c := token[i]
		if c <= ' ' || c >= 0x7f || c == '.' || c == '*' || c == '>' {
			return false
		}
	}
	return true
}

// validStreamName reports whether name can name a stream: non-empty
// printable ASCII without '.', wildcards or path separators.
func validStreamName(name string) bool {
	return validToken(name) && !strings.ContainsAny(name, `/\`)
}
