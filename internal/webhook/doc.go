// Package webhook is the machinery every vendor package shares: the error
// kinds and ParseError, JSON decoding with validation, and the generic HTTP
// handler that reads a delivery, parses it, hands it to the user's callback
// and answers the sender.
//
// Vendor packages re-export the error values and types, so user code matches
// them through the vendor package (errors.Is(err, mcg.ErrInvalid)).
package webhook
