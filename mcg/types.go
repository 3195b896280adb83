package mcg

import "github.com/lmshooks/lmshooks/internal/wire"

// ID is an identifier MCG sends as a JSON number or string; it encodes
// back in the form it arrived in. It is one type shared by every lmshooks
// vendor package, with these fields and methods:
//
//	Value   string // its text: a number's decimal digits, exactly as sent
//	Numeric bool   // it arrived as a JSON number
//
//	func (id ID) String() string // Value
//	func (id ID) IsZero() bool   // absent or null
type ID = wire.ID

// Time is a time as MCG sent it, with or without a zone offset; it
// encodes back exactly as it arrived. It is one type shared by every
// lmshooks vendor package, with these fields and methods:
//
//	Time      time.Time // the instant; without an offset, the wall clock read in UTC
//	HasOffset bool      // the text carried a zone offset (or "Z")
//	Text      string    // the text as sent; empty for a value built in code
//
//	func (t Time) In(loc *time.Location) time.Time // an offset-less text read in loc
//	func (t Time) IsZero() bool
//	func (t Time) String() string
type Time = wire.Time

// Content is a text that may come as a JSON string or as structured
// content (an object or an array), kept as sent in a normal spelling (no
// white space, keys sorted, strings escaped only where JSON requires), so
// the same value sent with other spacing or escapes is the same Content. It
// is one type shared by the lmshooks vendor packages (a json.RawMessage),
// with these methods:
//
//	func (c Content) String() string // a string's text, or the structured JSON
//	func (c Content) IsZero() bool   // absent or null
type Content = wire.Content
