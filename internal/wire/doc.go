// Package wire holds the tolerant field types that vendor payload structs
// share: identifiers sent as numbers or strings, times with or without an
// offset, and booleans sent as 0/1. Each type remembers the form it arrived
// in, so that a decoded payload encodes back to the JSON the vendor sent.
// Relocate reads the offset-less times a decoded event lists in another
// location, for the vendors' WithLocation options.
//
// Vendor packages re-export these types under their own names (for example
// mcg.ID), so user code never imports this package.
package wire
