package easygenerator

import "github.com/lmshooks/lmshooks/internal/webhook"

// The kinds of failure, shared by every lmshooks vendor package: match them
// with errors.Is.
var (
	ErrMalformed            = webhook.ErrMalformed            // not valid JSON, or a field of the wrong type
	ErrInvalid              = webhook.ErrInvalid              // a required field is missing, empty or out of range
	ErrTooLarge             = webhook.ErrTooLarge             // body over the handler's limit
	ErrUnsupportedMediaType = webhook.ErrUnsupportedMediaType // Content-Type is not JSON
	ErrMethodNotAllowed     = webhook.ErrMethodNotAllowed     // neither a POST nor a CORS preflight
)

// ParseError tells which vendor, event and field a rejected body failed on;
// get it with errors.As.
type ParseError = webhook.ParseError

// FieldError is the cause of an ErrInvalid ParseError: the rule a field broke.
type FieldError = webhook.FieldError
