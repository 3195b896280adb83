package toolzz

import "github.com/lmshooks/lmshooks/internal/wire"

// ID is an identifier Toolzz sends as a JSON number (as a string in
// shop.product.redemption); it encodes back in the form it arrived in.
type ID = wire.ID

// Time is a time Toolzz sent as "yyyy-MM-dd HH:mm:ss" or a date
// "yyyy-MM-dd", without a zone: read in UTC, or in the location given with
// WithLocation. It encodes back exactly as it arrived.
type Time = wire.Time

// Content is a JSON value kept exactly as sent.
type Content = wire.Content

// Bool is a boolean Toolzz sends as 1/0 (or true/false); it encodes back in
// the form it arrived in.
type Bool = wire.Bool
