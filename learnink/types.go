package learnink

import "github.com/lmshooks/lmshooks/internal/wire"

// Time is a time as LearnInk sent it, with or without a zone offset; it
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
