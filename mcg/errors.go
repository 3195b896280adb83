package mcg

import "github.com/lmshooks/lmshooks/internal/webhook"

// The kinds of failure, shared by every lmshooks vendor package: match them
// with errors.Is.
var (
	ErrMalformed            = webhook.ErrMalformed            // not valid JSON, or a field of the wrong type
	ErrInvalid              = webhook.ErrInvalid              // a required field is missing or empty
	ErrNoEventType          = webhook.ErrNoEventType          // neither Type nor EventType
	ErrTooLarge             = webhook.ErrTooLarge             // body over the handler's limit
	ErrUnsupportedMediaType = webhook.ErrUnsupportedMediaType // Content-Type is not JSON
	ErrMethodNotAllowed     = webhook.ErrMethodNotAllowed     // not a POST
	ErrRetryLater           = webhook.ErrRetryLater           // returned by a callback: the handler answers 503 with Retry-After
)

// ParseError tells which vendor, event and field a rejected body failed on;
// get it with errors.As. It is one type shared by every lmshooks vendor
// package (an alias), with these fields and methods:
//
//	Vendor string // the vendor package, such as "mcg"
//	Event  string // the vendor's event name, when the body named one
//	Field  string // the failing field as a JSON path, such as "payload.id"
//	Offset int64  // the byte offset of a syntax or type error; 0 when unknown
//	Kind   error  // ErrMalformed, ErrInvalid, ErrNoEventType or ErrUnauthorized
//	Cause  error  // the underlying error (a *json.SyntaxError, a *FieldError, ...); may be nil
//
//	func (e *ParseError) Error() string   // one line that never quotes the body
//	func (e *ParseError) Unwrap() []error // Kind and Cause, for errors.Is and errors.As
type ParseError = webhook.ParseError

// FieldError is the cause of an ErrInvalid ParseError: the rule a field
// broke. It is one type shared by every lmshooks vendor package, with these
// fields:
//
//	Rule  string // the validator tag, such as "required" or "max"
//	Param string // the tag's parameter, such as "100"; may be empty
type FieldError = webhook.FieldError
