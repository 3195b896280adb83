package webhook

import (
	"encoding/json"
	"errors"
	"net/http"
)

// StatusFor maps an error to the HTTP status a handler answers with:
// 4xx for what the sender must fix, 500 for anything else (so it retries).
func StatusFor(err error) int {
	switch {
	case errors.Is(err, ErrMethodNotAllowed):
		return http.StatusMethodNotAllowed
	case errors.Is(err, ErrUnsupportedMediaType):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, ErrBusy):
		return http.StatusServiceUnavailable
	case errors.Is(err, ErrMalformed), errors.Is(err, ErrInvalid), errors.Is(err, ErrNoEventType):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// ErrorBody is the JSON body answering a rejected request. An authentication
// failure says only "unauthorized", so that nothing about the credentials or
// the expected signature leaks; a busy server says it is busy; any other
// server-side failure says only "internal error".
func ErrorBody(err error) string { return errorBody(StatusFor(err), err) }

func errorBody(status int, err error) string {
	msg := err.Error()
	switch {
	case status == http.StatusUnauthorized:
		msg = ErrUnauthorized.Error()
	case status == http.StatusServiceUnavailable:
		msg = ErrBusy.Error()
	case status >= 500:
		msg = "internal error"
	}
	b, _ := json.Marshal(struct {
		Error string `json:"error"`
	}{msg})
	return string(b)
}

// WriteError answers a rejected request with status and a JSON body
// {"error": "..."} that, as ErrorBody's, says only "unauthorized" for a 401,
// that the server is busy for a 503 (with Retry-After) and "internal
// error" for any other 5xx.
func WriteError(w http.ResponseWriter, status int, err error) {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", retryAfterSeconds)
	}
	writeJSON(w, status, errorBody(status, err))
}

// retryAfterSeconds is the Retry-After of a 503: bytes in flight are given
// back as requests finish, within about a second.
const retryAfterSeconds = "1"

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
