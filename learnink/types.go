package learnink

import "github.com/lmshooks/lmshooks/internal/wire"

// Time is a time as LearnInk sent it (RFC 3339, such as
// "2022-11-04T09:58:58.233Z"); it encodes back exactly as it arrived.
type Time = wire.Time
