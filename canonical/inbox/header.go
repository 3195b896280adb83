package inbox

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// identifying reports whether a header names or signs the delivery, and so
// is stored: svix-* and webhook-*, never Authorization or another
// credential.
func identifying(name string) bool {
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "svix-") || strings.HasPrefix(name, "webhook-")
}

// encodeHeader keeps the identifying headers only, as the bytes of their
// wire form ("Name: value" lines, sorted): lossless for any value an HTTP
// request can carry, including bytes that are not UTF-8.
func encodeHeader(h http.Header) ([]byte, error) {
	var names []string
	for name := range h {
		if identifying(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b bytes.Buffer
	for _, name := range names {
		for _, value := range h[name] {
			if strings.ContainsAny(name, ":\r\n") || strings.ContainsAny(value, "\r\n") {
				return nil, fmt.Errorf("%w: header %q holds a line break or colon", ErrInvalidDelivery, name)
			}
			b.WriteString(http.CanonicalHeaderKey(name))
			b.WriteString(": ")
			b.WriteString(value)
			b.WriteByte('\n')
		}
	}
	return append([]byte{}, b.Bytes()...), nil // never nil: a nil slice is stored as NULL
}

// decodeHeader reads what encodeHeader wrote.
func decodeHeader(b []byte) (http.Header, error) {
	h := http.Header{}
	for line := range bytes.Lines(b) {
		name, value, ok := bytes.Cut(bytes.TrimSuffix(line, []byte("\n")), []byte(": "))
		if !ok {
			return nil, fmt.Errorf("header line %q has no colon", line)
		}
		h[string(name)] = append(h[string(name)], string(value))
	}
	return h, nil
}
