package braincert

import "github.com/lmshooks/lmshooks/internal/wire"

// ID is an identifier BrainCert sends as a JSON number or string; it encodes
// back in the form it arrived in. It is one type shared by every lmshooks
// vendor package, with these fields and methods:
//
//	Value   string // its text: a number's decimal digits, exactly as sent
//	Numeric bool   // it arrived as a JSON number
//
//	func (id ID) String() string // Value
//	func (id ID) IsZero() bool   // absent or null
type ID = wire.ID

// Time is a time as BrainCert sent it, with or without a zone offset; it
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
