package xapi

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"unicode"
)

// checkIRI reports why s is not an absolute IRI (RFC 3987): a scheme, a
// colon, something after it, and none of the characters an IRI cannot
// hold (white space, controls, <>"{}|\^` and a % not starting an escape).
func checkIRI(s string) error {
	colon := strings.IndexByte(s, ':')
	switch {
	case s == "":
		return errors.New("is empty")
	case colon <= 0 || !validScheme(s[:colon]):
		return fmt.Errorf("%q is not an absolute IRI (no scheme)", s)
	case colon == len(s)-1:
		return fmt.Errorf("%q is not an absolute IRI (nothing after the scheme)", s)
	}
	for i, r := range s {
		switch {
		case r == unicode.ReplacementChar && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Errorf("%q is not valid UTF-8", s)
		case unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("<>\"{}|\\^`", r):
			return fmt.Errorf("%q holds %q, which an IRI cannot", s, r)
		case r == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])):
			return fmt.Errorf("%q holds a %% that starts no escape", s)
		}
	}
	return nil
}

// validScheme reports whether s is an RFC 3986 scheme.
func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// languageTag is the shape of a BCP 47 language tag (RFC 5646): language
// with extended subtags, script, region, variants, extensions, private use,
// or a private-use or grandfathered tag. The same shape LRSs check.
var languageTag = regexp.MustCompile(`(?i)^(?:[a-z]{2,8}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-[a-z]{2}|-[0-9]{3})?(?:-[a-z0-9]{5,8}|-[0-9][a-z0-9]{3})*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+|en-GB-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)$`)

// validLanguage reports whether tag has the shape of a BCP 47 tag.
func validLanguage(tag string) bool { return languageTag.MatchString(tag) }

// checkMailto reports why s is not a mailto IRI holding one bare e-mail
// address.
func checkMailto(s string) error {
	addr, ok := strings.CutPrefix(s, "mailto:")
	if !ok {
		return fmt.Errorf("%q does not start with mailto:", s)
	}
	parsed, err := mail.ParseAddress(addr)
	if err != nil || parsed.Address != addr || parsed.Name != "" {
		return fmt.Errorf("%q does not hold one bare e-mail address", s)
	}
	return nil
}

// uuidShape is a UUID in its 8-4-4-4-12 hex form with the RFC 4122 variant.
var uuidShape = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
