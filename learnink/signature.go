package learnink

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultTolerance is how far a signature's timestamp may be from now, in
// either direction, unless WithTolerance sets another limit.
const DefaultTolerance = 5 * time.Minute

// Bounds on the signature header, so that a forged request cannot make the
// verifier decode and compare without end. Svix sends one entry per active
// secret.
const (
	maxSignatureEntries = 32
	maxSignatureHeader  = 4096
)

// secretPrefix starts a secret as the LearnInk (Svix) dashboard shows it.
const secretPrefix = "whsec_"

// ErrNoSecrets is returned by NewVerifier when no secret was given: there is
// nothing to verify with (Handler then accepts unsigned requests).
var ErrNoSecrets = errors.New("learnink: no secret to verify signatures with")

// Verifier checks the Svix signature of LearnInk deliveries. Build it once
// with NewVerifier; it is safe for concurrent use.
type Verifier struct {
	keys      [][]byte
	tolerance time.Duration
	now       func() time.Time
}

// NewVerifier decodes the secrets given with WithSecrets (at least one) and
// applies WithTolerance and WithClock; other options are ignored. A secret is
// "whsec_" followed by base64, as the dashboard shows it; the bare base64 is
// accepted too. The error says which secret is at fault by position, never
// its text.
func NewVerifier(opts ...Option) (*Verifier, error) {
	return newVerifier(newConfig(opts))
}

func newVerifier(cfg config) (*Verifier, error) {
	if len(cfg.secrets) == 0 {
		return nil, ErrNoSecrets
	}
	v := &Verifier{tolerance: cfg.tolerance, now: cfg.now}
	for i, secret := range cfg.secrets {
		key, err := decodeSecret(secret)
		if err != nil {
			return nil, fmt.Errorf("learnink: secret %d of %d: %w", i+1, len(cfg.secrets), err)
		}
		v.keys = append(v.keys, key)
	}
	return v, nil
}

func decodeSecret(secret string) ([]byte, error) {
	encoded := strings.TrimPrefix(strings.TrimSpace(secret), secretPrefix)
	if encoded == "" {
		return nil, errors.New("secret is empty")
	}
	key, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return nil, errors.New(`secret is not "whsec_" followed by base64`)
	}
	return key, nil
}

// Verify checks a delivery's signature headers against its raw body, before
// anything reads the body as JSON. It accepts the svix-id, svix-timestamp
// and svix-signature headers or, when no svix- header is present, their
// Standard Webhooks names webhook-id, webhook-timestamp and
// webhook-signature. The timestamp must be within the tolerance of the
// clock, and one entry of the signature header (entries are separated by
// single spaces) must be "v1," followed by the standard, padded base64 of
// the HMAC-SHA256 of id + "." + timestamp + "." + body under one of the
// secrets, exactly as Svix writes it.
//
// A failure is a *ParseError matching ErrUnauthorized whose cause says what
// was wrong (missing header, stale timestamp, no matching signature) without
// quoting any signature or secret.
func (v *Verifier) Verify(header http.Header, body []byte) error {
	h, err := signatureHeaders(header)
	if err == nil {
		err = v.checkTimestamp(h.timestamp)
	}
	if err == nil && !v.anySignatureMatches(h, body) {
		err = errNoMatch
	}
	if err != nil {
		return &ParseError{Vendor: vendor, Kind: ErrUnauthorized, Cause: err}
	}
	return nil
}

// signedHeaders are the three headers of a signed delivery.
type signedHeaders struct {
	id, timestamp, signature string
}

func signatureHeaders(header http.Header) (signedHeaders, error) {
	prefix := "svix-"
	if header.Get("svix-id") == "" && header.Get("svix-timestamp") == "" && header.Get("svix-signature") == "" {
		prefix = "webhook-"
	}
	h := signedHeaders{
		id:        header.Get(prefix + "id"),
		timestamp: header.Get(prefix + "timestamp"),
		signature: header.Get(prefix + "signature"),
	}
	switch {
	case h == signedHeaders{}:
		return h, errors.New("no svix-id, svix-timestamp and svix-signature headers")
	case h.id == "" || h.timestamp == "" || h.signature == "":
		return h, fmt.Errorf("missing %sid, %stimestamp or %ssignature header", prefix, prefix, prefix)
	case len(h.signature) > maxSignatureHeader:
		return h, fmt.Errorf("%ssignature header is over %d bytes", prefix, maxSignatureHeader)
	}
	return h, nil
}

// checkTimestamp accepts unix seconds within the tolerance of now.
func (v *Verifier) checkTimestamp(text string) error {
	if len(text) > 18 || strings.Trim(text, "0123456789") != "" {
		return errors.New("signature timestamp is not unix seconds")
	}
	seconds, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return errors.New("signature timestamp is not unix seconds")
	}
	age := v.now().Sub(time.Unix(seconds, 0))
	switch {
	case age > v.tolerance:
		return fmt.Errorf("signature timestamp is %s old, over the %s tolerance", age.Round(time.Second), v.tolerance)
	case age < -v.tolerance:
		return fmt.Errorf("signature timestamp is %s ahead, over the %s tolerance", (-age).Round(time.Second), v.tolerance)
	}
	return nil
}

// anySignatureMatches compares each v1 entry of the header (up to
// maxSignatureEntries) with the signature under each secret, in constant
// time. As the official Standard Webhooks libraries do, entries are split
// on single spaces only (a tab or two spaces make no separator) and the
// base64 text is compared as sent, so an encoding that decodes to the same
// bytes (other padding, flipped unused trailing bits) is not a match.
// Entries of other versions are skipped.
func (v *Verifier) anySignatureMatches(h signedHeaders, body []byte) bool {
	expected := make([][]byte, len(v.keys))
	for i, key := range v.keys {
		mac := sign(key, h.id, h.timestamp, body)
		expected[i] = base64.StdEncoding.AppendEncode(nil, mac)
	}
	entries := 0
	for entry := range strings.SplitSeq(h.signature, " ") {
		if entries++; entries > maxSignatureEntries {
			return false
		}
		version, encoded, _ := strings.Cut(entry, ",")
		if version != "v1" {
			continue
		}
		for _, want := range expected {
			if hmac.Equal([]byte(encoded), want) {
				return true
			}
		}
	}
	return false
}

// sign returns the raw HMAC-SHA256 of id.timestamp.body under key.
func sign(key []byte, id, timestamp string, body []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id))
	mac.Write([]byte{'.'})
	mac.Write([]byte(timestamp))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return mac.Sum(nil)
}

var errNoMatch = errors.New("no v1 signature matches")
