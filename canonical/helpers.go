// The small helpers every vendor's conversion shares.

package canonical

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"strings"
	"sync"
	"time"
)

// newLearner is every vendor's learner: the vendor's id and the full name
// as given, and as Email the first of emails that is a real address (the
// contract's "e-mail only when the payload carries one"). It is nil when
// nothing about the person is known.
func newLearner(id, name string, emails ...string) *Learner {
	l := &Learner{ID: id, Name: name}
	for _, email := range emails {
		if isEmail(email) {
			l.Email = email
			break
		}
	}
	if *l == (Learner{}) {
		return nil
	}
	return l
}

// isEmail reports whether s is a bare e-mail address (no display name).
func isEmail(s string) bool {
	// An address always holds "@"; most ids do not, and spare the parser.
	if !strings.Contains(s, "@") || strings.ContainsAny(s, " <>") {
		return false
	}
	if isDotAtomAddress(s) {
		return true // what net/mail reads back unchanged, without its allocations
	}
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Address == s
}

// isDotAtomAddress reports whether s is local@domain with both parts ASCII
// dot-atoms (RFC 5322 §3.2.3): the plain form of nearly every address, which
// net/mail accepts and returns as it is. Anything else (quoted local parts,
// domain literals, non-ASCII) is left to net/mail.
func isDotAtomAddress(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && isDotAtom(local) && isDotAtom(domain)
}

func isDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && !isAtext(c) {
			return false
		}
	}
	return true
}

// isAtext reports an RFC 5322 atext character.
func isAtext(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

// fullName joins a first and a last name, skipping an empty part.
func fullName(first, last string) string {
	return strings.TrimSpace(strings.TrimSpace(first) + " " + strings.TrimSpace(last))
}

func compactJSON(data []byte) json.RawMessage {
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		return data
	}
	return buf.Bytes()
}

// marshalPayload encodes a typed payload as JSON without escaping <, > and &
// (card texts hold HTML; "\u003cp\u003e" would be valid but unreadable).
// The encoder writes into a pooled buffer, and the result is one copy of
// the exact size.
func marshalPayload(payload any) (json.RawMessage, error) {
	buf := payloadBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			payloadBuffers.Put(buf)
		}
	}()
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(payload); err != nil {
		return nil, err
	}
	return bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// maxPooledBuffer keeps the buffer of a rare large payload out of the pool.
const maxPooledBuffer = 64 << 10

var payloadBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// utc returns t in UTC, or the zero time for a zero t.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// ptr returns a pointer to v, for Result's optional fields.
func ptr[T any](v T) *T { return &v }
