package main

import (
	"bytes"
	"fmt"

	"github.com/lmshooks/lmshooks/canonical"
)

// encodeCanonical is the canonical event e as one JSON line, the bytes
// json.Encoder writes (HTML characters unescaped), without reading Data
// twice more: every event here comes from the library's conversion, whose
// Data is the compact form of a body Parse has checked, so the encoder
// neither re-validates (Event.Validate's json.Valid) nor re-compacts it
// (encoding/json's RawMessage handling); on an 88 KB body those two passes
// were most of the output's cost. Data is the last field of Event, so the
// rest is encoded with Data null and Data written in its place. A Data with
// a line break (not compact) takes the full encoder, so a line stays a line.
func encodeCanonical(e canonical.Event) ([]byte, error) {
	data := e.Data
	if bytes.IndexByte(data, '\n') >= 0 || bytes.IndexByte(data, '\r') >= 0 {
		if err := e.Validate(); err != nil {
			return nil, err
		}
		return encodeLine(&e, e.ID, len(data)+512)
	}
	if err := e.ValidateFields(); err != nil {
		return nil, err
	}
	e.Data = nil
	head, err := encodeLine(&e, e.ID, len(data)+512)
	if err != nil {
		return nil, err
	}
	const nullEnd = "null}\n"
	if !bytes.HasSuffix(head, []byte(nullEnd)) {
		return nil, fmt.Errorf("encoding event %s: the encoding does not end with data", e.ID)
	}
	line := append(head[:len(head)-len(nullEnd)], data...)
	return append(line, "}\n"...), nil
}
