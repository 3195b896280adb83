package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
	"unicode/utf8"
)

var errInvalidUTF8 = errors.New("body is not valid UTF-8")

// DefaultMaxBodyBytes is the body size limit of a handler that sets none.
const DefaultMaxBodyBytes int64 = 4 << 20

// Handler serves one vendor's deliveries: it checks the method, the media
// type, the content coding and (optionally) the credentials, reads the body
// up to a limit, parses it into an E and hands that to Deliver. It answers
// 2xx only after Deliver returned nil.
type Handler[E any] struct {
	// Vendor names the vendor in logs and errors, such as "mcg".
	Vendor string
	// MaxBodyBytes limits the body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Logger receives one line per rejected or failed delivery; nil means
	// slog.Default().
	Logger *slog.Logger
	// MediaTypes are accepted besides JSON (application/json,
	// application/*+json, or no Content-Type at all).
	MediaTypes []string
	// Authenticate, when set, runs before the body is read. An error answers
	// 401 with Challenge as the WWW-Authenticate header.
	Authenticate func(*http.Request) error
	// Challenge is the WWW-Authenticate header value sent with a 401.
	Challenge string
	// Broken, when set, is the handler's configuration error (an empty
	// password, a secret that does not decode): every delivery is answered
	// 500 after the method and header checks, without reading its body (and
	// logged at WARN; LogBroken logs the mistake once at ERROR), so that a
	// mistake never accepts what it should check.
	Broken error
	// Parse turns the request's header and body into an event: the
	// vendor's ParseRequest, with the configuration built once. Its
	// *ParseError kinds choose the status: ErrUnauthorized 401, any other
	// 400.
	Parse func(header http.Header, body []byte) (E, error)
	// Deliver is the user's callback. An error or a panic answers 500 so
	// that the vendor retries.
	Deliver func(ctx context.Context, event E) error
}

// ServeHTTP implements http.Handler.
func (h *Handler[E]) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	received := time.Now()
	event, body, err := h.receive(w, r)
	if err != nil {
		h.reject(w, r, err)
		return
	}
	ctx := withRequest(r.Context(), &Request{Header: r.Header, Body: body, ReceivedAt: received})
	if err := h.deliver(ctx, event); err != nil {
		if errors.Is(err, ErrRetryLater) {
			h.retryLater(w, r, err)
			return
		}
		h.logger().ErrorContext(r.Context(), "webhook callback failed", "vendor", h.Vendor, "error", err)
		RecordOutcome(r.Context(), h.Vendor, http.StatusInternalServerError, errors.Join(ErrCallback, err))
		writeJSON(w, http.StatusInternalServerError, `{"error":"internal error"}`)
		return
	}
	RecordOutcome(r.Context(), h.Vendor, http.StatusOK, nil)
	writeJSON(w, http.StatusOK, `{"status":"ok"}`)
}

// retryLater answers a callback that asked for the event later (an error
// matching ErrRetryLater): 503 with Retry-After, logged at WARN (the
// callback says why; the vendor will send the event again).
func (h *Handler[E]) retryLater(w http.ResponseWriter, r *http.Request, err error) {
	h.logger().WarnContext(r.Context(), "webhook callback asked for a retry later", "vendor", h.Vendor, "error", err)
	RecordOutcome(r.Context(), h.Vendor, http.StatusServiceUnavailable, errors.Join(ErrCallback, err))
	w.Header().Set("Retry-After", retryLaterSeconds)
	writeJSON(w, http.StatusServiceUnavailable, `{"error":"temporarily unavailable, retry later"}`)
}

// retryLaterSeconds is the Retry-After of a callback's ErrRetryLater: what
// it waits for (room in a store, a service coming back) takes longer than
// bytes in flight do.
const retryLaterSeconds = "60"

