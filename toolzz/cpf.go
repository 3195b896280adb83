package toolzz

import "log/slog"

// CPF is a Brazilian individual taxpayer number as Toolzz sends it, such as
// "123.456.789-99". It is personal data: the typed value keeps it (and it
// encodes to JSON as sent), but it prints as "[redacted]" with fmt and as a
// slog value, so that printing a user does not leak it. Anything that
// encodes a whole user as JSON (slog's JSONHandler given the struct, for
// one) does include it. string(cpf) gives the number.
// No checksum is verified: the vendor's own examples do not pass it.
type CPF string

const redacted = "[redacted]"

// String returns "[redacted]", never the number.
func (CPF) String() string { return redacted }

// GoString returns a redacted Go form, for %#v.
func (CPF) GoString() string { return `toolzz.CPF("` + redacted + `")` }

// LogValue redacts the number in slog output.
func (CPF) LogValue() slog.Value { return slog.StringValue(redacted) }
