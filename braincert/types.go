package braincert

import "github.com/lmshooks/lmshooks/internal/wire"

// ID is an identifier BrainCert sends as a JSON number or string (the docs
// show both: "group_id": "101" beside "group_id": 304050); it encodes back in
// the form it arrived in.
type ID = wire.ID

// Time is a time as BrainCert sent it (RFC 3339, usually with "Z"); it
// encodes back exactly as it arrived.
type Time = wire.Time
