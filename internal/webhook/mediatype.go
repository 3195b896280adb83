package webhook

import (
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// CheckMediaType accepts a Content-Type of application/json (with any
// parameters), application/*+json, none at all (read as JSON), or one of
// extra. Anything else is ErrUnsupportedMediaType.
func CheckMediaType(contentType string, extra ...string) error {
	if contentType == "application/json" || strings.TrimSpace(contentType) == "" {
		return nil // the common case, without the parser's allocations
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("%w: unreadable Content-Type", ErrUnsupportedMediaType)
	}
	if IsJSONMediaType(mediaType) {
		return nil
	}
	for _, m := range extra {
		if mediaType == m {
			return nil
		}
	}
	return fmt.Errorf("%w: %s", ErrUnsupportedMediaType, mediaType)
}

// IsJSONMediaType reports whether a parsed (lower-case) media type is JSON.
func IsJSONMediaType(mediaType string) bool {
	if mediaType == "application/json" {
		return true
	}
	sub, ok := strings.CutPrefix(mediaType, "application/")
	return ok && len(sub) > len("+json") && strings.HasSuffix(sub, "+json")
}

// CheckHeader checks what a request's header says of its body: a
// Content-Type the vendor sends (JSON, or one of extra) and no
// Content-Encoding. Every vendor's ParseRequest starts with it.
func CheckHeader(header http.Header, extra ...string) error {
	if err := CheckMediaType(header.Get("Content-Type"), extra...); err != nil {
		return err
	}
	return CheckContentEncoding(header)
}
