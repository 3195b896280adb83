package webhook

import (
	"fmt"
	"net/http"
	"strings"
)

// CheckContentEncoding accepts a request whose body is not encoded: no
// Content-Encoding header, an empty one, or only "identity" (case
// insensitive, as content codings are). Anything else, gzip included, is
// ErrUnsupportedMediaType: no vendor compresses its webhooks, and reading a
// compressed body as it is would refuse a good delivery as malformed or
// accept a body that is not what its header says.
func CheckContentEncoding(header http.Header) error {
	for _, value := range header.Values("Content-Encoding") {
		for coding := range strings.SplitSeq(value, ",") {
			coding = strings.TrimSpace(coding)
			if coding != "" && !strings.EqualFold(coding, "identity") {
				return fmt.Errorf("%w: Content-Encoding %q is not supported; send the body unencoded", ErrUnsupportedMediaType, truncate(coding, 32))
			}
		}
	}
	return nil
}

// truncate shortens what a sender wrote before an error quotes it.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
