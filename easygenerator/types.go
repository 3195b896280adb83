package easygenerator

import "github.com/lmshooks/lmshooks/internal/wire"

// Time is a time as Easygenerator sent it (finishedOn, RFC 3339 in UTC); it
// encodes back exactly as it arrived.
type Time = wire.Time
