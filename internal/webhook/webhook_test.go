package webhook_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/lmshooks/lmshooks/internal/golden" // registers -update for go test ./... -update
	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/internal/wire"
)

func TestCheckMediaType(t *testing.T) {
	accepted := []string{"", "  ", "application/json", "Application/JSON", "application/json; charset=utf-8",
		"application/cloudevents+json", "application/vnd.api+json; v=2"}
	for _, ct := range accepted {
		assert.NoError(t, webhook.CheckMediaType(ct), ct)
	}
	refused := []string{"text/plain", "application/xml", "application/jsonx", "text/json+json",
		"multipart/form-data; boundary=x", "application/json; =", "application/+json"}
	for _, ct := range refused {
		assert.ErrorIs(t, webhook.CheckMediaType(ct), webhook.ErrUnsupportedMediaType, ct)
	}
	assert.NoError(t, webhook.CheckMediaType("text/xml; charset=utf-8", "application/xml", "text/xml"))
}

func TestCheckContentEncoding(t *testing.T) {
	header := func(values ...string) http.Header { return http.Header{"Content-Encoding": values} }
	for _, h := range []http.Header{{}, header(""), header("identity"), header("IDENTITY"), header(" identity , identity"), header("identity", "")} {
		assert.NoError(t, webhook.CheckContentEncoding(h), h)
	}
	for _, h := range []http.Header{header("gzip"), header("x-gzip"), header("identity,gzip"), header("identity", "br"), header("compress")} {
		err := webhook.CheckContentEncoding(h)
		assert.ErrorIs(t, err, webhook.ErrUnsupportedMediaType, h)
		assert.ErrorContains(t, err, "Content-Encoding", h)
	}
	long := webhook.CheckContentEncoding(header(strings.Repeat("z", 10_000)))
	assert.Less(t, len(long.Error()), 200, "the error quotes at most a short part of what was sent")
}

func TestStatusFor(t *testing.T) {
	tests := map[error]int{
		webhook.ErrMethodNotAllowed:     http.StatusMethodNotAllowed,
		webhook.ErrUnsupportedMediaType: http.StatusUnsupportedMediaType,
		webhook.ErrTooLarge:             http.StatusRequestEntityTooLarge,
		webhook.ErrUnauthorized:         http.StatusUnauthorized,
		webhook.ErrMalformed:            http.StatusBadRequest,
		webhook.ErrInvalid:              http.StatusBadRequest,
		webhook.ErrNoEventType:          http.StatusBadRequest,
		errors.New("disk full"):         http.StatusInternalServerError,
		&webhook.ParseError{Vendor: "x", Kind: webhook.ErrInvalid}: http.StatusBadRequest,
	}
	for err, status := range tests {
		assert.Equal(t, status, webhook.StatusFor(err), err.Error())
	}
}

func TestErrorBodyHidesSecretsAndInternals(t *testing.T) {
	unauthorized := &webhook.ParseError{Vendor: "learnink", Kind: webhook.ErrUnauthorized, Cause: errors.New("expected v1,SECRETSIG")}
	assert.JSONEq(t, `{"error":"unauthorized"}`, webhook.ErrorBody(unauthorized))
	assert.JSONEq(t, `{"error":"internal error"}`, webhook.ErrorBody(errors.New("dsn postgres://user:pw@db")))
	invalid := &webhook.ParseError{Vendor: "mcg", Event: "course_answer", Field: "uniqueId", Kind: webhook.ErrInvalid, Cause: &webhook.FieldError{Rule: "required"}}
	assert.JSONEq(t, `{"error":"mcg course_answer: invalid event: field uniqueId: is required"}`, webhook.ErrorBody(invalid))
}

func TestParseErrorUnwrap(t *testing.T) {
	cause := &json.SyntaxError{Offset: 7}
	err := error(&webhook.ParseError{Vendor: "mcg", Kind: webhook.ErrMalformed, Cause: cause, Offset: 7})
	assert.ErrorIs(t, err, webhook.ErrMalformed)
	assert.NotErrorIs(t, err, webhook.ErrInvalid)
	var syntax *json.SyntaxError
	require.ErrorAs(t, err, &syntax)
	assert.Same(t, cause, syntax)
	assert.Contains(t, err.Error(), "at byte 7")
}

type sample struct {
	Name  string    `json:"name" validate:"required"`
	ID    wire.ID   `json:"id" validate:"required"`
	When  wire.Time `json:"when" validate:"required"`
	Inner struct {
		Score float64 `json:"score" validate:"min=0,max=100"`
	} `json:"inner"`
}

func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		body  string
		kind  error
		field string
	}{
		{`{"name":"n","id":1,"when":"2026-01-01T00:00:00Z"}`, nil, ""},
		{`{"id":1,"when":"2026-01-01T00:00:00Z"}`, webhook.ErrInvalid, "name"},
		{`{"name":"n","id":"","when":"2026-01-01T00:00:00Z"}`, webhook.ErrInvalid, "id"},
		{`{"name":"n","id":1}`, webhook.ErrInvalid, "when"},
		{`{"name":"n","id":1,"when":"2026-01-01T00:00:00Z","inner":{"score":101}}`, webhook.ErrInvalid, "inner.score"},
		{`{"name":"n","id":1,"when":"2026-01-01T00:00:00Z","inner":{"score":"high"}}`, webhook.ErrMalformed, "inner.score"},
		{`{"name":5}`, webhook.ErrMalformed, "name"},
		{`{"name":"n"`, webhook.ErrMalformed, ""},
	}
	for _, tt := range tests {
		var v sample
		err := webhook.DecodeJSON("v", "e", []byte(tt.body), &v)
		if tt.kind == nil {
			assert.NoError(t, err, tt.body)
			continue
		}
		assert.ErrorIs(t, err, tt.kind, tt.body)
		var pe *webhook.ParseError
		require.ErrorAs(t, err, &pe, tt.body)
		assert.Equal(t, tt.field, pe.Field, tt.body)
	}
}
