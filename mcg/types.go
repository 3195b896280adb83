package mcg

import "github.com/lmshooks/lmshooks/internal/wire"

// ID is an identifier MCG sends as a JSON number or string; it encodes back
// in the form it arrived in.
type ID = wire.ID

// Time is a time as MCG sent it, with or without a zone offset; it encodes
// back exactly as it arrived.
type Time = wire.Time

// Content is a card's text: a JSON string or structured content, kept as sent.
type Content = wire.Content
