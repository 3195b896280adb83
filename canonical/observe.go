package canonical

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Observation is how one request to a handler of this package (Handler,
// DeliveryHandler, VendorHandler) or of a vendor package was answered, for
// logs and metrics (see Observe).
type Observation struct {
	// Vendor is the vendor that answered; empty when the shared endpoint
	// answered before telling the vendor (a body no rule claims, a GET).
	Vendor Vendor
	// Status is the HTTP status answered.
	Status int
	// ErrorKind names why a request was not accepted (see ErrorKind);
	// empty for a 2xx.
	ErrorKind string
	// Err is that error; nil for a 2xx. Its text may quote a header name
	// but never a credential, signature or body.
	Err error
	// Duration is from the request's arrival at Observe to the answer.
	Duration time.Duration
	// BodyBytes counts the body bytes the handlers read.
	BodyBytes int64
}

// Observe returns h with fn told how each request was answered, after the
// answer. ctx is the request's context, so that fn can find what the
// callback put there. A request h does not answer through a handler of
// lmshooks (a route of your own) is observed with Status 0.
func Observe(h http.Handler, fn func(ctx context.Context, o Observation)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		var outcome webhook.Outcome
		r = r.WithContext(webhook.WithOutcome(r.Context(), &outcome))
		body := &countingBody{ReadCloser: r.Body}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = body
		}
		h.ServeHTTP(w, r)
		fn(r.Context(), Observation{
			Vendor:    Vendor(outcome.Vendor),
			Status:    outcome.Status,
			ErrorKind: ErrorKind(outcome.Err),
			Err:       outcome.Err,
			Duration:  time.Since(start),
			BodyBytes: body.n,
		})
	})
}

// countingBody counts the bytes read from a request body.
type countingBody struct {
	io.ReadCloser
	n int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	return n, err
}

// errorKinds name the error kinds, in the order ErrorKind tries them.
var errorKinds = []struct {
	err  error
	name string
}{
	{webhook.ErrRetryLater, "retry_later"},
	{webhook.ErrCallback, "callback"},
	{webhook.ErrUnauthorized, "unauthorized"},
	{webhook.ErrMalformed, "malformed"},
	{ErrUndetectable, "undetectable"},
	{webhook.ErrInvalid, "invalid"},
	{webhook.ErrNoEventType, "no_event_type"},
	{webhook.ErrTooLarge, "too_large"},
	{webhook.ErrUnsupportedMediaType, "unsupported_media_type"},
	{webhook.ErrMethodNotAllowed, "method_not_allowed"},
	{webhook.ErrBusy, "busy"},
}

// ErrorKind names the kind of an error a handler answered with, a short
// word fit for a metric label: retry_later (the callback returned an
// error matching ErrRetryLater), callback (the callback failed or
// panicked), misconfigured (the handler's own configuration is wrong),
// undetectable, unauthorized, malformed, invalid, no_event_type,
// too_large, unsupported_media_type, method_not_allowed, busy, or other.
// It is empty for a nil err.
func ErrorKind(err error) string {
	if err == nil {
		return ""
	}
	if webhook.IsMisconfigured(err) {
		return "misconfigured"
	}
	for _, k := range errorKinds {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}

// Held returns the body bytes the requests under l hold now, for a gauge.
func (l *InflightLimit) Held() int64 {
	return l.limit.Held()
}
