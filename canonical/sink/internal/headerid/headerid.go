// Package headerid writes event ids and CloudEvents attributes into message
// headers (NATS and HTTP alike) without letting a value break the header or
// two ids collide.
package headerid

import (
	"fmt"
	"strings"
)

// ID returns id as a header value: id itself or, when it holds what a header
// cannot carry verbatim (a '%', a control or non-ASCII byte, or a space at
// either end, which header parsers trim), id percent-encoded by
// PercentEncode. An id of the first kind has no '%' and one of the second
// always has one, so two different ids never share a value.
func ID(id string) string {
	if strings.TrimSpace(id) == id && !strings.ContainsFunc(id, func(r rune) bool {
		return r == '%' || r < ' ' || r >= 0x7f
	}) {
		return id
	}
	return PercentEncode(id)
}

// PercentEncode encodes s as the CloudEvents NATS binding asks of a header
// value: space, '"', '%' and every byte outside printable ASCII become %XX
// (upper-case hex) of its UTF-8 bytes.
func PercentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '%' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