// receive runs every check up to and including Parse, and returns the
// event and the body it was parsed from.
func (h *Handler[E]) receive(w http.ResponseWriter, r *http.Request) (E, []byte, error) {
	var zero E
	if r.Method != http.MethodPost {
		return zero, nil, ErrMethodNotAllowed
	}
	if err := CheckHeader(r.Header, h.MediaTypes...); err != nil {
		return zero, nil, err
	}
	if h.Broken != nil {
		return zero, nil, &misconfigured{h.Broken}
	}
	if h.Authenticate != nil {
		if err := h.Authenticate(r); err != nil {
			return zero, nil, &ParseError{Vendor: h.Vendor, Kind: ErrUnauthorized, Cause: err}
		}
	}
	body, err := ReadBody(w, r, h.maxBodyBytes())
	if err != nil {
		return zero, nil, err
	}
	// encoding/json would quietly replace invalid UTF-8 in strings, and an
	// unknown event's raw body would carry it on into canonical data.
	if !utf8.Valid(body) {
		return zero, nil, &ParseError{Vendor: h.Vendor, Kind: ErrMalformed, Cause: errInvalidUTF8}
	}
	event, err := h.Parse(r.Header, body)
	return event, body, err
}

// deliver calls Deliver, turning a panic into an error.
func (h *Handler[E]) deliver(ctx context.Context, event E) (err error) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			err = fmt.Errorf("callback panicked: %v\n%s", v, debug.Stack())
		}
	}()
	return h.Deliver(ctx, event)
}

// misconfigured carries a Handler's Broken error: our side failed, so 500.
type misconfigured struct{ err error }

func (m *misconfigured) Error() string { return "misconfigured: " + m.err.Error() }
func (m *misconfigured) Unwrap() error { return m.err }

// reject answers a request that failed before the callback.
func (h *Handler[E]) reject(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusFor(err)
	RecordOutcome(r.Context(), h.Vendor, status, err)
	switch status {
	case http.StatusMethodNotAllowed:
		if w.Header().Get("Allow") == "" { // CORS allows OPTIONS too
			w.Header().Set("Allow", http.MethodPost)
		}
	case http.StatusUnauthorized:
		if h.Challenge != "" {
			w.Header().Set("WWW-Authenticate", h.Challenge)
		}
	}
	var broken *misconfigured
	if errors.As(err, &broken) {
		// LogBroken said it at ERROR once; each refusal is a warning.
		h.logger().WarnContext(r.Context(), "webhook refused: handler misconfigured", "vendor", h.Vendor, "status", status, "error", broken.err)
		writeJSON(w, status, `{"error":"internal error"}`)
		return
	}
	h.logger().InfoContext(r.Context(), "webhook rejected", "vendor", h.Vendor, "status", status, "error", err)
	if status == http.StatusServiceUnavailable {
		WriteBusy(w, r, h.maxBodyBytes(), err)
		return
	}
	WriteError(w, status, err)
}

func (h *Handler[E]) maxBodyBytes() int64 {
	if h.MaxBodyBytes > 0 {
		return h.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}

func (h *Handler[E]) logger() *slog.Logger {
	if h.Logger != nil {
		return h.Logger
	}
	return slog.Default()
}

// ReadBody reads the request body, stopping at limit bytes. A larger body is
// ErrTooLarge; a body that cannot be read is ErrMalformed. Under an
// Inflight (see Inflight.Wrap) it first reserves the body's bytes, and a
// request that finds no room in time is ErrBusy.
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, fmt.Errorf("%w: %d bytes declared, limit %d", ErrTooLarge, r.ContentLength, limit)
	}
	if body, ok := replayed(r.Body); ok {
		// Read already, under the reservation of the handler that read it.
		if int64(len(body)) > limit {
			return nil, fmt.Errorf("%w: limit %d bytes", ErrTooLarge, limit)
		}
		return body, nil
	}
	var reader io.Reader = http.MaxBytesReader(w, r.Body, limit)
	if res := reservationFrom(r.Context()); res != nil {
		declared := max(r.ContentLength, 0)
		if err := res.reserve(r.Context(), declared); err != nil {
			return nil, err
		}
		reader = &reservingReader{ctx: r.Context(), r: reader, res: res, declared: r.ContentLength > 0, reserved: declared}
	}
	body, err := readAll(reader, r.ContentLength)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%w: limit %d bytes", ErrTooLarge, limit)
	case errors.Is(err, ErrBusy):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%w: reading body: %v", ErrMalformed, err)
	}
	return body, nil
}

// LogBroken logs once, at ERROR, that a vendor's handler is built with a
// configuration error and will answer every delivery 500 (see Broken). It
// does nothing for a nil err.
func LogBroken(logger *slog.Logger, vendor string, err error) {
	if err == nil {
		return
	}
	if logger == nil {
		logger = slog.Default()
	}
	logger.Error(vendor+" handler will answer every delivery 500", "vendor", vendor, "error", err)
}
